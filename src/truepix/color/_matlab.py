"""MATLAB's colormaps as MATLAB draws them: ``"matlab:jet"``, ``"matlab:parula_64"``.

matplotlib's ``jet`` is not MATLAB's: MATLAB's ``jet(m)`` starts at blue 0.5625
(m = 64) where matplotlib's starts at 0.5. The tables here follow MATLAB's own
definitions: the formula maps (``jet``, ``hot``, ``cool``, ``spring``, ``summer``,
``autumn``, ``winter``, ``gray``, ``bone``, ``copper``, ``pink``, ``hsv``) from the
formulas of their MATLAB functions, as MathWorks documents and ships them;
``parula`` from the 256-entry table of R2017a and later (``data/matlab_parula256.csv``),
other lengths interpolated linearly as ``parula.m`` does; ``parula_2014b`` is the
parula of R2014b-R2016b, a different table (starting at 0.2081 0.1663 0.5292 where
today's starts at 0.2422 0.1504 0.6603), from its published 64-entry table
(``data/matlab_parula64.csv``), interpolated the same way; ``turbo`` from Google's
published 256-entry table (``data/google_turbo256.csv``, other lengths
interpolated linearly); ``lines`` repeats MATLAB's seven default line colors
(``data/matlab_lines.csv``); ``colorcube`` is MATLAB's documented construction
(a regular RGB cube without its grays and pure colors, then red, green, blue and
gray ramps and black), the Macintosh system table at 256 entries. ``lines`` and
``colorcube`` are sets of distinct colors, not ramps.

Each map comes in MATLAB's two default lengths: 256 entries (the default since
R2019b) as ``"matlab:<name>"`` and 64 (before) as ``"matlab:<name>_64"``. MATLAB
writes pictures with rounded bytes (``round(255 * c)``); the decoder recognizes
those as well as truncated ones.

Examples
--------
>>> jet(64)[0].tolist(), jet(64)[23].tolist()
([0.0, 0.0, 0.5625], [0.0, 1.0, 1.0])
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources

import numpy as np

__all__ = ["DISCRETE", "LENGTHS", "MAPS", "table"]

#: Maps that are sets of distinct colors rather than ramps.
DISCRETE = frozenset({"lines", "colorcube"})

#: MATLAB's default lengths: ``"matlab:<name>"`` and ``"matlab:<name>_64"``.
LENGTHS = {"": 256, "_64": 64}


def _ramp(m: int) -> np.ndarray:
    return np.arange(m) / max(m - 1, 1)


def jet(m: int) -> np.ndarray:
    """``jet.m``: three overlapping ramps of u = [1/n ... 1 ... 1/n], n = ceil(m/4)."""
    n = -(-m // 4)
    u = np.concatenate([np.arange(1, n + 1) / n, np.ones(n - 1), np.arange(n, 0, -1) / n])
    g = -(-n // 2) - (m % 4 == 1) + np.arange(1, len(u) + 1)  # 1-based, as MATLAB's
    r, b = g + n, g - n
    g, r, b = g[g <= m], r[r <= m], b[b >= 1]
    out = np.zeros((m, 3))
    out[r - 1, 0] = u[: len(r)]
    out[g - 1, 1] = u[: len(g)]
    out[b - 1, 2] = u[len(u) - len(b) :]
    return out


def hot(m: int) -> np.ndarray:
    """``hot.m``: black, red, yellow, white; n = fix(3/8 m)."""
    n = int(3 * m / 8)
    r = np.concatenate([np.arange(1, n + 1) / n, np.ones(m - n)])
    g = np.concatenate([np.zeros(n), np.arange(1, n + 1) / n, np.ones(m - 2 * n)])
    b = np.concatenate([np.zeros(2 * n), np.arange(1, m - 2 * n + 1) / (m - 2 * n)])
    return np.column_stack([r, g, b])


def gray(m: int) -> np.ndarray:
    ramp = _ramp(m)
    return np.column_stack([ramp, ramp, ramp])


def hsv(m: int) -> np.ndarray:
    """``hsv.m``: hue (0:m-1)/m at full saturation and value (``hsv2rgb``)."""
    import matplotlib.colors as mcolors

    hue = np.arange(m) / max(m, 1)
    return np.asarray(mcolors.hsv_to_rgb(np.column_stack([hue, np.ones(m), np.ones(m)])))


def _interpolated(base: np.ndarray, m: int) -> np.ndarray:
    """m rows linearly interpolated along the table ``base``, ends kept: ``parula.m``'s
    and ``turbo.m``'s ``interp1(1:n, base, linspace(1, n, m))``."""
    points = np.linspace(0, len(base) - 1, m)
    return np.column_stack([np.interp(points, np.arange(len(base)), base[:, k]) for k in range(3)])


def parula(m: int) -> np.ndarray:
    """``parula.m`` of R2017a and later."""
    return _interpolated(_data("matlab_parula256"), m)


def parula_2014b(m: int) -> np.ndarray:
    """``parula.m`` of R2014b-R2016b."""
    return _interpolated(_data("matlab_parula64"), m)


@functools.cache
def _data(name: str) -> np.ndarray:
    with resources.files("truepix.color").joinpath(f"data/{name}.csv").open() as handle:
        return np.loadtxt(handle, delimiter=",", comments="#")


def turbo(m: int) -> np.ndarray:
    return _interpolated(_data("google_turbo256"), m)


def lines(m: int) -> np.ndarray:
    """``lines.m``: the default line colors (axes ColorOrder), repeated to m rows."""
    order = _data("matlab_lines")
    return order[np.arange(m) % len(order)]


def colorcube(m: int) -> np.ndarray:
    """``colorcube.m``: as many regularly spaced RGB colors as fit, plus ramps.

    The largest cube of n**3 < m colors (a cube that fills m exactly loses a blue
    step, down to 2), without its grays and its pure red/green/blue colors; the
    slots left go to black and to ramps of pure red, green and blue (a quarter
    each, rounded down) and of gray (the rest). Under 8 colors: a gray ramp.
    """
    if m < 8:
        return gray(m)
    n_rg = int(m ** (1 / 3) + np.finfo(float).eps)
    n_b = n_rg - 1 if m == n_rg**3 and n_rg > 2 else n_rg
    # MATLAB's meshgrid order: green fastest, then red, then blue
    b, r, g = np.meshgrid(_ramp(n_b), _ramp(n_rg), _ramp(n_rg), indexing="ij")
    cube = np.column_stack([r.ravel(), g.ravel(), b.ravel()])
    cube = cube[np.ptp(cube, axis=1) != 0]  # no grays
    pairs = np.column_stack(
        [cube[:, 0] + cube[:, 1], cube[:, 1] + cube[:, 2], cube[:, 0] + cube[:, 2]]
    )
    cube = cube[pairs.min(axis=1) != 0]  # no pure colors
    left = m - len(cube) - 1
    n_rgb = left // 4
    n_gray = left - 3 * n_rgb
    ramp = np.arange(1, n_rgb + 1) / n_rgb
    zero = np.zeros(n_rgb)
    gray_ramp = np.arange(1, n_gray + 1) / n_gray
    return np.vstack([
        cube,
        np.column_stack([ramp, zero, zero]),
        np.column_stack([zero, ramp, zero]),
        np.column_stack([zero, zero, ramp]),
        np.zeros((1, 3)),
        np.column_stack([gray_ramp, gray_ramp, gray_ramp]),
    ])  # fmt: skip


MAPS: dict[str, Callable[[int], np.ndarray]] = {
    "jet": jet,
    "hot": hot,
    "gray": gray,
    "hsv": hsv,
    "parula": parula,
    "parula_2014b": parula_2014b,
    "turbo": turbo,
    "lines": lines,
    "colorcube": colorcube,
    "cool": lambda m: np.column_stack([_ramp(m), 1 - _ramp(m), np.ones(m)]),
    "spring": lambda m: np.column_stack([np.ones(m), _ramp(m), 1 - _ramp(m)]),
    "summer": lambda m: np.column_stack([_ramp(m), 0.5 + _ramp(m) / 2, np.full(m, 0.4)]),
    "autumn": lambda m: np.column_stack([np.ones(m), _ramp(m), np.zeros(m)]),
    "winter": lambda m: np.column_stack([np.zeros(m), _ramp(m), 0.5 + (1 - _ramp(m)) / 2]),
    "bone": lambda m: (7 * gray(m) + hot(m)[:, ::-1]) / 8,
    "copper": lambda m: np.minimum(1.0, gray(m) * np.array([1.25, 0.7812, 0.4975])),
    "pink": lambda m: np.sqrt((2 * gray(m) + hot(m)) / 3),
}


def names() -> list[str]:
    """Catalog names of MATLAB's maps: ``"matlab:jet"``, ``"matlab:jet_64"`` ..."""
    return [f"matlab:{name}{suffix}" for name in MAPS for suffix in LENGTHS]


def table(name: str) -> np.ndarray | None:
    """(N, 3) float64 table of a catalog name without ``_r``, or None if unknown."""
    short = name.removeprefix("matlab:")
    for suffix, length in LENGTHS.items():
        base = short.removesuffix(suffix) if suffix else short
        if (suffix == "" or short.endswith(suffix)) and base in MAPS:
            return np.clip(MAPS[base](length), 0.0, 1.0)
    return None
