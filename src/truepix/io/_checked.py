"""Picture bytes checked before decoding: the kind told by the first bytes, sizes within the limits.

One rule for every reader of a figure's bytes (:func:`truepix.read_figure`, the
web page's uploads): the kind of file is read from its first bytes, and a
picture's declared size is checked against the limits :func:`truepix.load`
uses (:mod:`truepix.io._limits`) before any pixel is decoded, then the picture
is decoded once so truncated files are refused.
"""

from __future__ import annotations

import io
import warnings

from truepix.errors import CorruptFileError, DecompressionBombError, UnknownFormatError
from truepix.io._limits import check_decoded_size

__all__ = ["FIGURE_KINDS", "check_figure", "describe", "sniff"]

# kind -> (leading bytes, offset); the first match names the upload
_MAGIC: tuple[tuple[str, bytes, int], ...] = (
    ("png", b"\x89PNG\r\n\x1a\n", 0),
    ("jpeg", b"\xff\xd8\xff", 0),
    ("webp", b"WEBP", 8),
    ("tiff", b"II*\x00", 0),
    ("tiff", b"MM\x00*", 0),
    ("tiff", b"II+\x00", 0),
    ("tiff", b"MM\x00+", 0),
    ("jxl", b"\xff\x0a", 0),
    ("jxl", b"\x00\x00\x00\x0cJXL \r\n\x87\n", 0),
    ("npy", b"\x93NUMPY", 0),
)

# kinds a figure may be (what browsers show and people screenshot)
FIGURE_KINDS = ("png", "jpeg", "webp")

# how messages name each kind
_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "tiff": "TIFF", "jxl": "JPEG XL"}

def sniff(data: bytes) -> str | None:
    """The kind of file ``data`` is, from its first bytes, or None.

    Examples
    --------
    >>> sniff(b"\\x89PNG\\r\\n\\x1a\\n...."), sniff(b"RIFF\\x00\\x00\\x00\\x00WEBPVP8 "), sniff(b"hello")
    ('png', 'webp', None)
    """
    for kind, magic, offset in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if kind == "webp" and data[:4] != b"RIFF":
                continue
            return kind
    return None


def describe(data: bytes, size: int | None = None) -> str:
    """A short, safe description of bytes that are not what was expected.

    ``size`` is the whole upload's size when ``data`` is only its start.

    Examples
    --------
    >>> describe(b"just some text")
    "14 bytes starting b'just some text'"
    """
    return f"{len(data) if size is None else size} bytes starting {data[:16]!r}"


def check_figure(data: bytes, /, *, kinds: tuple[str, ...] = FIGURE_KINDS) -> tuple[str, tuple[int, int]]:
    """Refuse anything but a complete picture of ``kinds`` within the decoding limits.

    ``kinds`` are names :func:`sniff` gives and Pillow decodes: by default the
    PNG, JPEG and WebP pictures browsers show (the web page's uploads);
    :func:`truepix.read_figure` also takes ``"tiff"``. Returns the kind and
    ``(width, height)``. The declared size is checked
    before the pixels are decoded (PNG also against deflate's maximum ratio);
    the picture is then decoded once so truncated files are refused here.

    Raises
    ------
    UnknownFormatError
        Not a picture of ``kinds`` (by default PNG, JPEG or WebP).
    DecompressionBombError
        A declared size past the limits :func:`truepix.load` uses.
    CorruptFileError
        A picture that stops short or does not decode.

    Examples
    --------
    >>> check_figure(b"GIF89a....")
    Traceback (most recent call last):
    ...
    truepix.errors.UnknownFormatError: expected a PNG, JPEG or WebP picture, got 10 bytes starting b'GIF89a....'
    >>> check_figure(b"", kinds=("png", "tiff"))
    Traceback (most recent call last):
    ...
    truepix.errors.UnknownFormatError: expected a PNG or TIFF picture, got 0 bytes starting b''
    """
    kind = sniff(data)
    if kind not in kinds:
        names = [_NAMES.get(k, k.upper()) for k in kinds]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        msg = f"expected a {listed} picture, got {describe(data)}"
        raise UnknownFormatError(msg)
    from PIL import Image

    with warnings.catch_warnings():
        # Pillow's own bomb warning; the limit that decides is check_decoded_size below
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as picture:
                width, height = picture.size
                channels = len(picture.getbands())
                declared = width * height * channels * (2 if picture.mode.startswith("I;16") else 1)
                check_decoded_size(
                    declared,
                    what=f"{kind.upper()} picture",
                    compressed=len(data) if kind == "png" else None,
                )
                picture.load()
        except DecompressionBombError:
            raise
        except Image.DecompressionBombError as exc:
            msg = (
                f"expected a {kind.upper()} picture of at most {2 * Image.MAX_IMAGE_PIXELS:,} "
                f"pixels (Pillow's decompression-bomb limit), got {describe(data)} declaring more"
            )
            raise DecompressionBombError(msg) from exc
        except (OSError, ValueError, SyntaxError) as exc:
            msg = f"expected a complete {kind.upper()} picture, got {describe(data)} that does not decode (truncated or damaged)"
            raise CorruptFileError(msg) from exc
    return kind, (width, height)
