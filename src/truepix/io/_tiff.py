"""TIFF through tifffile: every dtype natively, the record in the DocumentName tag.

The record is ASCII JSON in DocumentName (tag 269), a registered tag every TIFF
library knows: it neither collides with ImageDescription (which ImageJ and
tifffile use for their own metadata), nor makes libtiff-based readers log
"Unknown field with tag ..." as every private-range tag does (OpenCV prints that
line for each file), nor is dropped by libtiff tools that rewrite files (tiffcp
keeps known tags only). Files written before carry the record in the private
tag 65301, which is still read. A DocumentName that is not a truepix record
(JSON with a ``"truepix"`` field) is another tool's and left alone.
Files are read through tifffile's series model -- uniform stacks, ImageJ
hyperstacks (also the one-directory contiguous layout), OME-TIFF, pyramids
(the base level) -- and every page of the chosen series is checked by
:mod:`truepix.io._tiff_checks` before anything is decoded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np
import tifffile

from truepix.errors import InputError, MetadataError, ReadError
from truepix.io._metadata import looks_like_record
from truepix.io._tiff_checks import (
    check_chain,
    check_decode_cap,
    check_header,
    codec_lossless,
    check_page,
    check_promised,
    check_tags,
    codec_name,
    corrupt,
    decode_fault,
    open_fault,
    quiet_tifffile,
)

__all__ = ["TAG", "TiffInfo", "read", "write"]

TAG = 269  # DocumentName
LEGACY_TAG = 65301
_CODECS = ("zstd", "deflate", "lzw", "lzma", "none")
_DEFAULT = ("deflate", 1)


@dataclass(frozen=True)
class TiffInfo:
    """What was learned from a TIFF's header without decoding pixels."""

    shape: tuple[int, ...]
    dtype: np.dtype
    record: str | None
    pages: int
    compression: str
    axes: str = ""
    series: int = 0
    n_series: int = 1
    palette: tuple[tuple[int, ...], ...] | None = None
    lossless: bool | None = True


def _compression(compression: int | str | None) -> tuple[str | None, int | None]:
    if compression is None:
        return _DEFAULT
    if isinstance(compression, str):
        name = compression.lower()
        if name not in _CODECS:
            msg = f"expected a TIFF compression in {_CODECS} or a level, got {compression!r}"
            raise InputError(msg)
        return (None, None) if name == "none" else (name, None)
    if isinstance(compression, int) and not isinstance(compression, bool) and 0 <= compression <= 9:
        return (None, None) if compression == 0 else ("deflate", compression)
    msg = f"expected a TIFF compression level in 0..9 or a codec name, got {compression!r}"
    raise InputError(msg)


def write(
    path: str | os.PathLike[str] | BinaryIO,
    samples: np.ndarray,
    *,
    record: str,
    compression: int | str | None,
) -> None:
    """Write a picture of any numeric dtype, frames as pages, with the record tag on the first."""
    codec, level = _compression(compression)
    options: dict[str, Any] = {"metadata": None, "extratags": [(TAG, "s", 0, record, True)]}
    if codec is not None:
        options["compression"] = codec
        if level is not None:
            options["compressionargs"] = {"level": level}
        kind, size = samples.dtype.kind, samples.dtype.itemsize
        if (kind in "iu" and size <= 4) or kind == "f":
            options["predictor"] = True
    # (H, W), (H, W, C <= 4), (pages, H, W) or (pages, H, W, C): see _layout.tiff_shape
    with_channels = samples.ndim == 4 or (samples.ndim == 3 and samples.shape[2] <= 4)
    channels = samples.shape[-1] if with_channels else 1
    if with_channels:
        options["planarconfig"] = "contig"
    if channels in (3, 4) and samples.dtype in (np.uint8, np.uint16):
        options["photometric"] = "rgb"
        if channels == 4:
            options["extrasamples"] = ("unassalpha",)
    else:
        options["photometric"] = "minisblack"
    tifffile.imwrite(path, samples, **options)


def _series(tif: tifffile.TiffFile, index: int) -> Any:
    if not tif.pages:
        raise corrupt("at least one image", "none")
    first = tif.pages.first
    if 0 in (int(first.imagewidth), int(first.imagelength)):  # before tifffile divides by it
        got = f"{first.imagewidth} x {first.imagelength}"
        raise corrupt("an image of at least 1 x 1 pixels", got)
    if not tif.series:
        raise corrupt("at least one image", "none")
    count = len(tif.series)
    if isinstance(index, bool) or not isinstance(index, int) or not -count <= index < count:
        msg = (
            f"expected series in 0..{count - 1} or -{count}..-1 (the file holds {count}), "
            f"got series={index!r}"
        )
        raise InputError(msg)
    return tif.series[index]


def _check_series(tif: Any, series: Any, index: int, size: int) -> None:
    """Check the pages the series reads; a contiguous one (ImageJ > 4 GB) is one extent."""
    check_promised(tif, series, index)
    keyframes = {id(page.keyframe): page.keyframe for page in series.pages if page is not None}
    for keyframe in keyframes.values():
        check_tags(tif, keyframe, size)
    if series.kind != "imagej" or series.dataoffset is None:  # ImageJ > 4 GB: one directory
        check_chain(tif, size)
    if series.dataoffset is not None:
        check_page(series.pages[0], size)
        end = int(series.dataoffset) + int(series.nbytes)
        if end > size:
            got = f"data up to byte {end} of a {size}-byte file (truncated)"
            raise corrupt("the stack's frames inside the file", got)
        return
    pages = [page for page in series.pages if page is not None]
    if not pages:
        raise corrupt("at least one image", "none")
    for page in pages:
        check_page(page, size)


def _palette(page: Any) -> tuple[tuple[int, ...], ...] | None:
    colormap = getattr(page, "colormap", None) if int(page.photometric) == 3 else None
    if colormap is None:
        return None
    return tuple(map(tuple, np.asarray(colormap).T.tolist()))


def _decode(series: Any, record: str | None, palette: str | None) -> np.ndarray:
    first = series.pages[0]
    check_decode_cap(int(series.nbytes), first.keyframe)
    try:
        pixels: np.ndarray = series.asarray()
    except Exception as exc:  # codecs raise their own errors on damaged data
        raise decode_fault(exc, first) from None
    colormap = getattr(first, "colormap", None)
    if palette == "colors" and int(first.photometric) == 3 and colormap is not None:
        colors = np.asarray(colormap).T
        if pixels.size and int(pixels.max()) >= len(colors):
            what = f"palette indices below {len(colors)} (the ColorMap entries)"
            raise corrupt(what, f"index {int(pixels.max())}")
        pixels = colors[pixels]
    return pixels


# bytes either side of the first directory searched for a record whose tag was damaged
_NEAR = 65536


def _record(tif: Any, page: Any) -> str | None:
    """The truepix record, None for a foreign file; a damaged record tag is refused.

    A record found anywhere but in its tag -- under another tag number or type, or
    orphaned near the first directory by a damaged value offset -- means a truepix
    file whose metadata was damaged, which must not load as a foreign picture.
    """
    tags = getattr(page, "tags", None)
    if tags is None:
        return None
    for number in (TAG, LEGACY_TAG):
        tag = tags.get(number)
        value = None if tag is None else tag.value
        if isinstance(value, str) and value.startswith("{") and '"truepix":' in value:
            return value
    near = any(
        isinstance(tag.value, (str, bytes)) and looks_like_record(tag.value)
        for tag in tags.values()
    )
    if not near and int(page.offset) == int(tif.pages.first.offset):
        handle = tif.filehandle
        handle.seek(max(0, int(page.offset) - _NEAR))
        near = looks_like_record(handle.read(2 * _NEAR))
    if near:
        msg = (
            "expected a sound truepix metadata record in the DocumentName tag, got a damaged "
            "record or tag; the file was altered after truepix wrote it"
        )
        raise MetadataError(msg)
    return None


def _describe(tif: Any, chosen: Any, index: int, palette: str | None) -> TiffInfo:
    first = chosen.pages[0]
    record = _record(tif, first)
    colors = _palette(first)
    shape, dtype = tuple(chosen.shape), np.dtype(chosen.dtype)
    if palette == "colors" and colors is not None:
        shape, dtype = (*shape, 3), np.dtype(np.uint16)
    return TiffInfo(
        shape=shape,
        dtype=dtype,
        record=record,
        pages=len(tif.pages),
        compression=codec_name(first.compression),
        axes=str(chosen.axes),
        series=index,
        n_series=len(tif.series),
        palette=colors,
        lossless=codec_lossless(tif, first),
    )


def read(
    path: str | os.PathLike[str],
    *,
    header_only: bool = False,
    series: int = 0,
    palette: str | None = None,
) -> tuple[np.ndarray | None, TiffInfo]:
    """Read a TIFF series (the first by default, as tifffile does) and the truepix record.

    ``palette="colors"`` turns a palette image's indices into its 16-bit ColorMap
    colors; by default the stored indices come back, as tifffile gives them.
    The decoded-size cap applies to what is decoded, so ``header_only``
    describes a file of any size.
    """
    size = check_header(path)
    with quiet_tifffile():
        try:
            tif = tifffile.TiffFile(path)
        except Exception as exc:  # tifffile raises many kinds on damaged directories
            raise open_fault(exc) from None
        with tif:
            try:
                chosen = _series(tif, series)
                _check_series(tif, chosen, series % len(tif.series), size)
                info = _describe(tif, chosen, series, palette)
            except (ReadError, InputError):
                raise
            except Exception as exc:  # ditto, while building series from the tags
                raise open_fault(exc) from None
            if header_only:
                return None, info
            return _decode(chosen, info.record, palette), info
