"""Colors shifted on the way: a gamma, a video range or a brightness change, undone.

A picture that went through a color-managed screenshot (gamma 2.2 read as 1.8), a
video path (full range squeezed into TV range 16-235) or a brightness change holds
every map color moved by one monotone curve per channel. Decoded as it is, each
pixel lands on the nearest map color, which lies off the true one along the map:
values worse than the nearest table color's (4 real fields x 6 maps, 192^2, trial
46's t25: gamma 2.2 -> 1.8 1.17x the k-d tree's error, TV range 1.22x, +4 DN 1.21x)
and holes where the shift leaves the map's reach.

What tells such a picture (:func:`found`): its residual (pixel - nearest map color)
points one way at each stretch of the map (``_lossy.shift_share`` past SHIFT_SHARE),
and one curve per channel, ``offset + gain * 255 * (m / 255) ** gamma`` of the map's
color ``m``, fitted from the pixels to the map colors at their decoded positions and
fitted again once after undoing it, explains the residual: what it leaves is at most
EXPLAINED of it, and it moves some channel FAR DN at least. Noise, resampling and
codecs move colors either way, or not by one curve of the channel: JPEG, resizes and
noise (trial 45's t01, 1,020 pictures), JPEG XL, WebP and AVIF never pass.

Such a picture is decoded with the curve undone (an 8-bit table per channel), and
the result says so (``DecolorizeResult.shift``; ``decolorize`` warns).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._chroma_test import sample_rows
from truepix.color._decolorize._exact import MIN_THRESHOLD, threshold_code
from truepix.color._decolorize._inputs import planned
from truepix.color._decolorize._lossy import shift_share

__all__ = ["ColorShift", "found", "measure", "undone", "undone_plan", "warn_shifted"]

#: The residual's share that is one shift per stretch of the map (``_lossy.shift_share``)
#: at least. Measured (192^2, 4 real + 2 smooth fields x 5 maps): gamma 2.2 -> 1.8, TV
#: range 16-235 and +4 DN 0.95-1.00; JPEG XL d1-d4 0.01-0.37.
SHIFT_SHARE = 0.9
#: The mean squared residual the fitted curves leave, over the picture's own, at most.
EXPLAINED = 0.25
#: ... and the curves move some channel this many DN at least, over the map's colors.
FAR = 2.0
#: Pixels of the plan's sample the shift share is measured on at most.
SHARE_PIXELS = 4096
#: Pixels near the map the fit needs at least, and reads at most (evenly spaced).
MIN_PIXELS, FIT_PIXELS = 1024, 12_000
#: The exponents tried (each with its least-squares offset and gain).
GAMMAS = np.exp(np.linspace(np.log(0.4), np.log(2.5), 121))
#: Fits after the first at most, each from the positions the last one's undoing gives,
#: until the curve moves less than SETTLED DN.
ROUNDS, SETTLED = 8, 0.25
#: ... and then, from the last two, the curve this many times as far along their change
#: (kept where it leaves less residual).
AHEAD = (2.0, 4.0, 8.0)
#: The curves fitted, simplest first: an offset and gain (TV range, brightness), a gamma,
#: all three; the first that leaves at most SIMPLER times the least residual is taken.
MODELS = ("affine", "gamma", "curve")
SIMPLER = 1.5
#: ... plus what rounding to bytes leaves (DN^2: 1/12 a channel).
ROUNDING = 0.25
#: A gamma this close to 1 is none; a blend's face (DN) and video range's ends within
#: VIDEO_ENDS DN (:func:`_blend`, :func:`_video_range`).
GAMMA_ONE, VIDEO_ENDS = 0.03, 2.0
#: A channel whose map colors span fewer DN than this is fitted an offset alone.
MIN_SPAN = 32.0


@dataclass(frozen=True)
class ColorShift:
    """One monotone curve per channel that moved the map's colors: a picture's
    ``offset + gain * 255 * (m / 255) ** gamma`` where the map had ``m`` (DN).

    Examples
    --------
    >>> shift = ColorShift(offset=(16.0,) * 3, gain=(219 / 255,) * 3, gamma=(1.0,) * 3)
    >>> str(shift)
    'range 16-235'
    >>> shift.undone(np.array([[[16, 126, 235]]], np.uint8)).tolist()
    [[[0, 128, 255]]]
    """

    offset: tuple[float, ...]
    gain: tuple[float, ...]
    gamma: tuple[float, ...]

    def shifted(self, colors: np.ndarray) -> np.ndarray:
        """``colors`` (..., 3), DN, as the shift moved them."""
        base = np.clip(np.asarray(colors, dtype=np.float64), 0.0, 255.0) / 255.0
        gamma, gain, offset = (np.asarray(v) for v in (self.gamma, self.gain, self.offset))
        return offset + gain * 255.0 * base**gamma

    def undone(self, pixels: np.ndarray) -> np.ndarray:
        """8-bit ``pixels`` (..., C) with the shift undone on their first three channels."""
        levels = np.arange(256, dtype=np.float64)
        tables = []
        for offset, gain, gamma in zip(self.offset, self.gain, self.gamma):
            base = np.clip((levels - offset) / (255.0 * gain), 0.0, 1.0)
            table = np.round(255.0 * base ** (1.0 / gamma))
            # (a curve past 255 or under 0 clipped the map's ends there: back to them)
            table[255] = 255.0 if offset + gain * 255.0 > 255.5 else table[255]
            table[0] = 0.0 if offset < -0.5 else table[0]
            tables.append(table.astype(np.uint8))
        out = pixels.copy()
        for channel, table in enumerate(tables):
            out[..., channel] = table[pixels[..., channel]]
        return out

    def beyond(self, other: ColorShift, times: float) -> ColorShift:
        """The shift ``times`` as far from this one as ``other`` is (its gamma's log)."""
        offset = np.add(self.offset, times * np.subtract(other.offset, self.offset))
        gain = np.add(self.gain, times * np.subtract(other.gain, self.gain))
        gamma = np.exp(np.log(self.gamma) + times * np.log(np.divide(other.gamma, self.gamma)))
        gain = np.maximum(gain, 0.05)
        return ColorShift(*(tuple(float(v) for v in part) for part in (offset, gain, gamma)))

    def clipped(self) -> float:
        """How many DN of the map's colors at an end the shift clipped to one byte, 0 or
        255, at most (+4 DN: the 4 below 255 all show as 255)."""
        levels = np.linspace(0.0, 255.0, 1021)[:, None].repeat(3, axis=1)
        moved = self.shifted(levels)
        top = levels[moved >= 254.5]
        bottom = levels[moved <= 0.5]
        return float(max(255.0 - top.min(initial=255.0), bottom.max(initial=0.0)))

    def __str__(self) -> str:
        parts = []
        gamma = float(np.mean(self.gamma))
        if abs(gamma - 1.0) > 0.03:
            parts.append(f"gamma ~{gamma:.2f}")
        low = float(np.mean(self.shifted(np.zeros(3))))
        high = float(np.mean(self.shifted(np.full(3, 255.0))))
        if abs(high - low - 255.0) > 3.0:
            parts.append(f"range {low:.0f}-{high:.0f}")
        elif abs(low) > 1.0 or abs(high - 255.0) > 1.0:
            parts.append(f"brightness {(low + high - 255.0) / 2:+.0f} DN")
        return ", ".join(parts) or "per-channel curves"


def warn_shifted(result: Any, decoder: Any, *, stacklevel: int) -> Any:
    """``result``, after a :class:`~truepix.errors.ColorShiftWarning` naming its shift."""
    from truepix.errors import ColorShiftWarning

    cmap = decoder if isinstance(decoder, str) else decoder.cmap
    msg = (
        f"expected the colors of {cmap!r}, got them all shifted ({result.shift}), as a"
        " color-managed screenshot or a video path leaves them: undone before decoding"
        " (DecolorizeResult.shift)"
    )
    warnings.warn(msg, ColorShiftWarning, stacklevel=stacklevel)
    return result


def undone(
    decoder: Any, pixels: np.ndarray, kind: str, scale: float, plan: Any
) -> tuple[ColorShift | None, np.ndarray, str, float, Any]:
    """The shift :func:`found` in a picture (None if none), and its pixels, table kind,
    scale and plan: :func:`undone_plan`'s where a shift was found, else as given."""
    shift = found(decoder, pixels, kind, scale, plan)
    if shift is None:
        return None, pixels, kind, scale, plan
    return (shift, *undone_plan(decoder, pixels, shift))


def undone_plan(
    decoder: Any, pixels: np.ndarray, shift: ColorShift
) -> tuple[np.ndarray, str, float, Any]:
    """``pixels`` with ``shift`` undone, their table kind, scale and plan (``planned``).
    Where the shift clipped the map's end colors, those come back as far off the map as
    it clipped: the automatic threshold is that much past an exact render's at least."""
    pixels, kind, scale, plan = planned(decoder, shift.undone(pixels), "u8", 1.0)
    reach = shift.clipped() + MIN_THRESHOLD
    if decoder.threshold is None and shift.clipped() > 0.0 and plan.threshold < reach:
        plan = replace(plan, threshold=reach, max_code=threshold_code(reach))
    return pixels, kind, scale, plan


def found(
    decoder: Any, pixels: np.ndarray, kind: str, scale: float, plan: Any
) -> ColorShift | None:
    """The shift an 8-bit (H, W, C) picture's colors show (see the module), or None:
    ``kind`` its table, ``plan`` the plan made for it as it is."""
    measured = measure(decoder, pixels, kind, scale, plan)
    if measured is None:
        return None
    share, explained, moved, shift = measured
    if share < SHIFT_SHARE or explained > EXPLAINED or moved < FAR or shift is None:
        return None
    if _blend(shift) and not _video_range(shift):
        return None
    return None if _other_table(decoder, pixels) else shift


def _other_table(decoder: Any, pixels: np.ndarray) -> bool:
    """Whether another catalog map's table holds the picture's colors exactly (OpenCV's
    JET given as matplotlib's jet, up to 8 DN off it by one curve): the off-map warning
    names that map (``_offtable``), no shift is undone."""
    from truepix.color._decolorize import _offtable as offtable

    sample = offtable._sample(pixels, offtable.SAMPLE, offtable.MIN_SAMPLE)
    if pixels.dtype != np.uint8 or sample is None:
        return False
    keys = offtable._keys(sample)
    own = offtable._held(keys, decoder._map)
    return offtable._other_map(decoder, sample, keys, own) is not None


def _blend(shift: ColorShift) -> bool:
    """Whether ``shift`` is the map drawn translucent over a gray (``alpha * m + (1 -
    alpha) * face``: no gamma, a gain under 1), which ``alpha`` and ``facecolor`` decode
    and the off-map warning advises (``_result``): left to them."""
    gamma, gain, offset = shift.gamma[0], shift.gain[0], shift.offset[0]
    if abs(gamma - 1.0) > GAMMA_ONE or gain > 1.0 - GAMMA_ONE:
        return False
    return -VIDEO_ENDS <= offset / (1.0 - gain) <= 255.0 + VIDEO_ENDS


def _video_range(shift: ColorShift) -> bool:
    """Whether ``shift`` takes 0-255 to video's 16-235 (BT.601 / BT.709 limited range),
    a blend at 0.86 over gray 113 in numbers, but what a video path does."""
    low, high = shift.shifted(np.array([[0.0] * 3, [255.0] * 3]))[:, 0]
    return abs(low - 16.0) <= VIDEO_ENDS and abs(high - 235.0) <= VIDEO_ENDS


def measure(
    decoder: Any, pixels: np.ndarray, kind: str, scale: float, plan: Any, *, whole: bool = False
) -> tuple[float, float, float, ColorShift | None] | None:
    """What :func:`found` judges: the residual's shift share, the share of its mean
    square the fitted curves leave, how far (DN) they move a channel at most, and the
    curves; None where no shift is looked for. Past a share under SHIFT_SHARE nothing
    is fitted (``(share, 1, 0, None)``) unless ``whole``."""
    if kind not in decoder._bytes or pixels.ndim != 3 or pixels.shape[-1] < 3:
        return None
    if plan.exact or plan.sharp or decoder._gray_like:
        return None
    sample = sample_rows(pixels)[0]
    flat = sample.reshape(-1, sample.shape[-1])
    # (evenly spaced: ~0.7 ms; contiguous, as every other caller's: one compiled lookup_u8)
    flat = np.ascontiguousarray(flat[:: -(-len(flat) // SHARE_PIXELS)])
    line = decoder._grid(kind, "rgb").line
    codes = decoder._codes(flat, kind, scale, "rgb")
    share = shift_share(flat, scale, codes, plan.max_code, line)
    near = (codes >> kernels.RESIDUAL_SHIFT) <= plan.max_code
    if flat.shape[-1] > 3:
        near &= flat[:, 3] == 255
    rows = np.flatnonzero(near)
    if (share < SHIFT_SHARE and not whole) or len(rows) < MIN_PIXELS:
        return share, 1.0, 0.0, None
    rows = rows[np.linspace(0, len(rows) - 1, min(len(rows), FIT_PIXELS)).astype(np.intp)]
    picked = np.ascontiguousarray(flat[rows])
    before = _mean_square(codes[rows])
    fits = {model: _iterated(decoder, kind, scale, line, picked, codes[rows], model)
            for model in MODELS}  # fmt: skip
    best = min(after for after, _ in fits.values())
    # (the simplest that fits about as well: one that a slide along the map mimics may
    # fit the sample a little better, and the picture worse)
    near_best = SIMPLER * best + ROUNDING
    after, shift = next(fits[model] for model in MODELS if fits[model][0] <= near_best)
    # (over the map's own colors: a curve is no fit past them)
    span = np.linspace(line.vertices[:, :3].min(0), line.vertices[:, :3].max(0), 256)
    moved = float(np.abs(shift.shifted(span) - span).max())
    return share, after / max(before, 1e-12), moved, shift


def _iterated(
    decoder: Any, kind: str, scale: float, line: Any, picked: np.ndarray, codes: np.ndarray,
    model: str,
) -> tuple[float, ColorShift]:  # fmt: skip
    """The mean squared residual (DN^2) ``picked`` pixels (their ``codes``) leave undone,
    and the curve of ``model`` (:func:`_fitted`) fitted, refitted (ROUNDS) and followed
    further (AHEAD)."""
    observed = picked[:, :3].astype(np.float64)
    shift = _fitted(observed, _colors(line, codes), model)
    # again from the positions the undone picture decodes to: a shifted color's nearest
    # map color slid along the map with it, which the first fit takes in part for no shift
    levels = np.linspace(0.0, 255.0, 18)[:, None].repeat(3, axis=1)
    last = shift
    for _ in range(ROUNDS):
        undone = decoder._codes(shift.undone(picked), kind, scale, "rgb")
        last, shift = shift, _fitted(observed, _colors(line, undone), model)
        if np.abs(shift.shifted(levels) - last.shifted(levels)).max() < SETTLED:
            break
    after = _mean_square(decoder._codes(shift.undone(picked), kind, scale, "rgb"))
    # where the map's colors mostly slide along it under the shift (coolwarm's gamma) each
    # round gains little: the rounds' own direction, followed further, is tried too
    for ahead in AHEAD:
        tried = last.beyond(shift, ahead)
        error = _mean_square(decoder._codes(tried.undone(picked), kind, scale, "rgb"))
        if error < after:
            after, shift = error, tried
    return after, shift


def _colors(line: Any, codes: np.ndarray) -> np.ndarray:
    """The map's colors (P, 3), DN, at the positions of packed ``codes``."""
    at = (codes & kernels.POS_MASK) * (line.n_bins / kernels.POS_SCALE)
    return line.colors_at(at)


def _mean_square(codes: np.ndarray) -> float:
    """Mean squared residual (DN^2) of packed ``codes``."""
    residual = (codes >> kernels.RESIDUAL_SHIFT) / kernels.RESIDUAL_STEPS
    return float(np.mean(residual**2))


def _fitted(observed: np.ndarray, colors: np.ndarray, model: str = "curve") -> ColorShift:
    """The one curve that takes the map's ``colors`` to the ``observed`` pixels best in
    all three channels (least squares; clipped samples, 0 or 255, left out): a gamma,
    a range or a brightness change moves every channel alike, and one curve for all
    cannot pass for a slide along the map as a curve per channel can. The map's
    colors are read in quarter DN (each quarter's samples summed). ``model``: "affine"
    (gamma 1), "gamma" (offset 0, gain 1) or "curve" (all three)."""
    seen, made = observed[:, :3].ravel(), np.clip(colors[:, :3].ravel(), 0.0, 255.0)
    kept = (seen > 0.5) & (seen < 254.5)
    seen, made = seen[kept], made[kept]
    if len(seen) < 2 or np.ptp(made) < MIN_SPAN:
        offset = float(np.mean(seen - made)) if len(seen) else 0.0
        return ColorShift((offset,) * 3, (1.0,) * 3, (1.0,) * 3)
    quarter = np.round(made * 4.0).astype(np.intp)
    count = np.bincount(quarter, minlength=1021).astype(np.float64)
    total, squares = np.bincount(quarter, seen, 1021), float(np.sum(seen**2))
    levels = np.flatnonzero(count)
    count, total = count[levels], total[levels]
    gammas = np.ones(1) if model == "affine" else GAMMAS
    curves = 255.0 * (levels / 1020.0)[None, :] ** gammas[:, None]  # (gammas, levels)
    n, sum_y = count.sum(), total.sum()
    sum_x, sum_xx, sum_xy = curves @ count, (curves**2) @ count, curves @ total
    gain = (n * sum_xy - sum_x * sum_y) / np.maximum(n * sum_xx - sum_x**2, 1e-9)
    offset = (sum_y - gain * sum_x) / n
    if model == "gamma":
        gain, offset = np.ones_like(gain), np.zeros_like(offset)
    # (the squared error from the sums: sum (o - a - b x)^2)
    error = (squares - 2 * offset * sum_y - 2 * gain * sum_xy + n * offset**2
             + 2 * offset * gain * sum_x + gain**2 * sum_xx)  # fmt: skip
    error[gain <= 0] = np.inf
    at = int(np.argmin(error))
    return ColorShift((float(offset[at]),) * 3, (float(gain[at]),) * 3, (float(gammas[at]),) * 3)
