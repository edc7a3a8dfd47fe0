"""``truepix equalize INPUT OUTPUT``: histogram-equalize an image or every image of a stack."""

from __future__ import annotations

from pathlib import Path

import click

from truepix.cli import options

__all__ = ["command"]


@click.command("equalize")
@options.inout_options(suffixes=(".npy", ".png", ".tif", ".tiff"))
@click.option(
    "--nbins",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    help="Histogram bins of float images (uint8 and other integers use one per level).",
)
@click.option(
    "--mask",
    type=options.InputFile("mask file"),
    default=None,
    help="Array (.npy or image) of the pixels that make the histogram; nonzero selects.",
)
def command(
    inout: options.InOut,
    nbins: int,
    mask: Path | None,
) -> None:
    """Equalize INPUT (.npy/.npz/PNG/TIFF, one image or (N, ..., H, W)) into OUTPUT.

    uint8 images stay uint8 and match OpenCV's equalizeHist; other images become
    float64 in [0, 1] and match scikit-image's equalize_hist. OUTPUT is .npy or
    an image that truepix saves exactly (.tif, .png).
    """
    import time

    import truepix as tp
    from truepix.cli._common import read_array, write_result

    images = read_array(inout.source)
    selected = None if mask is None else read_array(mask)
    started = time.perf_counter()
    result = tp.equalize(images, nbins=nbins, mask=selected)
    elapsed = time.perf_counter() - started
    write_result(inout.target, result, overwrite=inout.overwrite)
    count = 1 if images.ndim == 2 else images.size // (images.shape[-1] * images.shape[-2])
    options.report_saved(
        inout.target,
        f"{count} image(s) {images.shape[-2]}x{images.shape[-1]} {images.dtype} -> {result.dtype}"
        f" in {elapsed * 1000:.0f} ms",
    )
