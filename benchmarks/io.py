"""Save + load time and file size: truepix against the libraries people use today.

Measured side by side in one run, on the same arrays, written to the same disk:
truepix PNG, TIFF and JPEG XL (effort 1, the default, and effort 3), the same JPEG XL
call made on imagecodecs directly into a plain file (what truepix's wrapping costs:
the checksum, the atomic write with its fsync), raw imagecodecs PNG (level 1, default
strategy, and level 1 + RLE + SUB), Pillow, tifffile (zstd + predictor) and
``np.savez_compressed``. Every method's output is checked to round-trip exactly.

The arrays: a depth map with 1 mm noise, the same with an RGB-D sensor's noise
(sigma = 40 DN, where PNG's deflate stops compressing well; 5 % of its pixels are
holes stored as 0, as sensors leave them), a rough float32 field (fractal, spectral
slope 3, 0..100: detail down to the pixel, values through many binary exponents) and
a smooth one (a temperature map in kelvin, 273.15 + 30 x fractal of slope 4, the
smoothness of the depth map's surfaces). "vs tp PNG" columns are truepix JPEG XL's
goals: save + load at least 3x faster than truepix's PNG at no larger size;
"npz / size" >= 1.7 (uint16) and >= 2.0 (float32). A last table splits truepix's
JPEG XL and PNG save and load into the codec call, the CRC-32, fsync and the rest.

    python benchmarks/io.py          # 2048 x 2048, best of 3 (seconds)
    python benchmarks/io.py --full   # 4096 x 4096, best of 5 (the issue's setting)
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import imagecodecs
import numpy as np
import tifffile
from PIL import Image
from rich.console import Console
from rich.table import Table

import truepix as tp
from truepix.synthetic import depth_map, fractal_field

Method = tuple[Callable[[Path, np.ndarray], None], Callable[[Path], np.ndarray], str]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def methods(kind: str) -> dict[str, Method]:
    table: dict[str, Method] = {
        "truepix PNG": (lambda p, a: tp.save(p, a), tp.load, ".png"),
        "truepix TIFF": (lambda p, a: tp.save(p, a), tp.load, ".tif"),
        "truepix JPEG XL": (lambda p, a: tp.save(p, a), tp.load, ".jxl"),
        "truepix JPEG XL effort 3": (lambda p, a: tp.save(p, a, compression=3), tp.load, ".jxl"),
        "imagecodecs JPEG XL effort 1": (
            lambda p, a: _write(p, imagecodecs.jpegxl_encode(a, lossless=True, effort=1)),
            lambda p: imagecodecs.jpegxl_decode(p.read_bytes()),
            ".jxl",
        ),
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
    chosen: dict[str, Method], array: np.ndarray, folder: Path, repeats: int
) -> dict[str, tuple[float, float, int, bool]]:
    """Best save and load seconds, size and exactness of each method.

    The methods take turns (one save + load each per round), so a machine whose load
    changes during the run slows them alike and the ratios between them hold.
    """
    best = {name: [float("inf"), float("inf"), 0, True] for name in chosen}
    for _ in range(repeats):
        for name, (save, load, suffix) in chosen.items():
            path = folder / f"bench{suffix}"
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            save(path, array)
            saved = time.perf_counter()
            loaded = load(path)
            done = time.perf_counter()
            row = best[name]
            row[0], row[1] = min(row[0], saved - started), min(row[1], done - saved)
            row[2] = path.stat().st_size
            row[3] = row[3] and loaded.dtype == array.dtype and loaded.tobytes() == array.tobytes()
    return {name: (row[0], row[1], row[2], row[3]) for name, row in best.items()}


#: arrays measured only against these methods (the difference to the array before them)
BRIEF = {"uint16 noisy, no holes"}
BRIEF_METHODS = (
    "truepix PNG",
    "truepix JPEG XL",
    "imagecodecs JPEG XL effort 1",
    "imagecodecs PNG level 1",
    "np.savez_compressed",
)


def make_arrays(side: int) -> dict[str, tuple[str, np.ndarray]]:
    depth = depth_map((side, side), seed=0)
    noise = np.random.default_rng(2).normal(0.0, 40.0, depth.shape)
    noisy = np.where(depth > 0, np.clip(np.rint(depth + noise), 1, 65535), 0).astype(np.uint16)
    # depth_map's own surfaces (its seed 0), without the holes
    surface = 500.0 + fractal_field((side, side), beta=4.0, seed=0) * 19500.0
    no_holes = np.clip(np.rint(surface + noise), 1, 65535).astype(np.uint16)
    smooth = 273.15 + 30.0 * fractal_field((side, side), beta=4.0, seed=1)
    return {
        "uint16": ("depth map uint16", depth),
        "uint16 noisy": ("depth map uint16, sensor noise sigma 40 DN, 5 % holes", noisy),
        "uint16 noisy, no holes": ("the same without holes", no_holes),
        "float32": (
            "rough field float32 (fractal slope 3, 0..100)",
            (fractal_field((side, side), seed=1) * 100).astype(np.float32),
        ),
        "float32 smooth": (
            "smooth field float32 (temperature K, fractal slope 4)",
            smooth.astype(np.float32),
        ),
    }


def results_table(
    title: str, results: dict[str, tuple[float, float, int, bool]], reference: str
) -> Table:
    table = Table(title=title)
    for column in (
        "method", "save s", "load s", "save+load s", "MiB", "time vs ref", "size vs ref",
        "npz / size", "time vs tp PNG", "size vs tp PNG", "exact",
    ):  # fmt: skip
        table.add_column(column, justify="left" if column == "method" else "right")
    png_time, png_size = sum(results["truepix PNG"][:2]), results["truepix PNG"][2]
    ref_time, ref_size = sum(results[reference][:2]), results[reference][2]
    npz_size = results["np.savez_compressed"][2]
    for name, (save_s, load_s, size, exact) in results.items():
        table.add_row(
            name, f"{save_s:.3f}", f"{load_s:.3f}", f"{save_s + load_s:.3f}", f"{size / 2**20:.1f}",
            f"{(save_s + load_s) / ref_time:.2f}x", f"{size / ref_size:.2f}x", f"{npz_size / size:.2f}x",
            f"{(save_s + load_s) / png_time:.2f}x", f"{size / png_size:.2f}x",
            "yes" if exact else "[red]NO[/]",
        )  # fmt: skip
    return table


def _seconds(stats: dict[Any, Any], match: Callable[[str, str], bool], column: int) -> float:
    return sum(row[column] for (file, _, name), row in stats.items() if match(file, name))


def breakdown(array: np.ndarray, folder: Path, repeats: int) -> list[tuple[str, ...]]:
    """Mean seconds of truepix's save and load, split by a profiler into their parts."""
    rows = []
    for suffix in (".jxl", ".png"):
        path = folder / f"parts{suffix}"
        tp.save(path, array)
        codec = f"_{suffix[1:]}.py"
        for step, call, part in (
            ("save", lambda: tp.save(path, array), "encode"),
            ("load", lambda: tp.load(path), "decode"),
        ):
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(repeats):
                call()
            profile.disable()
            stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
            total = _seconds(stats, lambda f, n: f.endswith("_api.py") and n == step, 3)
            coded = _seconds(stats, lambda f, n, c=codec, p=part: f.endswith(c) and n == p, 3)
            crc = _seconds(stats, lambda f, n: "zlib.crc32" in n, 2)
            fsync = _seconds(stats, lambda f, n: "posix.fsync" in n, 2)
            rest = total - coded - crc - fsync
            means = (f"{s / repeats:.3f}" for s in (total, coded, crc, fsync, rest))
            rows.append((f"truepix {suffix[1:].upper()} {step}", *means))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="4096 x 4096, best of 5")
    args = parser.parse_args()
    side, repeats = (4096, 5) if args.full else (2048, 3)
    console = Console(width=170)
    parts = Table(title=f"where the time goes: mean s of {repeats} calls (profiled)")
    for column in ("data", "call", "total", "codec", "CRC-32", "fsync", "rest"):
        parts.add_column(column, justify="left" if column in ("data", "call") else "right")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind, (label, array) in make_arrays(side).items():
            chosen = methods(kind)
            if kind in BRIEF:
                chosen = {name: m for name, m in chosen.items() if name in BRIEF_METHODS}
            results = measure(chosen, array, folder, repeats)
            png_peer = kind.startswith("uint16")
            reference = "imagecodecs PNG level 1" if png_peer else "tifffile zstd+predictor"
            size = f"{side} x {side} ({array.nbytes / 2**20:.0f} MiB)"
            title = f"{label}, {size}, best of {repeats}"
            console.print(results_table(title, results, reference))
            console.print(f"ref = {reference}\n")
            if kind not in BRIEF:
                for row in breakdown(array, folder, repeats):
                    parts.add_row(kind, *row)
    console.print(parts)
    console.print(
        "codec: the imagecodecs call with truepix's own container and chunk handling; "
        "CRC-32: the record's checksum of the samples (and PNG's chunk CRCs); "
        "fsync: the atomic write's flush of the file and its folder"
    )


if __name__ == "__main__":
    main()
