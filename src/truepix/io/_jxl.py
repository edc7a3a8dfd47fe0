"""JPEG XL (``.jxl``): lossless pictures through imagecodecs, the record in a container box.

The file is a JPEG XL container (ISO/IEC 18181-2): the signature and ``ftyp``
boxes, the codestream, and the truepix record in a ``uuid`` box -- a box type
every JPEG XL reader skips. The codestream is lossless modular JPEG XL; uint8,
uint16 and float32 samples (and float16, widened to float32: libjxl turns
float16 NaN into infinity and rounds float16 subnormals) round-trip bit for
bit, NaN payloads, infinities and -0 included.

Reading parses the boxes and the codestream's SizeHeader without decoding
(:func:`parse`, all that ``info`` needs of a truepix file, whatever its size);
:func:`decode` refuses a header that declares more than the decode cap before
the decoder runs (one frame's worth: see :func:`decode` for why not all frames).

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
from truepix.io._jxl_header import Bits, HeaderEnd, ImageMetadata, image_metadata, size_header
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
# the codestream bytes parsed before decoding: the headers up to xyb_encoded fit in far
# fewer unless extra channels carry long names (then the metadata is left unread)
_HEAD_BYTES = 4096
# the most bytes one decoded pixel can take (4 channels of float32)
_MAX_PIXEL_BYTES = 16


@dataclass(frozen=True)
class JxlFile:
    """What :func:`parse` learned without decoding: the size and the truepix record.

    ``metadata`` is the ImageMetadata's start (None when it could not be read).
    """

    width: int
    height: int
    record: str | None
    metadata: ImageMetadata | None = None

    @property
    def lossless(self) -> bool | None:
        """False for XYB-coded samples (lossy); None otherwise (see :func:`parse`)."""
        if self.metadata is not None and self.metadata.xyb_encoded:
            return False
        return None

    def frame_bytes(self) -> int:
        """The most bytes one decoded frame can take: 3 colour channels and the
        extra ones at the widest sample (16 bytes a pixel when the metadata is unread).
        """
        meta = self.metadata
        if meta is None:
            return self.height * self.width * _MAX_PIXEL_BYTES
        wide = 4 if meta.float_samples or meta.bits_per_sample > 16 else 1
        sample = 2 if wide == 1 and meta.bits_per_sample > 8 else wide
        return self.height * self.width * (3 + meta.extra_channels) * sample


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


def _headers(stream: bytes) -> tuple[int, int, ImageMetadata | None]:
    """(height, width) from the codestream's SizeHeader and what its ImageMetadata says."""
    if stream[:2] != CODESTREAM:
        raise _corrupt("a JPEG XL codestream (FF 0A)", repr(stream[:2]))
    bits = Bits(stream[2:])
    try:
        height, width = size_header(bits)
    except HeaderEnd:
        raise _corrupt("a complete codestream header", "a truncated one") from None
    return height, width, image_metadata(bits)


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
            head = data[start : min(start + _HEAD_BYTES, end)]
        elif kind == b"jxlp" and not head:
            head = data[start + 4 : min(start + 4 + _HEAD_BYTES, end)]
        elif kind == b"uuid" and data[start : min(start + 16, end)] == RECORD_UUID:
            record = data[start + 16 : end].decode("ascii", errors="replace")
        position = end
    if not head:
        raise _corrupt("a codestream box (jxlc or jxlp)", "none")
    return head, record


def parse(data: bytes) -> JxlFile:
    """Check a JPEG XL file's boxes and size before decoding; read the truepix record.

    Whether a foreign file is lossless: JPEG XL has no flag for it. Samples coded
    in XYB (``xyb_encoded``, libjxl's lossy default) are not the original ones, so
    ``lossless`` is False for them; samples kept in their own colour space may be
    lossless modular or lossy (VarDCT, or modular with quantization -- told only by
    the frame headers and the modular transforms, which follow an entropy-coded
    ICC profile in many files), so ``lossless`` is None for them.
    """
    if data[:2] == CODESTREAM:
        head, record = data[:_HEAD_BYTES], None
    elif data[:12] == SIGNATURE_BOX:
        head, record = _boxes(data)
    else:
        raise _corrupt("a JPEG XL signature", repr(data[:12]))
    height, width, metadata = _headers(head)
    # no decode cap here: the cap is on what is decoded (decode), a file is described
    # whatever its size -- one rule with PNG and TIFF
    return JxlFile(width, height, record, metadata)


def decode(data: bytes, parsed: JxlFile) -> np.ndarray:
    """The decoded samples, as imagecodecs gives them: (H, W), (H, W, C) or (frames, H, W[, C]).

    The decode cap is checked first against what can be known before decoding: one
    frame of the SizeHeader's rows and columns at the most bytes a pixel can take
    (:meth:`JxlFile.frame_bytes`, from the ImageMetadata's channels and bit depth).
    The number of frames cannot be known: imagecodecs exposes only ``jpegxl_decode``
    (no frame count; ``index=`` past the last frame returns the last frame rather
    than failing, so frames cannot be counted by asking), and counting them here
    would mean walking every frame header and its entropy-coded table of contents.
    A still image decodes to one frame (libjxl composites its layers), so the bound
    is complete for it; an animation's total is checked only after decoding.
    """
    check_decoded_size(parsed.frame_bytes(), what="JPEG XL")
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
    check_decoded_size(pixels.nbytes, what="JPEG XL")  # an animation's frames together
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
