"""``save`` / ``load`` / ``info``: the verbs over the codec and encoding tables."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, BinaryIO, cast

import numpy as np

from truepix import __version__, encodings
from truepix._files import FORMATS
from truepix.errors import (
    CorruptFileError,
    InputError,
    IntegrityError,
    MetadataError,
    ShapeError,
    UnknownFormatError,
    UnsupportedDtypeError,
    did_you_mean,
)
from truepix.io import _jxl, _png, _webp
from truepix.io._atomic import write_atomic
from truepix.io._info import ImageInfo, info_from_record
from truepix.io._metadata import decode_record, encode_record, samples_crc32, schema_version
from truepix.io._picture import from_layout, lay_out
from truepix.io._readers import READERS

__all__ = ["ImageInfo", "info", "load", "save"]

_FORMATS = FORMATS  # file suffix -> format, shared with the command line


#: picture formats Pillow reads that hold no data truepix wrote (lossy, palette or 8-bit only)
_PICTURES = (".gif", ".jpg", ".jpeg", ".jfif", ".bmp", ".avif", ".heic", ".ppm", ".pgm", ".ico")


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _PICTURES:  # colors, not data ('.jpg': "did you mean '.png'?" misled)
        hint = (f" a {suffix} file holds a picture's colors, not exact data; read its pixels with"
                " np.asarray(PIL.Image.open(path)) (truepix.decolorize: colormapped ones to data)")
        msg = f"expected a file name ending in .png, .tif, .jxl or .webp, got {str(path)!r};{hint}"
        raise UnknownFormatError(msg)
    if suffix not in _FORMATS:
        hint = did_you_mean(suffix, _FORMATS) or f" use one of {', '.join(_FORMATS)}"
        msg = f"expected a file name ending in .png, .tif, .jxl or .webp, got {str(path)!r};{hint}"
        raise UnknownFormatError(msg)
    return _FORMATS[suffix]


# leading bytes -> format: a file read by what it is, whatever its name says
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"II+\x00", "tiff"),
    (b"MM\x00+", "tiff"),
    (b"\xff\x0a", "jxl"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "jxl"),
)


_SUFFIX = {"png": ".png", "tiff": ".tif", "jxl": ".jxl", "webp": ".webp"}


def _sniff(path: Path, named: str) -> str:
    """The named format, after checking that the content is not another format's.

    A PNG named ``.tif`` is refused with a message that says what it is (reading it
    as the PNG would hide that every other TIFF reader refuses the file).
    """
    with open(path, "rb") as file:
        head = file.read(16)
    found = "webp" if head[:4] == b"RIFF" and head[8:12] == b"WEBP" else None
    found = found or next((format for magic, format in _MAGIC if head.startswith(magic)), None)
    if found is not None and found != named:
        msg = (
            f"expected a {named.upper()} file as its name {path.name!r} says, got a "
            f"{found.upper()} file; rename it to end in {_SUFFIX[found]}"
        )
        raise CorruptFileError(msg)
    return named


def _as_array(array: Any) -> np.ndarray:
    if isinstance(array, np.ma.MaskedArray):
        msg = (
            "expected a plain ndarray, got a masked array (the mask would be lost); "
            "fill masked values first, e.g. array.filled(np.nan)"
        )
        raise UnsupportedDtypeError(msg)
    data = np.asarray(array)
    if (
        data.dtype.kind not in "biufc"
        or data.dtype.fields is not None
        or data.dtype.subdtype is not None
    ):
        msg = (
            f"expected a numeric array (bool, integer, float or complex), got dtype {data.dtype}; "
            "convert it to a numeric dtype first"
        )
        raise UnsupportedDtypeError(msg)
    if data.ndim == 0 or data.size == 0:
        msg = f"expected a non-empty array with at least 1 dimension, got shape {data.shape}"
        raise ShapeError(msg)
    return data


def save(
    path: str | os.PathLike[str],
    array: Any,
    /,
    *,
    encoding: str = "exact",
    bits: int | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    cmap: Any = None,
    clip: bool = False,
    norm: str | None = None,
    compression: int | str | None = None,
    overwrite: bool = True,
) -> ImageInfo:
    """Save an array as a self-describing PNG, TIFF, JPEG XL or WebP that :func:`load` reads back.

    Parameters
    ----------
    path : str or path-like
        Ends in ``.png``, ``.tif``/``.tiff``, ``.jxl`` (lossless JPEG XL: the
        smallest exact files for uint8/uint16/float32 data) or ``.webp`` (lossless,
        uint8 pictures only).
    array : array-like
        Any numeric dtype (bool, integers, floats, complex, either byte order) and
        any non-empty shape.
    encoding : str
        ``"exact"`` (default) keeps every bit. Lossy, viewable encodings state their
        bound in the returned :attr:`ImageInfo.max_error`: ``"linear"`` (with
        ``bits``, ``vmin``, ``vmax``), ``"terrain-rgb"``, ``"terrarium"``,
        ``"kitti-depth"``, ``"kitti-flow"``; see :mod:`truepix.encodings`.
    bits : {8, 16}, optional
        Bits per sample for ``"linear"`` (default 16).
    vmin, vmax : float, optional
        The value range for ``"linear"`` (default: the finite data range).
    cmap : optional
        Colormap for encodings that use one.
    clip : bool
        Clip values outside the encoding's domain instead of refusing them
        (the count is recorded in ``params["clipped"]``).
    norm : {"linear", "log"}, optional
        How ``"colormap"`` maps values to colors (matplotlib's ``Normalize`` or
        ``LogNorm``; default linear); a log norm is recorded in the file.
    compression : int or str, optional
        PNG: zlib level 0-9 (default: level 1 with the RLE strategy, the fastest
        measured for nearly the smallest files). TIFF: deflate level 0-9 or a codec
        name (``"zstd"``, ``"deflate"``, ``"lzw"``, ``"lzma"``, ``"none"``). JPEG XL:
        the encoder effort 1-9 (default 1). WebP: libwebp's level 0-100 (default 75).
    overwrite : bool
        If false, refuse to replace an existing file.

    Returns
    -------
    ImageInfo
        What was written, as :func:`info` would report it.

    Raises
    ------
    EncodingDomainError
        Values the encoding cannot hold; the message names the domain and the count.
    UnsupportedDtypeError, ShapeError, UnknownEncodingError, UnknownFormatError
        Inputs truepix cannot store; nothing is written.

    Notes
    -----
    In PNG the dtype decides the bit depth, never the values: uint8 and bool
    are 8-bit, uint16 is 16-bit even when every value is below 256; other
    integers are a 16-bit picture when their values fit (int8: 8-bit), whose
    samples are the values (a 7 is gray 7). Everything else is split into byte
    planes (see :mod:`truepix.io._layout`). Stacks keep their frames: a trailing
    axis of 1-4 is channels, else every leading axis counts frames, stacked as rows
    in PNG and JPEG XL (an (N, H, W) uint16 stack is a 16-bit picture of N * H rows)
    and written as pages in TIFF. Encodings that define a format store
    its dtype (``kitti-depth`` is always 16-bit). The write is atomic: a temporary file renamed
    into place.

    Examples
    --------
    >>> import tempfile, pathlib, numpy as np, truepix as tp
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> x = np.array([[np.nan, -0.0], [1e-310, np.inf]])
    >>> tp.save(folder / "x.png", x).exact
    True
    >>> tp.load(folder / "x.png").tobytes() == x.tobytes()
    True
    >>> field = np.linspace(-1, 1, 12).reshape(3, 4)
    >>> round(tp.save(folder / "f.png", field, encoding="linear", bits=8).max_error, 5)
    0.00392
    """
    target = Path(path)
    format = _format_of(target)
    data = _as_array(array)
    codec = encodings.get(encoding)
    encoded = codec.encode(
        data, bits=bits, vmin=vmin, vmax=vmax, cmap=cmap, clip=clip, norm=norm
    )
    layout, picture = lay_out(encoded.samples, format)
    record = {
        "truepix": schema_version(codec.name, encoded.params),
        "writer": f"truepix {__version__}",
        "dtype": codec.output_dtype(data.dtype).str,
        "shape": list(data.shape),
        "encoding": codec.name,
        "params": encoded.params,
        "exact": codec.exact,
        "max_error": float(encoded.max_error),
        "layout": layout,
        "samples": {"dtype": encoded.samples.dtype.str, "shape": list(encoded.samples.shape)},
        "stored": {
            "dtype": picture.dtype.str,
            "shape": list(picture.shape),
            "crc32": samples_crc32(picture),
        },
    }
    text = encode_record(record)
    if format == "png":
        transparent = encoded.transparent if layout == "native" and picture.ndim == 2 else None
        if isinstance(compression, str):
            msg = f"expected a PNG compression level 0-9, got {compression!r}; codec names are for TIFF"
            raise InputError(msg)
        predictor = "sub" if layout == "planes" else "paeth"
        parts = _png.encode(
            picture, record=text, transparent=transparent, level=compression, predictor=predictor
        )

        def write(file: BinaryIO) -> None:
            for part in parts:
                file.write(part)

    elif format == "webp":
        if isinstance(compression, str):
            msg = f"expected a WebP level 0-100, got {compression!r}; codec names are for TIFF"
            raise InputError(msg)
        webp_file = _webp.encode(picture, record=text, effort=compression)

        def write(file: BinaryIO) -> None:
            file.write(webp_file)

    elif format == "jxl":
        if isinstance(compression, str) or compression == 0:
            msg = f"expected a JPEG XL effort 1-9, got {compression!r}; codec names are for TIFF"
            raise InputError(msg)
        encoded_file = _jxl.encode(picture, record=text, effort=compression)

        def write(file: BinaryIO) -> None:
            file.write(encoded_file)

    else:

        from truepix.io import _tiff  # tifffile: imported for TIFF files only (0.03 s)

        def write(file: BinaryIO) -> None:
            _tiff.write(file, picture, record=text, compression=compression)

    write_atomic(target, write, overwrite=overwrite)
    return info_from_record(target, format, record, target.stat().st_size)


_PALETTE_MODES = (None, "colors", "indices")


def _check_palette(palette: Any) -> None:
    if palette not in _PALETTE_MODES:
        msg = (
            "expected palette='colors' or 'indices' (or None: the format's default), "
            f"got {palette!r}"
        )
        raise InputError(msg)


def _read(
    path: Path, *, pixels_too: bool, palette: str | None = None, series: int = 0
) -> tuple[np.ndarray | None, dict[str, Any] | None, ImageInfo]:
    format = _sniff(path, _format_of(path))
    _check_palette(palette)
    size = path.stat().st_size
    if format != "tiff" and series != 0:
        msg = f"expected series=0 for a {format.upper()} file (one image), got series={series!r}"
        raise InputError(msg)
    got = READERS[format](path, pixels_too=pixels_too, palette=palette, series=series)
    pixels, text, dtype, shape = got.pixels, got.record, got.dtype, got.shape
    if text is None:
        # exact only when the codec stores samples exactly; the error of a lossy one is unknown
        exact = got.extra.get("lossless") is True
        foreign = ImageInfo(
            path=str(path),
            format=format,
            foreign=True,
            encoding=None,
            dtype=dtype,
            shape=shape,
            exact=exact,
            max_error=0.0 if exact else math.nan,
            stored_dtype=dtype,
            stored_shape=shape,
            file_size=size,
            **got.extra,
        )
        return pixels, None, foreign
    record = decode_record(text)
    stored_dtype = np.dtype(record["stored"]["dtype"])
    stored_shape = tuple(record["stored"]["shape"])
    if dtype is None:  # described from the header and record: the sizes it has must agree
        dtype, shape = stored_dtype, (*shape, *stored_shape[len(shape) :])
    if format != "tiff" and (stored_dtype != dtype or stored_shape != shape):
        msg = (
            f"expected the picture to hold {stored_shape} {stored_dtype} samples as its "
            f"metadata says, got {shape} {dtype}; the file was altered after truepix wrote it"
        )
        raise MetadataError(msg)
    return pixels, record, info_from_record(path, format, record, size)


def load(
    path: str | os.PathLike[str],
    /,
    *,
    encoding: str | None = None,
    palette: str | None = None,
    series: int = 0,
) -> np.ndarray:
    """Load a PNG, TIFF, JPEG XL or WebP: the saved array, or another tool's stored samples.

    For files truepix wrote, the array comes back with the saved dtype, byte order
    and shape -- bit for bit when the encoding is exact, within
    ``info(path).max_error`` otherwise -- after the stored samples are checked
    against their CRC-32. Any other file comes back as its stored samples
    (uint8/uint16 and all channels for PNG; the first series for TIFF, as
    ``tifffile.imread``; the decoded samples for JPEG XL and WebP), never
    rescaled; palette PNGs come back as their RGB(A) colors unless
    ``palette="indices"``.

    Parameters
    ----------
    path : str or path-like
        A ``.png``, ``.tif``, ``.tiff``, ``.jxl`` or ``.webp`` file.
    encoding : str, optional
        Decode a file another tool wrote with a public encoding: ``"terrain-rgb"``
        and ``"terrarium"`` tiles, ``"kitti-depth"`` and ``"kitti-flow"`` PNGs give
        float64 values (NaN where invalid). For truepix files the encoding is read
        from the file; naming a different one is an error.
    palette : {None, "colors", "indices"}
        For palette images: ``"colors"`` gives each pixel's palette color (RGB, or
        RGBA with a PNG ``tRNS``), ``"indices"`` the stored indices (uint8), e.g.
        the class ids of a PASCAL VOC label map. None (default) gives what each
        format's reference reader gives: colors for PNG (8-bit), indices for TIFF
        (as tifffile), whose ``"colors"`` are the 16-bit ColorMap values.
    series : int
        TIFF: which series to read (default the first, as ``tifffile.imread``):
        a whole stack or ImageJ/OME hyperstack with its axes, the base level of a
        pyramid. See ``info(path).axes`` and ``.n_series``.

    Returns
    -------
    numpy.ndarray
        The saved array (truepix files), or the stored samples with the shape
        and dtype ``info(path, palette=palette, series=series)`` reports.

    Raises
    ------
    UnknownFormatError
        A suffix no codec handles.
    InputError
        An unknown ``palette`` mode, a ``series`` the file does not have, or an
        ``encoding`` that contradicts the file's.
    IntegrityError
        The pixels do not match the checksum written with them.
    CorruptFileError, MetadataError, DecompressionBombError
        Damaged, truncated, tampered or hostile files; nothing is allocated for them.
    UnsupportedFileError
        Sound files in a codec truepix cannot decode (TIFF SGILog, ThunderScan,
        old-style JPEG ...); the message names it.

    Examples
    --------
    >>> import tempfile, pathlib, numpy as np, truepix as tp
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "counts.png"
    >>> counts = np.array([[7, 300], [65535, 0]], dtype=np.int32)
    >>> tp.save(path, counts).stored_dtype   # a viewable 16-bit gray PNG
    dtype('uint16')
    >>> tp.load(path)
    array([[    7,   300],
           [65535,     0]], dtype=int32)
    """
    pixels, record, _ = _read(Path(path), pixels_too=True, palette=palette, series=series)
    pixels = cast(np.ndarray, pixels)  # _read decodes pixels when asked to
    if record is None:
        return pixels if encoding is None else _decode_foreign(pixels, encoding)
    if encoding is not None and encoding != record["encoding"]:
        msg = (
            f"expected encoding {record['encoding']!r} as the file says, got encoding={encoding!r}; "
            "truepix files decode themselves: leave encoding out"
        )
        raise InputError(msg)
    stored_dtype = np.dtype(record["stored"]["dtype"])
    if pixels.dtype != stored_dtype or pixels.shape != tuple(record["stored"]["shape"]):
        msg = (
            f"expected stored samples of {tuple(record['stored']['shape'])} {stored_dtype}, "
            f"got {pixels.shape} {pixels.dtype}; the file was altered after truepix wrote it"
        )
        raise MetadataError(msg)
    if samples_crc32(pixels) != record["stored"]["crc32"]:
        msg = (
            f"expected stored samples with CRC-32 {record['stored']['crc32']}, got "
            f"{samples_crc32(pixels)}; the pixels were changed after truepix wrote {str(path)!r}"
        )
        raise IntegrityError(msg)
    samples = from_layout(record, pixels)
    codec = encodings.get(record["encoding"])
    return codec.decode(
        samples, record["params"], dtype=np.dtype(record["dtype"]), shape=tuple(record["shape"])
    )


def _decode_foreign(pixels: np.ndarray, name: str) -> np.ndarray:
    codec = encodings.get(name)
    decode_foreign = getattr(codec, "decode_foreign", None)
    if decode_foreign is None:
        fixed = [n for n in encodings.names() if hasattr(encodings.get(n), "decode_foreign")]
        msg = (
            f"expected an encoding with a fixed public definition for a file truepix did not "
            f"write ({', '.join(fixed)}), got {name!r}, whose parameters only truepix files carry"
        )
        raise InputError(msg)
    decoded: np.ndarray = decode_foreign(pixels)
    return decoded


def info(
    path: str | os.PathLike[str], /, *, palette: str | None = None, series: int = 0
) -> ImageInfo:
    """Describe a file without decoding its pixels.

    A file of any size is described; the decoded-size cap applies to
    :func:`load` only. A JPEG XL or WebP file truepix did not write is decoded
    to learn its dtype (their headers do not say it simply).

    Parameters
    ----------
    path : str or path-like
        A ``.png``, ``.tif``, ``.tiff``, ``.jxl`` or ``.webp`` file.
    palette : {None, "colors", "indices"}
        As for :func:`load`: the dtype and shape reported are those ``load``
        returns with the same option.
    series : int
        TIFF: which series to describe (default the first).

    Returns
    -------
    ImageInfo
        Encoding, dtype, shape, ``exact`` and ``max_error``, the stored picture,
        checksum, palette (``.palette``) and TIFF axes (``.axes``, ``.n_series``).

    Raises
    ------
    UnknownFormatError
        A suffix no codec handles.
    CorruptFileError, MetadataError, DecompressionBombError, UnsupportedFileError
        As for :func:`load`, for what can be told without decoding.

    Examples
    --------
    >>> import tempfile, pathlib, numpy as np, truepix as tp
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "depth.png"
    >>> _ = tp.save(path, np.full((4, 4), 2.5), encoding="kitti-depth")
    >>> meta = tp.info(path)
    >>> meta.encoding, meta.exact, meta.max_error < 0.002, meta.stored_dtype
    ('kitti-depth', False, True, dtype('uint16'))
    """
    _, _, image_info = _read(Path(path), pixels_too=False, palette=palette, series=series)
    return image_info
