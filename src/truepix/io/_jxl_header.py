"""The JPEG XL codestream headers read before decoding: SizeHeader and ImageMetadata.

Field by field as ISO/IEC 18181-1:2022 (A.2 U32, A.3 headers, A.4 SizeHeader, A.6
ImageMetadata, A.7 BitDepth, A.8 ExtraChannelInfo, B.4 AnimationHeader, preview
header). The bit stream is read least significant bit first.

:func:`image_metadata` stops at ``xyb_encoded``: what comes after it (the colour
encoding, an entropy-coded ICC profile, the frames) is not needed for what truepix
asks -- how many channels, how many bits, animated or still, XYB or the original
colour space. It answers None when the header ends early or holds what this reader
does not know, so a file it cannot read is decoded (or refused) by libjxl as before.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Bits", "ImageMetadata", "image_metadata", "size_header"]

# xsize = ysize * num / den for SizeHeader ratios 1..7
_RATIOS = ((1, 1), (12, 10), (4, 3), (3, 2), (16, 9), (5, 4), (2, 1))
# U32 distributions: (offset, bits) per selector
_SIZE = ((1, 9), (1, 13), (1, 18), (1, 30))
_PREVIEW_DIV8 = ((16, 0), (32, 0), (1, 5), (33, 9))
_PREVIEW = ((1, 6), (65, 8), (321, 10), (1345, 12))
_EXTRA_COUNT = ((0, 0), (1, 0), (2, 4), (1, 12))
_BITS_INT = ((8, 0), (10, 0), (12, 0), (1, 6))
_BITS_FLOAT = ((32, 0), (16, 0), (24, 0), (1, 6))
_ENUM = ((0, 0), (1, 0), (2, 4), (18, 6))
_DIM_SHIFT = ((0, 0), (3, 0), (4, 0), (1, 3))
_NAME_LENGTH = ((0, 0), (0, 4), (16, 5), (48, 10))
_CFA = ((1, 0), (0, 2), (3, 4), (19, 8))
_TPS_NUMERATOR = ((100, 0), (1000, 0), (1, 10), (1, 30))
_TPS_DENOMINATOR = ((1, 0), (1001, 0), (1, 8), (1, 10))
_LOOPS = ((0, 0), (0, 3), (0, 16), (0, 32))
_ALPHA, _SPOT, _CFA_TYPE = 0, 2, 5


class HeaderEnd(Exception):
    """The bits ran out before the field: the header is truncated or longer than read."""


class Bits:
    """Reads a JPEG XL bit stream: least significant bit first."""

    def __init__(self, data: bytes) -> None:
        self.value = int.from_bytes(data, "little")
        self.position = 0
        self.size = 8 * len(data)

    def read(self, count: int) -> int:
        if self.position + count > self.size:
            raise HeaderEnd
        result = (self.value >> self.position) & ((1 << count) - 1)
        self.position += count
        return result

    def u32(self, distribution: tuple[tuple[int, int], ...]) -> int:
        offset, count = distribution[self.read(2)]
        return offset + self.read(count)


def size_header(bits: Bits) -> tuple[int, int]:
    """(height, width) from a SizeHeader (A.4)."""
    small = bits.read(1)
    height = (bits.read(5) + 1) * 8 if small else bits.u32(_SIZE)
    ratio = bits.read(3)
    if ratio:
        numerator, denominator = _RATIOS[ratio - 1]
        return height, height * numerator // denominator
    return height, (bits.read(5) + 1) * 8 if small else bits.u32(_SIZE)


@dataclass(frozen=True)
class ImageMetadata:
    """What the ImageMetadata says before the colour encoding."""

    animated: bool
    float_samples: bool
    bits_per_sample: int  # the widest of the colour and extra channels
    extra_channels: int
    xyb_encoded: bool


def _bit_depth(bits: Bits) -> tuple[bool, int]:
    if bits.read(1):  # float samples: bits, then exponent bits
        count = bits.u32(_BITS_FLOAT)
        bits.read(4)
        return True, count
    return False, bits.u32(_BITS_INT)


def _extra_channel(bits: Bits) -> tuple[bool, int]:
    """One ExtraChannelInfo (A.8): its (float, bits per sample)."""
    if bits.read(1):  # d_alpha: an 8-bit alpha channel
        return False, 8
    kind = bits.u32(_ENUM)
    depth = _bit_depth(bits)
    bits.u32(_DIM_SHIFT)
    bits.read(8 * bits.u32(_NAME_LENGTH))
    if kind == _ALPHA:
        bits.read(1)
    elif kind == _SPOT:
        bits.read(4 * 16)
    elif kind == _CFA_TYPE:
        bits.u32(_CFA)
    return depth


def _skip_preview(bits: Bits) -> None:
    div8 = bits.read(1)
    bits.u32(_PREVIEW_DIV8 if div8 else _PREVIEW)
    if bits.read(3) == 0:
        bits.u32(_PREVIEW_DIV8 if div8 else _PREVIEW)


def image_metadata(bits: Bits) -> ImageMetadata | None:
    """The ImageMetadata (A.6) after a SizeHeader, up to ``xyb_encoded``; None if unread.

    Examples
    --------
    >>> import imagecodecs, numpy as np
    >>> stream = bytes(imagecodecs.jpegxl_encode(np.zeros((8, 24, 4), np.uint8), lossless=True))
    >>> stream[:2].hex()  # a bare codestream (16-bit ones come in a container)
    'ff0a'
    >>> bits = Bits(stream[2:])
    >>> size_header(bits)
    (8, 24)
    >>> meta = image_metadata(bits)
    >>> meta.animated, meta.float_samples, meta.bits_per_sample, meta.extra_channels
    (False, False, 8, 1)
    >>> meta.xyb_encoded  # lossless: samples in their own colour space
    False
    """
    try:
        if bits.read(1):  # all_default: 8-bit, still, no extra channels, XYB
            return ImageMetadata(False, False, 8, 0, True)
        animated = False
        if bits.read(1):  # extra_fields
            bits.read(3)  # orientation
            if bits.read(1):
                size_header(bits)  # intrinsic size
            if bits.read(1):
                _skip_preview(bits)
            animated = bool(bits.read(1))
            if animated:
                for distribution in (_TPS_NUMERATOR, _TPS_DENOMINATOR, _LOOPS):
                    bits.u32(distribution)
                bits.read(1)  # have_timecodes
        float_samples, depth = _bit_depth(bits)
        bits.read(1)  # modular_16bit_buffers
        count = bits.u32(_EXTRA_COUNT)
        for _ in range(count):
            extra_float, extra_depth = _extra_channel(bits)
            float_samples, depth = float_samples or extra_float, max(depth, extra_depth)
        return ImageMetadata(animated, float_samples, depth, count, bool(bits.read(1)))
    except HeaderEnd:
        return None
