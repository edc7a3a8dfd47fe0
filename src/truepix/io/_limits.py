"""Limits that keep hostile files from committing memory.

``MAX_DECODED_BYTES`` caps what any one file may decode to (default 16 GiB;
set ``TRUEPIX_MAX_DECODED_BYTES`` to change it, also after truepix is imported:
it is read at each check). Independently of the cap,
a compressed stream cannot expand by more than deflate's maximum ratio
(about 1032:1), so a header declaring more than that is refused as a bomb
before anything is allocated.
"""

from __future__ import annotations

import os

from truepix.errors import DecompressionBombError, InputError

__all__ = ["DEFLATE_MAX_RATIO", "MAX_DECODED_BYTES", "check_decoded_size", "decode_cap"]

#: the cap when ``TRUEPIX_MAX_DECODED_BYTES`` is not set
MAX_DECODED_BYTES = 16 * 2**30
DEFLATE_MAX_RATIO = 1032


def decode_cap() -> int:
    """The decode cap in bytes: ``TRUEPIX_MAX_DECODED_BYTES`` if set, else ``MAX_DECODED_BYTES``.

    Examples
    --------
    >>> decode_cap() > 0
    True
    """
    text = os.environ.get("TRUEPIX_MAX_DECODED_BYTES")
    if text is None:
        return MAX_DECODED_BYTES
    try:
        return int(text)
    except ValueError:
        msg = f"expected TRUEPIX_MAX_DECODED_BYTES to be a whole number of bytes, got {text!r}"
        raise InputError(msg) from None


def check_decoded_size(
    declared: int,
    *,
    what: str,
    compressed: int | None = None,
    ratio: int = DEFLATE_MAX_RATIO,
    cap: bool = True,
) -> None:
    """Refuse a declared decoded size over the cap or over ``ratio`` times the compressed size.

    ``cap=False`` checks the ratio only: the cap is on what is decoded at once, so a
    file is described (``info``) whatever its size.

    Examples
    --------
    >>> check_decoded_size(10**6, what="PNG", compressed=10**4)
    >>> check_decoded_size(10 * 10**9, what="PNG", compressed=10**3)
    Traceback (most recent call last):
    ...
    truepix.errors.DecompressionBombError: expected a PNG whose declared size its data can hold, got 10000000000 bytes declared from 1000 compressed bytes (deflate expands at most 1032x); refusing a likely decompression bomb
    """
    limit = decode_cap() if cap else None
    if limit is not None and declared > limit:
        msg = (
            f"expected a {what} that decodes to at most {limit} bytes, got "
            f"{declared} bytes declared; raise TRUEPIX_MAX_DECODED_BYTES if the file is trusted"
        )
        raise DecompressionBombError(msg)
    if compressed is not None and declared > ratio * compressed + 65536:
        msg = (
            f"expected a {what} whose declared size its data can hold, got {declared} bytes "
            f"declared from {compressed} compressed bytes (deflate expands at most {ratio}x); "
            "refusing a likely decompression bomb"
        )
        raise DecompressionBombError(msg)
