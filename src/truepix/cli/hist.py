"""``truepix hist INPUT... OUTPUT``: per-pixel histograms of a stack, with a progress bar."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click
import numpy as np

from truepix.cli import options

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


def _stack_argument(stack: list[str]) -> Any:
    # one argument: a glob, folder, TIFF, .npy or zarr store; several: the shell's glob
    return stack[0] if len(stack) == 1 else [Path(p) for p in stack]


def _save(path: Path, counts: np.ndarray, edges: np.ndarray, overwrite: bool) -> None:
    if path.suffix.lower() == ".npy":
        write = lambda f: np.save(f, counts, allow_pickle=False)  # noqa: E731
    else:
        write = lambda f: np.savez(f, counts=counts, edges=edges)  # noqa: E731
    options.write_file(path, write, overwrite=overwrite)


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


def _count(
    stack: Any, bins: Any, range_: Any, series: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Counts and edges, the stack read once for its range (if not given) and once to count."""
    import truepix as tp

    edges = tp.stacks.bin_edges(stack, bins=bins, range=range_, series=series)
    if np.ndim(bins) == 0:  # the same edges again, without a second pass for the range
        range_ = (float(edges[0]), float(edges[-1]))
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("counting", total=None, unit="frames", rate="")

        def report(done: int, total: int | None) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=done, total=total, rate=f"{rate:,.0f} frames/s")

        counts = tp.pixel_histogram(
            stack, bins=bins, range=range_, progress=report, series=series
        )
    return counts, edges


def _count_on_cluster(
    stack: Any,
    bins: Any,
    range_: Any,
    cluster_at: tuple[str | None, int | None],
    console: Any,
    series: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    import truepix as tp
    from truepix.errors import require

    require("distributed", "dask")
    from distributed import Client, LocalCluster

    scheduler, workers = cluster_at
    with ExitStack() as resources:
        if scheduler is not None:
            client = resources.enter_context(Client(scheduler))
        else:
            cluster = resources.enter_context(
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                )
            )
            client = resources.enter_context(Client(cluster))
        console.print(
            f"Dask cluster: {client.scheduler.address} ({len(client.nthreads())} workers)"
        )
        # tasks read their own tiles on the workers
        array = tp.stacks.to_dask_array(stack, series=series)
        counts, edges = _count(array, bins, range_)
        console.print(f"{int(array.shape[0]):,} frames counted on the cluster")
    return counts, edges


@click.command("hist")
@options.files_inout_arg
@options.output_opt
@options.overwrite_opt
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
    "--plot-pixel",
    "pixel",
    default=None,
    metavar="Y,X",
    help="Also save the histogram of pixel (Y, X) as OUTPUT_pixel_Y_X.png.",
)
@options.cmap_opt
@options.series_opt
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
    files: tuple[str, ...],
    output: Path | None,
    overwrite: bool,
    bins: str,
    range_: tuple[float, float] | None,
    pixel: str | None,
    cmap: str | None,
    series: int,
    scheduler: str | None,
    workers: int | None,
) -> None:
    """Histogram every pixel of INPUT: a glob ('frames/*.png'), folder, TIFF, .npy or zarr.

    Several INPUT arguments are read as a list of image files. OUTPUT (the last
    argument, or -o) is .npy (the counts, H x W x bins) or .npz ('counts' and
    'edges').
    """
    from rich.console import Console

    console = Console()
    if scheduler is not None and workers is not None:
        msg = "expected --scheduler or --workers, got both"
        raise click.UsageError(msg)
    stack, output = options.resolve_files_inout(files, output)
    for name in stack:  # globs and folders are the library's to expand; files are checked here
        if Path(name).is_file():
            options.check_input(Path(name))
    bins_value = _parse_bins(bins)
    where = _parse_pixel(pixel)
    options.check_output(output, (".npy", ".npz"), overwrite=overwrite)
    if cmap is not None:  # a misspelt name fails before the counting, not after
        from truepix.display import matplotlib_colormap

        matplotlib_colormap(cmap)
    stack_value = _stack_argument(stack)
    started = time.perf_counter()
    if scheduler is None and workers is None:
        counts, edges = _count(stack_value, bins_value, range_, series)
    else:
        counts, edges = _count_on_cluster(
            stack_value, bins_value, range_, (scheduler, workers), console, series
        )
    elapsed = time.perf_counter() - started
    _save(output, counts, edges, overwrite)
    options.report_saved(
        output,
        f"counts {' x '.join(map(str, counts.shape))} {counts.dtype},"
        f" {len(edges) - 1} bins over [{edges[0]:.6g}, {edges[-1]:.6g}] in {elapsed:.1f} s",
    )
    if where is not None:
        from truepix.display import pixel_histogram_figure

        y, x = where
        picture = output.with_name(f"{output.stem}_pixel_{y}_{x}.png")
        figure = pixel_histogram_figure(counts, edges, pixel=where, cmap=cmap)
        options.write_file(
            picture, lambda f: figure.savefig(f, format="png", dpi=100), overwrite=overwrite
        )
        options.report_saved(picture, f"histogram of pixel ({y}, {x})")
