"""Strokes in an ink whose luma lies inside the map's, told from data by two models.

A light gray (or white) stroke of luma Y over a diverging map reads, by its luma, as the
map's color at Y; JPEG's 4:2:0 then averages its chroma with the 3 other pixels of its
2x2 block, and its model of the map (``chroma_model_residual``) explains the stroke
within 17 DN (median; q90 30), as close as data on a photograph. No per-pixel threshold
tells them apart. Once the picture shows an ink (``_lines.ink_lines``: thin lines of one
luma over several fields), each pixel is asked which of two pictures explains it better:
*data* -- the map's color at its own position -- or *a stroke* -- the ink laid with some
opacity over the field around (the map's color at the median position of the pixels
around that are not ink-like) -- each through JPEG's 4:2:0 (block means, libjpeg's
9-3-3-1 upsampling). A 1-px line's antialiased edge beside the pixels found joins
them where the stroke explains it better too (INKED_EDGE_ALPHA).
"""

from __future__ import annotations

from collections.abc import Callable

import numba as nb
import numpy as np

from truepix.color._decolorize._end_inks import ink_ends
from truepix.color._decolorize._end_piles import inked_end
from truepix.color._decolorize._grow import dilated
from truepix.color._decolorize._ink_bound import may_claim
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._stroke_fit import stroke_colors, stroke_gains

__all__ = ["inked_strokes"]

#: The field under a pixel: the median position of the pixels within INKED_FIELD_RADIUS
#: that are neither flagged nor within INKED_FIELD_LUMA DN of the ink's luma (a stroke's
#: own pixels would pull it toward the ink: text covers a large share of a 9x9 window);
#: the median of all positions there where none is left.
INKED_FIELD_RADIUS = 4
INKED_FIELD_LUMA = 10.0
#: A pixel's opacity is read from its luma where the ink's lies INKED_DEFINED DN or more
#: from the field's, else from its chroma (least squares against the field's).
INKED_DEFINED = 10.0
#: A pixel is a stroke's where its opacity is INKED_ALPHA or more and the stroke explains it and its
#: 8 neighbours with that opacity (their squared chroma and luma errors, summed) by INKED_EVIDENCE
#: DN^2 more than data does. Measured on matplotlib's light gray (0.75) contours and text over a DEM
#: (benchmarks/decolorize_trial/trial35/strokes_flagged.py, JPEG q75 4:2:0; stroke pixels flagged /
#: data pixels 1-2 px beside them lost, %; data 3+ px away: 0.00 % lost): Spectral 6.4 / 0.0 -> 68.5
#: / 1.0, RdYlBu 5.8 / 0.0 -> 63.9 / 0.6, and by the luma peak (INKED_PEAK_SHARE) RdBu_r 0 -> 54.9 /
#: 1.5, coolwarm 55.8 / 1.6, PiYG 60.0 / 0.5 (0.85 gray: 50.2 / 1.3), BrBG 61.5 / 1.0, Spectral's
#: 0.85 gray 60.7 / 1.8; magma's white 97.7 -> 99.1, jet's black 85.2 -> 92.3 (data beside lost as
#: before). Opacity 0.55: 72.4 / 1.4 (Spectral) ... 65.5 / 2.3 (Spectral's 0.85); 0.5: Spectral 75.9
#: / 1.9; 0.6 with evidence 400: 60.9 / 0.9, coolwarm 51.2 / 1.4. Letting pixels of opacity 0.45
#: that the stroke explains better join a flagged neighbour: Spectral 81.8 / 2.6. The data beside a
#: stroke that is lost is JPEG's blur of its luma (1 px from it, luma within 7-11 DN of the ink's).
#: What is left lies where the field's luma is within 10-40 DN of the ink's: JPEG's blur of the
#: line's luma reads as a lower opacity, and the map's color at the ink's luma is the field's hue.
INKED_ALPHA = 0.6
INKED_EVIDENCE = 200.0
#: A 1-px line's antialiasing spreads it over two pixels of opacity 0.2-0.6 each, which INKED_ALPHA
#: leaves as data (and they decode far off: the ink's blend with the field is another map color).
#: Next to INKED_EDGE_NEIGHBOURS of a stroke's pixels, one of opacity INKED_EDGE_ALPHA or more that
#: the stroke explains better by INKED_EDGE_GAIN DN^2 (its own errors), and whose luma departs
#: INKED_EDGE_LUMA DN or more from the field's where the opacity is read from luma, is the stroke's
#: too. Measured on benchmarks/_stroke_screen.py (matplotlib contours and text, JPEG q75 4:2:0;
#: stroke pixels flagged / silently wrong / data untouched lost, %): Spectral light gray 50.8 / 14.7
#: / 0.02 -> 68.3 / 1.9 / 0.07, pale gray 58.2 / 21.7 / 0.01 -> 78.9 / 5.3 / 0.02, RdBu_r light gray
#: 45.2 / 20.7 / 0.01 -> 62.9 / 8.8 / 0.02, twilight gray 55.9 / 11.4 / 0.52 -> 64.9 / 3.1 / 0.55,
#: every other cell +0-15 points flagged, +0.00-0.15 lost; all-data holes as before (no stroke, no
#: edge). The data pixels it loses lie 1 px from the annotation, their luma JPEG's blur of the
#: line's (opacity 0.2-0.4, 4-11 DN off the field) and their chroma averaged with it. Without
#: INKED_EDGE_LUMA: Spectral 72.0 / 1.6 / 0.28, magma's magenta 58.7 / 17.5 / 0.46 (0.14 with it),
#: and with gain 0 too 1.85; one neighbour: +0-2 points, Spectral's white 34.0 -> 55.7 (its luma
#: peak's claim, INKED_CLAIM, then passes), but tests/color/test_decolorize_annotations.py's jet
#: camera lost 5.03 % of its map (4.70 before, 4.79 at two); opacity 0.3: 2-7 points less; a second
#: step outward: +0-3 points, +0.05-0.6 lost.
INKED_EDGE_ALPHA = 0.2
INKED_EDGE_GAIN = 50.0
INKED_EDGE_LUMA = 10.0
INKED_EDGE_NEIGHBOURS = 2
#: Data errors farther than INKED_CAP DN count as INKED_CAP: one far-off pixel carries no
#: neighbours the stroke does not explain (the prototype's, not tuned).
INKED_CAP = 60.0
#: The ink's chroma: a least-squares fit over the pixels whose opacity, read from luma where
#: the field's luma lies INKED_FIT_LUMA DN or more from the ink's, reaches INKED_FIT_ALPHA
#: after 4:2:0. Light gray reads (-11, 9) DN on Spectral, (-7, 2) on RdYlBu; the true (0,
#: 0) flags less: Spectral 66.5 / 1.1, RdYlBu 72.2 / 0.9 (opacity 0.5).
INKED_FIT_LUMA = 25.0
INKED_FIT_ALPHA = 0.3
#: Where ``ink_lines`` keeps no ink, the candidates' luma may show one: INKED_PEAK_SHARE of
#: them or more within INKED_PEAK_LUMA DN of one luma, and that at least INKED_PEAK_PIXELS
#: of the picture (candidates too) -- text and lines in one ink. It counts where the
#: stroke then claims INKED_CLAIM or more of the picture's pixels within INKED_PEAK_LUMA
#: DN of it. Light gray over diverging maps keeps no chain off the map (its ridges' RGB
#: residual is 3-25 DN; coolwarm's middle is a light gray), but 23-37 % of the
#: candidates lie at its luma (white over Spectral: 17.7 %); JPEG'd photographs (21 maps
#: x 5 fields at 256^2, 10 at 512^2; q50-q95, 4:2:0 and 4:4:4) at most 16 % (turbo's and
#: jet's camera, where 4:2:0 moves their yellow-green), where at 15 % the stroke claimed
#: 1.2-12.6 % and made 1.2-2.4 % holes (turbo's camera at 512^2, q50 and q95). The
#: strokes claim 34-55 % on the DEM figures, 11-20 % on tests/color/
#: test_decolorize_inked.py's sparser figure; of the photographs that pass the peak
#: (turbo's camera at q95, 256^2) 1.8 %.
#: INKED_PEAK_PIXELS counts at most INKED_PEAK_COUNT pixels: a stroke is as many pixels
#: whatever the canvas (a 400 x 300 figure's 1 %). As a share alone it lost every pale
#: gray stroke on the 1 MP screen figure (benchmarks/_stroke_screen.py --size 1000x1000,
#: RdBu_r: 4845 candidates at the peak, 10000 asked). Past INKED_PEAK_AREA pixels that
#: count grows with the picture (its share there, 0.12 %): JPEG's candidates on data grow
#: with the area, and a fixed count let them through on big pictures alone -- jet's
#: terrain at q90 (benchmarks/decolorize_trial/trial43/t8_big_alldata.py) holds 204 /
#: 1049 / 4677 candidates at its peak at 1 / 3 / 12 MP (0.03-0.04 %), and at 12 MP alone
#: passed 1200 and paid 1.8 s of 2.6 for a claim that found nothing; coolwarm's 3177
#: (0.03 %) the same. JPEG'd photographs that pass at 1 MP pass at 3 and 12 too (turbo's
#: camera 0.43 / 0.18 / 0.15 %), and jet's black contours on a 12 MP figure (dpi 300)
#: hold over 20000.
INKED_PEAK_LUMA = 4.0
INKED_PEAK_SHARE = 0.2
INKED_PEAK_PIXELS = 0.01
INKED_PEAK_COUNT = 1200
INKED_PEAK_AREA = 1_000_000
#: On a picture taken for resized (``_edges.resized_blends``) the candidates are mostly
#: the data's blends, which sample the field: a peak where they pile no more than
#: INKED_PEAK_FIELD times as densely as the picture's other pixels do (the share of each
#: within INKED_PEAK_LUMA DN of it) is the field's -- a luma the map folds at (turbo's and
#: rainbow's top: many positions share it), where the data is dense. A noisy array drawn
#: upsampled by imshow(interpolation="bilinear"), JPEG'd (benchmarks/interp2/): turbo
#: 0.7-0.9, rainbow 1.7 (noise 0.8 of the range), each taking 11-17 % of the picture for
#: strokes; light gray contours over a resized coolwarm figure (tests/color/
#: test_decolorize_inked.py, 120 x 90) 2.6.
INKED_PEAK_FIELD = 2.0
#: The claim asked is INKED_CLAIM x sqrt(INKED_CLAIM_PIXELS / pixels): strokes grow with
#: the side, the field at their luma with the area. The 1 MP screen figure's pale gray on
#: RdBu_r claimed 5.4 % of the pixels at its luma (17.3 % at 400 x 300). Below
#: INKED_CLAIM_PIXELS the claim grows alike (it stopped at INKED_CLAIM there): the
#: light gray contour figures of tests/color/_photographs.py shrunk to 200x150 ... 64x48
#: (coolwarm, PiYG, BrBG, Spectral, RdBu_r) claim 21-67 % (0.16-0.50 asked), where
#: JPEG'd crops of photographs and a DEM of 48-96 px (10 maps, q50-q95;
#: benchmarks/thumbnails) claimed 10.1 % (jet's DEM at 64 px, q90: 1.34 % holes) and 10.4
#: % (hot's, 96 px, q50: 1.56 %), 0.43 and 0.29 asked. The claim also holds
#: INKED_CLAIM_LEAST times as many pixels as made the peak (INKED_PEAK_PIXELS ...):
#: those figures' 397 or more, hot's moon at 48 px q50 (65 % of 26 pixels: 2.6 % holes)
#: 17 of 23.
INKED_CLAIM_PIXELS = 120_000
INKED_CLAIM = 0.08
INKED_CLAIM_LEAST = 1.0
#: The peak lies off the ink's own luma: JPEG's blur pulls a 1-px line's luma toward
#: the field on either side, so a line that is a ridge over dark fields and a valley
#: over bright ones leaves two modes around its ink (coolwarm's light gray, 191 DN:
#: candidates at 180-189 and 195-205, the peak 200). The ink taken is the luma among
#: the peak and the peak shifted by INKED_PEAK_SHIFTS (DN) whose stroke claims the most
#: pixels. Measured on benchmarks/_stroke_screen.py (flagged / silently wrong / data
#: lost, %): coolwarm light gray 34.7 / 22.0 / 0.17 -> 59.4 / 7.9 / 0.20, PiYG light
#: gray 53.9 / 2.0 / 0.07 -> 64.5 / 1.4 / 0.15, pale gray 41.4 -> 48.0, BrBG light gray
#: 51.5 / 9.1 / 0.03 -> 67.9 / 6.9 / 0.07, Spectral white 34.0 / 25.0 / 0.07 -> 57.4 /
#: 5.0 / 0.09, twilight gray 64.9 -> 68.2; the rest as before (the peak path does not
#: run there). The same search over ``ink_lines``' inks: +0-2 points, Spectral's light
#: gray lost 0.07 -> 0.16 %.
INKED_PEAK_SHIFTS = (-9.0, -6.0, -3.0, 3.0, 6.0, 9.0)
#: What a pixel's judgement reads lies within INKED_REACH px of it (its field's window, the
#: 4:2:0 blocks around, two 3x3 sums); only there is it computed.
INKED_REACH = 6
#: ... which reads INKED_FIELD_RADIUS px more: past that from every undecided pixel, none.
INKED_SEEN_REACH = INKED_REACH + INKED_FIELD_RADIUS


def inked_strokes(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, inks: np.ndarray,
    candidate_luma: np.ndarray, off_map: np.ndarray, line: Polyline, discrete: bool = False,
    decided: np.ndarray | None = None, resized: bool = False,
    near_map: Callable[[], np.ndarray] | None = None,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the pixels that a stroke in one of ``inks`` (lumas, DN) over
    the field explains better than the map does (see INKED_ALPHA). ``position``: the
    luma-weighted positions of every pixel (0-1); ``candidate_luma``: the luma (DN) of
    the pixels past the threshold, which may show an ink where ``inks`` is empty
    (INKED_PEAK_SHARE) -- on a ``discrete`` map (its vertices its few colors) not at one of
    its colors' luma, where JPEG's ringing between its flat areas peaks (jet's 4 BoundaryNorm
    colors on a smooth field, q75: 2.2 % holes).
    ``decided``: flagged pixels no stroke counts on (a figure's margin, ``_fills``).
    ``resized``: the picture was taken for a resized one (``_edges.resized_blends``), whose
    peak the field alone may give (INKED_PEAK_FIELD). ``near_map()``: the pixels within the
    threshold, which the peak's may blend (made if asked; ``_peak_blends``)."""
    height = len(off_map) // width
    if height < 2 or width < 2:
        return
    if len(inks) == 0:
        peak = _peak_ink(candidate_luma, len(off_map))
        painted = line.vertices @ _YCBCR[0] if discrete else np.empty(0)
        if peak is None or np.any(np.abs(painted - peak) <= INKED_PEAK_LUMA) or inked_end(
            np.array([peak]), line.vertices[[0, -1]], ink_ends(line))[0]:  # fmt: skip
            return  # (all-data pictures but a few; black at a near-black end: ``_end_inks``)
        if resized and _field_peak(flat, scale, candidate_luma, peak):
            return  # (the data's blends pile where the picture's pixels do)
        claim = INKED_CLAIM * np.sqrt(INKED_CLAIM_PIXELS / len(off_map))
        least = INKED_CLAIM_LEAST * _least(len(off_map))  # (as many as made the peak)
        if not may_claim(flat, scale, width, position, line, decided, off_map, peak,
                         (claim, least)):  # fmt: skip
            return  # (no stroke at the peak's luma can claim enough: a smooth field's)
        seen = _seen(flat, scale, width, position, line, decided)  # (once for the 7 tries)
        at_ink = np.abs(seen[0][:, 0] - peak) <= INKED_PEAK_LUMA  # (its luma, DN)
        if decided is not None:  # (a figure's margin: no stroke's evidence)
            at_ink &= ~decided
        # the flagged pixels at the ink's luma are judged too (a flagged core is evidence)
        also = off_map & at_ink
        fields: dict = {}  # (the fields one try took: the next's differ near its ink)
        found = _claimed(seen, width, position, np.array([peak]), off_map, line, also, fields)
        for shift in INKED_PEAK_SHIFTS:  # (the stroke's luma lies between its modes)
            inks = np.array([peak + shift])
            tried = _claimed(seen, width, position, inks, off_map, line, also, fields)
            if np.count_nonzero(tried) > np.count_nonzero(found):
                found = tried
        claimed = np.count_nonzero(found & at_ink)
        if claimed >= max(claim * np.count_nonzero(at_ink), least):
            from truepix.color._decolorize._peak_blends import peak_blends  # (loaded if asked)

            if not peak_blends(flat, scale, width, position, line, found, found & at_ink, near_map):
                off_map |= found  # (... but a smoothing kernel's blends: _peak_blends)
        return
    seen = _seen(flat, scale, width, position, line, decided)
    off_map |= _claimed(seen, width, position, inks, off_map, line)


def _peak_ink(luma: np.ndarray, n_pixels: int) -> float | None:
    """The luma (DN) of an ink the candidates (their ``luma``) show as a peak
    (INKED_PEAK_SHARE), or None."""
    least = _least(n_pixels)
    if len(luma) < least:
        return None
    counts = np.bincount(np.clip(np.rint(luma), 0, 255).astype(np.int64), minlength=256)
    width = int(INKED_PEAK_LUMA)
    around = np.convolve(counts, np.ones(2 * width + 1), mode="same")
    top = int(np.argmax(around))
    if around[top] < max(INKED_PEAK_SHARE * len(luma), least):
        return None
    return float(np.median(luma[np.abs(luma - top) <= width]))


def _field_peak(flat: np.ndarray, scale: float, luma: np.ndarray, peak: float) -> bool:
    """Whether the candidates (their ``luma``) lie within INKED_PEAK_LUMA DN of ``peak``
    at most INKED_PEAK_FIELD times as often as the picture's other pixels (``flat``) do."""
    pixels = flat[:, :3] @ (_YCBCR[0] * scale)
    at_peak = np.count_nonzero(np.abs(luma - peak) <= INKED_PEAK_LUMA)
    field = np.count_nonzero(np.abs(pixels - peak) <= INKED_PEAK_LUMA) - at_peak
    return at_peak / len(luma) <= INKED_PEAK_FIELD * field / max(len(pixels) - len(luma), 1)


def _least(n_pixels: int) -> float:
    """The fewest pixels an ink's peak holds in a picture of ``n_pixels``
    (INKED_PEAK_PIXELS, INKED_PEAK_COUNT, INKED_PEAK_AREA)."""
    return min(INKED_PEAK_PIXELS * n_pixels,
               INKED_PEAK_COUNT * max(1.0, n_pixels / INKED_PEAK_AREA))  # fmt: skip


def _seen(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, line: Polyline,
    decided: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """The pixels in Y Cb Cr (DN) and their distance to the map's colors at ``position``
    (4:2:0 chroma), what every ink :func:`_claimed` tries is weighed against. Only
    within INKED_SEEN_REACH of the pixels not ``decided`` (a figure's margin, which
    no stroke claims) are they computed (zeros elsewhere: nothing reads them)."""
    shape = (len(flat) // width, width)
    if decided is None or not decided.any():
        obs = _ycc(flat[:, :3] * scale)
        mapped = _ycc(line.colors_at(np.nan_to_num(position) * line.n_bins))
        return obs, _error(obs, mapped, shape)
    at = np.flatnonzero(dilated(~decided, INKED_SEEN_REACH, shape))
    obs, mapped = np.zeros((len(flat), 3)), np.zeros((len(flat), 3))
    obs[at] = _ycc(flat[at, :3] * scale)
    mapped[at] = _ycc(line.colors_at(np.nan_to_num(position[at]) * line.n_bins))
    return obs, _error(obs, mapped, shape)


def _ycc(rgb: np.ndarray) -> np.ndarray:
    """(N, 3) Y Cb Cr of ``rgb`` rows, a matrix-vector product a channel (an (N, 3) @
    (3, 3) product took 3x as long: 0.1 s for 0.26 MP), each written into its own plane
    (a view of 3 planes: no stacking copy, each channel's column contiguous)."""
    planes = np.empty((3, len(rgb)))
    for plane, row in zip(planes, _YCBCR):
        np.matmul(rgb, row, out=plane)
    return planes.T


def _claimed(
    seen: tuple[np.ndarray, np.ndarray], width: int, position: np.ndarray, inks: np.ndarray,
    off_map: np.ndarray, line: Polyline, also: np.ndarray | None = None,
    fields: dict | None = None,
) -> np.ndarray:  # fmt: skip
    """The pixels a stroke in one of ``inks`` explains better than the map (flat mask);
    ``seen``: :func:`_seen` of the picture. Only the undecided ones that may still join
    (:func:`_open`) and ``also`` (flagged ones to count) are judged, and what that reads
    is computed within INKED_REACH of them: the work is what is left to decide.
    ``fields``: the last field computed, kept between calls on the same picture and
    flags (:func:`_field_of`)."""
    height = len(off_map) // width
    obs = seen[0]
    shape = (height, width)
    found = np.zeros_like(off_map)
    # (what no ink changes: once for a picture's tries, kept in ``fields``)
    frame = None if fields is None else fields.get("frame")
    if frame is None:
        frame = _frame(seen, shape, position, off_map, also)
        if fields is not None:
            fields["frame"] = frame
    if not frame:  # (nothing left that a stroke could claim: a figure's margin)
        return found
    region, at, asked, inner, obs_at, capped, known, placed, (box, local) = frame
    for ink_luma in inks:
        valid = known & (np.abs(obs[:, 0] - ink_luma) > INKED_FIELD_LUMA)
        field_at = _field_of(position, valid, region, (height, width), fields)
        field = _field_colors(field_at[at], line, fields)
        gap = ink_luma - field[:, 0]
        defined = np.abs(gap) >= INKED_DEFINED
        alpha = np.clip((obs_at[:, 0] - field[:, 0]) / np.where(defined, gap, 1.0), 0.0, 1.0)
        placed[local, :2] = field[:, 1:]
        upsampled = _upsampled(placed, 2, box, local)
        chroma = _ink_chroma(obs_at, field, upsampled, alpha, gap, local, inner, placed, box)
        ink = np.array([ink_luma, *chroma], dtype=np.float64)
        # the chroma's opacity where luma leaves it open, the stroke, its chroma placed
        stroke = np.empty((len(alpha), 3))
        stroke_colors(obs_at, field, upsampled, alpha, defined, ink, local, placed, stroke)
        # what the stroke gains over the data (its chroma 4:2:0 upsampled), placed where
        # opaque
        gains = np.empty(len(alpha))
        stroke_gains(obs_at, stroke, _upsampled(placed, 2, box, local), capped, alpha,
                     INKED_ALPHA, local, placed, gains)  # fmt: skip
        opaque = alpha >= INKED_ALPHA
        core = opaque & (_box_sum(placed[:, 2].reshape(box)).ravel()[local] > INKED_EVIDENCE)
        # ... and its antialiased edge beside it (INKED_EDGE_ALPHA)
        edge = (alpha >= INKED_EDGE_ALPHA) & (gains > INKED_EDGE_GAIN)
        edge &= ~defined | (np.abs(obs_at[:, 0] - field[:, 0]) >= INKED_EDGE_LUMA)
        placed[local, 2] = core
        beside = _box_sum(placed[:, 2].reshape(box)).ravel()[local]
        found[at] |= asked & (core | edge & (beside >= INKED_EDGE_NEIGHBOURS))
    return found


def _frame(
    seen: tuple[np.ndarray, np.ndarray], shape: tuple, position: np.ndarray,
    off_map: np.ndarray, also: np.ndarray | None,
) -> tuple:  # fmt: skip
    """:func:`_claimed`'s pixels, whatever the ink: the region judged (mask, flat
    indices), those asked and inner there, their colors and capped squared errors, the
    pixels a field may read, scratch rows per pixel of the region's bounding box (zero
    outside the region: each try writes its rows there before it reads them), and that
    box's shape with the region's indices in it; ``()`` where none is open. The box
    reaches 2 px (a 4:2:0 block) past the region, on even rows and columns, or to the
    picture's edge: a region pixel's 3x3 sums and upsampled blocks read the same values
    in it as in the whole picture."""
    obs, error_data = seen
    open_ = _open(error_data, off_map, shape)
    if also is not None:
        open_ |= also
    if not open_.any():
        return ()
    region = dilated(open_, INKED_REACH, shape)
    at = np.flatnonzero(region)
    inner = dilated(open_, INKED_REACH - 2, shape)[at]  # (whose 4:2:0 blocks it holds)
    capped = np.minimum(error_data[at], INKED_CAP) ** 2
    known = ~np.isnan(position) & ~off_map
    ys, xs = np.divmod(at, shape[1])
    (y0, y1), (x0, x1) = [
        (max(0, 2 * (low // 2 - 1)), min(size, 2 * (high // 2 + 2)))
        for low, high, size in ((ys[0], ys[-1], shape[0]), (xs.min(), xs.max(), shape[1]))
    ]  # fmt: skip
    box = (int(y1 - y0), int(x1 - x0))
    local = (ys - y0) * box[1] + (xs - x0)
    placed = np.zeros((box[0] * box[1], 3))
    return region, at, open_[at], inner, obs[at], capped, known, placed, (box, local)


def _field_colors(field_at: np.ndarray, line: Polyline, fields: dict | None) -> np.ndarray:
    """Y Cb Cr (DN) of the map at positions ``field_at`` (0-1) of the region's pixels.
    ``fields`` keeps the last: a pixel whose field stayed keeps its color (each row's
    arithmetic is its own), only the others are looked up again."""
    last = None if fields is None else fields.get("colors")
    if last is None or len(last[0]) != len(field_at):
        colors = _ycc(line.colors_at(field_at * line.n_bins))
    else:
        moved = np.flatnonzero(field_at != last[0])
        colors = last[1].copy()
        colors[moved] = _ycc(line.colors_at(field_at[moved] * line.n_bins))
    if fields is not None:
        fields["colors"] = (field_at, colors)
    return colors


def _field_of(
    position: np.ndarray, valid: np.ndarray, region: np.ndarray, shape: tuple,
    fields: dict | None,
) -> np.ndarray:  # fmt: skip
    """:func:`_field` at the ``region``'s pixels from the ``valid`` ones. ``fields``
    keeps the last one computed: over the same region a pixel whose window holds no
    pixel whose validity changed keeps its median (an ink's try differs from the last
    only at the lumas between theirs), and only the others are computed again."""
    height, width = shape
    wanted = region
    last = None if fields is None else fields.get("field")
    if last is not None and np.array_equal(fields["region"], region):
        changed = dilated(valid != fields["valid"], INKED_FIELD_RADIUS, shape)
        wanted = region & changed
    field_at = _field(np.nan_to_num(position), valid, wanted, width, height, INKED_FIELD_RADIUS)
    if wanted is not region:
        field_at = np.where(wanted, field_at, last)
    if fields is not None:
        fields.update(field=field_at, valid=valid, region=region)
    return field_at


def _open(error_data: np.ndarray, off_map: np.ndarray, shape: tuple) -> np.ndarray:
    """The undecided pixels a stroke may still claim (flat mask): a stroke's gain on a
    pixel is at most the data's capped squared error (INKED_CAP), so an edge pixel's
    exceeds INKED_EDGE_GAIN and a core's 3x3 holds one above INKED_EVIDENCE / 9."""
    capped = np.minimum(error_data, INKED_CAP) ** 2
    strong = (capped > INKED_EVIDENCE / 9.0).reshape(shape)
    return ~off_map & ((capped > INKED_EDGE_GAIN) | dilated(strong.ravel(), 1, shape))


def _error(obs: np.ndarray, mapped: np.ndarray, shape: tuple) -> np.ndarray:
    """Per pixel: distance (DN) of ``obs`` to ``mapped`` (Y Cb Cr), its chroma 4:2:0'd."""
    chroma_gap = obs[:, 1:] - _upsampled(mapped, 2, shape, first=1)
    return np.sqrt((chroma_gap**2).sum(axis=1) + (obs[:, 0] - mapped[:, 0]) ** 2)


def _ink_chroma(
    obs: np.ndarray, field: np.ndarray, upsampled: np.ndarray, alpha: np.ndarray,
    gap: np.ndarray, at: np.ndarray, inner: np.ndarray, placed: np.ndarray, shape: tuple,
) -> np.ndarray:  # fmt: skip
    """The ink's chroma (Cb, Cr; DN): where opacity is known from luma (INKED_FIT_LUMA),
    the observed chroma is 4:2:0 of alpha * ink + (1 - alpha) * field, linear in the ink.
    Per pixel of the region ``at`` (flat indices), fit on its ``inner`` pixels (whose
    blocks around lie in it); ``placed``: scratch rows per pixel, zero outside it."""
    known = np.where(np.abs(gap) >= INKED_FIT_LUMA, alpha, 0.0)
    placed[at, 0] = known
    placed[at, 1:] = known[:, None] * field[:, 1:]
    spread_mixed = _upsampled(placed, 3, shape, at)
    spread = spread_mixed[:, 0]
    rest = obs[:, 1:] - upsampled + spread_mixed[:, 1:]
    used = inner & (spread >= INKED_FIT_ALPHA)
    if not used.any():
        return np.zeros(2)
    return (spread[used, None] * rest[used]).sum(axis=0) / (spread[used] ** 2).sum()


def _upsampled(values: np.ndarray, depth: int, shape: tuple, at=None, first: int = 0):
    """Per pixel (columns ``first`` to ``first + depth`` of ``values``' rows, a picture of
    ``shape``; only the flat indices ``at`` where given, in order): the mean of its 2x2 block,
    upsampled as libjpeg does (9-3-3-1 of the nearest 4 blocks; edge blocks repeat). Columns
    read in place (a copy took as long as the kernel); one compiled form (views compiled 3)."""
    whole, values = at is None, np.ascontiguousarray(values, dtype=np.float64)
    at = np.empty(0, np.int64) if whole else np.asarray(at, dtype=np.int64)
    return _upsample(values, first, depth, *shape, at, whole)


@nb.njit(parallel=True, **_JIT)
def _upsample(values, first, depth, height, width, at, whole):  # pragma: no cover - jitted
    """``_upsampled``'s loops: block means (an odd edge's block repeats its last pixel),
    then each pixel's (or, not ``whole``, ``at``'s) 9-3-3-1 mix of its block and 3 nearest."""
    rows, cols = (height + 1) // 2, (width + 1) // 2
    blocks = np.empty((rows, cols, depth))
    for by in nb.prange(rows):
        for bx in range(cols):
            for c in range(depth):
                total = 0.0
                for dy in range(2):
                    for dx in range(2):
                        y, x = min(2 * by + dy, height - 1), min(2 * bx + dx, width - 1)
                        total += values[y * width + x, first + c]
                blocks[by, bx, c] = 0.25 * total
    if whole:
        out = np.empty((height * width, depth))
        for y in nb.prange(height):
            for x in range(width):
                _mix(blocks, y, x, out[y * width + x])
        return out
    out = np.empty((at.shape[0], depth))
    for i in nb.prange(at.shape[0]):
        _mix(blocks, at[i] // width, at[i] % width, out[i])
    return out


@nb.njit(inline="always", **_JIT)
def _mix(blocks, y, x, out):  # pragma: no cover - jitted
    """``out[c]``: pixel (y, x)'s 9-3-3-1 mix of its block and the 3 nearest."""
    rows, cols = blocks.shape[0], blocks.shape[1]
    by, bx = y // 2, x // 2
    vy = min(max(by + (2 * (y % 2) - 1), 0), rows - 1)
    hx = min(max(bx + (2 * (x % 2) - 1), 0), cols - 1)
    for c in range(blocks.shape[2]):
        out[c] = (
            9.0 * blocks[by, bx, c] + 3.0 * blocks[vy, bx, c]
            + 3.0 * blocks[by, hx, c] + blocks[vy, hx, c]
        ) / 16.0  # fmt: skip


def _box_sum(values: np.ndarray) -> np.ndarray:
    """Sum over each pixel's 3x3 neighbourhood (zeros outside)."""
    padded = np.pad(values, 1)
    height, width = values.shape
    return sum(
        padded[dy : dy + height, dx : dx + width] for dy in range(3) for dx in range(3)
    )


@nb.njit(parallel=True, **_JIT)
def _field(position, valid, wanted, width, height, radius):  # pragma: no cover - jitted
    """Per ``wanted`` pixel: the median position of the ``valid`` pixels within
    ``radius`` (of all of them where none is valid); see INKED_FIELD_RADIUS. 0 at the
    others. Every position is written and the count moves by its validity (no branch
    to mispredict); all of them are read again only where none was valid (the values
    in the same order: the same median)."""
    out = np.zeros(position.shape[0])
    side = 2 * radius + 1
    for y in nb.prange(height):
        chosen = np.empty(side * side)
        y0, y1 = max(0, y - radius), min(height, y + radius + 1)
        for x in range(width):
            if not wanted[y * width + x]:
                continue
            x0, x1 = max(0, x - radius), min(width, x + radius + 1)
            n_chosen = np.int64(0)  # (a literal 0 compiled _median and _select twice)
            for yy in range(y0, y1):
                for xx in range(x0, x1):
                    q = yy * width + xx
                    chosen[n_chosen] = position[q]
                    n_chosen += np.int64(valid[q])
            if n_chosen == 0:
                for yy in range(y0, y1):
                    for xx in range(x0, x1):
                        chosen[n_chosen] = position[yy * width + xx]
                        n_chosen += 1
            out[y * width + x] = _median(chosen, n_chosen)
    return out


@nb.njit(**_JIT)
def _median(values, n):  # pragma: no cover - jitted
    """``np.median(values[:n])`` (n >= 1), reordering ``values`` in place: no copy (the
    copy numba's median makes took a third of :func:`_field`'s time)."""
    half = n >> 1
    upper = _select(values, n, half)
    if n & 1:
        return upper
    lower = values[0]  # (the largest of the half below: the middle pair's other)
    for i in range(1, half):
        if values[i] > lower:
            lower = values[i]
    return (lower + upper) / 2


@nb.njit(**_JIT)
def _select(values, n, k):  # pragma: no cover - jitted
    """The k-th smallest of ``values[:n]``, left at ``values[k]`` with the smaller ones
    before it (quickselect, median-of-three pivots)."""
    low, high = 0, n - 1
    while high > low:
        mid = (low + high) >> 1
        if values[mid] < values[low]:
            values[low], values[mid] = values[mid], values[low]
        if values[high] < values[mid]:
            values[high], values[mid] = values[mid], values[high]
        if values[mid] < values[low]:
            values[low], values[mid] = values[mid], values[low]
        pivot = values[mid]
        values[high], values[mid] = values[mid], values[high]
        i, j = low, high - 1
        while True:
            while i < high and values[i] < pivot:
                i += 1
            while j >= low and pivot < values[j]:
                j -= 1
            if i >= j:
                break
            values[i], values[j] = values[j], values[i]
            i += 1
            j -= 1
        values[i], values[high] = values[high], values[i]
        if i == k:
            break
        if i < k:
            low = i + 1
        else:
            high = i - 1
    return values[k]
