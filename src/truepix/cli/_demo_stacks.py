"""Demo section: per-pixel histograms of a stack of frames, batch equalization."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["run_section"]


def _frames(n_frames: int, shape: tuple[int, int]) -> np.ndarray:
    """A static scene, sensor noise, and a bright spot that crosses it."""
    from truepix.synthetic import fractal_field

    rng = np.random.default_rng(5)
    scene = fractal_field(shape, seed=6) * 20000 + 10000
    yy, xx = np.mgrid[: shape[0], : shape[1]]
    frames = np.empty((n_frames, *shape), np.uint16)
    for k in range(n_frames):
        cy, cx = shape[0] / 2, shape[1] * k / n_frames
        spot = 25000 * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / 40.0)
        frame = scene + spot + rng.normal(0, 800, shape)
        frames[k] = np.clip(frame, 0, 65535).astype(np.uint16)
    return frames


def run_section(out_dir: Path, console: Console) -> None:
    import truepix as tp

    console.rule("[bold]Stacks: a histogram for every pixel, equalization in batches")
    frames_dir = out_dir / "stack_frames"
    frames_dir.mkdir(exist_ok=True)
    frames = _frames(120, (96, 128))
    for k, frame in enumerate(frames):
        tp.save(frames_dir / f"frame_{k:03d}.png", frame)  # plain 16-bit gray PNGs

    # numba starts once per process and loads the kernels from its disk cache (or
    # compiles them on a first run): timed apart, so the times below are warm
    from numba.core import event

    started = time.perf_counter()
    with event.install_recorder("numba:compile") as compiles:  # cache misses only
        tp.pixel_histogram(frames[:2, :4, :4], bins=64)
        tp.equalize(np.zeros((2, 4, 4), np.float32) + np.arange(4, dtype=np.float32))
        tp.equalize(np.zeros((2, 4, 4), np.uint8))
    start_up = time.perf_counter() - started
    how = (
        "compiling them: the first run after an install or a change"
        if compiles.buffer
        else "from numba's disk cache"
    )
    started = time.perf_counter()
    counts = tp.pixel_histogram(frames_dir / "*.png", bins=64)  # range: the stack's own
    elapsed = time.perf_counter() - started
    edges = tp.stacks.bin_edges(frames, bins=64)
    np.savez(out_dir / "stack_hist.npz", counts=counts, edges=edges)
    on_path, off_path = (48, 64), (10, 10)
    for pixel in (on_path, off_path):
        figure = tp.display.pixel_histogram_figure(counts, edges, pixel=pixel)
        figure.savefig(out_dir / f"stack_pixel_{pixel[0]}_{pixel[1]}.png", dpi=100)
    same = all(
        np.array_equal(
            counts[y, x], np.histogram(frames[:, y, x], bins=64, range=(edges[0], edges[-1]))[0]
        )
        for y, x in (on_path, off_path)
    )
    table = Table(show_header=False, box=None)
    table.add_column(style="bold cyan")
    table.add_column()
    table.add_row(
        "stack", f"{len(frames)} PNG frames of {frames.shape[1]}x{frames.shape[2]} uint16"
    )
    table.add_row("counts", f"{' x '.join(map(str, counts.shape))} {counts.dtype} (smallest dtype)")
    table.add_row(
        "time",
        f"{elapsed:.2f} s, warm, incl. reading the files twice (range=None); starting numba"
        f" and loading the kernels ({how}) took {start_up:.2f} s once before",
    )
    table.add_row("pixel (48, 64)", "the spot passes: two modes, see stack_pixel_48_64.png")
    table.add_row("equals np.histogram", "[green]yes[/]" if same else "[red]NO[/]")
    console.print(table)

    from truepix.synthetic import fractal_field

    # 600 dim, low-contrast images (as a batch of shape (600, 1, 48, 48))
    small = np.stack([fractal_field((48, 48), seed=100 + k) for k in range(600)])
    small = (0.25 + 0.2 * small**2).astype(np.float32)[:, np.newaxis]
    started = time.perf_counter()
    flat = tp.equalize(small)
    elapsed_float = time.perf_counter() - started
    started = time.perf_counter()
    before = (small * 255).astype(np.uint8)
    levels = tp.equalize(before)
    elapsed_uint8 = time.perf_counter() - started
    before = before[:8, 0]
    montage = np.concatenate([np.hstack(list(before)), np.hstack(list(levels[:8, 0]))])
    tp.save(out_dir / "equalized_montage.png", montage)
    console.print(
        f"equalized 600 float32 images of 48x48 in {elapsed_float * 1000:.0f} ms (warm)"
        f" (float64 out, as scikit-image) and their uint8 versions in {elapsed_uint8 * 1000:.0f} ms"
        f" (uint8, as OpenCV); before/after: equalized_montage.png; values now span"
        f" {flat.min():.3f}..{flat.max():.3f}"
    )
