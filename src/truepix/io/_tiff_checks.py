"""What a TIFF must satisfy before its pixels are decoded, and faults in plain words.

A TIFF is checked in the order a reader meets it: the 8- or 16-byte header
(:func:`check_header`), then each image of the chosen series
(:func:`check_page`): a size of at least one pixel, a sample depth tifffile can
decode, a codec tifffile has, every strip and tile inside the file, and no strip
or tile that declares more than its stored bytes can expand to. The bound is
computed per stored strip or tile, from the *stored* bits per sample (a 1-bit
strip holds 8 pixels a byte), so sparse files (empty tiles, read as zeros) and
packed 1/4/12/24-bit data pass while bombs do not. Exceptions raised inside
tifffile or the codecs are turned into one-line messages about the file by
:func:`open_fault` and :func:`decode_fault`; their own text is never shown.
"""

from __future__ import annotations

import math
import os
import re
import struct
from typing import Any

import numpy as np
import tifffile

from truepix.errors import (
    CorruptFileError,
    DecompressionBombError,
    ReadError,
    UnsupportedFileError,
)
from truepix.io import _limits
from truepix.io._quiet import QuietLogger

__all__ = [
    "check_chain",
    "check_decode_cap",
    "check_header",
    "check_page",
    "check_promised",
    "check_tags",
    "codec_lossless",
    "codec_name",
    "corrupt",
    "decode_fault",
    "open_fault",
    "quiet_tifffile",
]

# most a codec can expand its input (deflate 1032:1, PackBits 128:1 + slack, LZW 4096:1
# at most for 12-bit codes); codecs without a known bound are held to the absolute cap
_MAX_RATIO: dict[int, int] = {1: 1, 8: 1032, 32946: 1032, 32773: 130, 5: 4096}
# bytes any strip or tile may declare beyond its bound (headers, rounding)
_SLACK = 65536
# codecs with a name but no decoder in tifffile, or one that fails on real files
_UNSUPPORTED: dict[int, str] = {
    6: "old-style JPEG (compression 6)",
    32809: "ThunderScan (compression 32809)",
    34676: "SGILog (compression 34676)",
    34677: "SGILog24 (compression 34677)",
}
_LOGLUV = (32844, 32845)  # photometric LogL / LogLuv
# tags whose values decide what the samples are, where they lie or what the file holds:
# tifffile drops such a tag when its value cannot be read, and a default would replace it
_SAMPLE_TAGS = frozenset(
    {254, 256, 257, 258, 259, 262, 266, 269, 270, 273, 277, 278, 279, 284, 317, 320, 322}
    | {323, 324, 325, 330, 338, 339, 347, 530, 32997, 32998, 65301}
)
# bytes per value of each TIFF field type (TIFF 6.0, BigTIFF)
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_TYPE_SIZES |= {16: 8, 17: 8, 18: 8}
# codecs that store samples exactly, and codecs that never do; others may be either
# (JPEG 2000, JPEG XR, WebP, JPEG XL, LERC ...) and JPEG (7) is told by its SOF marker
_LOSSLESS = frozenset({1, 2, 3, 4, 5, 8, 9, 10, 32771, 32773, 32908, 32909, 32946, 34661})
_LOSSLESS |= {34715, 34925, 34926, 34933, 50000, 50013}
_LOSSY = frozenset({6, 33004, 34892})
# JPEG start-of-frame markers (ITU T.81 B.1.1.3): lossless processes are SOF3, 7, 11, 15
_SOF = re.compile(rb"\xff([\xc0-\xc3\xc5-\xc7\xc9-\xcb\xcd-\xcf])")
_LOSSLESS_SOF = frozenset({0xC3, 0xC7, 0xCB, 0xCF})
# metadata that promises a series kind (tifffile's names), in tifffile's order
_PROMISES = ("shaped", "ome", "imagej")


def corrupt(what: str, got: str) -> CorruptFileError:
    """A :class:`CorruptFileError` in the form every TIFF refusal takes."""
    return CorruptFileError(f"expected {what}, got {got}; the TIFF file is damaged or not a TIFF")


def codec_name(value: Any) -> str:
    """The name of a TIFF compression value, also for values tifffile has no enum for.

    Examples
    --------
    >>> codec_name(8), codec_name(1), codec_name(12345)
    ('adobe_deflate', 'none', 'compression 12345')
    """
    try:
        return str(tifffile.COMPRESSION(int(value)).name).lower()
    except ValueError:
        return f"compression {int(value)}"


def codec_lossless(tif: Any, page: Any) -> bool | None:
    """Whether the page's codec stores samples exactly: True, False, or None (unknown)."""
    compression = int(page.compression)
    if compression in _LOSSLESS:
        return True
    if compression in _LOSSY:
        return False
    if compression != 7 or not len(page.dataoffsets):
        return None
    handle = tif.filehandle
    handle.seek(int(page.dataoffsets[0]))
    head = handle.read(min(int(page.databytecounts[0]), 65536))
    found = _SOF.search(head)
    return None if found is None else found.group(1)[0] in _LOSSLESS_SOF


def check_header(path: str | os.PathLike[str]) -> int:
    """Check the TIFF header; return the file size.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "x.tif"
    >>> _ = bad.write_bytes(b"II*\\x00\\x10\\x00\\x00\\x00")
    >>> check_header(bad)
    Traceback (most recent call last):
    ...
    truepix.errors.CorruptFileError: expected the first image directory inside the file, got offset 16 in a 8-byte file; the TIFF file is damaged or not a TIFF
    """
    size = os.path.getsize(path)
    with open(path, "rb") as file:
        head = file.read(16)
    if not head:
        raise corrupt("a TIFF file", "an empty file")
    order = {b"II": "<", b"MM": ">"}.get(head[:2])
    if order is None or len(head) < 8:
        raise corrupt("a TIFF file (starting II or MM)", f"one starting {head[:8]!r}")
    (version,) = struct.unpack(order + "H", head[2:4])
    if version == 42:
        (first,) = struct.unpack(order + "I", head[4:8])
    elif version == 43 and len(head) == 16:
        (first,) = struct.unpack(order + "Q", head[8:16])
    else:
        raise corrupt("TIFF version 42 (classic) or 43 (BigTIFF)", f"version {version}")
    if not 8 <= first < size:
        got = f"offset {first} in a {size}-byte file"
        raise corrupt("the first image directory inside the file", got)
    return size


def _segment_bytes(page: Any, count: int) -> np.ndarray:
    """Bytes each of ``count`` strips or tiles decodes to, in the stored bits per sample."""
    bits = int(page.bitspersample)
    samples = int(page.samplesperpixel) if int(page.planarconfig) == 1 else 1
    if page.is_tiled:
        row = -(-int(page.tilewidth) * samples * bits // 8)
        tile = row * int(page.tilelength) * max(1, int(page.tiledepth))
        return np.full(count, tile, dtype=np.int64)
    row = -(-int(page.imagewidth) * samples * bits // 8)
    length = int(page.imagelength)
    per_strip = min(int(page.rowsperstrip) or length, length)
    strips = -(-length // per_strip)  # per plane; the last one may be short
    first_rows = (np.arange(count, dtype=np.int64) % strips) * per_strip
    rows = np.clip(length - first_rows, 1, per_strip)
    return rows * row * max(1, int(page.imagedepth))


def _check_expansion(page: Any, counts: np.ndarray) -> None:
    declared = _segment_bytes(page, counts.size)
    ratio = _MAX_RATIO.get(int(page.compression))
    stored = counts > 0  # empty tiles of sparse files are read as zeros, not decoded
    if ratio is None or not stored.any():
        return
    excess = declared[stored] - (ratio * counts[stored].astype(np.int64) + _SLACK)
    if int(excess.max()) <= 0:
        return
    worst = int(np.argmax(excess))
    got = f"{int(declared[stored][worst])} bytes declared from {int(counts[stored][worst])} stored"
    if ratio == 1:
        raise corrupt("uncompressed strips or tiles that hold the bytes they declare", got)
    msg = (
        f"expected strips or tiles their stored bytes can hold, got {got} "
        f"({codec_name(page.compression)} expands at most {ratio}x); "
        "refusing a likely decompression bomb"
    )
    raise DecompressionBombError(msg)


def check_decode_cap(nbytes: int, key: Any) -> None:
    """The decode cap on one read: its pixels and the largest strip or tile it decodes.

    Applied when pixels are decoded, never when a file is only described.
    """
    count = len(key.dataoffsets)
    largest = int(_segment_bytes(key, count).max()) if count else 0
    _limits.check_decoded_size(max(int(nbytes), largest), what="TIFF")


def _check_codec(page: Any) -> None:
    compression = int(page.compression)
    if compression in _UNSUPPORTED:
        msg = (
            "expected a TIFF codec tifffile can decode, got unsupported "
            f"{_UNSUPPORTED[compression]}; convert the file with libtiff's tiffcp first"
        )
        raise UnsupportedFileError(msg)
    if compression not in tifffile.TIFF.DECOMPRESSORS:
        name = codec_name(compression)
        if name.startswith("compression "):
            raise corrupt("a known TIFF compression", name)
        msg = (
            f"expected a TIFF codec tifffile can decode, got unsupported {name} "
            f"(compression {compression}); convert the file with libtiff's tiffcp first"
        )
        raise UnsupportedFileError(msg)
    photometric = int(page.photometric)
    if photometric in _LOGLUV:
        msg = "expected a TIFF codec tifffile can decode, got unsupported LogLuv data"
        raise UnsupportedFileError(msg)
    subsampling = getattr(page, "subsampling", None)
    if photometric == 6 and compression != 7 and subsampling not in (None, (1, 1)):
        msg = (
            f"expected YCbCr without chroma subsampling outside JPEG, got unsupported "
            f"subsampling {subsampling} of uncompressed YCbCr; convert the file with tiffcp first"
        )
        raise UnsupportedFileError(msg)


def check_page(page: Any, size: int) -> None:
    """Refuse a page that is empty, of no decodable depth, or declares more than it stores.

    ``page`` is a tifffile ``TiffPage`` or ``TiffFrame`` (whose tags are its keyframe's).
    """
    key = page.keyframe
    shape = tuple(int(n) for n in key.shape)
    if not shape or 0 in shape or 0 in (int(key.imagewidth), int(key.imagelength)):
        raise corrupt("an image of at least 1 x 1 pixels", f"{key.imagewidth} x {key.imagelength}")
    bits = int(key.bitspersample)
    if key.dtype is None or not 1 <= bits <= 128:
        raise corrupt("1 to 128 bits per sample of a known format", f"{bits} bits per sample")
    _check_codec(key)
    offsets = np.asarray(page.dataoffsets, dtype=np.uint64)
    counts = np.asarray(page.databytecounts, dtype=np.uint64)
    if offsets.size == 0 or offsets.size != counts.size:
        got = f"{offsets.size} offsets and {counts.size} byte counts"
        raise corrupt("one offset and one byte count per strip or tile", got)
    stored = counts > 0
    if stored.any():
        largest = max(int(offsets[stored].max()), int(counts[stored].max()))
        # each under the file size first, so that their sum cannot wrap around 64 bits
        end = largest if largest > size else int((offsets[stored] + counts[stored]).max())
        if end > size:
            got = f"data up to byte {end} of a {size}-byte file (truncated)"
            raise corrupt("strips and tiles inside the file", got)
    _check_expansion(key, counts)


def _tag_name(code: int) -> str:
    name = tifffile.TIFF.TAGS.get(code)
    return f"tag {code} ({name})" if name else f"tag {code}"


def _directory(tif: Any, offset: int) -> tuple[int, bytes, int]:
    """(entry size, the entries, the next directory's offset) of the IFD at ``offset``."""
    count_format, entry, next_format = ("Q", 20, "Q") if tif.is_bigtiff else ("H", 12, "I")
    order = tif.byteorder
    handle = tif.filehandle
    handle.seek(offset)
    head = handle.read(struct.calcsize(count_format))
    (count,) = struct.unpack(order + count_format, head)
    tail = handle.read(count * entry + struct.calcsize(next_format))
    if len(tail) < count * entry + struct.calcsize(next_format):
        raise corrupt("a complete image directory", f"one cut off at byte {tif.filehandle.size}")
    (following,) = struct.unpack_from(order + next_format, tail, count * entry)
    return entry, tail[: count * entry], following


def check_tags(tif: Any, page: Any, size: int) -> None:
    """Refuse a directory whose sample-defining tags have values that cannot be read.

    tifffile drops (and logs) a tag of an unknown type or whose value lies past the
    end of the file; reading on would apply the default of an *absent* tag (1 bit per
    sample, unsigned integers ...) and invent samples.
    """
    entry, entries, _ = _directory(tif, int(page.offset))
    big = tif.is_bigtiff
    layout = tif.byteorder + ("HHQQ" if big else "HHII")
    inline = 8 if big else 4
    for start in range(0, len(entries), entry):
        code, kind, count, offset = struct.unpack_from(layout, entries, start)
        if code not in _SAMPLE_TAGS:
            continue
        item = _TYPE_SIZES.get(kind)
        if item is None:
            raise corrupt(f"{_tag_name(code)} of a known TIFF field type", f"type {kind}")
        length = count * item
        if length > inline and offset + length > size:
            got = f"{length} bytes at offset {offset} of a {size}-byte file (truncated)"
            raise corrupt(f"the value of {_tag_name(code)} inside the file", got)


def check_chain(tif: Any, size: int) -> None:
    """Refuse a chain of image directories that points past what could be read.

    tifffile stops at a next-directory offset past the end of the file (or at a
    directory it cannot parse) and serves the pages before it: a truncated stack
    would come back as fewer frames.
    """
    pages = tif.pages
    last = pages[len(pages) - 1]
    _, _, following = _directory(tif, int(last.offset))
    if following == 0:
        return
    if following < size and following in {int(p.offset) for p in pages}:
        return  # a loop back to a directory already read: tifffile stops there
    got = f"offset {following} in a {size}-byte file after page {len(pages) - 1}"
    raise corrupt("the next image directory inside the file, or none", got + " (truncated)")


def check_promised(tif: Any, series: Any, index: int) -> None:
    """Refuse a file whose ImageJ, OME or tifffile metadata promises more than can be read.

    tifffile falls back to a plainer series (often one frame) when the metadata
    cannot be honoured -- a truncated stack, a damaged ``images=`` -- and logs it.
    """
    promised = [kind for kind in _PROMISES if getattr(tif, f"is_{kind}", False)]
    if promised and tif.series[0].kind not in promised:
        got = "metadata that the image directories do not match (truncated or altered)"
        raise corrupt(f"the {promised[0]} series its metadata describes", got)
    shaped = tif.shaped_metadata if series.kind == "shaped" else None
    if shaped and index < len(shaped) and "shape" in shaped[index]:
        declared = tuple(int(n) for n in shaped[index]["shape"])
        if int(np.prod(declared)) != int(np.prod(series.shape)):
            got = f"a series of shape {tuple(series.shape)} (truncated or altered)"
            raise corrupt(f"the shape {declared} the tifffile metadata describes", got)
    if series.dataoffset is not None:
        return
    pages = list(series.pages)
    missing = sum(page is None for page in pages)
    held = sum(math.prod(page.shape) for page in pages if page is not None)
    if missing or held != math.prod(series.shape):
        got = f"{len(pages) - missing} readable directories holding {held} samples"
        raise corrupt(f"the {int(np.prod(series.shape))} samples of a {series.shape} series", got)


def open_fault(exc: BaseException) -> ReadError:
    """A tifffile failure while reading the structure, as a message about the file."""
    if isinstance(exc, ReadError):
        return exc
    if isinstance(exc, (MemoryError, OverflowError)):
        return corrupt("image directories of sane sizes", "sizes that overflow")
    return corrupt(
        "image directories (IFDs) whose tags describe an image",
        "a damaged, truncated or inconsistent directory",
    )


def decode_fault(exc: BaseException, page: Any) -> ReadError:
    """A codec failure while decoding pixels, as a message about the file."""
    if isinstance(exc, ReadError):
        return exc
    codec = codec_name(page.compression)
    if "INSUFFICIENT_SPACE" in str(exc):
        msg = (
            f"expected strips that decode to the rows they hold, got unsupported {codec} strips "
            "that decode to more (libtiff drops the excess, tifffile refuses); rewrite the file "
            "with tiffcp"
        )
        return UnsupportedFileError(msg)
    what = f"{codec} strips or tiles that decode to the declared image"
    return corrupt(what, "data that does not")


_TIFFFILE = QuietLogger(tifffile.logger().name)
#: keep tifffile from logging about damaged files: the refusal says it (no printing)
quiet_tifffile = _TIFFFILE.quiet
