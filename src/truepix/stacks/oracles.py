"""Every compiled stacks path beside the plain-numpy oracle it must equal: one table.

The tests assert each fast path equals its oracle (to ``atol``); the benchmarks
time the same pairs on the same inputs (numbagg's ``COMPARISONS`` is the model).
A kernel added without its row here is neither tested nor measured.

Examples
--------
>>> from truepix.stacks.oracles import COMPARISONS
>>> row = COMPARISONS["histogram uint8 lut"]
>>> stack = row.data((40, 3, 5), 0)
>>> bool((row.fast(stack) == row.oracle(stack)).all())
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["COMPARISONS", "Comparison"]


@dataclass(frozen=True)
class Comparison:
    """A compiled path, its numpy oracle and the data both are run on.

    Attributes
    ----------
    fast, oracle : callable
        ``(array) -> array``; equal to ``atol``.
    data : callable
        ``(shape, seed) -> array``: a deterministic input of that shape.
    atol : float
        0 for counts and uint8 images (bit for bit).
    """

    fast: Callable[[np.ndarray], np.ndarray]
    oracle: Callable[[np.ndarray], np.ndarray]
    data: Callable[[tuple[int, ...], int], np.ndarray]
    atol: float = 0.0


def _counts(backend: str, bins: object, range_: object) -> Callable[[np.ndarray], np.ndarray]:
    def count(stack: np.ndarray) -> np.ndarray:
        from truepix.stacks._bins import resolve_bins
        from truepix.stacks._engine import PixelCounter

        spec = resolve_bins(bins, range_, stack.dtype, data_range=None)  # type: ignore[arg-type]
        counter = PixelCounter(spec, stack.shape[1:], stack.dtype, backend=backend)
        counter.add(stack)
        return counter.result()

    return count


def _equalized(mask: bool) -> Callable[[np.ndarray], np.ndarray]:
    def fast(images: np.ndarray) -> np.ndarray:
        import truepix as tp

        return tp.equalize(images, mask=_mask(images.shape) if mask else None)

    return fast


def _equalized_oracle(mask: bool) -> Callable[[np.ndarray], np.ndarray]:
    def oracle(images: np.ndarray) -> np.ndarray:
        from truepix.stacks._equalize_numpy import equalize_image

        flat = images.reshape(-1, *images.shape[-2:])
        selected = _mask(images.shape) if mask else None
        out = [equalize_image(image, 256, selected) for image in flat]
        return np.stack(out).reshape(images.shape)

    return oracle


def _mask(shape: tuple[int, ...]) -> np.ndarray:
    selected = np.zeros(shape[-2:], bool)
    selected[::2] = True
    return selected


def _floats(dtype: str, special: bool = True) -> Callable[[tuple[int, ...], int], np.ndarray]:
    def make(shape: tuple[int, ...], seed: int) -> np.ndarray:
        data = np.random.default_rng(seed).gamma(2.0, 0.2, shape).astype(dtype)
        if special:  # stacks: NaN and Inf are not counted
            data.flat[::97] = np.nan
            data.flat[5::211] = np.inf
        return data

    return make


def _integers(dtype: str, low: int, high: int) -> Callable[[tuple[int, ...], int], np.ndarray]:
    def make(shape: tuple[int, ...], seed: int) -> np.ndarray:
        return np.random.default_rng(seed).integers(low, high, shape, endpoint=True).astype(dtype)

    return make


_EDGES = [-np.inf, 0.0, 0.1, 0.5, 0.5, 0.9, 1.0]

#: name -> comparison; stacks for "histogram ...", image batches for "equalize ..."
COMPARISONS: dict[str, Comparison] = {
    "histogram float32 uniform": Comparison(
        _counts("numba", 100, (0.0, 1.0)), _counts("numpy", 100, (0.0, 1.0)), _floats("float32")
    ),
    "histogram float64 uniform": Comparison(
        _counts("numba", 100, (0.0, 1.0)), _counts("numpy", 100, (0.0, 1.0)), _floats("float64")
    ),
    "histogram float32 uniform serial": Comparison(
        _counts("numba-serial", 37, (0.0, 1.0)),
        _counts("numpy", 37, (0.0, 1.0)),
        _floats("float32"),
    ),
    "histogram float64 edges": Comparison(
        _counts("numba", _EDGES, None), _counts("numpy", _EDGES, None), _floats("float64")
    ),
    "histogram float32 edges serial": Comparison(
        _counts("numba-serial", _EDGES, None), _counts("numpy", _EDGES, None), _floats("float32")
    ),
    "histogram uint8 lut": Comparison(
        _counts("numba", 100, (0, 256)), _counts("numpy", 100, (0, 256)), _integers("uint8", 0, 255)
    ),
    "histogram int16 lut serial": Comparison(
        _counts("numba-serial", 37, (-100, 1200)),
        _counts("numpy", 37, (-100, 1200)),
        _integers("int16", -500, 1500),
    ),
    "histogram int32 uniform": Comparison(
        _counts("numba", 37, (-100, 1200)),
        _counts("numpy", 37, (-100, 1200)),
        _integers("int32", -500, 1500),
    ),
    "equalize float32": Comparison(
        _equalized(False), _equalized_oracle(False), _floats("float32", False), atol=1e-6
    ),
    "equalize float64": Comparison(
        _equalized(False), _equalized_oracle(False), _floats("float64", False), atol=1e-9
    ),
    "equalize float32 masked": Comparison(
        _equalized(True), _equalized_oracle(True), _floats("float32", False), atol=1e-6
    ),
    "equalize uint8": Comparison(
        _equalized(False), _equalized_oracle(False), _integers("uint8", 0, 200)
    ),
    "equalize uint8 masked": Comparison(
        _equalized(True), _equalized_oracle(True), _integers("uint8", 0, 200)
    ),
    "equalize uint16": Comparison(
        _equalized(False), _equalized_oracle(False), _integers("uint16", 100, 4000), atol=1e-12
    ),
}
