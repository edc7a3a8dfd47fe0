"""Screen: holes and interval accuracy of the default call on discrete (few-color) pictures.

Pictures: jet, turbo, coolwarm, viridis through BoundaryNorms of 4 and 6 (unequal widths)
and 11 intervals, and a ListedColormap of 5 colors (Normalize 0-1), painted as
``cmap(norm(data), bytes=True)`` over three 256^2 fields (skimage camera, astronaut in
gray, a smooth sin/cos field). Conditions: Pillow BILINEAR/BICUBIC/BOX/LANCZOS, OpenCV
INTER_LINEAR/INTER_CUBIC/INTER_AREA/INTER_LANCZOS4 and skimage ``resize(order=1,
anti_aliasing=True)`` at 0.5x and 0.33x; Pillow and OpenCV linear and cubic 2x and 3x
upscales (of a 128^2 crop); JPEG q50/q75 at 4:2:0 and 4:4:4 (Pillow).

Truth: each pixel's interval -- for JPEG the data's, for resampled pictures the interval
whose field weighs most in the pixel (each interval's indicator resampled alike; ties,
as area 0.5x makes between two fields, either).
Scores per picture: holes (NaN share), ``right`` (share of pixels decoded into their true
interval, holes counted wrong) for truepix's default call and for the oracle (the nearest
painted color, RGB). Prints per condition: pictures, over 0.2 % holes, worst, mean right.

    python benchmarks/_discrete_screen.py [--out results.json] [--only SUBSTRING] [--list]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable

import cv2
import matplotlib
import matplotlib.colors as mcolors
import numpy as np
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp

SIZE = 256
HOLE_LIMIT = 0.002
LISTED = mcolors.ListedColormap(
    ["#1b3a6b", "#2a9d8f", "#e9c46a", "#f4a261", "#b5172b"], name="listed5"
)  # fmt: skip
NORMS = {
    "b4u": [0.0, 0.3, 0.5, 0.8, 1.0],
    "b6u": [0.0, 0.05, 0.12, 0.25, 0.45, 0.7, 1.0],
    "b11": list(np.linspace(0.0, 1.0, 12)),
}
MAPS = ["jet", "turbo", "coolwarm", "viridis"]


def fields() -> dict[str, np.ndarray]:
    from skimage import data as images
    from skimage.color import rgb2gray
    from skimage.transform import resize

    y, x = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1.0)
    raw = {
        "camera": resize(images.camera() / 255.0, (SIZE, SIZE), anti_aliasing=True),
        "astronaut": resize(rgb2gray(images.astronaut()), (SIZE, SIZE), anti_aliasing=True),
        "smooth": np.sin(6 * x) * np.cos(5 * y) + x,
    }
    out = {}
    for name, field in raw.items():
        field = (field - field.min()) / np.ptp(field)
        out[name] = np.clip(field, 0.0, np.nextafter(1.0, 0.0))
    return out


def painters() -> list[tuple[str, Callable, Callable, np.ndarray, dict]]:
    """(name, paint(data) -> uint8 RGB, interval(values) -> int, painted colors, kwargs)."""
    out = []
    for cmap in MAPS:
        colormap = matplotlib.colormaps[cmap]
        for key, edges in NORMS.items():
            norm = mcolors.BoundaryNorm(edges, 256)
            edge_array = np.asarray(edges)

            def interval(values, edge_array=edge_array):
                found = np.searchsorted(edge_array, values, side="right") - 1
                found = np.clip(found, 0, len(edge_array) - 2)
                return np.where(np.isnan(values), -1, found)

            middles = (edge_array[:-1] + edge_array[1:]) / 2
            painted = colormap(norm(middles), bytes=True)[:, :3]

            def paint(data, colormap=colormap, norm=norm):
                return colormap(norm(data), bytes=True)[..., :3]

            out.append((f"{cmap}/{key}", paint, interval, painted, {"cmap": cmap, "norm": norm}))
    norm = mcolors.Normalize(0.0, 1.0)
    n = LISTED.N

    def interval(values):
        found = np.clip(np.floor(np.nan_to_num(values) * n), 0, n - 1)
        return np.where(np.isnan(values), -1, found)

    painted = LISTED((np.arange(n) + 0.5) / n, bytes=True)[:, :3]
    out.append(("listed5", lambda d: LISTED(norm(d), bytes=True)[..., :3], interval, painted,
                {"cmap": LISTED, "vmin": 0.0, "vmax": 1.0}))  # fmt: skip
    return out


def _pil(method):
    def run(image, size):
        if image.dtype == np.uint8:
            return np.asarray(Image.fromarray(image).resize(size, method))
        return np.asarray(Image.fromarray(image.astype(np.float32), "F").resize(size, method))

    return run


def _cv(method):
    def run(image, size):
        return cv2.resize(image, size, interpolation=method)

    return run


def _sk(image, size):
    from skimage.transform import resize

    shape = (size[1], size[0]) + image.shape[2:]
    if image.dtype == np.uint8:
        out = resize(image, shape, order=1, anti_aliasing=True)
        return np.clip(np.round(out * 255), 0, 255).astype(np.uint8)
    return resize(image, shape, order=1, anti_aliasing=True)


RESAMPLERS = {
    "pil-bilinear": _pil(Image.BILINEAR),
    "pil-bicubic": _pil(Image.BICUBIC),
    "pil-box": _pil(Image.BOX),
    "pil-lanczos": _pil(Image.LANCZOS),
    "cv-linear": _cv(cv2.INTER_LINEAR),
    "cv-cubic": _cv(cv2.INTER_CUBIC),
    "cv-area": _cv(cv2.INTER_AREA),
    "cv-lanczos4": _cv(cv2.INTER_LANCZOS4),
    "sk-linear-aa": _sk,
}
UPSCALERS = ["pil-bilinear", "pil-bicubic", "cv-linear", "cv-cubic"]


def conditions() -> list[tuple[str, str, object]]:
    """(name, kind, parameter): kind 'down', 'up' or 'jpeg'."""
    out = []
    for scale in (0.5, 0.33):
        for name in RESAMPLERS:
            out.append((f"{name} {scale}x", "down", (name, scale)))
    for scale in (2, 3):
        for name in UPSCALERS:
            out.append((f"{name} {scale}x", "up", (name, scale)))
    for quality in (50, 75):
        for sub, label in ((2, "420"), (0, "444")):
            out.append((f"jpeg q{quality} {label}", "jpeg", (quality, sub)))
    return out


def degrade(picture, truth, n_intervals, kind, parameter):
    """The degraded picture and its pixels' true intervals (JPEG) or each interval's
    weight in each of them (resampled)."""
    if kind == "jpeg":
        quality, sub = parameter
        buffer = io.BytesIO()
        Image.fromarray(picture).save(buffer, "JPEG", quality=quality, subsampling=sub)
        return np.asarray(Image.open(buffer).convert("RGB")), truth
    name, scale = parameter
    resample = RESAMPLERS[name]
    if kind == "up":
        start = (SIZE - 128) // 2
        picture = np.ascontiguousarray(picture[start : start + 128, start : start + 128])
        truth = truth[start : start + 128, start : start + 128]
        size = (128 * scale, 128 * scale)
    else:
        size = (int(round(SIZE * scale)), int(round(SIZE * scale)))
    out = resample(picture, size)
    weights = np.stack(
        [np.asarray(resample((truth == k).astype(np.float32), size), dtype=np.float64)
         for k in range(n_intervals)], axis=-1,
    )  # fmt: skip
    return out, weights


def right(found: np.ndarray, true: np.ndarray) -> float:
    """Share of pixels in their true interval: ``true`` the intervals (JPEG) or each
    interval's weight per pixel (resampled: any interval weighing most, ties either)."""
    if true.ndim == found.ndim:
        return float(np.mean(found == true))
    top = true.max(axis=-1)
    picked = np.take_along_axis(true, np.clip(found, 0, None)[..., None], axis=-1)[..., 0]
    return float(np.mean((found >= 0) & (picked >= top - 1e-6)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=None)
    parser.add_argument("--only", default=None, help="conditions whose name has this")
    parser.add_argument("--maps", default=None, help="painters whose name has this")
    parser.add_argument("--list", action="store_true", help="every picture over the limit")
    args = parser.parse_args()
    data = fields()
    rows = []
    started = time.time()
    for cond, kind, parameter in conditions():
        if args.only and args.only not in cond:
            continue
        for paint_name, paint, interval, painted, kwargs in painters():
            if args.maps and args.maps not in paint_name:
                continue
            tree = cKDTree(painted.astype(np.float64))
            for field_name, field in data.items():
                truth = interval(field).astype(np.int64)
                picture = paint(field)
                degraded, true = degrade(picture, truth, len(painted), kind, parameter)
                values = tp.decolorize(degraded, **kwargs)
                found = interval(values).astype(np.int64)
                oracle = tree.query(degraded.reshape(-1, 3).astype(np.float64))[1]
                rows.append({
                    "cond": cond, "map": paint_name, "field": field_name,
                    "holes": float(np.mean(found < 0)),
                    "right": right(found, true),
                    "oracle": right(oracle.reshape(found.shape), true),
                })  # fmt: skip
    print(f"{len(rows)} pictures, {time.time() - started:.0f} s")
    print(f"{'condition':22s} {'n':>4s} {'>0.2%':>6s} {'worst %':>8s}  {'worst picture':28s}"
          f" {'right':>6s} {'oracle':>6s}")  # fmt: skip
    by_cond: dict[str, list[dict]] = {}
    for row in rows:
        by_cond.setdefault(row["cond"], []).append(row)
    for cond, group in by_cond.items():
        worst = max(group, key=lambda r: r["holes"])
        over = sum(r["holes"] > HOLE_LIMIT for r in group)
        print(
            f"{cond:22s} {len(group):4d} {over:6d} {100 * worst['holes']:8.2f}  "
            f"{worst['map'] + ' ' + worst['field']:28s} "
            f"{100 * np.mean([r['right'] for r in group]):6.2f} "
            f"{100 * np.mean([r['oracle'] for r in group]):6.2f}"
        )
    over = [r for r in rows if r["holes"] > HOLE_LIMIT]
    lanczos = [r for r in over if "lanczos" in r["cond"]]
    print(f"total over 0.2 %: {len(over)} of {len(rows)} ({len(lanczos)} Lanczos); "
          f"mean right {100 * np.mean([r['right'] for r in rows]):.2f} % "
          f"(oracle {100 * np.mean([r['oracle'] for r in rows]):.2f} %); "
          f"pictures below the oracle by > 0.5 points: "
          f"{sum(r['right'] < r['oracle'] - 0.005 for r in rows)}")  # fmt: skip
    if args.list:
        for r in sorted(over, key=lambda r: -r["holes"]):
            print(f"  {r['cond']:22s} {r['map']:18s} {r['field']:10s} holes "
                  f"{100 * r['holes']:6.2f} right {100 * r['right']:6.2f} "
                  f"oracle {100 * r['oracle']:6.2f}")  # fmt: skip
    if args.out:
        with open(args.out, "w") as stream:
            json.dump(rows, stream)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
