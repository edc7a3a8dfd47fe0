"""The map's 8-bit tables in a picture: which rounding it holds, and the pixels that
hold none.

Writers turn a map's float table into bytes in different ways (``U8``; measured in
``benchmarks/round3``): ``cmap(x, bytes=True)`` truncates, Agg paints figure faces
(pcolormesh, contourf ...) rounded half up, ``np.round`` and ``img_as_ubyte`` round
half to even. :func:`byte_tables` makes each, :func:`table_kind` tells which one a
picture is made of.

On a sharp exact render (``_exact.exact_render``: imshow or imsave of a field,
nothing resampled) every data pixel is a table entry and what was drawn over it is
off the map -- but not always its antialiased edges. Where the map itself runs in a
straight line from the stroke's color, a blend of the stroke and the field under
it lies on the map's polyline between two entries: black over jet's blues
``(0, 0, b)`` and reds ``(r, 0, 0)``, over the dark ends of magma, hot and turbo;
white over the pale middles of bwr and seismic. Such an edge decodes to a value
that is not the field's (a dark blue edge of black text on jet reads as a low
value). ``_resampled.unmixed`` flags a sharp render's neighbours of off-map pixels
that are past the threshold from the polyline; these are on it. They are no table
entry, though: :func:`flag_edges` sets the pixels touching an off-map pixel that
are no entry of the table the picture holds (truncated or rounded bytes, as
:func:`table_kind` found) to NaN, and the ones touching those, EDGE_RINGS deep.
Measured on matplotlib's black text and lines over a photograph (``imshow``,
``savefig`` PNG; ``tests/color/test_decolorize_edges.py``), share of the pixels
they change by 10 DN or more flagged: jet 0.90 -> 0.98, hot 0.70 -> 0.88, seismic
0.73 -> 0.89, the field's own pixels untouched. What stays is the edges that happen
to be table entries: telling those from the field beside a stroke (a blend test
against neighbours) lost as many data pixels as it found.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from truepix.color._decolorize import _degraded as degraded

__all__ = [
    "EDGE_RINGS", "U8", "byte_tables", "distinct_colors", "distinct_kinds", "flag_edges",
    "flag_strokes", "gray_ends", "gray_like", "shared_ambiguous", "table_keys", "table_kind",
    "table_share",
]  # fmt: skip

#: The 8-bit table kinds, in order of preference, by how the float table ``lut`` went
#: to bytes: "u8" truncated, ``(lut * 255).astype(np.uint8)`` (``cmap(x, bytes=True)``,
#: ``plt.imsave``); "u8r" rounded half up, ``floor(lut * 255 + 0.5)`` (Agg's figure faces,
#: MATLAB); "u8e" rounded half to even, ``np.round(lut * 255)`` (``np.round``, ``np.rint``,
#: ``skimage.util.img_as_ubyte``, ``cv2.imwrite`` of floats); "u8f" the same in float32
#: (``cv2.convertScaleAbs``, a float32 picture through ``img_as_ubyte``). Only maps with
#: channels at exactly k + 0.5 DN (jet, winter, bone ...) tell "u8e" from "u8r".
U8 = ("u8", "u8r", "u8e", "u8f")


def byte_tables(entry: Any, *, rounded_only: bool = False) -> dict[str, np.ndarray]:
    """The (N, 3) uint8 tables of a catalog ``entry``, by kind (:data:`U8`); with
    ``rounded_only`` (a translucent map's blends, rounded by Agg) "u8" and "u8r" only.

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> made = byte_tables(get("jet"))
    >>> [made[kind][32, 1].item() for kind in U8]  # jet's green at 0.5 DN
    [0, 1, 0, 0]
    >>> [made[kind][22, 2].item() for kind in U8]  # its blue at 227.49999999999997
    [227, 227, 227, 228]
    """
    made = {"u8": entry.lut_bytes[:, :3], "u8r": entry.lut_rounded[:, :3]}
    if not rounded_only:
        lut = np.asarray(entry.lut[:, :3])
        made["u8e"] = np.round(lut * 255.0)
        made["u8f"] = np.round(lut.astype(np.float32) * np.float32(255.0))
    return {
        kind: np.ascontiguousarray(np.clip(table, 0, 255).astype(np.uint8))
        for kind, table in made.items()
    }


def distinct_kinds(made: dict[str, np.ndarray]) -> tuple[str, ...]:
    """The kinds of :func:`byte_tables`' ``made`` whose table no kind before holds.

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> distinct_kinds(byte_tables(get("jet"))), distinct_kinds(byte_tables(get("viridis")))
    (('u8', 'u8r', 'u8e', 'u8f'), ('u8', 'u8r'))
    """
    kinds: list[str] = []
    for kind, table in made.items():
        if not any(np.array_equal(table, made[other]) for other in kinds):
            kinds.append(kind)
    return tuple(kinds)


#: How many rings of no-table pixels around an off-map pixel are its antialiased
#: edge: matplotlib's and Pillow's text and lines fade over one or two pixels.
EDGE_RINGS = 2


def gray_like(lut_bytes: np.ndarray) -> bool:
    """Whether a map's (N, 3|4) 8-bit colors are grays (channels within 1 DN).

    Examples
    --------
    >>> gray_like(np.array([[0, 0, 1, 255], [9, 9, 9, 255]])), gray_like(np.array([[0, 0, 9]]))
    (True, False)
    """
    rgb = lut_bytes[:, :3].astype(np.int16)
    return bool(np.all(rgb.max(axis=1) - rgb.min(axis=1) <= 1))


def _keys(rgb: np.ndarray) -> np.ndarray:
    """One int64 per 8-bit color of ``rgb`` (..., 3)."""
    rgb = rgb.astype(np.int64)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def distinct_colors(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct colors of (N, 3) 8-bit ``rgb`` (int32, in key order) and how many
    times each occurs (float64): one integer key per color (``np.unique`` over rows
    sorts far slower).

    Examples
    --------
    >>> colors, counts = distinct_colors(np.array([[1, 2, 3], [0, 0, 9], [1, 2, 3]]))
    >>> colors.tolist(), counts.tolist()
    ([[0, 0, 9], [1, 2, 3]], [1.0, 2.0])
    """
    keys, counts = np.unique(_keys(rgb), return_counts=True)
    colors = np.stack([keys >> 16, (keys >> 8) & 255, keys & 255], axis=1)
    return colors.astype(np.int32), counts.astype(np.float64)


def table_keys(*tables: np.ndarray) -> tuple[np.ndarray, ...]:
    """Sorted unique keys of each (N, 3) uint8 table (truncated, rounded ...)."""
    return tuple(np.unique(_keys(table)) for table in tables)


#: Colors (evenly spaced) :func:`table_share` counts.
SHARE_SAMPLE = 8192


def table_share(rgb: np.ndarray, keys: tuple[np.ndarray, ...]) -> float:
    """Share of the (N, 3|4) 8-bit colors ``rgb`` that are entries of the table (of the
    sorted ``keys``, :func:`table_keys`) holding most of them; 1 for no colors.

    Examples
    --------
    >>> table_share(np.array([[0, 0, 9], [1, 2, 3]]), (np.array([9]), np.array([258])))
    0.5
    """
    if len(rgb) == 0:
        return 1.0
    # an even sample of SHARE_SAMPLE colors says a share to +-0.01, and a binary search
    # of each table's keys beats np.isin's sort of both (28 ms -> ~0.3 ms a 1 MP plan)
    found = _keys(rgb[:: max(1, len(rgb) // SHARE_SAMPLE), :3])
    return max(float(np.mean(_member(table, found, rgb.dtype == np.uint8))) for table in keys)


def _member(table: np.ndarray, found: np.ndarray, bytes_: bool) -> np.ndarray:
    """Whether each key of ``found`` is one of the sorted ``table``'s: read from the
    table's bitmap of every 8-bit color (:func:`_bitmap`) for keys of ``bytes_`` (uint8
    colors); else a binary search. (A JPEG'd or exact 1 MP plan's 8-16 k keys, two
    tables: 1.2-2.6 ms searched -> ~0.15 read, the same bools.)"""
    if bytes_ and len(table) and 0 <= table[0] and table[-1] < 1 << 24:
        bits = _bitmap(table.tobytes())
        return ((bits[found >> 3] >> (found & 7).astype(np.uint8)) & 1).view(bool)
    at = np.minimum(np.searchsorted(table, found), len(table) - 1)
    return table[at] == found


@functools.lru_cache(maxsize=8)
def _bitmap(table: bytes) -> np.ndarray:
    """A bit per 8-bit color key (2 MiB, read-only): set where the int64 keys
    ``table`` (bytes) hold it. Made once per table (a decoder's two or three)."""
    keys = np.frombuffer(table, dtype=np.int64)
    bits = np.zeros(1 << 21, dtype=np.uint8)
    np.bitwise_or.at(bits, keys >> 3, np.left_shift(1, keys & 7).astype(np.uint8))
    bits.flags.writeable = False
    return bits


def table_kind(
    pixels: np.ndarray, keys: tuple[np.ndarray, ...], kinds: tuple[str, ...] = ("u8", "u8r")
) -> str:
    """Which of the tables (sorted ``keys`` of each of ``kinds``, the first the
    truncated one) holds most of the picture's colors, counted on a sample of 4096
    pixels; a later kind only past the first's count and a quarter of the sample."""
    flat = pixels.reshape(-1, pixels.shape[-1])
    sample = _keys(flat[:: max(1, len(flat) // 4096), :3])  # a majority vote
    # (each table's keys are distinct: the sample's keys it holds, counted)
    counts = [int(np.count_nonzero(_member(t, sample, flat.dtype == np.uint8))) for t in keys]
    # only a picture mostly of another table's colors: noise matches any at random
    best, most = kinds[0], max(counts[0], len(sample) // 4)
    for kind, count in zip(kinds[1:], counts[1:]):
        if count > most:
            best, most = kind, count
    return best


def flag_strokes(
    values: np.ndarray, pixels: np.ndarray, decoder: Any, kind: str, plan: Any
) -> None:
    """Set to NaN, in place, what was drawn over a sharp render beyond the pixels off the
    map: their antialiased edges (:func:`flag_edges`) and, on a picture no JPEG touched,
    strokes in the map's own colors (``_near_strokes``) and on its entries
    (``_ink_entries``: inks at a gray end of the table, blends on its straight
    stretches; ``_ink_valleys``: black and white strokes whose every pixel is an entry,
    by their shape; ``_ink_rings``: a black or white stroke's blends that are entries,
    read against the field around), imported only here; then the blends of two or three
    cells' colors where faces meet (``_cell_edges``: hexbin) are data again, away from
    what those ink rules flagged.
    ``kind``: the table the picture holds."""
    keys = table_keys(decoder._bytes[kind])[0]
    flag_edges(values, pixels, keys, subsampled=plan.jpeg and plan.subsampled)
    if not plan.jpeg:
        from truepix.color._decolorize._cell_edges import fill_cell_edges
        from truepix.color._decolorize._ink_entries import flag_ink_entries
        from truepix.color._decolorize._ink_rings import flag_ink_rings
        from truepix.color._decolorize._ink_valleys import flag_ink_valleys
        from truepix.color._decolorize._near_strokes import flag_near_strokes

        flag_near_strokes(values, pixels, keys)
        drawn = np.isnan(values)
        colors = decoder._bytes[kind]
        flag_ink_entries(values, pixels, keys, gray_ends(colors), plan.fills)
        flag_ink_valleys(values, pixels)
        flag_ink_rings(values, pixels)
        fill_cell_edges(values, pixels, plan.threshold, np.isnan(values) & ~drawn, colors)


#: An end of a map within this (DN) of a gray is an ink's color (black, white, gray).
GRAY_END = 8


def gray_ends(colors: np.ndarray) -> np.ndarray:
    """The first and last of a table's (N, 3) 8-bit ``colors`` that are grays (channels
    within GRAY_END DN), (0-2, 3).

    Examples
    --------
    >>> gray_ends(np.array([[10, 0, 0], [128, 0, 0], [255, 255, 255]])).tolist()
    [[255, 255, 255]]
    """
    ends = np.asarray(colors)[[0, -1], :3].astype(np.int16)
    gray = ends.max(axis=1) - ends.min(axis=1) <= GRAY_END
    return ends[gray].astype(np.uint8)


def flag_edges(
    values: np.ndarray, pixels: np.ndarray, keys: np.ndarray, *, subsampled: bool = False
) -> None:
    """Set to NaN, in place, the antialiased edges of what was drawn over a sharp render.

    Parameters
    ----------
    values : (H, W) float64
        Decoded values; NaN: off the map (or transparent).
    pixels : (H, W, 3|4) uint8
        The picture.
    keys : ndarray
        Sorted keys of the table the picture holds (one of :func:`table_keys`).
    subsampled : bool
        A 4:2:0 JPEG'd picture (a sharp one holds a map of grays): JPEG's bleed of
        the strokes' chroma (``_bleed.gray_bleed``) is no edge.
    """
    if values.ndim != 2:
        return
    nan = np.isnan(values).reshape(-1)
    if pixels.shape[-1] == 4:  # a transparent pixel is no stroke
        nan_opaque = nan & (pixels[..., 3] == 255).reshape(-1)
    else:
        nan_opaque = nan
    cores = np.flatnonzero(nan_opaque)
    height, width = values.shape
    flat = pixels.reshape(-1, pixels.shape[-1])
    bleed = None
    if subsampled and cores.size:
        from truepix.color._decolorize._bleed import gray_bleed  # (imports _plan)

        bleed = gray_bleed(flat, cores, width, EDGE_RINGS + 1)
    for _ in range(EDGE_RINGS):
        if not cores.size:
            return
        touching = np.zeros(nan.size, dtype=bool)
        degraded.near(cores, width, height, 1, touching)
        ring = np.flatnonzero(touching & ~nan if bleed is None else touching & ~nan & ~bleed)
        cores = ring[~np.isin(_keys(flat[ring, :3]), keys)]  # the next ring's cores
        values.put(cores, np.nan)
        nan[cores] = True


def shared_ambiguous(
    decoder: Any, ambiguous: np.ndarray, position: np.ndarray, residual: Any, kind: str,
    zone: np.ndarray | None = None, unsure: np.ndarray | None = None, exact: bool = False,
) -> np.ndarray:  # fmt: skip
    """Also ambiguous: pixels of a color several table entries share (jet's blues,
    gray's repeats, a run across a cyclic map's seam, a map folding back onto
    itself, a translucent map's blends that round alike). A run of equal entries
    comes back in the middle of its bins, a color of runs apart in the middle of their
    union (``_palette.shared_middles``); the answer each shared color gets is found by
    decoding the color itself (``decoder._codes``). Near a cyclic map's seam (``zone``)
    the seam's rule places the pixel (``position``: the colors' own answers, before it):
    ambiguous there where its color is shared all the same, or where nothing told the
    side (``unsure``, ``_seam``), not for a near tie the seam settled. On an ``exact``
    8-bit render (sharp, not JPEG'd) a pixel on a table color is that color's entries:
    ambiguous only when they are several, not for a color a DN from another part of
    the map (jet's (0, 0, 254), entry 28 alone, beside entries 29-32's (0, 0, 255)).
    (Float tables' colors a rounding apart stay ambiguous by the tolerance.)"""
    if exact and kind in U8:
        ambiguous = ambiguous & (np.asarray(residual) != 0)
    found = _shared(decoder, ambiguous, position, residual, kind)
    if zone is None:
        return found
    shared = _shared(decoder, np.zeros_like(ambiguous), position, residual, kind)
    return np.where(zone, shared | unsure, found)


def _shared(
    decoder: Any, ambiguous: np.ndarray, position: np.ndarray, residual: Any, kind: str
) -> np.ndarray:
    from truepix.color._decolorize import _kernels as kernels

    entry = decoder._map
    if kind in U8:
        colors = decoder._bytes[kind]
        scale = 1.0
    else:
        colors, scale = entry.lut[:, :3], 255.0
    unique, counts = np.unique(colors, axis=0, return_counts=True)
    shared = np.ascontiguousarray(unique[counts > 1])
    if len(shared) == 0:
        return ambiguous
    answers = decoder._codes(shared, kind, scale, "rgb") & kernels.POS_MASK
    on_table = np.asarray(residual) == 0
    with np.errstate(invalid="ignore"):
        codes = np.rint(np.nan_to_num(position, nan=-1.0) * kernels.POS_SCALE)
    return ambiguous | (on_table & np.isin(codes, answers.astype(np.float64)))
