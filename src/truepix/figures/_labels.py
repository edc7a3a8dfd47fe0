"""Tick marks and tick labels beside one side of a box (a plot area or a colorbar).

The side is looked at through a *strip*: ``depth`` counts pixels outward
from the side, ``length`` runs along it. In the strip:

* a full dark line right at the side is the spine or the bar's outline and
  is skipped; the short dark runs just past it are the tick marks, each
  located at its darkness-weighted centre (sub-pixel);
* beyond the ticks, dark connected components are glyphs. Glyphs close
  along the text's direction form one label; the labels nearest the side
  (their near edges aligned, as matplotlib aligns them) are the tick
  labels, farther text is the axis label;
* each label is cut out of the picture -- without the tick marks, which the
  OCR reads as minus signs -- and read. A smaller glyph raised at the right
  of a label is an exponent (``10⁻¹``), read on its own and joined with ``^``.

Each label is snapped to the nearest tick mark; the position it stands for
is that tick's, or its own centre when no tick is near.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

import numpy as np

from truepix.figures._areas import unsnap
from truepix.figures._numbers import label_text, parse_offset, parse_value
from truepix.figures._marks import like_ticks, long_pieces
from truepix.figures._regions import components
from truepix.figures._rotated import rotated_ticks, stacked
from truepix.figures import _ocr, _words

__all__ = ["Tick", "ink", "luminance", "may_be_offset", "offset_near", "paper", "read_labels", "read_offset", "read_side", "read_text"]

_INK = 60  # darkness (0-255 below the background) that counts as ink
_LINE = 0.6  # share of a row that is ink for it to be a line (spine, outline)
_MARGIN = 0.08  # labels may reach past the side's ends by this share of the image


@dataclass
class Tick:
    """One tick label read beside a side.

    Attributes
    ----------
    text : str
        What the OCR read (``^`` joins a raised exponent).
    value : float or None
        The number it shows, None when it shows none.
    position : float
        Pixel position along the side (edge coordinates) the value stands
        for: the tick mark's centre when one was found near, else the
        label's centre.
    box : tuple of int
        ``(left, top, right, bottom)`` of the label in image pixels.
    snapped : bool
        Whether ``position`` is a tick mark's.
    confidence : float
        The OCR's mean character probability.
    inlier : bool
        Whether the fitted scale agrees with it (set by the caller).
    """

    text: str
    value: float | None
    position: float
    box: tuple[int, int, int, int]
    snapped: bool
    confidence: float
    inlier: bool = False

    def to_dict(self) -> dict[str, object]:
        """The JSON form (the report and calibration files)."""
        return {
            "text": self.text,
            "value": self.value,
            "position": round(self.position, 3),
            "box": list(self.box),
            "snapped": self.snapped,
            "confidence": round(self.confidence, 4),
            "inlier": self.inlier,
        }


def luminance(rgb: np.ndarray) -> np.ndarray:
    """(H, W) uint8 luminance (ITU-R BT.601 weights).

    Examples
    --------
    >>> luminance(np.array([[[255, 255, 255], [255, 0, 0]]], np.uint8)).tolist()
    [[255, 76]]
    """
    wide = rgb.astype(np.int32)
    return ((wide[..., 0] * 299 + wide[..., 1] * 587 + wide[..., 2] * 114) // 1000).astype(np.uint8)


def paper(rgb: np.ndarray) -> np.ndarray:
    """The figure as dark ink on light paper: inverted when its background is dark.

    Text, tick marks and spines are read as darkness below a light
    background; a figure on a dark background (matplotlib's
    ``dark_background`` style, a dark-mode screenshot) draws them light. Its
    negative has the same chroma (colors stay colors, grays stay grays) and
    shows them dark on light, as the OCR reads text. The background is the
    median of the picture's border.

    Examples
    --------
    >>> black = np.zeros((20, 20, 3), np.uint8); black[8:12, 8:12] = 230
    >>> paper(black)[0, 0].tolist(), paper(black)[10, 10].tolist()
    ([255, 255, 255], [25, 25, 25])
    >>> white = np.full((20, 20, 3), 255, np.uint8)
    >>> paper(white) is white
    True
    """
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    if int(np.median(luminance(border[None]))) >= 128:
        return rgb
    return 255 - rgb


def ink(rgb: np.ndarray, *, compressed: bool = False) -> np.ndarray:
    """(H, W) uint8 darkness of text-like (gray, dark) pixels: 0 for colors and background.

    Examples
    --------
    >>> ink(np.array([[[255, 255, 255], [0, 0, 0], [200, 30, 30]]], np.uint8)).tolist()
    [[0, 255, 0]]
    """
    wide = rgb.astype(np.int32)
    luminance = (wide[..., 0] * 299 + wide[..., 1] * 587 + wide[..., 2] * 114) // 1000
    chroma = wide.max(axis=2) - wide.min(axis=2)
    dark = np.clip(255 - luminance, 0, 255).astype(np.uint8)
    # colors are not ink; but JPEG's 4:2:0 chroma bleeds color into black lines beside
    # colored data while their luma stays dark: there very dark pixels may carry more chroma
    dark[chroma > (np.where(luminance < 50, 160, 60) if compressed else 60)] = 0
    return dark


class _Strip:
    """A view of the picture beside one side of a box: (depth, length) arrays."""

    def __init__(self, image_ink: np.ndarray, side: str, at: int, span: tuple[int, int]) -> None:
        height, width = image_ink.shape
        along = width if side in ("top", "bottom") else height
        margin = round(_MARGIN * max(height, width))
        # a side past the picture's edge (a frameless side read again a few pixels further out)
        # has nothing beside it: a negative index would wrap round to the far side of the picture
        at = min(max(at, 0), height if side in ("top", "bottom") else width)
        self.side, self.at = side, at
        self.start = max(0, span[0] - margin)
        stop = min(along, span[1] + margin)
        self.span = (span[0] - self.start, span[1] - self.start)
        if side == "bottom":
            view = image_ink[at:, self.start : stop]
        elif side == "top":
            view = image_ink[:at, self.start : stop][::-1]
        elif side == "right":
            view = image_ink[self.start : stop, at:].T
        else:
            view = image_ink[self.start : stop, :at][:, ::-1].T
        self.ink = np.ascontiguousarray(view)
        self.minor = np.zeros(0)  # the shorter tick marks, set by _tick_marks

    def to_image(self, depth: float, length: float) -> tuple[float, float]:
        """(row, column) in the picture of strip position (depth, length), as edges."""
        along = self.start + length
        if self.side == "bottom":
            return self.at + depth, along
        if self.side == "top":
            return self.at - depth, along
        if self.side == "right":
            return along, self.at + depth
        return along, self.at - depth

    def box(self, d0: int, d1: int, l0: int, l1: int) -> tuple[int, int, int, int]:
        """Image (left, top, right, bottom) of the strip box [d0, d1) x [l0, l1)."""
        r0, c0 = self.to_image(d0, l0)
        r1, c1 = self.to_image(d1, l1)
        return (int(min(c0, c1)), int(min(r0, r1)), int(max(c0, c1)), int(max(r0, r1)))


def _tick_marks(strip: _Strip) -> tuple[np.ndarray, int]:
    """Centres (along the strip, edge coordinates) of the tick marks and the depth they end at."""
    values = strip.ink
    # ticks at the very ends sit on the perpendicular lines: look a little past them
    lo, hi = max(0, strip.span[0] - 3), min(values.shape[1], strip.span[1] + 3)
    share = np.mean(values[: min(6, len(values)), lo:hi] > _INK, axis=1)
    # the outline may begin a row or two out (a bar's colors end before its outline)
    lines = np.flatnonzero(share[: min(3, len(values) - 3)] > _LINE)
    depth = int(lines[0]) if len(lines) else 0
    while depth < min(5, len(values) - 3) and share[depth] > _LINE:
        depth += 1
    # an outline in the background's color (ggplot's white edge on a white figure)
    # parts the side from its tick marks by a blank row or two (blank between its ends:
    # the perpendicular axis's end tick may cross it there)
    outline = depth
    while depth < min(2, len(values) - 3) and not (values[depth, lo + 6 : hi - 6] > _INK).any():
        depth += 1
    # a wobbly outline (xkcd) crosses the next rows in part only, in long pieces (tick marks,
    # however dense a log axis's minor ones, are short): the marks begin past it
    while depth < min(outline + 3, len(share), len(values) - 3) and 0.2 < share[depth] <= _LINE and long_pieces(values[depth, lo:hi] > _INK):
        depth += 1
    if len(values) - depth < 3:
        return np.zeros(0), depth
    first = values[depth, lo:hi].astype(np.float64)
    both = np.minimum(first, values[depth + 1, lo:hi]) > _INK
    edges = np.diff(np.concatenate([[0], both.astype(np.int8), [0]]))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    centres, lengths = [], []
    for a, b in zip(starts, stops, strict=True):
        column = values[depth:, lo + a : lo + b].max(axis=1) > _INK
        length = int(np.argmin(column)) if not column.all() else len(column)
        if b - a > 6 and length < 3 * (b - a):  # thicker than a tick mark (xkcd's are 5 px; 600 dpi's 7, but 29 long)
            continue
        a0, b0 = max(0, a - 1), min(len(first), b + 1)
        weights = first[a0:b0]
        if length > (strip.span[1] - strip.span[0]) / 2:
            continue  # a perpendicular line (inside a frame, its other sides), no tick mark
        centres.append(lo + float(np.sum(weights * (np.arange(a0, b0) + 0.5)) / weights.sum()))
        lengths.append(length)
    if not centres:
        return np.zeros(0), depth
    # labels stand at the major ticks, the longer ones (log axes draw minor ticks too)
    length = np.array(lengths)
    major = length >= 0.75 * length.max()
    marks = np.array(centres)[major]
    if depth > outline and not like_ticks(marks, length[major]):
        # past a blank row stood no marks but the labels' first glyphs (ticks drawn
        # inward, labels close to the side): their edges are no tick marks
        return np.zeros(0), outline
    # a log axis spanning less than a decade or two labels its minor ticks too (2×10¹)
    strip.minor = unsnap(np.array(centres)[~major], strip.start) if (~major).any() else np.zeros(0)
    return unsnap(marks, strip.start), depth + int(length.max())


def _is_cross(mask: np.ndarray) -> bool:
    """Whether a glyph's mask is a multiplication sign: ink along both diagonals only.

    Examples
    --------
    >>> eye = np.eye(7, dtype=bool)
    >>> _is_cross(eye | eye[::-1]), _is_cross(np.ones((7, 7), bool)), _is_cross(eye)
    (True, False, False)
    """
    rows, cols = np.nonzero(mask)
    if len(rows) < 5:
        return False
    u = (rows + 0.5) / mask.shape[0]
    v = (cols + 0.5) / mask.shape[1]
    near = np.minimum(np.abs(u - v), np.abs(u + v - 1.0)) <= 0.2
    corners = [np.any((u < 0.35) & (v < 0.35)), np.any((u < 0.35) & (v > 0.65)),
               np.any((u > 0.65) & (v < 0.35)), np.any((u > 0.65) & (v > 0.65))]  # fmt: skip
    return bool(near.mean() >= 0.85 and all(corners))


def _crosses(binary: np.ndarray, boxes: list[tuple[int, int, int, int]], glyph: float) -> set[int]:
    """The boxes that are multiplication signs (``2 × 10¹``, a log axis's minor label): smaller than a digit, square."""
    found = set()
    for k, (d0, d1, l0, l1) in enumerate(boxes):
        size = np.array([d1 - d0, l1 - l0])
        if np.all(size >= 0.3 * glyph) and np.all(size <= 0.85 * glyph) and 0.7 <= size[0] / size[1] <= 1.4:
            if _is_cross(binary[d0:d1, l0:l1]):
                found.add(k)
    return found


def _group(
    boxes: list[tuple[int, int, int, int]], along_text: int, gap: float, joiners: frozenset[int] = frozenset()
) -> list[list[int]]:
    """Glyph boxes joined into labels: close along the text's direction, overlapping across it.

    A joiner (a multiplication sign, spaced as a binary operator) joins its
    neighbours across twice the gap.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(boxes)
    if n == 0:
        return []
    array = np.asarray(boxes, dtype=np.float64).reshape(n, 4)
    a0, a1 = array[:, 2 * along_text], array[:, 2 * along_text + 1]
    c0, c1 = array[:, 2 * (1 - along_text)], array[:, 2 * (1 - along_text) + 1]
    joins = np.zeros(n, dtype=bool)
    joins[list(joiners)] = True
    pairs = []
    for start in range(0, n, 512):  # in blocks of rows: a strip may hold thousands of glyphs
        rows = slice(start, start + 512)
        reach = np.where(joins[rows, None] | joins[None, :], 2.2 * gap, gap)
        apart = np.maximum(a0[rows, None], a0[None, :]) - np.minimum(a1[rows, None], a1[None, :])
        overlap = np.minimum(c1[rows, None], c1[None, :]) - np.maximum(c0[rows, None], c0[None, :])
        i, j = np.nonzero((apart <= reach) & (overlap > 0))
        pairs.append((i + start, j))
    i, j = (np.concatenate(p) for p in zip(*pairs, strict=True))
    graph = coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for k in range(n):  # in the order of each group's first box, as a union-find gave them
        groups.setdefault(int(label[k]), []).append(k)
    return list(groups.values())


def _split_at_marks(members: list[int], boxes: list[tuple[int, int, int, int]], marks: np.ndarray) -> list[list[int]]:
    """A label that spans two tick marks or more, split into one label per mark.

    Crowded labels (``0 50000 100000 ...`` on a narrow axis) stand closer
    than the gap that parts labels and are joined into one. Each is centred
    on its own tick, so between two neighbouring marks lies the gap between
    two labels: the gap between glyphs there that holds the marks' midpoint
    is the cut (labels of like widths part there; a narrow ``1``'s side
    bearings open a gap inside ``11`` wider than the one between ``10`` and
    ``11``), else the widest. Labels drawn over each other (no gap between
    two marks) cannot be read apart: none is.
    """
    l0 = min(boxes[k][2] for k in members)
    l1 = max(boxes[k][3] for k in members)
    inside = marks[(marks > l0) & (marks < l1)]
    if len(inside) < 2:
        return [members]
    height = max(boxes[k][1] - boxes[k][0] for k in members)
    if any(boxes[k][3] - boxes[k][2] > 1.1 * height for k in members):
        return []  # glyphs of two labels run into each other: wider than tall
    order = sorted(members, key=lambda k: boxes[k][2])
    reach = np.maximum.accumulate([boxes[k][3] for k in order])  # right end of the glyphs so far
    cuts = []
    for a, b in zip(inside, inside[1:]):
        # gap after glyph i: from the farthest right end so far to the next glyph's left
        gaps = [(boxes[order[i + 1]][2] - reach[i], i) for i in range(len(order) - 1)
                if a <= (reach[i] + boxes[order[i + 1]][2]) / 2.0 <= b]  # fmt: skip
        if not gaps or max(gaps)[0] < 2:
            return []
        middle = (a + b) / 2.0
        holding = [
            i for size, i in gaps if size >= 1 and reach[i] <= middle <= boxes[order[i + 1]][2]
        ]
        cuts.append(holding[0] if holding else max(gaps)[1])
    bounds = [-1, *sorted(set(cuts)), len(order) - 1]
    return [order[i + 1 : j + 1] for i, j in zip(bounds, bounds[1:]) if j > i]


def _split_exponent(mask: np.ndarray) -> int | None:
    """The column where a raised, smaller exponent starts (``10⁻¹``), or None.

    The base's glyphs stand on the baseline (the lowest bottom); an exponent
    lies right of them and ends well above it -- by its position, not its
    size alone: mathtext's exponents are 0.7-0.75 of the digits' height.

    Examples
    --------
    >>> mask = np.zeros((20, 40), bool)
    >>> mask[5:19, 0:6] = mask[5:19, 9:18] = True  # "10" on the baseline
    >>> mask[0:11, 20:26] = True  # a raised exponent, 11 of 14 rows tall
    >>> _split_exponent(mask), _split_exponent(mask[:, :19])
    (20, None)
    """
    boxes = components(mask)
    if len(boxes) < 2:
        return None
    heights = np.array([b[1] - b[0] for b in boxes])
    bottoms = np.array([b[1] for b in boxes])
    tallest = heights.max()
    baseline = bottoms.max()
    on_base = bottoms >= baseline - 0.2 * tallest
    base_height = heights[on_base].max()
    right_of_base = max(b[3] for b, on in zip(boxes, on_base, strict=True) if on)
    raised = [
        k
        for k, b in enumerate(boxes)
        if not on_base[k]
        and b[1] <= baseline - 0.25 * base_height
        and b[2] >= right_of_base - 1
    ]
    # an exponent is a digit: at least a third of the label's height (not JPEG specks)
    if not raised or max(heights[k] for k in raised) < 0.35 * base_height:
        return None
    return min(boxes[k][2] for k in raised)


def read_labels(crops: list[tuple[np.ndarray, np.ndarray]]) -> list[tuple[str, float]]:
    """OCR of upright labels, ``(gray crop, glyph mask)`` each, in one batch.

    A raised exponent is read on its own and joined with ``^``.
    """
    images: list[np.ndarray] = []
    parts: list[tuple[int, int]] = []
    for gray, mask in crops:
        split = _split_exponent(mask)
        if split is None:
            parts.append((len(images), -1))
            images.append(gray)
            continue
        rows = np.flatnonzero(mask[:, split:].any(axis=1))
        parts.append((len(images), len(images) + 1))
        images.append(gray[:, :split])
        images.append(gray[rows.min() : rows.max() + 1, split:])
    # an exponent is digits and a minus: the OCR's CJK and letters are no reading of it
    raised = sorted(e for _, e in parts if e >= 0)
    read = dict(zip([b for b, _ in parts], _ocr.recognize_many([images[b] for b, _ in parts]), strict=True))
    read.update(zip(raised, _ocr.recognize_many([images[e] for e in raised], allowed="0123456789-−"), strict=True))
    out = []
    for base, exponent in parts:
        if exponent < 0:
            out.append(read[base])
        else:
            text = f"{read[base][0]}^{read[exponent][0]}"
            out.append((text, min(read[base][1], read[exponent][1])))
    return out


def read_side(
    gray: np.ndarray, image_ink: np.ndarray, side: str, at: int, span: tuple[int, int]
) -> tuple[list[Tick], np.ndarray, list[tuple[tuple[int, int, int, int], str]], np.ndarray]:
    """Read the tick labels beside one side of a box.

    Parameters
    ----------
    gray : numpy.ndarray
        (H, W) uint8 luminance of the picture.
    image_ink : numpy.ndarray
        (H, W) uint8 from :func:`ink`.
    side : {"bottom", "top", "left", "right"}
        Which side; the strip starts at row/column ``at`` (the first pixel
        outside the box) and runs outward.
    span : tuple of int
        The side's extent along it (columns for top/bottom, rows otherwise).

    Returns
    -------
    ticks : list of Tick
        The labels read, in order along the side.
    marks : numpy.ndarray
        Image positions (edge coordinates along the side) of the tick marks.
    other : list
        The farther texts ``(box, text)``: axis label, offset text.
    minor : numpy.ndarray
        Image positions of the shorter tick marks (a log axis's minor ticks).
    """
    strip = _Strip(image_ink, side, at, span)
    if strip.ink.size == 0:  # the side lies on the picture's edge: nothing beside it
        return [], np.zeros(0), [], np.zeros(0)
    marks, tick_end = _tick_marks(strip)
    if not len(marks):  # tick marks drawn inward (matplotlib's classic style, direction="in")
        inward = {"bottom": "top", "top": "bottom", "left": "right", "right": "left"}[side]
        at_inside = at + 1 if side in ("top", "left") else at
        # off the ends, where the perpendicular sides cross (too long to be marks)
        inner = _Strip(image_ink, inward, at_inside, (span[0] + 2, span[1] - 2))
        inside = _tick_marks(inner)[0] + inner.start - strip.start
        marks = inside if len(inside) >= 2 else marks
    binary = strip.ink > _INK
    binary[:tick_end] = False
    boxes = components(binary)
    if not boxes:
        return [], marks + strip.start, [], strip.minor + strip.start
    along_text = 1 if side in ("top", "bottom") else 0  # index 0 depth, 1 length
    heights = np.array([(b[1] - b[0]) if along_text else (b[3] - b[2]) for b in boxes])
    glyph = float(np.percentile(heights, 75))
    # a line or a bar in the strip (a neighbouring colorbar's outline) is no glyph: joined to
    # the labels it touches, it made them one group too tall to be a label, and none was read
    boxes = [b for b, h in zip(boxes, heights, strict=True) if h <= 2 * glyph]
    groups = _words.join_words(_group(boxes, along_text, 0.45 * glyph, frozenset(_crosses(binary, boxes, glyph))), boxes, along_text, glyph, marks if along_text else np.zeros(0))
    if along_text and len(marks) >= 2:
        groups = [part for members in groups for part in _split_at_marks(members, boxes, marks)]
    lo, hi = strip.span
    candidates = []
    for members in groups:
        d0 = min(boxes[k][0] for k in members)
        d1 = max(boxes[k][1] for k in members)
        l0 = min(boxes[k][2] for k in members)
        l1 = max(boxes[k][3] for k in members)
        line = (d1 - d0) if along_text else (l1 - l0)
        centre = (l0 + l1) / 2
        if line > 1.8 * glyph or not lo - glyph <= centre <= hi + glyph:
            continue
        candidates.append((d0, d1, l0, l1))
    if not candidates:
        return [], marks + strip.start, [], strip.minor + strip.start
    nearest = min(c[0] for c in candidates)
    if nearest > tick_end + 3 * glyph:
        labels, farther = [], candidates
    else:
        labels = [c for c in candidates if c[0] <= nearest + 0.6 * glyph]
        farther = [c for c in candidates if c[0] > nearest + 0.6 * glyph]
    labels.sort(key=lambda c: c[2])
    spacing = np.median(np.diff([(c[2] + c[3]) / 2 for c in labels])) if len(labels) > 2 else glyph * 4
    boxes_read = [strip.box(*c) for c in labels]
    texts = read_labels(
        [(gray[b[1] : b[3], b[0] : b[2]], image_ink[b[1] : b[3], b[0] : b[2]] > _INK) for b in boxes_read]
    )
    ticks: list[Tick] = []
    for (d0, d1, l0, l1), box, (text, confidence) in zip(labels, boxes_read, texts, strict=True):
        centre = strip.start + (l0 + l1) / 2
        position, snapped = centre, False
        # a label stands at a major tick, or right beside a minor one (within a quarter of a glyph:
        # the minor ticks of a log axis stand closer than its labels' spacing)
        for near, reach in ((marks, max(2.0, 0.3 * spacing)), (strip.minor, max(1.5, 0.25 * glyph))) if len(marks) else ():
            k = int(np.argmin(np.abs(near + strip.start - centre))) if len(near) else 0
            if len(near) and abs(near[k] + strip.start - centre) <= reach:
                position, snapped = float(near[k] + strip.start), True
                break
        ticks.append(Tick(text, parse_value(text), position, box, snapped, confidence))
    if not along_text and stacked(ticks, marks + strip.start):  # rotated labels' glyphs, each read
        ticks = rotated_ticks(gray, image_ink, strip, boxes, marks, _INK)
    other = []
    for d0, d1, l0, l1 in farther:
        box = strip.box(d0, d1, l0, l1)
        other.append((box, ""))
    return ticks, marks + strip.start, other, strip.minor + strip.start


def read_text(gray: np.ndarray, box: tuple[int, int, int, int], *, rotated: bool = False) -> str:
    """OCR of the text inside an image box (``rotated``: drawn bottom to top, a y label)."""
    crop = gray[box[1] : box[3], box[0] : box[2]]
    if rotated:
        crop = np.ascontiguousarray(np.rot90(crop, -1))
    return label_text(_ocr.recognize(crop)[0]) if crop.size else ""


def offset_near(
    gray: np.ndarray, image_ink: np.ndarray, box: tuple[int, int, int, int], *, whole: bool = False
) -> tuple[str, float] | None:
    """An offset text (``1e6``, ``×10⁻³``, ``+1.5e3``) inside an image box, parsed.

    ``whole``: only texts wholly inside the box count; one the box cuts (it
    touches the box's edge) is another axis's label reaching in.
    """
    return read_offset(gray, image_ink, box, whole=whole)[0]


_NOT_OFFSET = re.compile(r"[^\W\d_]{3}")  # a word: offsets have at most a letter or two (e, x, ×)


def may_be_offset(text: str) -> bool:
    """Whether a text read where an offset goes could be one misread: no word, and a digit or an ``e``/``x``.

    A legend title (``z (%)``), a bar's label or an extend triangle's outline
    (read as nothing, or a stray letter) stands there too; ``1e−6`` read at
    6 pt may lose its digits (``le-c``).

    Examples
    --------
    >>> may_be_offset("1e-6"), may_be_offset("x1O3"), may_be_offset("le-c"), may_be_offset("z (%)"), may_be_offset("Temp 2m")
    (True, True, True, False, False)
    >>> may_be_offset(""), may_be_offset("A")
    (False, False)
    """
    if _NOT_OFFSET.search(text) is not None:
        return False
    return any(c.isdigit() for c in text) or bool(re.search(r"[eExX×]", text)) and len(text.strip()) <= 7


def read_offset(
    gray: np.ndarray,
    image_ink: np.ndarray,
    box: tuple[int, int, int, int],
    *,
    whole: bool = False,
    drawn: list[tuple[int, int, int, int]] | None = None,
) -> tuple[tuple[str, float] | None, bool]:
    """The offset text inside an image box, parsed, and whether a text that may be one was not understood.

    ``whole``: only texts wholly inside the box count (see :func:`offset_near`).
    ``drawn``: image boxes of drawing (a bar's extend triangle), not text: their ink is left out.
    """
    left, top, right, bottom = (max(0, v) for v in box)
    region = image_ink[top:bottom, left:right] > _INK
    for d_left, d_top, d_right, d_bottom in drawn or ():
        region[max(0, d_top - top) : max(0, d_bottom - top), max(0, d_left - left) : max(0, d_right - left)] = False
    if not region.any():
        return None, False
    boxes = components(region)
    heights = np.array([b[1] - b[0] for b in boxes])
    groups = _group(boxes, 1, 0.45 * float(np.percentile(heights, 75)))
    crops = []
    for members in groups[:6]:
        d0 = min(boxes[k][0] for k in members)
        d1 = max(boxes[k][1] for k in members)
        l0 = min(boxes[k][2] for k in members)
        l1 = max(boxes[k][3] for k in members)
        if d1 - d0 < 4 or l1 - l0 < 4:
            continue
        cut = d0 == 0 or l0 == 0 or d1 == region.shape[0] or l1 == region.shape[1]
        if whole and cut:
            continue
        crops.append((gray[top + d0 : top + d1, left + l0 : left + l1], region[d0:d1, l0:l1]))
    # glyphs wholly inside whose text the box cuts (drawn over another label) are not read: unread
    unread = not crops and any(
        d1 - d0 >= 4 and l1 - l0 >= 4 and d0 > 0 and l0 > 0 and d1 < region.shape[0] and l1 < region.shape[1]
        for d0, d1, l0, l1 in boxes
    )
    for text, _ in read_labels(crops):
        parsed = parse_offset(text)
        if parsed is not None:
            return parsed, False
        unread = unread or may_be_offset(text)
    return None, unread
