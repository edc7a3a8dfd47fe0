"""The fields and the ways pictures arrive that ``benchmarks/colormaps.py`` scores.

Fields: an fBm terrain and scikit-image photographs (real texture); conditions: exact,
JPEG (Pillow, 4:2:0 and 4:4:4), resizes, Gaussian noise and 256-color quantization,
each ``(rgb, data) -> (picture, truth)``.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable

import matplotlib as mpl
import numpy as np
from PIL import Image

from truepix.synthetic import smooth_field

# -- data ---------------------------------------------------------------------------


def terrain_field(size: int, rng: np.random.Generator, beta: float = 3.0) -> np.ndarray:
    """Fractional Brownian surface (spectral slope beta): relief with texture at every scale."""
    fy = np.fft.fftfreq(size)[:, None]
    fx = np.fft.rfftfreq(size)[None, :]
    radius = np.hypot(fx, fy)
    radius[0, 0] = 1.0
    spectrum = radius ** (-beta / 2.0) * np.exp(2j * np.pi * rng.random(radius.shape))
    spectrum[0, 0] = 0.0
    return _unit(np.fft.irfft2(spectrum, s=(size, size)))


def photo_fields(size: int) -> dict[str, np.ndarray]:
    """Gray photographs shipped with scikit-image (no download), made continuous.

    An 8-bit photograph holds only the values j / 255, which a method answering
    ``index / 255`` hits exactly by coincidence; half a gray level of seeded uniform
    dither makes them continuous, as measured data is.
    """
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    out = {}
    photos = (
        ("camera", data.camera()),
        ("astronaut", rgb2gray(data.astronaut())),
        ("moon", data.moon()),
    )
    for name, image in photos:
        image = np.asarray(image, dtype=np.float64)
        if image.max() > 1:
            image = image / 255.0
        if image.shape[0] != size:
            image = resize(image, (size, size), order=1, anti_aliasing=True)
        dither = np.random.default_rng(len(name)).uniform(-0.5, 0.5, image.shape) / 255.0
        out[name] = np.clip(image + dither, 0.0, 1.0)
    return out


def _unit(field: np.ndarray) -> np.ndarray:
    low, high = np.percentile(field, [0.2, 99.8])
    return np.clip((field - low) / (high - low), 0.0, 1.0)


def fields(size: int, seed: int = 7) -> dict[str, tuple[str, np.ndarray]]:
    """name -> (kind, data in [0, 1])."""
    rng = np.random.default_rng(seed)
    out = {
        "smooth": ("smooth", smooth_field((size, size), seed=rng)),
        "terrain": ("real", terrain_field(size, rng)),
    }
    for name, image in photo_fields(size).items():
        out[name] = ("real", image)
    return out


def colormap(name: str) -> mpl.colors.Colormap:
    """A matplotlib Colormap; ``ns:name`` comes from the cmap package (colorcet, cmocean ...)."""
    if ":" in name:
        import cmap

        return cmap.Colormap(name).to_mpl()  # what truepix's catalog uses
    return mpl.colormaps[name]


# -- conditions ------------------------------------------------------------------------


def jpeg(
    quality: int, subsampling: int = 2
) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Pillow's JPEG round trip; ``subsampling`` 2 is 4:2:0 (Pillow's default), 0 4:4:4."""

    def degrade(rgb: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality, subsampling=subsampling)
        return np.asarray(Image.open(buffer).convert("RGB")), data

    return degrade


def downscale(rgb: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    height, width = data.shape
    size = (width // 2, height // 2)
    small = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR))
    truth = np.asarray(
        Image.fromarray(data.astype(np.float32), mode="F").resize(size, Image.Resampling.BILINEAR)
    )
    return small, truth.astype(np.float64)


def noise(rgb: np.ndarray, data: np.ndarray, sigma: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(11)
    noisy = rgb.astype(np.float64) + rng.normal(0.0, sigma, rgb.shape)
    return np.clip(np.round(noisy), 0, 255).astype(np.uint8), data


def exact(rgb: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return rgb, data


def resize(
    factor: float, method: Image.Resampling
) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Pillow resize by ``factor`` (the data resized the same way is the truth)."""

    def degrade(rgb: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        height, width = data.shape
        size = (round(width * factor), round(height * factor))
        small = np.asarray(Image.fromarray(rgb).resize(size, method))
        truth = Image.fromarray(data.astype(np.float32), mode="F").resize(size, method)
        return small, np.clip(np.asarray(truth, dtype=np.float64), 0.0, 1.0)

    return degrade


def quantize(
    dither: bool,
) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """256 colors, as pngquant-style tools save PNGs, with Floyd-Steinberg dithering or not.

    Pillow dithers only when it maps onto a given palette: ``quantize(256, dither=...)``
    alone never does, so the dithered picture maps onto the undithered one's palette.
    """

    def degrade(rgb: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        picture = Image.fromarray(rgb)
        paletted = picture.quantize(256)
        if dither:
            paletted = picture.quantize(palette=paletted, dither=Image.Dither.FLOYDSTEINBERG)
        return np.asarray(paletted.convert("RGB")), data

    return degrade


#: Pictures that are all data, as they arrive: the default call's holes (NaN) on them.
_R = Image.Resampling
HOLE_CONDITIONS: dict[str, Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]] = {
    **{f"JPEG q{q} 4:2:0": jpeg(q) for q in (95, 90, 75, 50)},
    **{f"JPEG q{q} 4:4:4": jpeg(q, 0) for q in (95, 75, 50)},
    **{
        f"{name} {factor}x": resize(factor, method)
        for factor in (0.5, 0.33)
        for name, method in (("bilinear", _R.BILINEAR), ("bicubic", _R.BICUBIC), ("area", _R.BOX))
    },
    "bilinear 2x": resize(2.0, _R.BILINEAR),
    "bicubic 2x": resize(2.0, _R.BICUBIC),
    **{f"noise {sigma} DN": functools.partial(noise, sigma=sigma) for sigma in (1.0, 2.0, 3.0)},
    "256 colors": quantize(dither=False),
    "256 colors, dithered": quantize(dither=True),
}

CONDITIONS: dict[str, Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]] = {
    "exact PNG": exact,
    "JPEG q90": jpeg(90),
    "JPEG q75": jpeg(75),
    "JPEG q50": jpeg(50),
    # (Photoshop's and GIMP's high quality, OpenCV's IMWRITE_JPEG_SAMPLING_FACTOR_444)
    **{f"JPEG q{q} 4:4:4": jpeg(q, 0) for q in (90, 75, 50)},
    "downscale 0.5x": downscale,
    "noise 2 DN": noise,
}
