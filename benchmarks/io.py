"""Save + load time and file size: truepix against the libraries people use today.

Measured side by side in one run, on the same arrays, written to the same disk:
truepix PNG, TIFF and JPEG XL (effort 1, the default, and effort 3), raw imagecodecs
PNG (level 1, default strategy, and level 1 + RLE + SUB), Pillow, tifffile (zstd +
predictor) and ``np.savez_compressed``. Every method's output is checked to
round-trip exactly. The arrays: a depth map with 1 mm noise, the same with an RGB-D
sensor's noise (sigma = 40 DN, where PNG's deflate stops compressing well), and a
float32 fractal field. "vs tp PNG" columns are truepix JPEG XL's goals: save + load
at least 3x faster than truepix's PNG at no larger size; "npz / size" >= 1.7 (uint16)
and >= 2.0 (float32).

    python benchmarks/io.py          # 2048 x 2048, best of 3 (seconds)
    python benchmarks/io.py --full   # 4096 x 4096, best of 5 (the issue's setting)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import imagecodecs
import numpy as np
import tifffile
from PIL import Image
from rich.console import Console
from rich.table import Table

import truepix as tp
from truepix._synthetic import depth_map, fractal_field

Method = tuple[Callable[[Path, np.ndarray], None], Callable[[Path], np.ndarray], str]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def methods(kind: str) -> dict[str, Method]:
    table: dict[str, Method] = {
        "truepix PNG": (lambda p, a: tp.save(p, a), tp.load, ".png"),
        "truepix TIFF": (lambda p, a: tp.save(p, a), tp.load, ".tif"),
        "truepix JPEG XL": (lambda p, a: tp.save(p, a), tp.load, ".jxl"),
        "truepix JPEG XL effort 3": (lambda p, a: tp.save(p, a, compression=3), tp.load, ".jxl"),
    }
    if kind.startswith("uint16"):
        table["imagecodecs PNG level 1"] = (
            lambda p, a: _write(p, imagecodecs.png_encode(a, level=1)),
            lambda p: imagecodecs.png_decode(p.read_bytes()),
            ".png",
        )
        table["imagecodecs PNG level 1 RLE+SUB"] = (
            lambda p, a: _write(p, imagecodecs.png_encode(a, level=1, strategy=3, filter=16)),
            lambda p: imagecodecs.png_decode(p.read_bytes()),
            ".png",
        )
        table["Pillow PNG (level 6)"] = (
            lambda p, a: Image.fromarray(a).save(p),
            lambda p: np.asarray(Image.open(p)),
            ".png",
        )
    else:
        table["Pillow TIFF"] = (
            lambda p, a: Image.fromarray(a).save(p),
            lambda p: np.asarray(Image.open(p)),
            ".tif",
        )
    table["tifffile zstd+predictor"] = (
        lambda p, a: tifffile.imwrite(p, a, compression="zstd", predictor=True),
        tifffile.imread,
        ".tif",
    )
    table["np.savez_compressed"] = (
        lambda p, a: np.savez_compressed(p, a=a),
        lambda p: np.load(p)["a"],
        ".npz",
    )
    return table


def measure(
    method: Method, array: np.ndarray, folder: Path, repeats: int
) -> tuple[float, float, int, bool]:
    save, load, suffix = method
    path = folder / f"bench{suffix}"
    best_save = best_load = float("inf")
    exact = True
    for _ in range(repeats):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        save(path, array)
        saved = time.perf_counter()
        loaded = load(path)
        done = time.perf_counter()
        best_save, best_load = min(best_save, saved - started), min(best_load, done - saved)
        exact &= loaded.dtype == array.dtype and loaded.tobytes() == array.tobytes()
    return best_save, best_load, path.stat().st_size, exact


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="4096 x 4096, best of 5")
    args = parser.parse_args()
    side, repeats = (4096, 5) if args.full else (2048, 3)
    depth = depth_map((side, side), seed=0)
    noise = np.random.default_rng(2).normal(0.0, 40.0, depth.shape)
    noisy = np.where(depth > 0, np.clip(np.rint(depth + noise), 1, 65535), 0).astype(np.uint16)
    arrays = {
        "uint16": ("depth map uint16", depth),
        "uint16 noisy": ("depth map uint16, sensor noise sigma 40 DN", noisy),
        "float32": (
            "fractal field float32",
            (fractal_field((side, side), seed=1) * 100).astype(np.float32),
        ),
    }
    console = Console(width=170)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind, (label, array) in arrays.items():
            table = Table(
                title=f"{label}, {side} x {side} ({array.nbytes / 2**20:.0f} MiB), best of {repeats}"
            )
            for column in (
                "method",
                "save s",
                "load s",
                "save+load s",
                "MiB",
                "time vs ref",
                "size vs ref",
                "npz / size",
                "time vs tp PNG",
                "size vs tp PNG",
                "exact",
            ):
                table.add_column(column, justify="left" if column == "method" else "right")
            results = {
                name: measure(m, array, folder, repeats) for name, m in methods(kind).items()
            }
            reference = (
                "imagecodecs PNG level 1" if kind.startswith("uint16") else "tifffile zstd+predictor"
            )
            png_time, png_size = sum(results["truepix PNG"][:2]), results["truepix PNG"][2]
            ref_time = sum(results[reference][:2])
            ref_size = results[reference][2]
            npz_size = results["np.savez_compressed"][2]
            for name, (save_s, load_s, size, exact) in results.items():
                table.add_row(
                    name, f"{save_s:.3f}", f"{load_s:.3f}", f"{save_s + load_s:.3f}", f"{size / 2**20:.1f}",
                    f"{(save_s + load_s) / ref_time:.2f}x", f"{size / ref_size:.2f}x", f"{npz_size / size:.2f}x",
                    f"{(save_s + load_s) / png_time:.2f}x", f"{size / png_size:.2f}x",
                    "yes" if exact else "[red]NO[/]",
                )  # fmt: skip
            console.print(table)
            console.print(f"ref = {reference}\n")


if __name__ == "__main__":
    main()
