"""``truepix equalize IN OUT``: histogram-equalize an image or every image of a stack."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("equalize")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--nbins",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    help="Histogram bins of float images (uint8 and other integers use one per level).",
)
@click.option(
    "--mask",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Array (.npy or image) of the pixels that make the histogram; nonzero selects.",
)
def command(source: Path, target: Path, nbins: int, mask: Path | None) -> None:
    """Equalize SOURCE (.npy/.npz/PNG/TIFF, one image or (N, ..., H, W)) into TARGET.

    uint8 images stay uint8 and match OpenCV's equalizeHist; other images become
    float64 in [0, 1] and match scikit-image's equalize_hist. TARGET is .npy or
    an image that truepix saves exactly (.tif, .png).
    """
    import time

    from rich.console import Console

    from truepix.cli._common import read_array, write_npy
    from truepix.stacks import equalize

    images = read_array(source)
    selected = None if mask is None else read_array(mask)
    started = time.perf_counter()
    result = equalize(images, nbins=nbins, mask=selected)
    elapsed = time.perf_counter() - started
    if target.suffix.lower() == ".npy":
        write_npy(target, result)
    else:
        from truepix.io import save

        save(target, result)
    count = 1 if images.ndim == 2 else images.size // (images.shape[-1] * images.shape[-2])
    Console().print(
        f"[green]saved[/] {target}: {count} image(s) {images.shape[-2]}x{images.shape[-1]}"
        f" {images.dtype} -> {result.dtype} in {elapsed * 1000:.0f} ms"
    )
