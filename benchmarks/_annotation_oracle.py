"""The best any decoder could do on ``colormaps.py``'s annotated pictures: an ink oracle.

``colormaps.flags`` counts, on ``annotated()``'s picture (Pillow lines 1-3 px and text in
the inks the map lacks, two margins, an alpha-0 box, 1 % bad pixels; 300 x 400) saved as
JPEG q75 4:2:0, the share of its non-colormap pixels (the "mask") the default call
flags NaN. This script asks how much of that mask the JPEG'd picture still shows as ink.

The oracle knows what no decoder knows: the same field JPEG'd the same way without the
overlay (``field_jpeg``) and each pixel's true ink and coverage (the picture redrawn one
stroke at a time). Per pixel, the ink fraction is

    a = <picture_jpeg - field_jpeg, ink - field_jpeg> / |ink - field_jpeg|^2,

in RGB and in YCbCr (JPEG's BT.601 matrix; luma counts as much as chroma there, where RGB
weighs it 3x). A map pixel's "ink" is that of its nearest overlay pixel. Flagging
``a >= 0.5`` (plus alpha 0, which any decoder reads) is the best symmetric classifier of
"more ink than field": the table gives its share of the mask ("oracle flagged", to be set
beside ``flags``' number) and of the map pixels ("spill": map pixels JPEG pushed at least
half way to the ink, which such an oracle would lose). ``coverage >= 0.5``: the mask
pixels that are mostly ink before any JPEG (antialiased text's fringe is not).

Run: ``python benchmarks/_annotation_oracle.py [--maps a,b] [--decoder] [--parts a,b]``.
By default the 12 maps, oracle only (seconds); ``--decoder`` adds the default
``Decolorizer.values``'s flags and where they and the oracle disagree (minutes on a fresh
checkout: numba compiles); ``--parts`` (maps) prints, per kind of overlay pixel (line
width, text, margin; ink; edge or core), the oracle's and (with ``--decoder``) the
decoder's flagged share.

Measured (ae477181, hard edges q75; mask % with a >= 0.5, RGB / the decoder's flagged %):
magma 88.96 / 92.12, viridis 89.53 / 95.44, gray 85.05 / 96.88, cmocean:thermal 91.23 /
95.76, colorcet:fire 89.98 / 99.65, jet 94.41 / 98.24, twilight 93.74 / 96.41, RdBu_r 95.03
/ 92.81, Spectral 95.11 / 93.19; a >= 0.3 takes 94.4-99.5 % but 3.1-8.7 % of the map
pixels. Antialiased: 4.2 % of the mask (text fringe) has coverage < 0.5 before JPEG,
and the 4:4:4 JPEG's oracle is 94.7-95.9 % on every map (4:2:0: 81.9-93.2 %). The
decoder already flags more than the a >= 0.5 oracle on 10 of 12 maps, by flagging mostly
field pixels beside strokes (magma: 92 % of its 10.44 % lost map pixels have a < 0.5).
Its misses where a >= 0.5 (magma 4.4, RdBu_r 5.6, Spectral 4.35 % of the mask) are inks
near map colors (magenta on magma, white on RdBu_r / Spectral) and 1 px lines. ``--rule``
(the decoder's flags grown where a, against the field estimated from the unflagged pixels
2-4 px from the flags and a learnt ink, is >= 0.5) adds about as many map pixels as
overlay pixels (overlay / map: magma +586 / +655, RdBu_r +870 / +1216, Spectral +765 /
+563, viridis +554 / +841; the 8 other maps 1.3-22 times more map pixels); with each
pixel's true ink magma +728 / +432, RdBu_r +1505 / +785, Spectral +1090 / +415 (the true
palette with the ink picked from the flags around: no better than the learnt inks).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from scipy import ndimage
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).parent))

from _conditions import colormap, jpeg  # noqa: E402

MAPS = ("viridis", "jet", "turbo", "rainbow", "magma", "gray", "twilight", "coolwarm",
        "RdBu_r", "Spectral", "cmocean:thermal", "colorcet:fire")  # fmt: skip
CYCLIC = {"twilight", "twilight_shifted", "hsv"}
#: JPEG's RGB -> YCbCr (BT.601 full range; the offsets cancel in differences).
YCBCR = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
#: Overlay pixel kinds.
KINDS = ("line 1 px", "line 2 px", "line 3 px", "text", "margin", "alpha 0")
INK_NAMES = {(255, 255, 255): "white", (0, 0, 0): "black", (128, 128, 128): "gray",
             (200, 30, 120): "magenta", (40, 160, 60): "green"}  # fmt: skip


def layers(cmap, *, antialias: bool, seed: int = 5) -> dict[str, np.ndarray]:
    """``colormaps.annotated``'s picture, redrawn one stroke at a time.

    Returns the picture (RGBA), ``is_map``, the field without overlay (``clean``, RGBA),
    and per pixel: the overlay's coverage (0-1), its ink (RGB: the strokes' inks mixed
    by their shares, where two overlap), its kind (index in KINDS of the stroke that
    covers the pixel most, -1 for none). The redraw
    follows ``annotated`` step by step (same seed, same draws); ``check`` compares them.
    """
    rng = np.random.default_rng(seed)
    height, width = 300, 400
    y, x = np.mgrid[0:height, 0:width]
    data = 0.5 + 0.45 * np.sin(x / 23 + np.cos(y / 31)) * np.cos(y / 19)
    data[rng.random(data.shape) < 0.01] = np.nan
    clean = cmap(data, bytes=True)
    tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
    palette = [(255, 255, 255), (0, 0, 0), (128, 128, 128), (200, 30, 120), (40, 160, 60)]
    off_map = [c for c in palette if tree.query(c)[0] > 12]
    canvas = Image.fromarray(clean, "RGBA")
    draw = ImageDraw.Draw(canvas)
    draw.fontmode = "L" if antialias else "1"
    font = ImageFont.load_default(size=14)
    coverage = np.zeros((height, width))
    best = np.zeros((height, width))  # the weight of the stroke that covers most
    mixed = np.zeros((height, width, 3))  # the inks, premultiplied by their shares
    kind = np.full((height, width), -1)

    def add(mask_image: Image.Image, color, kind_index: int) -> None:
        nonlocal coverage, best, mixed
        m = np.asarray(mask_image, dtype=float) / 255.0
        coverage = coverage * (1 - m) + m
        mixed = mixed * (1 - m[..., None]) + m[..., None] * np.asarray(color, float)
        best = best * (1 - m)
        top = m > best
        best = np.where(top, m, best)
        kind[top] = kind_index

    for k in range(20):
        color = (*off_map[k % len(off_map)], 255)
        points = [tuple(p) for p in rng.integers(0, [width, height], (6, 2))]
        draw.line(points, fill=color, width=1 + k % 3)
        mask = Image.new("L", (width, height), 0)
        ImageDraw.Draw(mask).line(points, fill=255, width=1 + k % 3)
        add(mask, color[:3], k % 3)
        at = tuple(rng.integers(0, [width - 80, height - 20]))
        draw.text(at, "T = 25.0 K", fill=color, font=font)
        mask = Image.new("L", (width, height), 0)
        mask_draw = ImageDraw.Draw(mask)
        mask_draw.fontmode = draw.fontmode
        mask_draw.text(at, "T = 25.0 K", fill=255, font=font)
        add(mask, color[:3], 3)
    ink = mixed / np.maximum(coverage, 1e-12)[..., None]
    picture = np.asarray(canvas).copy()
    picture[:, :24] = (*off_map[0], 255)
    picture[-12:, :] = (*off_map[-1], 255)
    for region, color in (((slice(None), slice(0, 24)), off_map[0]),
                          ((slice(height - 12, None), slice(None)), off_map[-1])):  # fmt: skip
        coverage[region], ink[region], kind[region] = 1.0, color, 4
    picture[60:90, 300:360, 3] = 0
    is_map = np.all(picture == clean, axis=-1) & ~np.isnan(data)
    kind[(picture[..., 3] == 0)] = 5
    return {"picture": picture, "is_map": is_map, "clean": clean, "coverage": coverage,
            "ink": ink, "kind": kind}  # fmt: skip


def check(cmap, antialias: bool) -> float:
    """Largest RGB difference (DN) between ``annotated``'s picture and the redraw's
    ``clean * (1 - coverage) + ink * coverage`` on opaque pixels (Pillow rounds each
    stroke's blend); asserts the pictures are equal."""
    from colormaps import annotated

    redrawn = layers(cmap, antialias=antialias)
    picture, is_map = annotated(cmap, antialias=antialias)
    assert np.array_equal(picture, redrawn["picture"]) and np.array_equal(is_map, redrawn["is_map"])
    cover = redrawn["coverage"][..., None]
    model = redrawn["clean"][..., :3] * (1 - cover) + redrawn["ink"] * cover
    opaque = (picture[..., 3] == 255) & (redrawn["kind"] >= 0)
    return float(np.abs(model - picture[..., :3])[opaque].max())


def ink_fraction(picture: np.ndarray, field: np.ndarray, ink: np.ndarray, space: str) -> np.ndarray:
    """Projection of ``picture - field`` onto ``ink - field``, over ``|ink - field|^2``."""
    d = picture.astype(float) - field
    e = ink - field
    if space == "ycbcr":
        d, e = d @ YCBCR.T, e @ YCBCR.T
    return (d * e).sum(-1) / np.maximum((e * e).sum(-1), 1e-9)


def oracle(name: str, *, antialias: bool, quality: int = 75, subsampling: int = 2,
           decoder: bool = False) -> dict[str, object]:  # fmt: skip
    """The ink fractions of one annotated picture, its masks and (``decoder``) its flags."""
    cmap = colormap(name)
    layer = layers(cmap, antialias=antialias)
    picture, clean, kind = layer["picture"], layer["clean"], layer["kind"]
    squeeze = jpeg(quality, subsampling)
    picture_jpeg = squeeze(np.ascontiguousarray(picture[..., :3]), None)[0]
    field_jpeg = squeeze(np.ascontiguousarray(clean[..., :3]), None)[0].astype(float)
    overlay = ~layer["is_map"]
    alpha0 = picture[..., 3] == 0
    stroke = kind >= 0
    # a map pixel's ink: its nearest overlay (stroke or margin) pixel's
    _, (iy, ix) = ndimage.distance_transform_edt(~(stroke & ~alpha0), return_indices=True)
    ink = np.where(stroke[..., None] & ~alpha0[..., None], layer["ink"], layer["ink"][iy, ix])
    out = {"layer": layer, "overlay": overlay, "alpha0": alpha0, "ink": ink,
           "picture_jpeg": picture_jpeg, "field_jpeg": field_jpeg}  # fmt: skip
    for space in ("rgb", "ycbcr"):
        out[space] = ink_fraction(picture_jpeg, field_jpeg, ink, space)
    if decoder:
        from truepix import Decolorizer

        rgba = np.concatenate([picture_jpeg, picture[..., 3:]], axis=-1)
        values = Decolorizer(cmap, cyclic=name in CYCLIC, vmin=0.0, vmax=1.0).values(rgba)
        out["flagged"] = np.isnan(values)
    return out


def table(maps: list[str], *, decoder: bool) -> None:
    cases = [(False, 2, "hard edges q75"), (True, 2, "antialiased q75"),
             (True, 0, "antialiased q75 4:4:4")]  # fmt: skip
    print("Oracle on colormaps.annotated, JPEG q75. 'flag': % of the mask (non-colormap")
    print("pixels) with ink fraction a >= 0.3 / 0.5 / 0.7 (alpha-0 pixels count as flagged);")
    print("'spill': % of map pixels with a >= 0.3 / 0.5 / 0.7; 'cov': % of the mask with")
    print("coverage >= 0.5 (+ alpha 0) before JPEG.", end=" ")
    if decoder:
        print("'dec': the default call's flagged / lost %;")
        print("'orc@lost': the RGB oracle's flagged % at the threshold where it loses as many")
        print("map pixels as the decoder; 'gap': % of the mask the oracle (RGB, 0.5) flags and")
        print("the decoder does not (the decoder's) / neither flags (the picture's)")
    else:
        print()
    for antialias, subsampling, label in cases:
        print(f"\n{label}")
        header = (f"{'map':<16}{'cov':>6}{'RGB flag .3/.5/.7':>20}{'spill .3/.5/.7':>17}"
                  f"{'YCbCr .5 flag/spill':>21}")  # fmt: skip
        if decoder:
            header += f"{'dec flag/lost':>15}{'orc@lost':>9}{'gap dec/pic':>13}"
        print(header)
        print("-" * len(header))
        for name in maps:
            got = oracle(name, antialias=antialias, subsampling=subsampling, decoder=decoder)
            overlay, alpha0, is_map = got["overlay"], got["alpha0"], ~got["overlay"]
            cover = (got["layer"]["coverage"] >= 0.5) | alpha0
            row = f"{name:<16}{100 * cover[overlay].mean():>6.2f}"
            a = got["rgb"]
            flag = [100 * ((a >= t) | alpha0)[overlay].mean() for t in (0.3, 0.5, 0.7)]
            spill = [100 * (a >= t)[is_map].mean() for t in (0.3, 0.5, 0.7)]
            row += "  " + "/".join(f"{s:5.2f}" for s in flag)
            row += "  " + "/".join(f"{s:4.2f}" for s in spill)
            b = got["ycbcr"]
            row += f"{100 * ((b >= 0.5) | alpha0)[overlay].mean():>13.2f}"
            row += f" /{100 * (b >= 0.5)[is_map].mean():>5.2f}"
            if decoder:
                flagged, oracle_flag = got["flagged"], (a >= 0.5) | alpha0
                lost = flagged[is_map].mean()
                row += f"{100 * flagged[overlay].mean():>8.2f} /{100 * lost:>5.2f}"
                at = np.quantile(a[is_map], 1 - lost)
                row += f"{100 * ((a >= at) | alpha0)[overlay].mean():>9.2f}"
                missed = 100 * (oracle_flag & ~flagged)[overlay].mean()
                neither = 100 * (~oracle_flag & ~flagged)[overlay].mean()
                row += f"{missed:>7.2f} /{neither:>4.2f}"
            print(row)


def parts(name: str, *, decoder: bool) -> None:
    """Per kind of overlay pixel: its count, the oracle's (RGB and YCbCr, a >= 0.5) and
    the decoder's flagged share, and the mean coverage; edge pixels have a map pixel
    among their 8 neighbours."""
    for antialias in (False, True):
        got = oracle(name, antialias=antialias, decoder=decoder)
        overlay, kind = got["overlay"] & ~got["alpha0"], got["layer"]["kind"]
        edge = overlay & ndimage.binary_dilation(~got["overlay"], np.ones((3, 3), bool))
        print(f"\n{name}, {'antialiased' if antialias else 'hard edges'} q75: overlay pixels"
              f" (alpha 0 left out) by kind, % flagged")  # fmt: skip
        header = f"{'part':<26}{'pixels':>7}{'cov':>6}{'RGB':>7}{'YCbCr':>7}"
        header += f"{'dec':>7}{'dec-only':>9}{'orc-only':>9}" if decoder else ""
        print(header)
        print("-" * len(header))
        groups = [("all", overlay), ("edge", edge), ("core", overlay & ~edge)]
        groups += [(label, overlay & (kind == i)) for i, label in enumerate(KINDS[:5])]
        groups += [(f"{label}, edge", overlay & (kind == i) & edge)
                   for i, label in enumerate(KINDS[:5])]  # fmt: skip
        groups += [(f"{label}, {side}", overlay & (kind == i) & (edge if side == "edge" else ~edge))
                   for i, label in enumerate(KINDS[:5]) if i in (2, 3) for side in ("core",)]  # fmt: skip
        inks = got["layer"]["ink"]
        for color, ink_name in INK_NAMES.items():
            groups.append((f"ink {ink_name}", overlay & np.all(inks == color, axis=-1)))
        groups.append(("coverage < 0.5", overlay & (got["layer"]["coverage"] < 0.5)))
        for label, where in groups:
            if not where.any():
                continue
            row = f"{label:<26}{where.sum():>7d}{got['layer']['coverage'][where].mean():>6.2f}"
            row += "".join(f"{100 * (got[s] >= 0.5)[where].mean():>7.2f}" for s in ("rgb", "ycbcr"))
            if decoder:
                flagged, orc = got["flagged"], got["rgb"] >= 0.5
                row += f"{100 * flagged[where].mean():>7.2f}"
                row += f"{100 * (flagged & ~orc)[where].mean():>9.2f}"
                row += f"{100 * (orc & ~flagged)[where].mean():>9.2f}"
            print(row)
        print("pixels by ink fraction a (RGB), within 2 px of the overlay boundary: overlay"
              " / map pixels" + (", and the % of each the decoder flags" if decoder else ""))
        edge_map = ~got["overlay"] & (ndimage.distance_transform_edt(~got["overlay"]) < 2.5)
        for low, high in ((-np.inf, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, np.inf)):
            band = (got["rgb"] >= low) & (got["rgb"] < high)
            row = f"{f'a {low}-{high}':<26}{(band & overlay).sum():>7d} /{(band & edge_map).sum():>6d}"
            if decoder:
                flagged = got["flagged"]
                row += f"{100 * flagged[band & overlay].mean():>9.2f} /{100 * flagged[band & edge_map].mean():>6.2f}"
            print(row)
        print("map pixels by distance (px) from the overlay: % with a >= 0.5 (RGB, YCbCr)"
              + (", lost by the decoder, lost where the oracle is < 0.5, < 0.3" if decoder else ""))
        distance = ndimage.distance_transform_edt(~got["overlay"])
        for low, high in ((1, 1.5), (1.5, 2.5), (2.5, 4.5), (4.5, np.inf)):
            where = ~got["overlay"] & (distance >= low) & (distance < high)
            row = f"{f'map, {low}-{high} px':<26}{where.sum():>7d}{'':>6}"
            row += "".join(f"{100 * (got[s] >= 0.5)[where].mean():>7.2f}" for s in ("rgb", "ycbcr"))
            if decoder:
                flagged = got["flagged"]
                row += f"{100 * flagged[where].mean():>7.2f}"
                row += f"{100 * (flagged & (got['rgb'] < 0.5))[where].mean():>9.2f}"
                row += f"{100 * (flagged & (got['rgb'] < 0.3))[where].mean():>9.2f}"
            print(row)


def drawn(maps: list[str], *, decoder: bool) -> None:
    """The same oracle on ``_drawn_annotations``' matplotlib figures (contours and text in
    one ink, JPEG q75 4:2:0): stroke pixels (moved > 12 DN by the annotation) with
    coverage >= 0.5 (a on the PNG) / a >= 0.5 on the JPEG, and (``decoder``) flagged."""
    from _drawn_annotations import _MOVED, _figure, COLORS

    print("\nmatplotlib figures (_drawn_annotations), JPEG q75: stroke pixels with coverage")
    print(">= 0.5 / RGB a >= 0.5" + (" / flagged by the default call" if decoder else "") + ", %")
    header = f"{'map':<18}" + "".join(f"{name:>22}" for name in COLORS)
    print(header)
    print("-" * len(header))
    y, x = np.mgrid[0:300, 0:400]
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    for name in maps:
        cmap = colormap(name)
        tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
        clean = _figure(cmap, data, None, jpeg=False).astype(float)
        clean_jpeg = _figure(cmap, data, None, jpeg=True).astype(float)
        row = f"{name:<18}"
        for color, rgb in COLORS.items():
            if tree.query(rgb)[0] <= _MOVED:
                row += f"{'(on the map)':>22}"
                continue
            png = _figure(cmap, data, color, jpeg=False)
            stroke = np.sqrt(((png - clean) ** 2).sum(axis=-1)) > _MOVED
            ink = np.broadcast_to(np.asarray(rgb, float), clean.shape)
            cover = ink_fraction(png, clean, ink, "rgb")
            picture = _figure(cmap, data, color, jpeg=True)
            a = ink_fraction(picture, clean_jpeg, ink, "rgb")
            cell = f"{100 * (cover >= 0.5)[stroke].mean():.1f} /{100 * (a >= 0.5)[stroke].mean():5.1f}"
            if decoder:
                from truepix import Decolorizer

                decode = Decolorizer(cmap, cyclic=name in CYCLIC, vmin=0.0, vmax=1.0)
                cell += f" /{100 * np.isnan(decode.values(picture))[stroke].mean():5.1f}"
            row += f"{cell:>22}"
        print(row)


def _peaks(colors: np.ndarray, size: int = 12, least: int = 20) -> np.ndarray:
    """The means of ``colors`` (N, 3) in the 3 x 3 x 3 cubes (``size`` DN) around each
    local peak of their histogram that holds ``least`` colors or more."""
    n = 256 // size + 2
    cube = np.clip(np.floor(colors / size).astype(np.intp), 0, n - 1)
    code = np.ravel_multi_index(tuple(cube.T), (n, n, n))
    counts = np.bincount(code, minlength=n**3).reshape(n, n, n)
    sums = [np.bincount(code, colors[:, c], minlength=n**3).reshape(n, n, n) for c in range(3)]
    top = ndimage.maximum_filter(counts, 3, mode="constant")
    inks = []
    for peak in np.argwhere((counts == top) & (counts >= least)):
        block = tuple(slice(max(k - 1, 0), k + 2) for k in peak)
        inks.append([total[block].sum() for total in sums] / counts[block].sum())
    return np.array(inks).reshape(-1, 3)


def _chord_distance(inks: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Per ink, its distance from the nearest chord between two colors of ``table``."""
    first, second = np.triu_indices(len(table), 1)
    start, step = table[first], table[second] - table[first]
    length = np.maximum((step * step).sum(-1), 1e-9)
    out = np.empty(len(inks))
    for k, ink in enumerate(inks):
        t = np.clip(((ink - start) * step).sum(-1) / length, 0.0, 1.0)
        out[k] = np.sqrt(((ink - start - t[:, None] * step) ** 2).sum(-1).min())
    return out


def _box(x: np.ndarray, radius: int) -> np.ndarray:
    return ndimage.uniform_filter(
        x, size=(2 * radius + 1,) * 2 + (1,) * (x.ndim - 2), mode="constant"
    )


def local_rule(maps: list[str], *, low: int = 2, high: int = 4, share: float = 0.5,
               contrast: float = 40.0) -> None:  # fmt: skip
    """The decoder's flags, grown by the rule the oracle suggests; prints the overlay and
    map pixels it adds (hard edges q75). An unflagged pixel within 2 px (chessboard) of a
    flagged one is flagged where its ink fraction against the local field -- the mean of
    the unflagged pixels ``low``-``high`` px from the flags, in a (2 high + 1) square --
    is at least ``share`` and the ink lies ``contrast`` DN (RGB) from that field. The ink
    is (1) the learnt ink (as branch annot14's ``_known_inks``, in RGB: peaks of the flagged core pixels 15 DN off the
    map, less blends of two map colors) nearest the mean of the flagged pixels around
    (3 x 3, 5 x 5 two px off), (2) the same from the true palette, (3) the true ink."""
    print(f"\nlocal-field rule (field {low}-{high} px off, a >= {share}, contrast {contrast} DN):"
          " overlay / map pixels added to the decoder's flags, hard edges q75")  # fmt: skip
    palette = np.array(list(INK_NAMES), float)
    for name in maps:
        got = oracle(name, antialias=False, decoder=True)
        cmap = colormap(name)
        tree = cKDTree(cmap(np.linspace(0, 1, 1025), bytes=True)[:, :3].astype(float))
        picture, flagged = got["picture_jpeg"].astype(float), got["flagged"]
        core = ndimage.binary_erosion(flagged, border_value=1)  # (4-neighbours flagged)
        colors = picture[core]
        learnt = _peaks(colors[tree.query(colors)[0] >= 15.0])
        learnt = learnt[_chord_distance(learnt, tree.data[::16]) > 12.0]
        distance = ndimage.distance_transform_cdt(~flagged, metric="chessboard")
        far = (~flagged & (distance >= low) & (distance <= high)).astype(float)
        count = _box(far, high)
        field = _box(picture * far[..., None], high) / np.maximum(count, 1e-9)[..., None]
        around = []
        for radius in (1, 2):
            weight = _box(flagged.astype(float), radius)
            around.append(_box(picture * flagged[..., None], radius) / np.maximum(weight, 1e-9)[..., None])
        row = f"{name:<16}"
        for label, inks in (("learnt", learnt), ("true palette", palette[tree.query(palette)[0] > 12]),
                            ("true ink", None)):  # fmt: skip
            if inks is None:
                ink = got["ink"]
            else:
                pick = [np.argmin(((c[..., None, :] - inks) ** 2).sum(-1), -1) for c in around]
                ink = np.where((distance == 2)[..., None], inks[pick[1]], inks[pick[0]])
            step = ink - field
            a = ((picture - field) * step).sum(-1) / np.maximum((step * step).sum(-1), 1e-9)
            added = ~flagged & (distance <= 2) & (count > 0) & (a >= share)
            added &= np.sqrt((step * step).sum(-1)) > contrast
            row += f"  {label} +{(added & got['overlay']).sum()} / +{(added & ~got['overlay']).sum()}"
        print(row)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--maps", help="comma-separated colormaps (default: colormaps.py's 12)")
    parser.add_argument("--decoder", action="store_true", help="also the default call's flags")
    parser.add_argument("--parts", help="comma-separated maps to break down by overlay part")
    parser.add_argument("--drawn", action="store_true", help="also _drawn_annotations' figures")
    parser.add_argument("--rule", help="comma-separated maps: try the local-field rule")
    parser.add_argument("--check", action="store_true", help="verify the redraw (slow-ish)")
    args = parser.parse_args(argv)
    maps = args.maps.split(",") if args.maps else list(MAPS)
    if args.check:
        for name in maps:
            print(name, [check(colormap(name), aa) for aa in (False, True)])
    table(maps, decoder=args.decoder)
    if args.drawn:
        drawn(maps, decoder=args.decoder)
    if args.rule:
        local_rule(args.rule.split(","))
    for name in args.parts.split(",") if args.parts else []:
        parts(name, decoder=args.decoder)


if __name__ == "__main__":
    main()
