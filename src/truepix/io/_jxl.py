"""JPEG XL (``.jxl``): lossless pictures through imagecodecs, the record in a container box.

The file is a JPEG XL container (ISO/IEC 18181-2): the signature and ``ftyp``
boxes, the codestream, and the truepix record in a ``uuid`` box -- a box type
every JPEG XL reader skips. The codestream is lossless modular JPEG XL; uint8,
uint16 and float32 samples (and float16, widened to float32: libjxl turns
float16 NaN into infinity and rounds float16 subnormals) round-trip bit for
bit, NaN payloads, infinities and -0 included.

Reading parses the boxes and the codestream's SizeHeader before the decoder
runs, so a header that declares more than the decode cap is refused first.

The imagecodecs call is ``jpegxl_encode(picture, lossless=True, effort=1,
usecontainer=True)``: samples as they are (no bitspersample, photometric or planar
options: gray, gray+alpha, RGB, RGBA interleaved), one thread (imagecodecs' default;
more did not help on the 2-core machine measured). Effort 1 is libjxl's fast
lossless path for integer samples (2048**2 uint16: ~0.02-0.03 s to encode, ~0.1 s to
decode); float32 takes the general modular coder, ~15x slower per pixel to encode.
The decoder dominates a round trip; the record box, the box walk and the CRC-32
add a few milliseconds (``python benchmarks/io.py`` splits save and load).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import imagecodecs
import numpy as np

from truepix.errors import CorruptFileError, InputError, UnsupportedFileError
from truepix.io._limits import check_decoded_size

__all__ = ["JxlFile", "NATIVE_DTYPES", "decode", "encode", "parse"]

SIGNATURE_BOX = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
CODESTREAM = b"\xff\x0a"
# the uuid of truepix's record box (a fixed random UUID version 4)
RECORD_UUID = bytes.fromhex("6b1e0f6e3c2a4f0e9b7d5a1c2e4f6a8b")
#: sample dtypes stored as they are (float16 is widened to float32 first)
NATIVE_DTYPES = (np.dtype(np.uint8), np.dtype(np.uint16), np.dtype(np.float32))
DEFAULT_EFFORT = 1
# the side of a JPEG XL modular group: a picture no larger is coded as one group
GROUP_SIDE = 256
# xsize = ysize * num / den for SizeHeader ratios 1..7
_RATIOS = ((1, 1), (12, 10), (4, 3), (3, 2), (16, 9), (5, 4), (2, 1))
# the most bytes one decoded pixel can take (4 channels of float32)
_MAX_PIXEL_BYTES = 16


@dataclass(frozen=True)
class JxlFile:
    """What :func:`parse` learned without decoding: the size and the truepix record."""

    width: int
    height: int
    record: str | None


def _corrupt(what: str, got: str) -> CorruptFileError:
    return CorruptFileError(
        f"expected {what}, got {got}; the JPEG XL file is damaged or not a JPEG XL file"
    )


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def encode(picture: np.ndarray, *, record: str, effort: int | None = None) -> bytes:
    """Lossless JPEG XL of an (H, W) or (H, W, 1..4) uint8/uint16/float32 picture + record box.

    Examples
    --------
    >>> picture = np.arange(12, dtype=np.uint16).reshape(3, 4)
    >>> data = encode(picture, record='{"x":1}')
    >>> parsed = parse(data)
    >>> (parsed.height, parsed.width, parsed.record)
    (3, 4, '{"x":1}')
    >>> np.array_equal(decode(data, parsed), picture)
    True
    """
    if picture.dtype not in NATIVE_DTYPES or picture.ndim not in (2, 3):
        msg = f"expected uint8/uint16/float32 samples of 2 or 3 dimensions, got {picture.dtype}"
        raise InputError(msg)
    chosen = DEFAULT_EFFORT if effort is None else effort
    if isinstance(chosen, bool) or not isinstance(chosen, int) or not 1 <= chosen <= 9:
        msg = f"expected a JPEG XL effort in 1..9, got {effort!r}"
        raise InputError(msg)
    if chosen == 1 and picture.dtype == np.uint16 and max(picture.shape[:2]) <= GROUP_SIDE:
        # libjxl 0.11's effort-1 fast path writes past a heap buffer on noisy 16-bit
        # pictures of one group (valgrind: invalid writes in its PrepareDCGlobal; the
        # process aborts or memory is corrupted); effort 2 takes milliseconds there
        chosen = 2
    stream = imagecodecs.jpegxl_encode(
        np.ascontiguousarray(picture), lossless=True, effort=chosen, usecontainer=True
    )
    return bytes(stream) + _box(b"uuid", RECORD_UUID + record.encode("ascii"))


class _Bits:
    """Reads a JPEG XL bit stream: least significant bit first."""

    def __init__(self, data: bytes) -> None:
        self.value = int.from_bytes(data, "little")
        self.position = 0
        self.size = 8 * len(data)

    def read(self, count: int) -> int:
        if self.position + count > self.size:
            raise _corrupt("a complete codestream header", "a truncated one")
        result = (self.value >> self.position) & ((1 << count) - 1)
        self.position += count
        return result

    def u32(self, bits: tuple[int, int, int, int]) -> int:
        return self.read(bits[self.read(2)])


def _size_header(stream: bytes) -> tuple[int, int]:
    """(height, width) from the codestream's SizeHeader (ISO/IEC 18181-1, A.4)."""
    if stream[:2] != CODESTREAM:
        raise _corrupt("a JPEG XL codestream (FF 0A)", repr(stream[:2]))
    bits = _Bits(stream[2:16])
    small = bits.read(1)
    sizes = (9, 13, 18, 30)
    height = (bits.read(5) + 1) * 8 if small else bits.u32(sizes) + 1
    ratio = bits.read(3)
    if ratio:
        numerator, denominator = _RATIOS[ratio - 1]
        width = height * numerator // denominator
    else:
        width = (bits.read(5) + 1) * 8 if small else bits.u32(sizes) + 1
    return height, width


def _boxes(data: bytes) -> tuple[bytes, str | None]:
    """The codestream's first bytes and the truepix record of a container file."""
    position, head, record = 0, b"", None
    while position < len(data):
        if position + 8 > len(data):
            raise _corrupt("a complete box header", f"{len(data) - position} trailing bytes")
        size, kind = struct.unpack_from(">I4s", data, position)
        start = position + 8
        if size == 1:
            if position + 16 > len(data):
                raise _corrupt("a complete box header", "a truncated one")
            (size,) = struct.unpack_from(">Q", data, position + 8)
            start = position + 16
        end = len(data) if size == 0 else position + size
        if end > len(data) or end < start:
            raise _corrupt(f"box {kind!r} to fit in the file", f"{size} bytes declared")
        # slices of what is needed only: the codestream box is most of the file
        if kind == b"jxlc" and not head:
            head = data[start : min(start + 16, end)]
        elif kind == b"jxlp" and not head:
            head = data[start + 4 : min(start + 20, end)]
        elif kind == b"uuid" and data[start : min(start + 16, end)] == RECORD_UUID:
            record = data[start + 16 : end].decode("ascii", errors="replace")
        position = end
    if not head:
        raise _corrupt("a codestream box (jxlc or jxlp)", "none")
    return head, record


def parse(data: bytes) -> JxlFile:
    """Check a JPEG XL file's boxes and size before decoding; read the truepix record."""
    if data[:2] == CODESTREAM:
        head, record = data[:16], None
    elif data[:12] == SIGNATURE_BOX:
        head, record = _boxes(data)
    else:
        raise _corrupt("a JPEG XL signature", repr(data[:12]))
    height, width = _size_header(head)
    check_decoded_size(height * width * _MAX_PIXEL_BYTES, what="JPEG XL")
    return JxlFile(width, height, record)


def decode(data: bytes, parsed: JxlFile) -> np.ndarray:
    """The decoded samples, as imagecodecs gives them: (H, W) or (H, W, C)."""
    try:
        pixels: np.ndarray = imagecodecs.jpegxl_decode(data)
    except Exception:  # imagecodecs raises JpegxlError and others on bad data
        raise _corrupt("a codestream that decodes", "one that does not") from None
    if not _holds_picture(pixels.shape, (parsed.height, parsed.width)):
        msg = (
            f"expected a JPEG XL picture of {parsed.height} x {parsed.width} pixels as (H, W), "
            f"(H, W, channels) or (frames, H, W[, channels]), got unsupported decoded shape "
            f"{pixels.shape}"
        )
        raise UnsupportedFileError(msg)
    return pixels


def _holds_picture(shape: tuple[int, ...], size: tuple[int, int]) -> bool:
    """Whether a decoded shape has the header's rows and columns (either way round:
    an orientation may transpose them) where imagecodecs puts them: frames first,
    channels (colors and extra channels) last.

    Examples
    --------
    >>> _holds_picture((3, 20, 24), (20, 24)), _holds_picture((20, 24, 5), (20, 24))
    (True, True)
    >>> _holds_picture((3, 20), (20, 24))
    False
    """
    sizes = {size, size[::-1]}
    if len(shape) == 2:
        return shape in sizes
    if len(shape) == 3:
        return shape[:2] in sizes or shape[1:] in sizes
    return len(shape) == 4 and shape[1:3] in sizes
