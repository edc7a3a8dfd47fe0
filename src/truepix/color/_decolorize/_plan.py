"""What a picture went through, and which of its off-map pixels are still data.

The friendly layer (``_api``) decodes colors; this module plans the decoding from
a sample of the picture (:func:`make_plan`): its noise (the Rayleigh median of the
residuals), the residual threshold past which a pixel is off the map, whether it
was JPEG'd (``chroma_subsampling_test``, :func:`block_score`; which of a JPEG'd
picture's off-map pixels are data is ``_jpeg``'s), whether off-map
pixels may be blends of their neighbours (``unmix``; judged in ``_resampled``) and whether
positions are filtered (:func:`denoise`). A figure's margin (one color outside the map's)
is left out of it all (``_fills``). The kernels live in ``_degraded``, ``_hull`` and
``_marks``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._chroma_test import chroma_errors, sample_rows, scored_rows
from truepix.color._decolorize._fills import color_box, fill_free, sample_fills, without_fills
from truepix.color._decolorize._fills import clean_margin, field_fills
from truepix.color._decolorize._filter import deblocked, denoise, position_noise, true_sigma
from truepix.color._decolorize._grid import dct_grid, luma_grid
from truepix.color._decolorize._exact import (
    MIN_THRESHOLD, NOISE_CAP, exact_share, figure_render, interpolated, threshold_code,
)
from truepix.color._decolorize._grow import dilated
from truepix.color._decolorize._histogram import residual_histogram
from truepix.color._decolorize._dither import inner as dither_inner
from truepix.color._decolorize._near_fills import near_fills, table_fills
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._posterior import Posterior, plan_posterior, tail_threshold
from truepix.color._decolorize._quantized import (
    PALETTE_JPEG, jpeg_palette, palette, palette_fills, palette_picture, palette_spread,
)
from truepix.color._decolorize._swapped import looks_bgr

__all__ = [
    "Plan", "auto_threshold", "block_score", "deblocked", "denoise", "exact_share",
    "luma_grid", "make_plan", "noise_sigma", "palette", "phase_ratio", "sample_rows", "scored_rows",
    "threshold_code", "without_fills", "without_marks",
]  # fmt: skip

#: Chroma weight of the distance on JPEG'd pictures (1 = plain RGB), measured best in
#: benchmarks/colormaps.py; other pictures use plain RGB distance.
JPEG_CHROMA_WEIGHT = 0.1
#: ... and on 4:4:4 JPEG (``Plan.full_chroma``), whose chroma keeps every pixel's own,
#: quantized in the same 8x8 blocks as luma. Real fields (camera, astronaut, coffee,
#: terrain; viridis, jet, coolwarm, magma; 256^2, Pillow), mean error / the k-d tree's,
#: q75 / q50, with the JPEG filter: weight 0.1 0.926 / 0.929 (3 maps; jet 0.98, p99
#: worse than the k-d tree's on 6 of 12 pictures), 0.2 0.906 / 0.914, 0.3 0.902 /
#: 0.911, 0.5 0.913 / 0.918 (3 maps), 0.7 0.930 / 0.935; at 0.3-0.7 the p99 worse on
#: none; 1.0 (plain RGB, no filter) 0.99; twice the filter's noise 0.911-0.926.
#: 4:4:4 pictures take the JPEG filter whatever their chroma detail (FULL_CHROMA_FILTER:
#: magma 0.903 / 0.919 -> 0.898 / 0.911), textured ones the DCT shrinkage (``_full_chroma``).
JPEG_FULL_CHROMA_WEIGHT = 0.3
FULL_CHROMA_FILTER = True
#: The chroma weight of each metric the decoder projects with (``Plan.metric``).
CHROMA_WEIGHTS = {"rgb": 1.0, "luma": JPEG_CHROMA_WEIGHT, "luma444": JPEG_FULL_CHROMA_WEIGHT}
#: Metrics whose positions come from a luma-weighted grid (and residuals from RGB's).
JPEG_METRICS = {"jpeg": "luma", "jpeg444": "luma444"}
#: A JPEG'd picture's chroma is at full resolution (4:4:4) when its 8x8 blocks' DCT
#: at the picture's own grid holds this many times as many zeros as 4 pixels off
#: (:func:`chroma_grid`): 4:4:4 photographs 1.5-2.8, 4:2:0 at most 1.12. Smooth fields
#: JPEG'd 4:4:4 (1.02-1.19) keep the 4:2:0 decoding.
CHROMA_GRID = 1.3
#: A picture is JPEG'd when 4:2:0 subsampling of the map's chroma at the positions
#: luma gives explains its chroma this much better than the map's chroma itself.
JPEG_MODEL_RATIO = 0.7
#: ... while its luma keeps its detail: JPEG stores luma at full resolution, where a
#: 2x upscale (whose interpolated chroma 4:2:0's model also explains: 0.51-0.96)
#: smooths luma as much as chroma. Picture over map luma detail (:func:`block_score`)
#: measured 1.02-4.6 on JPEG'd pictures the model explains (9 maps x 4 fields, q50-q95),
#: 0.89-0.97 on cv2/Pillow bilinear 2x upscales (coolwarm, RdBu_r, twilight, photographs).
LUMA_KEPT = 1.0
#: ... or when 4:2:0 explains its chroma at least somewhat (JPEG_WEAK_RATIO:
#: downscaled pictures stay >= 1.0; smooth noisy ones reach 0.82, 2x upscaled 0.78)
#: and the picture shows a mark of JPEG (:func:`block_score`): its residual jumps at
#: every 8th column BLOCK_SCORE times more than at columns 2-6 away (noise: <= 1.04;
#: JPEG'd smooth fields 1.09-2.6), or its chroma has less detail than the map's at
#: the decoded positions (DETAIL_RATIO; noise adds detail: >= 1.0 on textured fields,
#: 1.5 on smooth ones; JPEG'd textured fields 0.4-1.07) -- while its luma keeps its
#: detail (LUMA_DETAIL; JPEG 1.14-3.3, blocks and ringing add some; resampling
#: smooths it: 0.9-1.0 where the rest looks like JPEG). Measured on 6 maps x 5
#: fields x q50-q95 4:2:0 / 4:4:4, noise 1-3 DN, 0.33-2x resampling (192^2-512^2).
JPEG_WEAK_RATIO = 0.96
#: ... or when its blocks show (BLOCK_SCORE) and its luma keeps its detail, with its
#: chroma no worse explained by 4:2:0 than JPEG_BLOCKED_RATIO times the map's: WebP's
#: lossy mode (VP8: 4x4 transforms in 16x16 macroblocks, 4:2:0) quantizes chroma
#: coarsely enough that 4:2:0's model gains nothing. jet on the camera (256^2, Pillow
#: WebP q30 / q50 / q70): 1.04 / 1.01 / 1.08, blocks 1.14-1.21, luma 1.28-1.48, decoded
#: as resampled with 4.3-4.6 % holes (its edges' chroma taken for shrunk strokes),
#: as JPEG none. Noise 1-3 DN, OpenCV area 0.5x, linear 0.33x, cubic 2x of 4 fields x
#: jet, viridis, RdBu_r, turbo: blocks <= 1.04 or luma <= 1.0 where the ratio is
#: below 1.1 (noise on smooth and terrain fields 0.81-1.0; a 2x cubic upscale 0.93).
JPEG_BLOCKED_RATIO = 1.1
#: ... or, with no blocks (WebP's 4x4 transforms over white noise show no 8x8 grid),
#: when it loses chroma detail (DETAIL_RATIO) while its luma has SPECKLE_LUMA_DETAIL
#: times the map's: data varying at the pixel scale, block-coded (``_speckle`` judges
#: it). jet's white noise (256^2, Pillow WebP q75: ratio 1.04, blocks 1.05, detail 1.08,
#: luma 5.9; 49.9 % holes, now none); the same noisy (2 DN), shrunk 0.5x / 0.33x or
#: upscaled 2x (OpenCV area, linear, cubic): luma 0.94-1.18.
SPECKLE_LUMA_DETAIL = 3.0
BLOCK_SCORE = 1.08
DETAIL_RATIO = 1.1
#: (1.05 missed a discrete map at high quality, whose flat fields JPEG keeps: Spectral's
#: 3 colors on the moon, Pillow q95, luma 1.0499, blocks 1.16, ratio 0.83, read as no
#: JPEG, 1.37 % holes; 7 maps x 3/5/8 colors and 5 continuous maps x 5 fields, q95/q98:
#: luma 0.82-2.99, and 2x/1.5x/0.5x/0.33x resampled, 2 DN noise, 1 DN noise then 2x
#: upscaled, where the other marks look like JPEG: 0.983-0.986)
LUMA_DETAIL = 1.02
#: ... or, whatever its chroma (4:4:4 JPEG keeps it all), when its luma shows JPEG's
#: 8x8 grid (:func:`luma_grid`) in both directions: the boundaries' phase wins this
#: many times as many 8-pixel runs as the phases 2, 4 and 6 pixels away. Measured on
#: 5 maps x 6 real and smooth fields (192^2-512^2): JPEG 4:4:4 2.3-17 at q75, 2.8-23
#: at q50; noise 2 DN, 256-color quantization, 0.5x/0.33x downscaling and 2x
#: upscaling <= 1.56 (the mean change per phase separated 4:4:4 q75 from downscales
#: only down to 1.08 against 1.21: texture masks the grid; votes do not add it up).
LUMA_GRID = 1.9
#: ... and on gray maps, whose pictures have no chroma: measured on 5 fields
#: (256^2) JPEG'd with Pillow 4:2:0, 1.1-4.1 at q90, 2.5-9.6 at q75/q50 (exact
#: renders 1.1-1.34); the filter then takes gray's error from 0.89x the k-d tree's
#: to 0.46x on the smooth field, 0.99x to 0.98x on real ones (benchmarks/colormaps.py).
JPEG_GRAY_GRID = LUMA_GRID
#: ... or, on any map, when the zeros of its 8x8 blocks' DCT show JPEG's grid
#: (:func:`dct_grid`): JPEG'd textured gray fields 1.18-2.5 (q95-q50, Pillow and
#: OpenCV), exact renders, noise 1-3 DN, 256-color quantization, 0.33x-2x resampling
#: 1.00-1.10. On 9 maps x 4 fields (camera, astronaut, moon, smooth; 256^2, with and
#: without matplotlib text and lines): JPEG'd photographs 1.3-3.0 where the other
#: marks missed 4:4:4 (q90-q95; jet q75 with annotations); the others at most 1.09.
JPEG_DCT = 1.15
#: ... at the picture's own 8x8 grid; elsewhere (a picture cut from a JPEG'd one) past
#: JPEG_DCT_SHIFTED: of 10 maps x 5 fields (256^2), every JPEG past 1.15 had its grid
#: there, and turbo's astronaut shrunk 0.33x by area scored 1.157 at another.
JPEG_DCT_SHIFTED = 1.3
#: ... and where most pixels are table colors (noise 0: flat bands, contourf) but some
#: lie past the threshold, when its residual shows JPEG's blocks (BLOCK_SCORE) and its
#: luma has more detail than the map's at the decoded positions: jet contourf figures
#: saved by savefig as JPEG (q50-q95, 100-200 dpi) 1.16-1.45; the same figures resized
#: 0.37-0.5x or 2x by OpenCV (area, linear, cubic) 0.98-1.01 (their blocks 1.07-1.44).
FLAT_JPEG_LUMA = 1.1
#: A discrete map's picture (``Plan.discrete``: a BoundaryNorm's or a few listed colors)
#: is JPEG'd when more than FLAT_OFF_SHARE of its flat pixels near the map (3x3 of one
#: color, within ``_discrete.FLAT_NEAR`` DN) are off it (``flat_off_share``): JPEG
#: moves a flat block's color by its DC's and YCbCr's rounding, 1-3 DN; resampling
#: keeps flat areas on their table color, and noise leaves none flat. The marks above
#: read a continuous map's: chroma at the positions luma gives, which between two
#: colors that are no neighbours in the map's order (a photograph's edges) is no blend
#: of theirs. Measured on 4 maps (jet, coolwarm, turbo, viridis) x BoundaryNorms of 4,
#: 6 and 11 intervals x 5 fields (256^2): JPEG q50-q95 4:2:0 and q75 4:4:4 0.0013-1.0
#: (median 0.92; the lowest, 0.0013-0.04, where jet's and turbo's saturated colors
#: survive JPEG exactly, the other marks find); Pillow bilinear, bicubic, Lanczos 0.5x,
#: box 0.33x and bilinear 2x at most 0.00024; noise sigma 2 none flat. Of the 300
#: JPEG'd ones 31 went undetected (12 with more than 0.2 % holes: jet's 4 colors on
#: the camera at q90 8.3 %, decoded as resampled), now none.
FLAT_OFF_SHARE = 0.01
#: A continuous map's picture of big flat cells (an 8x8 ``imshow(interpolation=
#: "nearest")``, a coarse pcolormesh) JPEG'd at high quality keeps its luma and its
#: chroma's detail at the cells' sharp edges, where 4:2:0's model of jet's chroma
#: fits worse than the map's (1.26-1.28 at q95-q98) and turbo's luma shows no added
#: detail (0.99): none of the marks above said JPEG, and the edges' chroma, smeared
#: 1-3 px, came back as holes (2.1-2.3 %, trial 56). Its flat cells say it: JPEG moves
#: a flat block's color off the table (``flat_off_share``, as FLAT_OFF_SHARE on
#: discrete maps), where exact renders, resampling (OpenCV area / linear 0.5x, cubic
#: 2x, Pillow Lanczos 0.7x), noise 1 DN and alpha over white keep (or leave) none
#: flat off it: 0.00-0.01, JPEG'd 8x8 / 16x16 jet, turbo, viridis q85-q98 0.45-0.85
#: (WebP q90 0.68-0.87). With the residual's blocks (BLOCK_SCORE: 1.18-1.51 there; cut to
#: the axes, whose flat blocks JPEG coded alike, 1.06) or 4:2:0's model fitting better
#: than the map (cut to the axes: 0.95-0.96), and luma detail kept (FLAT_CELLS_LUMA:
#: JPEG 0.99-1.22; a gouraud pcolormesh of viridis, flat off the table in RGB's blends,
#: 0.47-0.78; a seaborn heatmap of 16 px cells, JPEG'd q50-q90, 0.94, which decoded as
#: JPEG lost 1 % of its cells' pixels, as before none). Not a palette's (256 colors or fewer: a quantized or web-dithered
#: picture, a tile of one) nor a dithered one's local means (``_dither``): their colors
#: are means, off the table by nature. A color shift (2-3 DN, gamma 1.1, TV range) is
#: flat off the table too (0.19-1.0): ``_shift`` undoes it after the plan, JPEG or not.
FLAT_CELLS_OFF = 0.2
FLAT_CELLS_LUMA = 0.96
#: Pixels of the sample the block and detail statistics read (whole rows).
BLOCK_PIXELS = 20_000
#: The spatial filter's noise, in units of the estimated noise sigma.
NOISE_DENOISE_SIGMAS = 1.5
#: ... and on JPEG'd pictures (their blocks are smoothed; texture is kept).
JPEG_DENOISE_SIGMAS = 1.0
JPEG_MAX_SMOOTHING = 1.5
#: ... and on JPEG'd textured fields (whose chroma has no more detail than the map's),
#: which had no filter: the grid's DCT shrinkage (``_deblock``) assuming this share of
#: that noise, which keeps the texture and smooths luma's quantization. Real fields
#: (terrain, camera, astronaut, moon; 12 maps, 256^2, Pillow 4:2:0), mean error / the
#: k-d tree's at q90 / q75 / q50: no filter 0.751 / 0.814 / 0.851; share 1.0 0.742 /
#: 0.805 / 0.844, 1.4 0.742 / 0.802 / 0.841; the noise uncapped (2.5 or 4 DN at most)
#: 0.758 / 0.804 / 0.837 and 0.792 / 0.816 / 0.839: the residual's noise, which 4:2:0's
#: chroma adds to, tells q90 from q50 badly (``_deblock`` has the known-quality best).
#: (Measured with four overlapping shifts; ``_deblock``'s one pass: 0.746 / 0.805 / 0.841.)
JPEG_TEXTURE_SHARE = 1.4
#: ... and on JPEG'd gray maps' textured fields (:func:`_deblock.luma_texture` above
#: GRAY_TEXTURE, DN) instead of the planes, assuming this share of JPEG_MAX_SMOOTHING.
#: gray's real fields, q90 / q75 / q50: planes 0.976 / 0.978 / 0.975; share 1.0 0.942 /
#: 0.967 / 0.978, 1.4 0.932 / 0.956 / 0.969, 2.0 0.934 / 0.944 / 0.956, 2.8 0.968 /
#: 0.939 / 0.941 (``_deblock``'s one pass at 2.0: 0.952 / 0.962 / 0.963; 2.8: 0.955 /
#: 0.957 / 0.954). Its smooth field keeps the planes (with this filter q75 0.43 -> 0.69).
GRAY_TEXTURE_SHARE = 2.0
GRAY_TEXTURE = 30.0
#: Automatic residual threshold, DN; exact renders match at 0 (``_exact.MIN_THRESHOLD``). Degraded
#: pictures get ``max(5 sigma, 1.25 * 99th percentile)`` of residuals up to MAX_THRESHOLD
#: (farther: strokes), over THRESHOLD_RADIUS from such unless JPEG'd (jet moon q95: 0.27 %
#: holes): gray strokes' edges (1.24x figures) made it 38.1 DN for 20.6 (magma); now 15.6.
MAX_THRESHOLD = 40.0
THRESHOLD_SIGMAS = 5.0
THRESHOLD_QUANTILE = 0.99
THRESHOLD_RADIUS = 1
#: Noise below this sigma (DN) is not worth a spatial filter.
MIN_DENOISE_SIGMA = 0.5
#: Pixels at least this far from the map (DN; UNMIX_SIGMAS noise sigmas) may be blends.
UNMIX_MIN_RESIDUAL = 2.0
UNMIX_SIGMAS = 4.0
#: ... when at least this share of the pixels are such candidates.
UNMIX_MIN_SHARE = 0.001
#: Noisy pictures (white noise, filtered) take their pixels' positions from the
#: posterior over the table's bins (``_posterior``) rather than the projection.
POSTERIOR = True
#: Rayleigh median / sigma: the residual of 3-D isotropic noise around a curve.
_RAYLEIGH_MEDIAN = math.sqrt(2.0 * math.log(2.0))
#: RGB -> YCbCr as JPEG (JFIF) computes it, offsets left out.
_YCBCR = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])


@dataclass(frozen=True)
class Plan:
    """What a picture's sample says about decoding all of it."""

    noise: float  # sigma, DN
    threshold: float  # DN
    max_code: int  # the largest residual code kept
    jpeg: bool
    denoise: bool
    smoothing: float  # sigma (DN) the spatial filter assumes
    unmix: bool
    unmix_residual: float  # DN: pixels farther than this from the map may be blends
    exact: bool  # (nearly) all pixels near the map are table colors: an exact render
    sharp: bool  # ... that no resampling blended (``exact_render``)
    off_map: bool = True  # some of the sample's pixels are past the threshold
    subsampled: bool = True  # JPEG's 4:2:0 model explains its chroma better than the map
    #: Gaussian-like noise (not JPEG's): its variance per bin of the map, in positions
    white: np.ndarray | None = None
    #: ... and the posterior that gives the pixels' positions (``_posterior``)
    posterior: Posterior | None = None
    #: at most PALETTE_COLORS colors, most of them table colors: its off-map ones are
    #: means of map colors (``unmix`` judges them with a tight hull)
    palette: bool = False
    #: red and blue swapped fit the map far better (``cv2.imread``'s BGR): warned
    bgr: bool = False
    #: flat fills (``_fills``): boxes of colors NaN under the automatic threshold
    fills: np.ndarray | None = None
    #: the map is a few colors (``ColormapEntry.discrete``, a BoundaryNorm's painted ones)
    discrete: bool = False
    #: ... resampled: its off-map pixels mostly means of the fields around them
    #: (``_discrete.field_share``), each decoded as the color it weighs most
    fields: bool = False
    #: JPEG'd with chroma at full resolution (4:4:4: CHROMA_GRID)
    full_chroma: bool = False
    #: the DCT denoiser alone filters (JPEG'd textured fields: JPEG_TEXTURE_SHARE)
    dct: bool = False
    #: a lossy codec's, no JPEG's (``_lossy``): decoded as JPEG'd, its strokes as speckle's
    lossy: bool = False

    @property
    def metric(self) -> str:
        """The metric positions are decoded with (JPEG_METRICS, or plain ``"rgb"``)."""
        return ("jpeg444" if self.full_chroma else "jpeg") if self.jpeg else "rgb"

    @property
    def line_metric(self) -> str:
        """The metric of the polyline the positions lie on."""
        return JPEG_METRICS.get(self.metric, "rgb")


def without_marks(result: Any, pixels: np.ndarray, plan: Plan, decoder: Any = None) -> Any:
    """``result`` (a ``DecolorizeResult`` of ``pixels``) with what the plan says is no
    data NaN: a figure's margin (``_fills``) and, on JPEG'd pictures (and others no exact
    render: seaborn's YlGnBu figure of 6x8 cells at q75 reads as no JPEG), see-through
    lines ruled across a map (``_gridlines``), the numbers written in a heatmap's cells
    (``_cellmarks``: on exact ones both are off the map already) and see-through patches
    (``_overlays``, with the ``decoder``'s map)."""
    result = without_fills(result, pixels, plan)
    if plan.jpeg or not plan.exact:  # (the lines first: ruled over a field, no cells' edges)
        # (imported here: an exact render's first decode loads none of them, _LAZY)
        from truepix.color._decolorize._cellmarks import without_cell_marks
        from truepix.color._decolorize._gridlines import without_ruled_lines
        from truepix.color._decolorize._overlays import without_overlays

        result, unruled = without_ruled_lines(result, pixels, plan.fills)
        if decoder is not None:  # (before the cells: their fill gives back a flat cell's own)
            result = without_overlays(result, pixels, plan.fills, decoder)
        return without_cell_marks(result, unruled, plan.fills)
    return result


#: _LAZY: the modules only JPEG'd, noisy, resampled, discrete or gray pictures read are
#: imported where those are decided, not with this module: an exact render's first
#: decode in a new process imports none of them (9 modules: import and first decode of
#: a 1 MP exact PNG, CPU, median of 5 processes, 691 -> 672 ms).


def _discrete() -> Any:
    """``_discrete``, imported at its first use (see _LAZY)."""
    from truepix.color._decolorize import _discrete

    return _discrete


def make_plan(
    decoder: Any, pixels: np.ndarray, kind: str, scale: float, try_jpeg=True, given=None
) -> Plan:
    """Noise, threshold, JPEG or not, and smoothing, from a sample of the picture;
    ``given``: the picture as given when float or 16-bit (``_gray_levels``)."""
    shape = pixels.shape[:-1]
    spatial = len(shape) == 2 and min(shape) >= 6
    sample, step = sample_rows(pixels) if spatial else (pixels, 1)
    flat = sample.reshape(-1, sample.shape[-1])
    codes = decoder._codes(flat, kind, scale, "rgb")
    bounds = color_box(decoder._map.lut_bytes)
    # a margin's one color is no data: left out of what the sample measures
    fills, kept = sample_fills(flat, scale, bounds, codes)
    if spatial and len(fills):  # (one exact color or a solid area: no JPEG'd speckle)
        from truepix.color._decolorize._solid_fills import solid_fills  # (_LAZY)

        fills = solid_fills(pixels, fills, scale)
        kept = fill_free(flat, fills) if len(fills) else slice(None)
    hist = residual_histogram(codes[kept])
    found = (fills, kept, hist, noise_sigma(hist))
    # (and a fill near the map, off it, where the rest reads no noise: ``_near_fills``)
    fills, kept, hist, noise = near_fills(flat, scale, bounds, codes, found, noise_sigma)
    # (a margin on the table, white on ocean's end, measures no noise: ``table_fills``)
    kept, hist, noise = table_fills(flat, codes, (fills, kept, hist, noise), noise_sigma)
    # a discrete picture resampled: its flat fields' many painted colors are no exact
    # render, its means of few colors no palette's cells, no fills (``_discrete``)
    fields, blend_pixels, blend_found = False, None, None
    if decoder._map.discrete and spatial:
        from truepix.color._decolorize._discrete import FIELD_SHARE, field_share  # (_LAZY)

        share, blend_pixels, blend_found = field_share(
            codes, sample, scale, decoder._grid(kind, "rgb").line, MIN_THRESHOLD
        )  # fmt: skip
        fields = share >= FIELD_SHARE
    # (exact renders' pixels on the map all table colors: no palette's cells there)
    quantized = (
        spatial and not fields and exact_share(hist) < 1.0
        and palette_picture(flat, math.prod(shape))
    )  # fmt: skip
    keys = decoder._keys() if kind in decoder._bytes else None  # (its table entries)
    exact, sharp, sharp_threshold = False, False, MIN_THRESHOLD
    if not fields:
        exact, sharp, sharp_threshold = figure_render(  # (banded: a big one's sample)
            hist, codes, sample, scale, spatial, bounds, quantized, kept, keys, sample is not pixels
        )  # fmt: skip
    if fields and len(fills):
        fills = field_fills(fills, flat, blend_pixels, blend_found)
        kept = fill_free(flat, fills) if len(fills) else slice(None)
        hist = residual_histogram(codes[kept])
        noise = noise_sigma(hist)
    # sharp: its few other pixels are what was drawn over it, not noise; a palette's
    # colors past the threshold are means of its cells (octree), unless JPEG's (PALETTE_JPEG)
    cells_only = quantized and hist[threshold_code(auto_threshold(hist, noise)) + 1 :].any()
    tried = bool(cells_only and not sharp and spatial and try_jpeg and PALETTE_JPEG)
    if sharp or (cells_only and not tried):
        noise = 0.0
    auto = sharp_threshold if sharp else auto_threshold(hist, noise, quantized)
    threshold = auto if decoder.threshold is None else decoder.threshold
    max_code = threshold_code(threshold)
    # (a palette's spread is no fit: an exact render's red and blue swapped fit within it)
    fit = min(max_code, threshold_code(auto_threshold(hist, noise))) if quantized else max_code
    bgr = looks_bgr(decoder, kind, scale, flat, hist, noise, fit, codes, kept)
    # (chroma_420: 4:2:0's model fits better than the map's own chroma; gray: strokes_420)
    # (smoothing: sigma, DN, of the noise the spatial filter removes)
    jpeg, subsampled, chroma_420, smoothing, full_chroma = False, False, True, 0.0, False
    dct, lossy = False, False
    # (a discrete map's flat areas: see FLAT_OFF_SHARE)
    flat_jpeg = bool(
        decoder._map.discrete and spatial and not (exact or sharp)
        and _discrete().flat_off_share(codes, sample) > FLAT_OFF_SHARE
    )  # fmt: skip
    if spatial and noise > 0.0:
        # (what only noisy pictures read, imported here: _LAZY)
        from truepix.color._decolorize._data_grid import jpeg_grid
        from truepix.color._decolorize._deblock import quality_share
        from truepix.color._decolorize._full_chroma import full_chroma as full_chroma_grid
        from truepix.color._decolorize._full_chroma import full_chroma_filter
        from truepix.color._decolorize._lattice import strokes_420
        from truepix.color._decolorize._lossy import smooth_lossy

        # JPEG's 4:2:0 chroma is a smoothed copy of the chroma the map has at the
        # positions luma alone gives; a noisy or resampled picture's is not
        ratios = (JPEG_MODEL_RATIO, JPEG_WEAK_RATIO, 1.0)  # all it is compared with
        past = hist[max_code + 1 :].sum() / max(hist[1:].sum(), 1)  # (_chroma_test.WIDE_SHARE)
        e_map, e_model = chroma_errors(
            decoder, kind, scale, sample, step, max_code, ratios, _YCBCR, fills, past
        )  # fmt: skip
        blocks, detail, luma_detail = block_score(
            flat, scale, codes, sample.shape[1], max_code, decoder._grid(kind, "rgb").line
        )
        marked = blocks > BLOCK_SCORE or detail < DETAIL_RATIO
        # (an upscale's chroma fits 4:2:0's model too, but it smooths luma as well)
        subsampled = bool(e_model < JPEG_MODEL_RATIO * e_map and luma_detail > LUMA_KEPT)
        chroma_420 = strokes_420(pixels, scale) if decoder._gray_like else bool(e_model < e_map)
        jpeg = subsampled or bool(
            e_model < JPEG_WEAK_RATIO * e_map and marked and luma_detail > LUMA_DETAIL
        )
        # (a block-coded picture whose chroma its quantization, more than 4:2:0, moved)
        jpeg = jpeg or bool(e_model < JPEG_BLOCKED_RATIO * e_map and blocks > BLOCK_SCORE
                            and luma_detail > LUMA_DETAIL)  # fmt: skip
        # (speckle block-coded: its chroma detail lost, its luma's kept many times over)
        jpeg = jpeg or bool(e_model < JPEG_BLOCKED_RATIO * e_map and detail < DETAIL_RATIO
                            and luma_detail > SPECKLE_LUMA_DETAIL)  # fmt: skip
        # (a palette of a JPEG: its cells' means scatter chroma past 4:2:0's model too)
        jpeg = jpeg or bool(quantized and jpeg_palette(
            flat, (e_map, e_model), luma_detail, detail < DETAIL_RATIO))  # fmt: skip
        marks = (LUMA_GRID, JPEG_DCT, JPEG_DCT_SHIFTED, BLOCK_SCORE)  # (``_data_grid``)
        residual = (codes, max_code, kept)  # (white noise's: a field's own grid, coins)
        jpeg = jpeg or flat_jpeg or jpeg_grid(pixels, sample, blocks, marks, residual)
        # (big flat cells at high quality: their blocks moved off the table, FLAT_CELLS_OFF)
        jpeg = jpeg or bool(
            luma_detail > FLAT_CELLS_LUMA and not (palette(flat) or dither_inner())
            and (blocks > BLOCK_SCORE or e_model < e_map)
            and _discrete().flat_off_share(codes, sample) > FLAT_CELLS_OFF
        )  # fmt: skip
        # (a codec's smooth error, no JPEG's nor a palette's nor a dither's means': JPEG XL's)
        lossy = luma_detail > LUMA_KEPT and not (quantized or dither_inner()) and smooth_lossy(
            pixels, sample, scale, codes, max_code, noise, kept,
            decoder._grid(kind, "rgb").line, jpeg, chroma_420)  # fmt: skip
        # (4:2:0's model, its luma kept, is the data's own mark: no margin's veto)
        jpeg = (jpeg or lossy) and (subsampled or not clean_margin(pixels, fills))
        # (4:2:0's chroma_errors may miss; its chroma never shows the 8x8 grid)
        full_chroma = jpeg and not subsampled and full_chroma_grid(pixels, CHROMA_GRID)
        if noise >= MIN_DENOISE_SIGMA:
            smoothing = NOISE_DENOISE_SIGMAS * noise
            if jpeg:
                # JPEG's error is noise-like (blocks, ringing) where the picture's chroma
                # has more detail than the map's: smooth fields, whose blocks the filter
                # smooths. On textured ones lost detail dominates, which no filter
                # brings back: the DCT denoiser smooths luma's quantization there.
                # Along the map the error is luma's quantization, however much chroma
                # 4:2:0 lost at edges adds to the residual: capped.
                smoothing = min(JPEG_DENOISE_SIGMAS * noise, JPEG_MAX_SMOOTHING)
                # (a discrete map's positions are its bins': none between to smooth)
                if full_chroma and FULL_CHROMA_FILTER:  # (4:4:4: textured by luma)
                    smoothing, dct = full_chroma_filter(pixels, smoothing, decoder._map.discrete)
                elif detail <= 1.0:  # (times the quality's share: ``_deblock``)
                    smoothing, dct = JPEG_TEXTURE_SHARE * smoothing * quality_share(pixels), True
                    smoothing = 0.0 if decoder._map.discrete else smoothing
    elif spatial and pixels.shape[-1] >= 3 and decoder._gray_like:
        # a gray map's pictures keep every pixel on the map: no residual shows noise.
        # JPEG shows itself by its blocks in luma (JPEG_GRAY_GRID), and its error
        # along the map is luma's quantization: the JPEG filter, noise capped.
        jpeg = flat_jpeg or luma_grid(pixels, sample) > JPEG_GRAY_GRID or _dct_jpeg(pixels)
        jpeg = jpeg and not clean_margin(pixels, fills)
        # (an exact render of blocky data holds no level its table lacks: ``_gray_levels``)
        from truepix.color._decolorize._gray_levels import held_levels_only  # (_LAZY)

        jpeg = jpeg and not held_levels_only(decoder, sample, kind, given)
        smoothing = JPEG_MAX_SMOOTHING if jpeg else 0.0
        # (textured fields: the grid's DCT shrinkage, GRAY_TEXTURE_SHARE)
        from truepix.color._decolorize._deblock import luma_texture  # (_LAZY)

        if jpeg and not decoder._map.discrete and luma_texture(pixels) > GRAY_TEXTURE:
            smoothing, dct = GRAY_TEXTURE_SHARE * smoothing, True
    elif spatial and not (exact or sharp) and hist[max_code + 1 :].sum() > 0:
        # flat areas JPEG'd decode to table colors (noise 0); their edges' ringing
        # would be holes. Resampling smooths luma, JPEG's blocks add to it
        jpeg = flat_jpeg
        if pixels.shape[-1] >= 3 and not palette(flat) and not jpeg:
            line = decoder._grid(kind, "rgb").line
            blocks, _, luma = block_score(flat, scale, codes, sample.shape[1], max_code, line)
            jpeg = blocks > BLOCK_SCORE and luma > FLAT_JPEG_LUMA
            # (an interpolation's ramps are no JPEG's: a gouraud pcolormesh of jet, a
            # ramp every 14 pixels, scored blocks 1.10 by chance; 13 % holes as JPEG)
            jpeg = jpeg and not interpolated(
                flat, scale, sample.shape[1], (codes >> kernels.RESIDUAL_SHIFT) > max_code
            ).any()
        jpeg = jpeg and not clean_margin(pixels, fills)
        if flat_jpeg and pixels.shape[-1] >= 3:
            # (4:4:4 keeps each pixel's chroma: judged against 4:2:0's model, turbo's
            # 6 colors on the camera at q75 kept 20.5 % holes)
            e_map, e_model = chroma_errors(
                decoder, kind, scale, sample, step, max_code, (1.0,), _YCBCR, fills
            )  # fmt: skip
            chroma_420 = bool(e_model < e_map)
    if tried and not jpeg:
        return make_plan(decoder, pixels, kind, scale, try_jpeg=False, given=given)
    threshold, max_code = stroke_free(decoder, codes, kept, sample, noise, threshold, jpeg or sharp)
    filtered = smoothing > 0.0 if decoder.denoise is None else decoder.denoise and spatial
    white = filtered and not jpeg and noise > 0.0
    # Blends of neighbours: resampled and antialiased pictures. Not JPEG'd ones:
    # off-map colors there come from chroma lost at edges, not blending, and the
    # local hull would take JPEG'd strokes of text for data; JPEG's model judges them
    # (jpeg_off_map), also where only JPEG's other marks revealed it (jet and turbo on
    # photographs: 4:2:0 fits less well where luma turns; their holes are 4:2:0's).
    # (blends of far-apart colors can pass for noise: hsv fringes shrunk 0.5x, 18 DN;
    # past the threshold they would all be holes, so the threshold caps the candidates;
    # capped (MAX_THRESHOLD) under THRESHOLD_SIGMAS, the window still reaches those)
    unmix_residual = min(max(UNMIX_MIN_RESIDUAL, UNMIX_SIGMAS * noise), threshold)
    first = int(unmix_residual * kernels.RESIDUAL_STEPS) + 2  # codes above it
    # (past the threshold: a palette picture's means of map colors, a resampled heatmap's
    # edges between cells read noise 0, an unfiltered resampling's cubic overshoot)
    paletted = noise == 0.0 and not sharp and spatial and not fields and palette(flat)
    cells = paletted or (noise == 0.0 and not exact and spatial)
    last = threshold_code(NOISE_CAP) if cells or not (exact or filtered) else max_code
    if (exact or filtered) and not cells and unmix_residual < threshold >= MAX_THRESHOLD:
        last = max(last, threshold_code(THRESHOLD_SIGMAS * noise))
    blended = hist[first : last + 1 if first <= last else None].sum()
    unmix = spatial and not jpeg and (fields or blended > UNMIX_MIN_SHARE * hist[1:].sum())
    if white and POSTERIOR and unmix:
        threshold, unmix = noise_or_blends(decoder, kind, hist, codes[kept], noise, threshold)
        max_code = threshold_code(threshold)
    posterior, white_noise = None, None
    # (not where pixels may be blends: their colors are no noisy table colors)
    if white and POSTERIOR and not unmix:
        posterior = plan_posterior(decoder, kind, noise, codes[kept], NOISE_CAP)
        white_noise = posterior.noise
        if decoder.threshold is None:  # the noise's own tail is data, whatever the size
            threshold = tail_threshold(threshold, posterior.sigma, math.prod(shape), MAX_THRESHOLD)
            max_code = threshold_code(threshold)
    elif white and not decoder.cyclic:
        white_noise = position_noise(decoder, kind, noise, codes[kept], NOISE_CAP)
    fills = palette_fills(fills, flat, codes, max_code) if quantized and not sharp else fills
    return Plan(
        noise, threshold, max_code, jpeg, filtered, max(smoothing, MIN_DENOISE_SIGMA),
        unmix, unmix_residual, exact, sharp,
        bool(hist[max_code + 1 :].sum() > 0 or len(fills)), chroma_420,
        # JPEG's error is no white noise: its filter stays as set above. Cyclic maps
        # choose their filter with the posterior's noise (twilight, real fields, 2 DN:
        # the fixed filter 0.93x the k-d tree's error, this 0.88x); without the
        # posterior they keep the fixed one (folds make the projections' spread no noise)
        white_noise, posterior, paletted, bgr, fills if decoder.threshold is None else None,
        discrete=decoder._map.discrete, fields=fields and not jpeg, full_chroma=full_chroma,
        dct=dct, lossy=lossy and jpeg,
    )  # fmt: skip


def noise_or_blends(
    decoder: Any, kind: str, hist: np.ndarray, codes: np.ndarray, noise: float, threshold: float
) -> tuple[float, bool]:
    """The threshold, and whether pixels may be blends, judged by the noise the
    posterior corrects ``noise`` to (:func:`true_sigma`).

    Where a map's channels saturate or it turns (jet), noise hides from the
    residuals: 2 DN reads as 1.3, and the noise's own tail passes UNMIX_SIGMAS of it.
    Taken for blends, such pictures lost the posterior (jet's real fields at 1 DN:
    1.04x the k-d tree's error, 0.95x with it). Blends of neighbours (resampled
    pictures) stay farther out than the corrected noise reaches: they keep the
    threshold and the unmixing they had.
    """
    sigma = true_sigma(decoder, kind, noise, codes, NOISE_CAP)
    if THRESHOLD_SIGMAS * sigma > MAX_THRESHOLD:
        # (hsv resampled 0.5x reads 16 DN, corrected to 31: the blends' far tail passes any)
        return threshold, True  # no noise whose tail the threshold can keep
    noisy = threshold
    if decoder.threshold is None:
        noisy = max(threshold, auto_threshold(hist, sigma))
    first = int(max(UNMIX_MIN_RESIDUAL, UNMIX_SIGMAS * sigma) * kernels.RESIDUAL_STEPS) + 2
    max_code = threshold_code(noisy)
    blended = hist[first : max_code + 1].sum() if first <= max_code else 0
    if blended > UNMIX_MIN_SHARE * hist[1:].sum():
        return threshold, True  # blends after all: decoded as before
    return noisy, False


def phase_ratio(means: np.ndarray) -> float:
    """JPEG's blocks in the (8, 3) mean absolute steps between neighbouring columns per
    column phase (mod 8) and channel: per channel, the phase that stands out over the
    phases 2-6 columns away, by how much; the largest ratio (1 when none stands out)."""
    blocks = 1.0
    for channel in range(3):
        phase = int(np.argmax(means[:, channel]))
        others = means[(phase + np.arange(2, 7)) % 8, channel].max()
        if others > 0:
            blocks = max(blocks, float(means[phase, channel] / others))
    return blocks


def block_score(
    flat: np.ndarray, scale: float, codes: np.ndarray, width: int, max_code: int,
    line: Polyline,
) -> tuple[float, float, float]:  # fmt: skip
    """Marks of JPEG on a picture's rows: its 8x8 blocks, its lost chroma detail.

    ``blocks``: the residual (observed color minus the map's color at the decoded
    position), in YCbCr; per channel the mean absolute step between neighbouring
    columns for each column phase (mod 8). JPEG's blocks make one phase stand out
    over the phases 2-6 columns away (the phase is free: a crop moves it); noise,
    resampling and exact pictures have no such phase. The largest ratio over
    channels (1 when nothing stands out).

    ``detail``: the picture's chroma detail (mean absolute second difference along
    rows) over the detail the map's chroma has at the decoded positions. 4:2:0
    keeps a quarter of the chroma samples and interpolates the rest: well below 1;
    noise adds detail: 1 or more. ``luma_detail``: the same for luma, which JPEG
    keeps at full resolution and resampling smooths like chroma.
    """
    from truepix.color._decolorize._marks import GUIDE_CELLS, block_marks, interp_table  # (_LAZY)

    if width < 16:
        return 1.0, 1.0, 1.0
    every = max(1, len(flat) // BLOCK_PIXELS)  # rows enough for the statistics
    xp, fp, slopes, period = interp_table(line.positions, line.vertices, line.n_bins, line.cyclic)
    n_cells = GUIDE_CELLS * len(xp)  # (where the kernel's vertex walks start)
    per_bin = n_cells / line.n_bins
    steps = np.zeros((8, 3))
    counts = np.zeros(8, dtype=np.int64)
    sums = np.zeros(4)  # luma, chroma, map luma, map chroma detail
    block_marks(  # pixels read-only, however they came: one compile
        kernels.readonly(flat), scale, codes, width, every, max_code, xp, fp, slopes, period,
        line.n_bins / kernels.POS_SCALE, float(line.n_bins), _YCBCR, n_cells, per_bin, steps,
        counts, sums,
    )  # fmt: skip
    blocks = phase_ratio(steps / np.maximum(counts, 1)[:, None])
    luma, chroma, map_luma, map_chroma = (float(total) for total in sums)
    return (
        blocks,
        chroma / map_chroma if map_chroma > 0 else 1.0,
        luma / map_luma if map_luma > 0 else 1.0,
    )


def _dct_jpeg(pixels: np.ndarray) -> bool:
    score, own = dct_grid(pixels)
    return score > (JPEG_DCT if own else JPEG_DCT_SHIFTED)


def noise_sigma(hist: np.ndarray) -> float:
    """Noise sigma (DN) from the histogram of residual codes: Rayleigh median."""
    cap = int(NOISE_CAP * kernels.RESIDUAL_STEPS) + 1
    counts = hist[1 : cap + 1]
    total = counts.sum()
    if total == 0:
        return 0.0
    median_code = int(np.searchsorted(np.cumsum(counts), (total + 1) / 2))
    return median_code / kernels.RESIDUAL_STEPS / _RAYLEIGH_MEDIAN


def auto_threshold(hist: np.ndarray, noise: float, quantized: bool = False) -> float:
    """The residual threshold (DN) a picture's residual histogram calls for (a palette
    picture's at least its palette's spread: ``_quantized.palette_spread``)."""
    if noise == 0.0:
        spread = palette_spread(hist) if quantized else 0.0
        return float(min(max(MIN_THRESHOLD, spread), MAX_THRESHOLD))
    cap = int(MAX_THRESHOLD * kernels.RESIDUAL_STEPS) + 1
    counts = hist[1 : cap + 1]
    quantile = 0.0
    if counts.sum() > 0:
        rank = THRESHOLD_QUANTILE * counts.sum()
        quantile = float(np.searchsorted(np.cumsum(counts), rank)) / kernels.RESIDUAL_STEPS
    threshold = max(THRESHOLD_SIGMAS * noise, 1.25 * quantile)
    return float(min(max(threshold, MIN_THRESHOLD), MAX_THRESHOLD))


def stroke_free(decoder: Any, codes: np.ndarray, kept: Any, sample: np.ndarray, noise: float,
                threshold: float, jpeg: bool) -> tuple[float, int]:  # fmt: skip
    """Threshold (DN) and code of ``kept`` pixels THRESHOLD_RADIUS from any past MAX_THRESHOLD."""
    if jpeg or noise == 0.0 or decoder.threshold is not None or sample.ndim != 3:
        return threshold, threshold_code(threshold)
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(sample.shape[:-1])
    counted = ~dilated(steps > threshold_code(MAX_THRESHOLD), THRESHOLD_RADIUS).ravel()
    free = auto_threshold(residual_histogram(codes[kept][counted[kept]]), noise)
    return free, threshold_code(free)
