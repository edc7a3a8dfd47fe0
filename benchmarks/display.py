"""to_display against the normalizations people use instead, timed side by side.

Usage::

    python benchmarks/display.py          # seconds: 1024^2 images
    python benchmarks/display.py --large  # 4096^2 images

Prints, per input, the best of several runs for each peer and its time as a
ratio of ``tp.to_display`` (> 1: the peer is slower). The peers do not all do
the same thing -- matplotlib's Normalize stretches each image on its data
range and returns a masked array, skimage's ``img_as_float`` only divides
integers -- the table is about cost, the tests are about behaviour.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable

import numpy as np
import skimage.exposure
import skimage.util
from matplotlib.colors import Normalize

from truepix import to_display


def _cases(side: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    gray = rng.normal(size=(side, side)).astype(np.float32)
    gray[::97, ::89] = np.nan
    return {
        f"float32 {side}x{side}, NaN": gray,
        f"float64 RGB {side // 2}x{side // 2}x3": rng.random((side // 2, side // 2, 3)) * 2 - 1,
        f"uint16 RGB {side // 2}x{side // 2}x3": rng.integers(
            0, 65536, (side // 2, side // 2, 3), dtype=np.uint16
        ),
        f"uint8 {side}x{side}": rng.integers(0, 256, (side, side), dtype=np.uint8),
    }


def _peers(image: np.ndarray) -> dict[str, Callable[[], object]]:
    peers: dict[str, Callable[[], object]] = {
        "tp.to_display": lambda: to_display(image),
        "mpl Normalize()": lambda: Normalize()(image),
        # in_range from nanmin/nanmax: without it one NaN turns the whole image NaN
        "skimage rescale_intensity": lambda: skimage.exposure.rescale_intensity(
            image.astype(np.float64),
            in_range=(float(np.nanmin(image)), float(np.nanmax(image))),
            out_range=(0.0, 1.0),
        ),
    }
    if image.dtype.kind in "iu":
        peers["skimage img_as_float64"] = lambda: skimage.util.img_as_float64(image)
    return peers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="4096^2 images instead of 1024^2")
    args = parser.parse_args()
    side = 4096 if args.large else 1024
    print(f"{'input':28s} {'peer':28s} {'best (ms)':>10s} {'vs to_display':>14s}")
    for label, image in _cases(side).items():
        times = {}
        for name, call in _peers(image).items():
            times[name] = min(timeit.repeat(call, number=1, repeat=5)) * 1e3
        reference = times["tp.to_display"]
        for name, elapsed in times.items():
            print(f"{label:28s} {name:28s} {elapsed:10.1f} {elapsed / reference:13.2f}x")
        print()


if __name__ == "__main__":
    main()
