"""``save`` / ``load`` / ``info``: the verbs over the codec and encoding tables."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

import numpy as np

from truepix import __version__, encodings
from truepix.errors import (
    InputError,
    IntegrityError,
    MetadataError,
    ShapeError,
    UnknownFormatError,
    UnsupportedDtypeError,
    did_you_mean,
)
from truepix.io import _jxl, _png, _tiff, _webp
from truepix.io._atomic import write_atomic
from truepix.io._layout import (
    FOLD_WIDTH,
    fold,
    from_planes,
    narrow_dtype,
    picture_shape,
    to_planes,
    to_planes_shape,
    unfold,
)
from truepix.io._metadata import SCHEMA_VERSION, decode_record, encode_record, samples_crc32
from truepix.io._readers import READERS

__all__ = ["ImageInfo", "info", "load", "save"]

# file suffix -> format
_FORMATS: dict[str, str] = {
    ".png": "png",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".jxl": "jxl",
    ".webp": "webp",
}


@dataclass(frozen=True)
class ImageInfo:
    """What a file holds and how faithfully :func:`load` returns it.

    Attributes
    ----------
    path : str
        The file.
    format : str
        ``"png"`` or ``"tiff"``.
    foreign : bool
        True for files truepix did not write; :func:`load` returns their stored samples.
    encoding : str or None
        The encoding name (None for foreign files).
    dtype, shape
        dtype and shape of the array :func:`load` returns.
    exact : bool
        True when :func:`load` returns the saved array bit for bit.
    max_error : float
        Guaranteed bound on ``|load(path) - saved|`` (0.0 when exact).
    params : dict
        The encoding's parameters (``vmin``, ``vmax``, ``bits`` ...).
    layout : str or None
        How samples sit in the picture: ``"native"`` (viewable), ``"bool255"`` or ``"planes"``.
    stored_dtype, stored_shape
        The picture's own samples, as any other image reader sees them.
    checksum : str or None
        CRC-32 of the stored samples, verified by :func:`load`.
    file_size : int
        Bytes on disk.
    writer : str or None
        The truepix version that wrote the file.
    palette : tuple of tuple of int, or None
        A palette image's colors, one ``(R, G, B)`` or ``(R, G, B, A)`` per index
        (8-bit for PNG, 16-bit for a TIFF ColorMap); None for other images.
    axes : str or None
        TIFF: tifffile's axes of the series, e.g. ``"TZCYX"`` or ``"YXS"``.
    n_series : int
        TIFF: how many series the file holds (``series=`` picks one).
    """

    path: str
    format: str
    foreign: bool
    encoding: str | None
    dtype: np.dtype
    shape: tuple[int, ...]
    exact: bool
    max_error: float
    params: dict[str, Any] = field(default_factory=dict)
    layout: str | None = None
    stored_dtype: np.dtype | None = None
    stored_shape: tuple[int, ...] | None = None
    checksum: str | None = None
    file_size: int = 0
    writer: str | None = None
    palette: tuple[tuple[int, ...], ...] | None = None
    axes: str | None = None
    n_series: int = 1

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable dict of every field (dtypes as strings)."""
        data = asdict(self)
        data["dtype"] = self.dtype.str
        data["stored_dtype"] = None if self.stored_dtype is None else self.stored_dtype.str
        data["shape"] = list(self.shape)
        data["stored_shape"] = None if self.stored_shape is None else list(self.stored_shape)
        return data


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        hint = did_you_mean(suffix, _FORMATS) or f" use one of {', '.join(_FORMATS)}"
        msg = f"expected a file name ending in .png, .tif, .jxl or .webp, got {str(path)!r};{hint}"
        raise UnknownFormatError(msg)
    return _FORMATS[suffix]


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


def _lay_out(samples: np.ndarray, format: str) -> tuple[str, np.ndarray]:
    """Choose the layout of the encoded samples in the picture and build the picture."""
    shape = picture_shape(samples.shape)
    if len(shape) == 3 and shape[2] == 1:
        shape = shape[:2]
    channels = shape[2] if len(shape) == 3 else 1
    if format == "webp":
        return _webp_layout(samples, shape)
    if format != "tiff" and (channels > 4 or max(shape[:2]) > _png.MAX_SIDE):
        return _png_planes(samples)
    if samples.dtype.kind == "b":
        return "bool255", (samples.reshape(shape).view(np.uint8) * np.uint8(255))
    if format == "tiff":
        return "native", samples.reshape(shape).astype(samples.dtype.newbyteorder("="), copy=False)
    if format == "jxl" and samples.dtype.kind == "f" and samples.dtype.itemsize <= 4:
        # float16 widened: exact (float16 is a subset of float32), and libjxl's own
        # float16 path loses NaN and subnormals
        return "native", samples.reshape(shape).astype(np.float32, copy=False)
    target = narrow_dtype(samples)
    if target is not None:
        return "native", samples.reshape(shape).astype(target, copy=False)
    return _png_planes(samples)


def _webp_layout(samples: np.ndarray, shape: tuple[int, ...]) -> tuple[str, np.ndarray]:
    """WebP holds uint8 RGB(A): a gray picture goes into R = G = B."""
    channels = shape[2] if len(shape) == 3 else 1
    if samples.dtype != np.uint8 or channels not in (1, 3, 4):
        msg = (
            f"expected uint8 gray, RGB or RGBA samples for WebP, got {samples.dtype} with "
            f"{channels} channel(s); save exact data of any dtype as .png, .tif or .jxl"
        )
        raise UnsupportedDtypeError(msg)
    if max(shape[:2]) > _webp.MAX_SIDE:
        msg = f"expected sides of at most {_webp.MAX_SIDE} pixels for WebP, got {shape[:2]}"
        raise ShapeError(msg)
    if channels == 1:
        return "rgb-gray", np.repeat(samples.reshape(*shape[:2], 1), 3, axis=2)
    return "native", samples.reshape(shape)


def _png_planes(samples: np.ndarray) -> tuple[str, np.ndarray]:
    planes = to_planes(samples)
    if max(planes.shape) <= _png.MAX_SIDE:
        return "planes", planes
    folded = fold(planes)
    if folded.shape[0] > _png.MAX_SIDE:
        msg = (
            f"expected an array of at most {_png.MAX_SIDE * FOLD_WIDTH} bytes for PNG, got "
            f"{samples.nbytes}; save it as .tif"
        )
        raise ShapeError(msg)
    return "planes", folded


def _from_layout(record: dict[str, Any], pixels: np.ndarray) -> np.ndarray:
    samples_dtype = np.dtype(record["samples"]["dtype"])
    samples_shape = tuple(record["samples"]["shape"])
    if record["layout"] == "planes":
        planes_shape = to_planes_shape(samples_dtype, samples_shape)
        if pixels.shape != planes_shape:
            pixels = unfold(pixels, planes_shape)
        return from_planes(pixels, samples_dtype, samples_shape)
    if record["layout"] == "rgb-gray":
        return np.ascontiguousarray(pixels[..., 0]).reshape(samples_shape)
    if record["layout"] == "bool255":
        return (pixels != 0).reshape(samples_shape)
    return pixels.reshape(samples_shape)


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
    planes (see :mod:`truepix.io._layout`). Encodings that define a format store
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
    encoded = codec.encode(data, bits=bits, vmin=vmin, vmax=vmax, cmap=cmap, clip=clip)
    layout, picture = _lay_out(encoded.samples, format)
    record = {
        "truepix": SCHEMA_VERSION,
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

        def write(file: BinaryIO) -> None:
            _tiff.write(file, picture, record=text, compression=compression)

    write_atomic(target, write, overwrite=overwrite)
    return _info_from_record(target, format, record, target.stat().st_size)


def _info_from_record(path: Path, format: str, record: dict[str, Any], size: int) -> ImageInfo:
    return ImageInfo(
        path=str(path),
        format=format,
        foreign=False,
        encoding=record["encoding"],
        dtype=np.dtype(record["dtype"]),
        shape=tuple(record["shape"]),
        exact=record["exact"],
        max_error=float(record["max_error"]),
        params=dict(record["params"]),
        layout=record["layout"],
        stored_dtype=np.dtype(record["stored"]["dtype"]),
        stored_shape=tuple(record["stored"]["shape"]),
        checksum=record["stored"]["crc32"],
        file_size=size,
        writer=record["writer"],
    )


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
    format = _format_of(path)
    _check_palette(palette)
    size = path.stat().st_size
    if format != "tiff" and series != 0:
        msg = f"expected series=0 for a {format.upper()} file (one image), got series={series!r}"
        raise InputError(msg)
    got = READERS[format](path, pixels_too=pixels_too, palette=palette, series=series)
    pixels, text, dtype, shape = got.pixels, got.record, got.dtype, got.shape
    if text is None:
        foreign = ImageInfo(
            path=str(path),
            format=format,
            foreign=True,
            encoding=None,
            dtype=dtype,
            shape=shape,
            exact=True,
            max_error=0.0,
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
    return pixels, record, _info_from_record(path, format, record, size)


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
    samples = _from_layout(record, pixels)
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
