"""``truepix hist STACK -o OUT``: per-pixel histograms of a stack, with a progress bar."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click
import numpy as np

__all__ = ["command"]


def _parse_bins(text: str) -> int | list[float]:
    parts = [p for p in text.replace(" ", "").split(",") if p]
    try:
        if len(parts) == 1:
            return int(parts[0])
        return [float(p) for p in parts]
    except ValueError:
        msg = f"expected --bins N or comma-separated edges like 0,0.5,1, got {text!r}"
        raise click.BadParameter(msg) from None


def _parse_pixel(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        y, x = (int(p) for p in text.split(","))
    except ValueError:
        msg = f"expected --plot-pixel Y,X (two integers), got {text!r}"
        raise click.BadParameter(msg) from None
    return y, x


def _stack_argument(stack: tuple[str, ...]) -> Any:
    # one argument: a glob, folder, TIFF, .npy or zarr store; several: the shell's glob
    return stack[0] if len(stack) == 1 else [Path(p) for p in stack]


def _save(path: Path, counts: np.ndarray, edges: np.ndarray) -> None:
    from truepix.io._atomic import write_atomic

    suffix = path.suffix.lower()
    if suffix == ".npy":
        write_atomic(path, lambda f: np.save(f, counts, allow_pickle=False), overwrite=True)
    else:
        write_atomic(path, lambda f: np.savez(f, counts=counts, edges=edges), overwrite=True)


def plot_pixel(path: Path, counts: np.ndarray, edges: np.ndarray, pixel: tuple[int, int]) -> None:
    """Save the histogram of one pixel as a bar plot (matplotlib, Agg)."""
    from matplotlib.figure import Figure

    y, x = pixel
    figure = Figure(figsize=(6, 3.5), layout="constrained")
    axes = figure.add_subplot()
    widths = np.diff(edges.astype(np.float64))
    axes.bar(edges[:-1].astype(np.float64), counts[y, x], width=widths, align="edge")
    axes.set_xlabel("value")
    axes.set_ylabel("frames")
    axes.set_title(f"pixel (y={y}, x={x}): {int(counts[y, x].sum())} values in range")
    figure.savefig(path, dpi=100)


def _progress() -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}"),
        TextColumn("[cyan]{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        transient=False,
    )


def _check_pixel(pixel: tuple[int, int] | None, frame_shape: tuple[int, ...]) -> None:
    if pixel is not None and not (
        0 <= pixel[0] < frame_shape[0] and 0 <= pixel[1] < frame_shape[1]
    ):
        msg = f"expected a pixel inside frames of shape {tuple(frame_shape)}, got {pixel}"
        raise click.BadParameter(msg, param_hint="--plot-pixel")


def _count_locally(
    stack: Any, bins: Any, range_: Any, pixel: tuple[int, int] | None
) -> tuple[np.ndarray, Any]:
    from truepix.stacks._histogram import count_source, resolve_source

    source, spec = resolve_source(stack, bins, range_)
    _check_pixel(pixel, source.frame_shape)
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("counting", total=source.n_frames, unit="frames", rate="")

        def report(done: int, total: int | None) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=done, total=total, rate=f"{rate:,.0f} frames/s")

        counts = count_source(source, spec, progress=report)
    return counts, spec


def _count_on_cluster(
    stack: Any,
    bins: Any,
    range_: Any,
    pixel: tuple[int, int] | None,
    cluster_at: tuple[str | None, int | None],
    console: Any,
) -> tuple[np.ndarray, Any]:
    from truepix.errors import require

    require("distributed", "dask")
    from distributed import Client, LocalCluster, as_completed

    from truepix.stacks._bins import resolve_bins
    from truepix.stacks._hist_dask import (
        check_dask_stack,
        dask_counts,
        dask_value_range,
        to_dask_array,
    )

    scheduler, workers = cluster_at
    with ExitStack() as resources:
        if scheduler is not None:
            client = resources.enter_context(Client(scheduler))
        else:
            cluster = resources.enter_context(
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            )
            client = resources.enter_context(Client(cluster))
        console.print(
            f"Dask cluster: {client.scheduler.address} ({len(client.nthreads())} workers)"
        )
        array = to_dask_array(stack)
        check_dask_stack(array)
        _check_pixel(pixel, array.shape[1:])
        spec = resolve_bins(
            bins, range_, np.dtype(array.dtype), data_range=lambda: dask_value_range(array)
        )
        lazy = dask_counts(array, spec)
        blocks = lazy.to_delayed()
        keys = [index for index in np.ndindex(blocks.shape)]
        futures = client.compute([blocks[index] for index in keys])
        position = {future.key: index for future, index in zip(futures, keys, strict=True)}
        done: dict[tuple[int, ...], np.ndarray] = {}
        started = time.perf_counter()
        frames = int(array.shape[0])
        with _progress() as progress:
            task = progress.add_task("pixel tiles", total=len(futures), unit="tiles", rate="")
            for future in as_completed(futures):
                done[position[future.key]] = future.result()
                rate = len(done) / max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{rate:,.1f} tiles/s")
        rows = [
            np.concatenate([done[(i, j, 0)] for j in range(blocks.shape[1])], axis=1)
            for i in range(blocks.shape[0])
        ]
        counts = np.concatenate(rows, axis=0)
        console.print(f"{frames:,} frames counted on the cluster")
    return counts, spec


@click.command("hist")
@click.argument("stack", nargs=-1, required=True)
@click.option(
    "--bins",
    "-b",
    default="100",
    show_default=True,
    help="Number of equal bins, or comma-separated edges (e.g. 0,0.1,0.5,1).",
)
@click.option(
    "--range",
    "range_",
    nargs=2,
    type=float,
    default=None,
    metavar="LO HI",
    help="Range of the equal bins [default: the stack's min and max, one extra pass].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Counts as .npy (H, W, bins), or .npz with 'counts' and 'edges'.",
)
@click.option(
    "--plot-pixel",
    "pixel",
    default=None,
    metavar="Y,X",
    help="Also save the histogram of pixel (Y, X) as OUTPUT_pixel_Y_X.png.",
)
@click.option(
    "--scheduler", default=None, metavar="ADDRESS", help="Run on the Dask cluster at ADDRESS."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Run on a local Dask cluster of N worker processes.",
)
def command(
    stack: tuple[str, ...],
    bins: str,
    range_: tuple[float, float] | None,
    output: Path,
    pixel: str | None,
    scheduler: str | None,
    workers: int | None,
) -> None:
    """Histogram every pixel of STACK: a glob ('frames/*.png'), folder, TIFF, .npy or zarr.

    Several STACK arguments are read as a list of image files.
    """
    from rich.console import Console

    console = Console()
    if scheduler is not None and workers is not None:
        msg = "expected --scheduler or --workers, got both"
        raise click.UsageError(msg)
    bins_value = _parse_bins(bins)
    where = _parse_pixel(pixel)
    if output.suffix.lower() not in (".npy", ".npz"):
        msg = f"expected an output ending in .npy or .npz, got {str(output)!r}"
        raise click.BadParameter(msg, param_hint="-o/--output")
    stack_value = _stack_argument(stack)
    started = time.perf_counter()
    if scheduler is None and workers is None:
        counts, spec = _count_locally(stack_value, bins_value, range_, where)
    else:
        counts, spec = _count_on_cluster(
            stack_value, bins_value, range_, where, (scheduler, workers), console
        )
    elapsed = time.perf_counter() - started
    edges = spec.reported
    _save(output, counts, edges)
    console.print(
        f"[green]saved[/] {output}: counts {' x '.join(map(str, counts.shape))} {counts.dtype},"
        f" {spec.n_bins} bins over [{edges[0]:.6g}, {edges[-1]:.6g}] in {elapsed:.1f} s"
    )
    if where is not None:
        y, x = where
        picture = output.with_name(f"{output.stem}_pixel_{y}_{x}.png")
        plot_pixel(picture, counts, edges, where)
        console.print(f"[green]saved[/] {picture}")
