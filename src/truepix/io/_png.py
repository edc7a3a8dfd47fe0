"""PNG: a chunk reader/writer of our own around imagecodecs' pixel codec.

imagecodecs writes no text chunks, so the metadata record goes into an
``iTXt`` chunk inserted after ``IHDR``. Reading parses every chunk first --
signature, CRCs, ``IHDR`` sanity, ``IEND`` -- and refuses declared sizes the
data cannot hold before the pixel decoder allocates anything.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import imagecodecs
import numpy as np

from truepix.errors import CorruptFileError, InputError
from truepix.io._limits import check_decoded_size
from truepix.io._metadata import KEYWORD
from truepix.io._quiet import QuietLogger

__all__ = ["PngFile", "decode", "encode", "parse"]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_MAX_DIMENSION = 2**31 - 1
# libpng's default user limit: readers refuse wider or taller pictures
MAX_SIDE = 1_000_000
_MAX_RECORD_BYTES = 1 << 20
# level 1 + RLE strategy: the fastest settings measured, within a few % of level 6's size.
# Paeth predicts smooth pictures best (depth maps: 12% smaller than SUB); byte planes
# compress best with SUB, which is the byte-difference predictor of TIFF's predictor 3.
_FILTERS = {"paeth": 128, "sub": 16}


@dataclass(frozen=True)
class PngFile:
    """What :func:`parse` learned about a PNG without decoding its pixels."""

    width: int
    height: int
    bit_depth: int
    color_type: int
    interlaced: bool
    record: str | None
    transparency: tuple[int, ...] | None
    idat_bytes: int
    chunk_types: tuple[str, ...]
    palette: tuple[tuple[int, ...], ...] | None = None
    critical: tuple[tuple[int, int], ...] = ()  # (start, end) of IHDR, the IDATs and IEND

    @property
    def channels(self) -> int:
        """Samples per pixel as decoded (palette images decode to their colors)."""
        if self.color_type == 3:
            return 4 if self.transparency is not None else 3
        return _CHANNELS[self.color_type]

    @property
    def dtype(self) -> np.dtype:
        return np.dtype(np.uint16 if self.bit_depth == 16 else np.uint8)

    @property
    def shape(self) -> tuple[int, ...]:
        channels = self.channels
        return (self.height, self.width) if channels == 1 else (self.height, self.width, channels)

    @property
    def index_shape(self) -> tuple[int, ...]:
        """The shape of the stored samples: palette indices for palette images."""
        if self.color_type == 3:
            return (self.height, self.width)
        return self.shape

    def colors(self) -> np.ndarray:
        """The palette as an (entries, 3) RGB or (entries, 4) RGBA uint8 table."""
        table = np.array(self.palette or (), dtype=np.uint8).reshape(-1, 3)
        if self.transparency is None:
            return table
        alpha = np.full((len(table), 1), 255, dtype=np.uint8)
        given = np.frombuffer(bytes(self.transparency[: len(table)]), dtype=np.uint8)
        alpha[: len(given), 0] = given
        return np.concatenate([table, alpha], axis=1)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _itxt(keyword: str, text: str) -> bytes:
    # keyword, null, compression flag 0, method 0, empty language tag, null, empty translated keyword, null
    return _chunk(b"iTXt", keyword.encode("latin-1") + b"\0\0\0\0\0" + text.encode("utf-8"))


def _corrupt(what: str, got: str) -> CorruptFileError:
    return CorruptFileError(f"expected {what}, got {got}; the PNG file is damaged or not a PNG")


def _read_record(body: memoryview) -> str | None:
    """The truepix record of an iTXt chunk, or None if the chunk is someone else's."""
    if bytes(body[: len(KEYWORD) + 1]) != KEYWORD.encode() + b"\0":
        return None
    rest = bytes(body[len(KEYWORD) + 1 :])
    if rest[:2] == b"\0\0":
        text = rest[2:].split(b"\0", 2)[-1]
    else:
        compressed = rest[2:].split(b"\0", 2)[-1]
        try:  # bounded: a record is small, a zip bomb in a text chunk is not
            text = zlib.decompressobj().decompress(compressed, _MAX_RECORD_BYTES)
        except zlib.error:
            got = "one that does not decompress"
            raise _corrupt("a readable truepix text chunk", got) from None
    return text.decode("utf-8", errors="replace")


def _check_header(header: tuple[int, ...] | None, palette: bytes | None, idat_bytes: int) -> None:
    if header is None:
        raise _corrupt("an IHDR chunk", "none")
    width, height, bit_depth, color_type, compression, filter_method, interlace = header
    if not (1 <= width <= _MAX_DIMENSION and 1 <= height <= _MAX_DIMENSION):
        raise _corrupt("width and height in [1, 2**31 - 1]", f"{width} x {height}")
    if color_type not in _DEPTHS or bit_depth not in _DEPTHS[color_type]:
        raise _corrupt(
            "a valid bit depth and color type", f"depth {bit_depth}, color type {color_type}"
        )
    if compression != 0 or filter_method != 0 or interlace not in (0, 1):
        raise _corrupt("compression 0, filter 0, interlace 0 or 1", repr(header[4:]))
    if color_type == 3 and palette is None:
        raise _corrupt("a PLTE chunk in a palette image", "none")
    if palette is not None and color_type in (2, 3, 6):
        entries = len(palette) // 3
        if len(palette) % 3 or not 1 <= entries <= 256:
            raise _corrupt("a PLTE chunk of 1 to 256 RGB entries", f"{len(palette)} bytes")
    if idat_bytes == 0:
        raise _corrupt("image data (IDAT)", "none")


def _check_order(name: str, repeated: bool, idat_bytes: int) -> None:
    """PLTE (and a palette image's tRNS) once, before the image data (PNG spec, 5.6)."""
    if repeated:
        raise _corrupt(f"one {name} chunk", "two")
    if idat_bytes:
        raise _corrupt(f"{name} before the image data (IDAT)", f"{name} after it")


def _chunks(view: memoryview) -> Iterator[tuple[int, int, bytes, memoryview]]:
    """(start, end, type, body) of each chunk after the signature; sizes, type and CRC checked."""
    position = 8
    while position < len(view):
        if position + 12 > len(view):
            got = f"{len(view) - position} trailing bytes (truncated)"
            raise _corrupt("a complete chunk header", got)
        (length,) = struct.unpack_from(">I", view, position)
        kind = bytes(view[position + 4 : position + 8])
        end = position + 12 + length
        if length > 2**31 - 1 or end > len(view):
            got = f"{length} bytes declared (truncated)"
            raise _corrupt(f"chunk {kind!r} to fit in the file", got)
        if not kind.isalpha() or not kind.isascii():
            raise _corrupt("a chunk type of 4 ASCII letters", repr(kind))
        (crc,) = struct.unpack_from(">I", view, end - 4)
        if zlib.crc32(view[position + 4 : end - 4]) != crc:
            raise _corrupt(f"a matching CRC for chunk {kind!r}", "a mismatch")
        yield position, end, kind, view[position + 8 : end - 4]
        position = end


def parse(data: bytes | memoryview) -> PngFile:
    """Validate a PNG's structure and read its header and truepix record.

    Every chunk's CRC is checked, unknown critical chunks and IDAT chunks that are
    not consecutive are refused, and a palette image must have its PLTE.

    Examples
    --------
    >>> png = b"".join(encode(np.zeros((2, 3), np.uint16), record='{"x":1}'))
    >>> info = parse(png)
    >>> info.shape, info.dtype.name, info.record
    ((2, 3), 'uint16', '{"x":1}')
    """
    view = memoryview(data)
    if bytes(view[:8]) != SIGNATURE:
        raise _corrupt("the PNG signature", repr(bytes(view[:8])))
    header: tuple[int, ...] | None = None
    record = None
    transparency = None
    palette: bytes | None = None
    idat_bytes = 0
    types: list[str] = []
    critical: list[tuple[int, int]] = []
    ended = False
    for position, end, kind, body in _chunks(view):
        name = kind.decode("ascii")
        if kind == b"IDAT" and idat_bytes and types[-1] != "IDAT":
            raise _corrupt("consecutive IDAT chunks", f"a {types[-1]!r} chunk between them")
        types.append(name)
        if not types[0] == "IHDR":
            raise _corrupt("IHDR as the first chunk", repr(name))
        if kind == b"IHDR":
            if len(body) != 13 or header is not None:
                raise _corrupt("one 13-byte IHDR", f"{len(body)} bytes" if header is None else "two")
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat_bytes += len(body)
        elif kind == b"PLTE":
            _check_order("PLTE", palette is not None, idat_bytes)
            palette = bytes(body)
        elif kind == b"tRNS":
            indexed = header is not None and header[3] == 3
            if indexed:  # it decides the palette's alphas: where and how long matters
                _check_order("tRNS", transparency is not None, idat_bytes)
                if palette is None:
                    raise _corrupt("PLTE before tRNS in a palette image", "tRNS first")
                if len(body) > len(palette) // 3:
                    got = f"{len(body)} for {len(palette) // 3} PLTE entries"
                    raise _corrupt("at most one tRNS alpha per PLTE entry", got)
            transparency = tuple(body.tobytes())
        elif kind == b"iTXt":
            record = _read_record(body) or record
        elif kind == b"IEND":
            critical.append((position, end))
            ended = True
            break
        elif kind[0:1].isupper():  # a critical chunk no decoder may skip
            raise _corrupt("only known critical chunks (IHDR, PLTE, IDAT, IEND)", repr(name))
        if kind in (b"IHDR", b"IDAT"):
            critical.append((position, end))
    if not ended:
        raise _corrupt("an IEND chunk", "end of file (truncated)")
    _check_header(header, palette, idat_bytes)
    width, height, bit_depth, color_type, _, _, interlace = header  # type: ignore[misc]
    entries = None
    if color_type == 3:
        table = palette or b""
        entries = tuple(tuple(table[i : i + 3]) for i in range(0, len(table), 3))
    info = PngFile(
        width,
        height,
        bit_depth,
        color_type,
        bool(interlace),
        record,
        transparency if color_type == 3 else None,
        idat_bytes,
        tuple(types),
        entries,
        tuple(critical),
    )
    row_bytes = (width * _CHANNELS[color_type] * bit_depth + 7) // 8 + 1
    check_decoded_size(height * row_bytes, what="PNG", compressed=idat_bytes, cap=False)
    return info


# libpng's and zlib's messages, in words about the file
_DECODE_FAULTS = (
    ("not enough image data", "fewer image rows than IHDR declares (truncated image data)"),
    ("too much image data", "more image data than IHDR declares"),
    ("data check", "image data whose zlib checksum does not match"),
    ("header check", "image data with a bad zlib header"),
    ("filter", "a row filter type other than 0 to 4"),
    ("crc", "image data whose CRC does not match"),
)


def _decode_fault(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, words in _DECODE_FAULTS:
        if needle in text:
            return words
    return "image data that does not decompress"


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence libpng's warnings ("Interlace handling should be turned on", "IDAT: Too
    much image data" ...) while a PNG decodes.

    libpng writes them to file descriptor 2 itself (imagecodecs installs no handler),
    once per file: 10,000 lines for a folder of frames. The structure was checked by
    :func:`parse` before, and every decode failure is raised as an exception after
    the descriptor is back, so nothing truepix says is lost. The descriptor points to
    the null device while any decode runs; decodes in several threads share that
    window instead of waiting for each other.
    """
    with _STDERR_LOCK:
        if not _STDERR_STATE:
            try:
                sys.stderr.flush()
                saved = os.dup(2)
            except (OSError, ValueError):  # no descriptor 2 (a daemon): nothing to silence
                saved = -1
            if saved >= 0:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 2)
            _STDERR_STATE.append(saved)
        _STDERR_STATE.append(-1)
    try:
        yield
    finally:
        with _STDERR_LOCK:
            _STDERR_STATE.pop()
            if len(_STDERR_STATE) == 1:
                saved = _STDERR_STATE.pop()
                if saved >= 0:
                    os.dup2(saved, 2)
                    os.close(saved)


_IMAGECODECS = QuietLogger("imagecodecs")  # where imagecodecs passes libpng's warnings
_STDERR_LOCK = threading.Lock()
# [saved descriptor, one entry per decode in progress] while interlaced decodes run
_STDERR_STATE: list[int] = []


def _gray_stream(data: bytes | memoryview, info: PngFile) -> bytes:
    """IHDR + IDATs + IEND only (ancillary chunks change no stored sample); palette -> gray."""
    view = memoryview(data)
    parts: list[bytes | memoryview] = [SIGNATURE]
    for start, end in info.critical:
        if bytes(view[start + 4 : start + 8]) == b"IHDR" and info.color_type == 3:
            body = bytearray(view[start + 8 : end - 4])
            body[9] = 0  # color type 3 -> 0: the decoder hands over the indices
            parts.append(_chunk(b"IHDR", bytes(body)))
        else:
            parts.append(view[start:end])
    return b"".join(parts)


def decode(data: bytes | memoryview, info: PngFile, *, palette: str = "colors") -> np.ndarray:
    """Decode the stored samples of a parsed PNG, exactly as stored.

    Gray images of 1, 2 or 4 bits come back as their stored values (libpng
    scales them to 8 bits); a ``tRNS`` chunk on a gray or RGB image is left
    out rather than turned into an extra alpha channel. Palette images come
    back as their RGB(A) colors, or as their indices with ``palette="indices"``;
    an index past the end of PLTE is refused (no stored color exists for it).
    """
    row_bytes = (info.width * _CHANNELS[info.color_type] * info.bit_depth + 7) // 8 + 1
    check_decoded_size(info.height * row_bytes, what="PNG")
    check_decoded_size(info.height * info.width * info.channels * info.dtype.itemsize, what="PNG")
    try:
        with _IMAGECODECS.quiet(), _quiet_stderr():
            pixels = imagecodecs.png_decode(_gray_stream(data, info))
    except Exception as exc:  # imagecodecs raises PngError and others on bad data
        got = _decode_fault(exc)
        what = f"image data that decodes to {info.width} x {info.height} pixels"
        raise _corrupt(what, got) from None
    if pixels.shape != info.index_shape or pixels.dtype != info.dtype:
        raise _corrupt(
            f"pixels of shape {info.index_shape} {info.dtype}", f"{pixels.shape} {pixels.dtype}"
        )
    if info.color_type in (0, 3) and info.bit_depth < 8:
        pixels //= np.uint8(255 // (2**info.bit_depth - 1))
    if info.color_type != 3:
        return pixels
    entries = len(info.palette or ())
    highest = int(pixels.max())
    if highest >= entries:
        raise _corrupt(
            f"palette indices below {entries} (the PLTE entries)", f"index {highest}"
        )
    return pixels if palette == "indices" else info.colors()[pixels]


def encode(
    samples: np.ndarray,
    *,
    record: str | None = None,
    transparent: int | None = None,
    level: int | None = None,
    predictor: str = "paeth",
) -> list[bytes | memoryview]:
    """Encode uint8/uint16 samples (H, W) or (H, W, 1..4) as PNG with a truepix record.

    Returns the file as consecutive parts, so the pixel data is never copied.
    """
    if samples.dtype not in (np.uint8, np.uint16) or samples.ndim not in (2, 3):
        msg = f"expected uint8/uint16 samples of 2 or 3 dimensions for PNG, got {samples.dtype} {samples.shape}"
        raise InputError(msg)
    if level is None:
        options = {"level": 1, "strategy": 3, "filter": _FILTERS[predictor]}
    elif 0 <= level <= 9:
        options = {"level": level, "filter": 248 if level > 1 else 16}
    else:
        msg = f"expected a PNG compression level in 0..9, got {level!r}"
        raise InputError(msg)
    pixels = imagecodecs.png_encode(np.ascontiguousarray(samples), **options)
    # imagecodecs writes the signature and a 13-byte IHDR first; our chunks go right after it
    split = 8 + 12 + 13
    if bytes(pixels[12:16]) != b"IHDR":
        raise _corrupt("imagecodecs to start with IHDR", repr(bytes(pixels[12:16])))
    extra = b""
    if record is not None:
        extra += _itxt(KEYWORD, record)
    if transparent is not None:
        if samples.ndim != 2:
            msg = "expected gray samples for a transparent value, got several channels"
            raise InputError(msg)
        extra += _chunk(b"tRNS", struct.pack(">H", transparent))
    view = memoryview(pixels)
    return [view[:split], extra, view[split:]]
