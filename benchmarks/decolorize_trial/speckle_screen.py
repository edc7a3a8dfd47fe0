"""Speckle screen: JPEG'd pictures whose data vary at the pixel scale everywhere.

Fields (256^2, seeded): white noise (a random matrix), Gaussian-blurred noise
(sigma 0.7), exponential speckle (gamma(1) / 5, clipped: SAR intensity); drawn with
a map by matplotlib, saved by Pillow as JPEG 4:2:0 q90 / q75 / q50, decoded with the
default ``Decolorizer(cmap, vmin=0, vmax=1).values``. Per picture: NaN %, mean error
over the nearest table color's (a k-d tree; holes count as the full range), the
warning's start; then the same picture with Pillow black and white text, lines and a
white box drawn over it: stroke pixels flagged %, data pixels 2 px or more from any
stroke lost %. Last, wrong maps: another map's speckle, NaN % and warning.

Run: ``python benchmarks/decolorize_trial/speckle_screen.py [--maps jet,viridis]``.
"""

from __future__ import annotations

import argparse
import io
import warnings

import matplotlib as mpl
import numpy as np
import scipy.ndimage as ndi
from PIL import Image, ImageDraw
from scipy.spatial import cKDTree

from truepix import Decolorizer


def fields(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    white = rng.random((256, 256))
    blurred = np.clip(ndi.gaussian_filter(rng.random((256, 256)), 0.7), 0, 1)
    blurred = (blurred - blurred.min()) / np.ptp(blurred)
    speckle = np.clip(rng.gamma(1.0, 1.0, (256, 256)) / 5, 0, 1)
    return {"white": white, "blur0.7": blurred, "exp-speckle": speckle}


def annotated(rgb: np.ndarray) -> np.ndarray:
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), "Speckle 123 text", fill=(0, 0, 0))
    draw.text((20, 200), "white label 42", fill=(255, 255, 255))
    draw.line((0, 128, 255, 140), fill=(0, 0, 0), width=1)
    draw.line((128, 0, 120, 255), fill=(255, 255, 255), width=2)
    draw.rectangle((180, 30, 240, 60), fill=(255, 255, 255))
    return np.asarray(image)


def jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


def decoded(cmap: str, picture: np.ndarray) -> tuple[np.ndarray, str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    return values, ("warns: " + str(caught[0].message)[:60]) if caught else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--maps", default="jet,viridis,coolwarm,gray")
    maps = parser.parse_args().maps.split(",")
    for cmap in maps:
        table = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
        tree = cKDTree(table)
        for name, field in fields().items():
            rgb = mpl.colormaps[cmap](field, bytes=True)[..., :3]
            drawn = annotated(rgb)
            stroke = np.any(drawn != rgb, axis=-1)
            away = ~ndi.binary_dilation(stroke, iterations=2)
            for quality in (90, 75, 50):
                picture = jpeg(rgb, quality)
                values, warned = decoded(cmap, picture)
                error = np.where(np.isnan(values), 1.0, np.abs(values - field))
                _, index = tree.query(picture.reshape(-1, 3).astype(float))
                nearest = np.abs((index + 0.5) / 256 - field.ravel())
                holes = np.isnan(decoded(cmap, jpeg(drawn, quality))[0])
                print(
                    f"{cmap:9} {name:12} q{quality}  NaN {np.isnan(values).mean() * 100:6.2f}%"
                    f"  mae/kd {error.mean() / nearest.mean():5.2f}  | strokes flagged"
                    f" {holes[stroke].mean() * 100:5.1f}%"
                    f" data lost {holes[away].mean() * 100:5.2f}%"
                    f"  {warned}",
                    flush=True,
                )
    for drawn_map, given in [("viridis", "jet"), ("jet", "viridis"), ("magma", "viridis"),
                             ("viridis", "coolwarm")]:  # fmt: skip
        for name in ("white", "exp-speckle"):
            picture = jpeg(mpl.colormaps[drawn_map](fields()[name], bytes=True)[..., :3], 90)
            values, warned = decoded(given, picture)
            print(f"wrong map: {drawn_map} as {given:9} {name:12} q90  NaN"
                  f" {np.isnan(values).mean() * 100:6.2f}%  {warned}")  # fmt: skip


if __name__ == "__main__":
    main()
