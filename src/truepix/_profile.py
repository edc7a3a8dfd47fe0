"""A picture file's colors as they are shown: an embedded ICC profile that is not sRGB is applied.

A macOS screenshot is a PNG with a Display P3 profile (iCCP), a phone's or Photoshop's JPEG
carries one too: their bytes are the colors *in that profile's space*, and a viewer converts
them to the screen's. A colormap's table is sRGB, so the readers of colormapped pictures
(:func:`truepix.read_figure` on a file, the command line's ``decolorize``, ``identify`` and
``read-figure``) convert such pixels to sRGB with littlecms (Pillow's ImageCms) before decoding,
and say so. :func:`truepix.load` never does: it returns the stored samples.

The one rule, :func:`to_srgb`: uint8 RGB(A) pixels with an RGB profile that moves some color by
more than one byte (against sRGB) are converted, relative colorimetric (in-gamut colors keep
their colorimetry, as browsers show them); an sRGB profile under any name, or no profile, leaves
the pixels untouched, bit for bit. A profile littlecms cannot read is a damaged file.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from truepix.errors import CorruptFileError, MissingDependencyError

__all__ = ["Converted", "embedded_profile", "shown_colors", "to_srgb"]

#: A profile that moves no color by more than this (in bytes) is sRGB: left alone.
SAME_AS_SRGB_DN = 1


@dataclass(frozen=True)
class Converted:
    """Pixels as shown, and the profile they were converted from (None: left as stored)."""

    pixels: np.ndarray
    profile: str | None = None
    #: why a profile that is not sRGB was left unapplied ("" when none was)
    skipped: str = ""

    @property
    def note(self) -> str:
        """One line for a reader of the result: what was converted or left, or ""."""
        if self.profile is not None:
            return f"colors converted to sRGB from the file's ICC profile {self.profile!r}"
        return self.skipped


def shown_colors(source: Any, pixels: np.ndarray) -> Converted:
    """The decoded ``pixels`` of the file ``source`` (path or bytes) as sRGB colors.

    The one entry for readers of colormapped picture files: the file's embedded profile
    (:func:`embedded_profile`) applied by :func:`to_srgb`; a profile that could not be
    applied is warned about (:class:`~truepix.errors.TruepixWarning`).
    """
    converted = to_srgb(pixels, embedded_profile(source))
    if converted.skipped:
        from truepix.errors import TruepixWarning

        warnings.warn(converted.skipped, TruepixWarning, stacklevel=3)
    return converted


def embedded_profile(source: Any) -> bytes | None:
    """The ICC profile a PNG, JPEG, WebP or TIFF file embeds (path or bytes), or None.

    A file Pillow cannot open has no profile read from it (the pixels were decoded
    by another codec already); a profile whose compressed stream is damaged is refused.
    """
    from PIL import Image

    opened = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's bomb and TIFF-tag warnings: not ours
        try:
            with Image.open(opened) as picture:
                info = dict(picture.info)
        except SyntaxError as exc:  # an iCCP chunk with an unknown compression method
            if "iccp" not in str(exc).lower():
                return None
            raise _damaged(f"an iCCP chunk that does not decompress ({exc})") from None
        except Exception:  # another codec's file (JPEG XL, a TIFF Pillow refuses): none read
            return None
    if "icc_profile" in info and not info["icc_profile"]:
        # Pillow's answer to an iCCP zlib stream that fails, or JPEG fragments missing
        raise _damaged("an embedded profile that is incomplete or does not decompress")
    profile = info.get("icc_profile")
    return bytes(profile) if profile else None


def _damaged(got: str) -> CorruptFileError:
    msg = (
        f"expected an ICC color profile that littlecms reads in the file, got {got}; "
        "re-save the picture without its profile (or with sRGB's) to read its colors as stored"
    )
    return CorruptFileError(msg)


def to_srgb(pixels: np.ndarray, profile: bytes | None) -> Converted:
    """``pixels`` as sRGB colors, given the ICC ``profile`` their file embeds.

    Raises
    ------
    CorruptFileError
        A profile littlecms cannot read ("expected an ICC color profile ..., got ...").
    MissingDependencyError
        A profile to apply and a Pillow built without littlecms.

    Examples
    --------
    >>> from PIL import ImageCms
    >>> srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    >>> rgb = np.array([[[255, 0, 0]]], np.uint8)
    >>> to_srgb(rgb, srgb).pixels is rgb, to_srgb(rgb, None).profile   # untouched
    (True, None)
    >>> to_srgb(rgb, b"not a profile")
    Traceback (most recent call last):
    ...
    truepix.errors.CorruptFileError: expected an ICC color profile that littlecms reads in the file, got 13 bytes starting b'not a profile' that it refuses; re-save the picture without its profile (or with sRGB's) to read its colors as stored
    """
    if profile is None:
        return Converted(pixels)
    transform, name, space = _transform(profile)
    if transform is None:
        return Converted(pixels)
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        # uint16 RGB: Pillow's ImageCms converts 8-bit modes only
        shape = "x".join(map(str, pixels.shape))
        skipped = (
            f"the file's ICC profile {name!r} ({space.strip()}) was not applied to its "
            f"{pixels.dtype} {shape} pixels: colors as stored"
        )
        return Converted(pixels, skipped=skipped)
    from PIL import Image, ImageCms

    rgb = Image.fromarray(np.ascontiguousarray(pixels[..., :3]))
    converted = np.asarray(ImageCms.applyTransform(rgb, transform))
    if pixels.shape[2] == 4:  # alpha is not a color: kept
        converted = np.concatenate([converted, pixels[..., 3:]], axis=2)
    return Converted(np.ascontiguousarray(converted), profile=name)


@lru_cache(maxsize=8)
def _transform(profile: bytes) -> tuple[Any, str, str]:
    """littlecms's transform from ``profile`` to sRGB, or None when it moves no color by more
    than :data:`SAME_AS_SRGB_DN` or the profile is not RGB's; its name and color space."""
    try:
        from PIL import Image, ImageCms
    except ImportError as exc:  # a Pillow built without littlecms
        msg = (
            "expected Pillow with littlecms (ImageCms) to apply a picture's ICC profile, got "
            f"{exc}; pip install --force-reinstall Pillow"
        )
        raise MissingDependencyError(msg) from None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        name = ImageCms.getProfileDescription(source).strip() or "unnamed"
        space = str(source.profile.xcolor_space)
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        raise _damaged(f"{len(profile)} bytes starting {profile[:16]!r} that it refuses") from None
    if space != "RGB ":
        return None, name, space
    try:
        transform = ImageCms.buildTransform(
            source, ImageCms.createProfile("sRGB"), "RGB", "RGB",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        )  # fmt: skip
    except ImageCms.PyCMSError as exc:
        raise _damaged(f"a profile it cannot build a transform from ({exc})") from None
    probe = _probe()
    moved = np.asarray(ImageCms.applyTransform(Image.fromarray(probe), transform))
    if int(np.abs(moved.astype(np.int16) - probe).max()) <= SAME_AS_SRGB_DN:
        return None, name, space
    return transform, name, space


@lru_cache(maxsize=1)
def _probe() -> np.ndarray:
    """Every gray level and a 16-level cube of colors, as one (H, W, 3) uint8 picture."""
    levels = np.linspace(0, 255, 16).round().astype(np.uint8)
    cube = np.stack(np.meshgrid(levels, levels, levels, indexing="ij"), axis=-1).reshape(-1, 3)
    grays = np.repeat(np.arange(256, dtype=np.uint8)[:, None], 3, axis=1)
    return np.concatenate([cube, grays]).reshape(16, -1, 3)
