"""WebP (``.webp``), lossless, for uint8 pictures; the record in a RIFF chunk readers skip.

libwebp codes RGB and RGBA only: a uint8 gray picture is stored with R = G = B
(lossless WebP's subtract-green transform makes that nearly free) and read back
from R. libwebp drops an alpha channel that is 255 everywhere, so an opaque RGBA
picture decodes as RGB and gets its alpha back from the record's stored shape.
The file is WebP's extended format: a ``VP8X`` header, the ``VP8L`` image and the
truepix record in a ``TPIX`` chunk (readers skip chunks they do not know). A side
is at most 16383 pixels, so a WebP decodes to at most 1 GiB whatever its header says.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import imagecodecs
import numpy as np

from truepix.errors import CorruptFileError, InputError

__all__ = ["MAX_SIDE", "WebpFile", "decode", "encode", "parse"]

MAX_SIDE = 16383
RECORD_CHUNK = b"TPIX"
_ALPHA_FLAG = 0x10


@dataclass(frozen=True)
class WebpFile:
    """What :func:`parse` learned without decoding: the truepix record, if any.

    ``lossless`` is True for a lossless (VP8L) image, False for a lossy (VP8) one,
    None for an animation (each frame may be either).
    """

    record: str | None
    lossless: bool | None = True


def _corrupt(what: str, got: str) -> CorruptFileError:
    return CorruptFileError(f"expected {what}, got {got}; the WebP file is damaged or not a WebP")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise _corrupt("a RIFF WEBP header", repr(data[:12]))
    (size,) = struct.unpack_from("<I", data, 4)
    if size + 8 > len(data):
        raise _corrupt(f"{size + 8} bytes as the RIFF header says", f"{len(data)} (truncated)")
    chunks, position, end = [], 12, size + 8
    while position < end:
        if position + 8 > end:
            raise _corrupt("a complete chunk header", f"{end - position} trailing bytes")
        kind = data[position : position + 4]
        (length,) = struct.unpack_from("<I", data, position + 4)
        if position + 8 + length > end:
            raise _corrupt(f"chunk {kind!r} to fit in the file", f"{length} bytes declared")
        chunks.append((kind, data[position + 8 : position + 8 + length]))
        position += 8 + length + (length % 2)
    return chunks


def encode(picture: np.ndarray, *, record: str, effort: int | None = None) -> bytes:
    """Lossless WebP of an (H, W, 3) or (H, W, 4) uint8 picture, with the record chunk.

    ``effort`` is libwebp's level 0-100 (default 75: its own default).

    Examples
    --------
    >>> picture = np.arange(24, dtype=np.uint8).reshape(2, 4, 3)
    >>> data = encode(picture, record='{"x":1}')
    >>> parse(data).record
    '{"x":1}'
    >>> np.array_equal(decode(data, channels=3), picture)
    True
    """
    if picture.dtype != np.uint8 or picture.ndim != 3 or picture.shape[2] not in (3, 4):
        msg = f"expected an (H, W, 3|4) uint8 picture for WebP, got {picture.dtype} {picture.shape}"
        raise InputError(msg)
    level = 75 if effort is None else effort
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 100:
        msg = f"expected a WebP level in 0..100, got {effort!r}"
        raise InputError(msg)
    stream = bytes(
        imagecodecs.webp_encode(np.ascontiguousarray(picture), lossless=True, level=level)
    )
    image = [(kind, body) for kind, body in _chunks(stream) if kind in (b"VP8L", b"VP8 ")]
    height, width = picture.shape[:2]
    flags = _ALPHA_FLAG if picture.shape[2] == 4 else 0
    header = struct.pack("<B3x", flags) + (width - 1).to_bytes(3, "little")
    header += (height - 1).to_bytes(3, "little")
    body = b"WEBP" + _chunk(b"VP8X", header) + b"".join(_chunk(k, b) for k, b in image)
    body += _chunk(RECORD_CHUNK, record.encode("ascii"))
    return b"RIFF" + struct.pack("<I", len(body)) + body


def parse(data: bytes) -> WebpFile:
    """Check the RIFF structure; read the truepix record."""
    record = None
    kinds = set()
    for kind, body in _chunks(data):
        kinds.add(kind)
        if kind == RECORD_CHUNK:
            record = body.decode("ascii", errors="replace")
    lossless = None if b"ANMF" in kinds else b"VP8 " not in kinds
    return WebpFile(record, lossless)


def decode(data: bytes, *, channels: int | None = None) -> np.ndarray:
    """The decoded uint8 picture; an opaque alpha libwebp dropped is put back if asked."""
    try:
        pixels: np.ndarray = imagecodecs.webp_decode(data)
    except Exception:  # imagecodecs raises WebpError and others on bad data
        raise _corrupt("image data that decodes", "data that does not") from None
    if channels == 4 and pixels.ndim == 3 and pixels.shape[2] == 3:
        opaque = np.full((*pixels.shape[:2], 1), 255, dtype=np.uint8)
        pixels = np.concatenate([pixels, opaque], axis=2)
    return pixels
