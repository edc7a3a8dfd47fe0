"""Helpers shared by the subcommands: reading inputs, describing files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from truepix.errors import UnknownFormatError

if TYPE_CHECKING:
    from rich.table import Table

    from truepix.io import ImageInfo

__all__ = [
    "describe",
    "heatmap_pixels",
    "info_table",
    "read_array",
    "read_picture",
    "write_npy",
    "write_result",
]

def read_array(path: Path) -> np.ndarray:
    """An array from ``.npy``, a single-array ``.npz`` or any file :func:`truepix.load` reads."""
    from truepix.cli.options import saved_suffixes

    suffix = path.suffix.lower()
    if suffix in (".npy", ".npz"):
        from truepix._files import read_numpy

        return read_numpy(path)
    if suffix in saved_suffixes():
        from truepix.io import load

        return load(path)
    named = ", ".join((".npy", ".npz", *saved_suffixes()))
    msg = f"expected an input ending in {named}, got {str(path)!r}"
    raise UnknownFormatError(msg)


def write_npy(path: Path, array: np.ndarray, *, overwrite: bool = True) -> None:
    """Write ``.npy`` atomically."""
    from truepix.cli.options import write_file

    write_file(path, lambda file: np.save(file, array, allow_pickle=False), overwrite=overwrite)


def write_result(path: Path, array: np.ndarray, *, overwrite: bool) -> None:
    """An array result: ``.npy``, or a PNG/TIFF that :func:`truepix.load` reads back exactly."""
    if path.suffix.lower() == ".npy":
        write_npy(path, array, overwrite=overwrite)
    else:
        from truepix.io import save

        save(path, array, overwrite=overwrite)


def _format_error(info: ImageInfo) -> str:
    if info.exact:
        return "0 (exact)"
    if info.foreign:  # another tool's lossy codec: the original values are not known
        return "unknown (lossy codec)" if info.lossless is False else "unknown (codec may be lossy)"
    return f"{info.max_error:.6g}"


def describe(info: ImageInfo) -> str:
    """What a written file holds, in one line: ``report_saved``'s text for ``save``."""
    shape = " x ".join(map(str, info.shape))
    return f"{info.dtype} {shape}, encoding {info.encoding}, max error {_format_error(info)}"


def info_table(info: ImageInfo, *, title: str | None = None) -> Table:
    """A two-column rich table describing a file."""
    from rich.table import Table

    table = Table(title=title, show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold cyan")
    table.add_column()
    rows: list[tuple[str, Any]] = [
        ("file", info.path),
        ("format", info.format.upper() + (" (not written by truepix)" if info.foreign else "")),
        ("encoding", info.encoding or "stored samples"),
        ("dtype", str(info.dtype)),
        ("shape", " x ".join(map(str, info.shape))),
        ("max error", _format_error(info)),
        ("stored as", f"{info.stored_dtype} {' x '.join(map(str, info.stored_shape or ()))}"
         + (f", layout {info.layout}" if info.layout else "")),
        ("size", f"{info.file_size:,} bytes"),
    ]  # fmt: skip
    if info.params:
        rows.append(
            ("params", ", ".join(f"{k}={_short(v)}" for k, v in info.params.items() if v is not None))
        )
    if info.checksum:
        rows.append(("crc32", info.checksum))
    for key, value in rows:
        table.add_row(key, str(value))
    return table


def _short(value: Any) -> str:
    """A parameter as shown in 80 columns: a long one (a colormap's table) by its start."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:16]}... ({len(text)} chars)"


def _jpeg_pixels(path: Path) -> np.ndarray | None:
    """A JPEG file's pixels, decoded once, by Pillow (libjpeg-turbo: the bytes imagecodecs
    gives): refused when truncated or damaged (libjpeg returns the rows it got, gray
    below, with a warning only: trial 51's CLI decoded a third of a file, 70 % NaN,
    exit 0); a CMYK or YCCK one's as RGB (its 4 channels read as RGBA: all NaN). None
    for any other file."""
    from PIL import Image, UnidentifiedImageError

    from truepix.errors import CorruptFileError

    try:
        picture = Image.open(path)
    except (OSError, UnidentifiedImageError):
        return None  # (no picture Pillow knows: imagecodecs' error below names it)
    with picture:
        if picture.format != "JPEG":
            return None
        try:
            picture.load()  # (Pillow refuses a truncated file: LOAD_TRUNCATED_IMAGES off)
        except (OSError, SyntaxError, ValueError):
            msg = (
                f"expected a complete JPEG picture, got {path.stat().st_size} bytes that do"
                " not decode (truncated or damaged)"
            )
            raise CorruptFileError(msg) from None
        if picture.mode in ("RGB", "L"):
            return np.asarray(picture)
        return np.asarray(picture.convert("RGB"))


def read_picture(path: Path) -> np.ndarray:
    """A picture's pixels as sRGB colors: arrays and PNG/TIFF via truepix, other formats
    (JPEG ...) via imagecodecs; a file's ICC profile other than sRGB's (a Mac screenshot's
    Display P3) applied, with a note on stderr (:mod:`truepix._profile`)."""
    from truepix.cli.options import saved_suffixes

    suffix = path.suffix.lower()
    if suffix in (".npy", ".npz"):
        return read_array(path)
    if suffix in saved_suffixes():
        pixels = read_array(path)
    elif (jpeg := _jpeg_pixels(path)) is not None:
        pixels = jpeg
    else:
        import imagecodecs

        try:
            pixels = np.asarray(imagecodecs.imread(str(path)))
        except Exception:  # imagecodecs raises codec-specific classes, one line per codec
            from truepix.errors import CorruptFileError

            msg = (
                f"expected a picture file (PNG, TIFF, JPEG, WebP, ... or .npy), got {str(path)!r}"
                " which no image codec reads"
            )
            raise CorruptFileError(msg) from None
    from truepix._profile import embedded_profile, to_srgb

    converted = to_srgb(pixels, embedded_profile(path))
    if converted.note:
        import click

        kind = "note" if converted.profile is not None else "warning"
        click.echo(f"{kind}: {path.name}: {converted.note}", err=True)
    return converted.pixels


def heatmap_pixels(data: np.ndarray, *, width: float = 5.0, **style: Any) -> np.ndarray:
    """An imshow + colorbar figure as RGBA pixels (matplotlib, Agg): the demos' "paper figure".

    ``style`` takes ``cmap``, ``vmin``, ``vmax``, ``title`` and ``label`` (the colorbar's).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, 3.6), dpi=100)
    canvas = FigureCanvasAgg(fig)
    ax = fig.subplots()
    image = ax.imshow(
        data, cmap=style["cmap"], vmin=style.get("vmin"), vmax=style.get("vmax"),
        interpolation="nearest",
    )  # fmt: skip
    ax.set_title(style["title"])
    fig.colorbar(image, ax=ax, label=style["label"])
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()
