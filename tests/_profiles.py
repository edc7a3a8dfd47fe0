"""ICC color profiles as cameras, phones and macOS write them, built from their published numbers.

Pillow's ImageCms makes only sRGB, so the RGB matrix/TRC profiles here are written byte by byte
(ICC.1:2022, v4.3): header, description, D50 media white point, Bradford ``chad``, colorants
and parametric sRGB-shaped tone curves. :func:`display_p3` is Apple's Display P3 (DCI-P3
primaries, D65 white, sRGB's curve), what a Mac screenshot carries.
"""

from __future__ import annotations

import io
import struct

import numpy as np

__all__ = ["DISPLAY_P3", "SRGB", "display_p3", "rgb_profile", "save_tagged", "to_profile"]

# (x, y) chromaticities of red, green, blue and the white point
DISPLAY_P3 = ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060), (0.3127, 0.3290))
SRGB = ((0.640, 0.330), (0.300, 0.600), (0.150, 0.060), (0.3127, 0.3290))

_D50 = np.array([0.9642, 1.0, 0.8249])
_BRADFORD = np.array(
    [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
)


def _xyz(x: float, y: float) -> np.ndarray:
    return np.array([x / y, 1.0, (1.0 - x - y) / y])


def _colorants(primaries: tuple[tuple[float, float], ...]) -> tuple[np.ndarray, np.ndarray]:
    """The D50-adapted RGB -> XYZ matrix (columns: rXYZ, gXYZ, bXYZ) and the ``chad`` matrix."""
    *rgb, white = primaries
    columns = np.stack([_xyz(*p) for p in rgb], axis=1)
    white_xyz = _xyz(*white)
    matrix = columns * np.linalg.solve(columns, white_xyz)
    cone = _BRADFORD @ _D50 / (_BRADFORD @ white_xyz)
    chad = np.linalg.inv(_BRADFORD) @ np.diag(cone) @ _BRADFORD
    return chad @ matrix, chad


def _s15(values: np.ndarray) -> bytes:
    return b"".join(struct.pack(">i", round(float(v) * 65536)) for v in np.ravel(values))


def _mluc(text: str) -> bytes:
    encoded = text.encode("utf-16-be")
    record = struct.pack(">II2s2sII", 1, 12, b"en", b"US", len(encoded), 28)
    return b"mluc" + bytes(4) + record + encoded


def rgb_profile(primaries: tuple[tuple[float, float], ...], description: str) -> bytes:
    """An RGB display profile with ``primaries`` (see :data:`DISPLAY_P3`) and sRGB's tone curve."""
    matrix, chad = _colorants(primaries)
    # parametric curve type 3 with sRGB's constants: (a x + b)^g above d, c x below
    curve = b"para" + bytes(4) + struct.pack(">HH", 3, 0) + _s15(
        np.array([2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045])
    )
    tags = [
        (b"desc", _mluc(description)),
        (b"cprt", _mluc("No copyright, use freely")),
        (b"wtpt", b"XYZ " + bytes(4) + _s15(_D50)),
        (b"chad", b"sf32" + bytes(4) + _s15(chad)),
        (b"rXYZ", b"XYZ " + bytes(4) + _s15(matrix[:, 0])),
        (b"gXYZ", b"XYZ " + bytes(4) + _s15(matrix[:, 1])),
        (b"bXYZ", b"XYZ " + bytes(4) + _s15(matrix[:, 2])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = [], b""
    for signature, body in tags:
        data += bytes(-len(data) % 4)
        table.append(struct.pack(">4sII", signature, offset + len(data), len(body)))
        data += body
    size = offset + len(data)
    header = (
        struct.pack(">I4sI4s4s4s", size, b"lcms", 0x04300000, b"mntr", b"RGB ", b"XYZ ")
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"APPL"
        + bytes(4 + 4 + 4 + 8)
        + struct.pack(">I", 0)
        + _s15(_D50)
        + b"lcms"
        + bytes(16 + 28)
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(table) + data


def display_p3() -> bytes:
    """Apple's Display P3 profile, as a macOS screenshot carries it."""
    return rgb_profile(DISPLAY_P3, "Display P3")


def to_profile(rgb: np.ndarray, profile: bytes) -> np.ndarray:
    """sRGB uint8 colors re-expressed in ``profile``'s space (relative colorimetric), as a
    color-managed screenshot or export stores them."""
    from PIL import Image, ImageCms

    source = ImageCms.createProfile("sRGB")
    target = ImageCms.ImageCmsProfile(io.BytesIO(profile))
    transform = ImageCms.buildTransform(
        source, target, "RGB", "RGB", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC
    )
    picture = Image.fromarray(np.ascontiguousarray(rgb[..., :3]))
    converted = ImageCms.applyTransform(picture, transform)
    assert converted is not None
    return np.asarray(converted)


def save_tagged(path: object, rgb: np.ndarray, profile: bytes | None, **options: object) -> None:
    """Save uint8 RGB with Pillow (format from the suffix) with ``profile`` embedded."""
    from PIL import Image

    if profile is not None:
        options["icc_profile"] = profile
    Image.fromarray(np.ascontiguousarray(rgb)).save(path, **options)  # type: ignore[arg-type]
