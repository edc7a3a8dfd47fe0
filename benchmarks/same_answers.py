"""Bit-for-bit check for speed work: decode 26 varied pictures, save or compare the values.

Usage::

    python benchmarks/same_answers.py save ref.npz      # on the commit before the change
    python benchmarks/same_answers.py check ref.npz     # after it: SAME, or which differ
    python benchmarks/same_answers.py save ref.npz --figures   # and figures, a ramp

``--figures`` adds JPEG'd matplotlib figures (viridis and jet imshow with a colorbar,
plain and with a white box at alpha 0.5: ``_overlays``' and the ink peak's paths) and a
1 MP diagonal ramp in viridis at JPEG q75.

Pictures: viridis, jet, coolwarm, magma, twilight and turbo drawn on an fBm terrain and
a photograph (``colormaps.py``; also its 1 MP tiled astronaut), exact, JPEG q50/q75/q90,
resized (OpenCV area, linear, cubic), noisy, annotated (lines and numbers in red, white
or black, Pillow); the values of ``Decolorizer.values`` (and of ``decolorize`` for four)
must be equal, NaN where NaN. Timings printed are first calls (numba compiles on an
empty cache).
"""

from __future__ import annotations

import io
import sys
import time
import warnings

import cv2
import matplotlib as mpl
import numpy as np
from colormaps import photo_fields, terrain_field
from PIL import Image, ImageDraw

import truepix as tp


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _render(name: str, data: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(mpl.colormaps[name](data, bytes=True)[..., :3])


def _annotate(rgb: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)
    height, width = rgb.shape[:2]
    draw.line([(10, 10), (width - 20, height // 2), (width // 3, height - 10)], fill=color, width=2)
    for k in range(5):
        draw.text((20 + 60 * k, 30 + 50 * k), f"{k * 0.25:.2f}", fill=color)
    return np.asarray(image)


def pictures() -> dict[str, tuple[str, np.ndarray]]:
    """Name -> (colormap, picture)."""
    rng = np.random.default_rng(5)
    small = terrain_field(512, np.random.default_rng(3))
    large = terrain_field(1024, np.random.default_rng(3))
    photo = list(photo_fields(384).values())[0]
    astronaut = np.tile(photo_fields(512)["astronaut"], (2, 2))  # colormaps.py's speed photo
    area, linear, cubic = cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC
    noisy = _render("viridis", small) + rng.normal(0, 2, (512, 512, 3))
    return {
        "viridis_1k_q75": ("viridis", _jpeg(_render("viridis", large), 75)),
        "jet_1k_q75": ("jet", _jpeg(_render("jet", large), 75)),
        "viridis_q50": ("viridis", _jpeg(_render("viridis", small), 50)),
        "viridis_q90": ("viridis", _jpeg(_render("viridis", small), 90)),
        "viridis_exact": ("viridis", _render("viridis", small)),
        "viridis_noise": ("viridis", np.clip(noisy, 0, 255).round().astype(np.uint8)),
        "jet_q50": ("jet", _jpeg(_render("jet", small), 50)),
        "jet_q90": ("jet", _jpeg(_render("jet", small), 90)),
        "jet_exact": ("jet", _render("jet", small)),
        "jet_resized_q75": (
            "jet", _jpeg(cv2.resize(_render("jet", small), (300, 300), interpolation=area), 75)
        ),
        "jet_upsized": (
            "jet", cv2.resize(_render("jet", small)[:200, :200], (450, 450), interpolation=linear)
        ),
        "coolwarm_q75": ("coolwarm", _jpeg(_render("coolwarm", small), 75)),
        "coolwarm_annot_q75": (
            "coolwarm", _jpeg(_annotate(_render("coolwarm", small), (255, 0, 0)), 75)
        ),
        "coolwarm_white_q90": (
            "coolwarm", _jpeg(_annotate(_render("coolwarm", small), (255, 255, 255)), 90)
        ),
        "magma_q50": ("magma", _jpeg(_render("magma", photo), 50)),
        "magma_annot_q75": ("magma", _jpeg(_annotate(_render("magma", small), (0, 0, 0)), 75)),
        "twilight_q75": ("twilight", _jpeg(_render("twilight", small), 75)),
        "twilight_exact": ("twilight", _render("twilight", photo)),
        "viridis_annot_exact": ("viridis", _annotate(_render("viridis", small), (255, 255, 255))),
        "viridis_photo_q75": ("viridis", _jpeg(_render("viridis", photo), 75)),
        "jet_photo_q50_resized": (
            "jet", _jpeg(cv2.resize(_render("jet", photo), (500, 500), interpolation=cubic), 50)
        ),
        "viridis_1k_q50": ("viridis", _jpeg(_render("viridis", large), 50)),
        "jet_photo_1k_q75": ("jet", _jpeg(_render("jet", astronaut), 75)),
        "viridis_photo_1k_q75": ("viridis", _jpeg(_render("viridis", astronaut), 75)),
        "coolwarm_photo_1k_q75": ("coolwarm", _jpeg(_render("coolwarm", astronaut), 75)),
        "turbo_photo_q90": ("turbo", _jpeg(_render("turbo", photo), 90)),
    }  # fmt: skip


def figures() -> dict[str, tuple[str, np.ndarray]]:
    """Name -> (colormap, picture): ``--figures``' JPEG'd figures and ramp."""
    import matplotlib.pyplot as plt

    field = terrain_field(256, np.random.default_rng(3))
    out = {}
    for name in ("viridis", "jet"):
        for box in (False, True):
            fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
            fig.colorbar(ax.imshow(field, cmap=name, vmin=0.0, vmax=1.0))
            if box:
                ax.add_patch(plt.Rectangle((40, 40), 80, 60, color="white", alpha=0.5))
            buffer = io.BytesIO()
            fig.savefig(buffer, format="jpg")
            plt.close(fig)
            picture = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
            out[f"{name}_figure{'_box' if box else ''}"] = (name, picture)
    y, x = np.mgrid[0:1024, 0:1024] / 1024
    out["viridis_ramp_q75"] = ("viridis", _jpeg(_render("viridis", (x + y) / 2), 75))
    return out


def main(argv: list[str]) -> None:
    mode, path = argv[:2]
    calls = ("viridis_1k_q75", "jet_q50", "coolwarm_annot_q75", "viridis_exact")
    results = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chosen = pictures()
        if "--figures" in argv[2:]:
            chosen.update(figures())
        for key, (name, picture) in chosen.items():
            started = time.perf_counter()
            results[key] = tp.Decolorizer(name, vmin=0.0, vmax=1.0).values(picture)
            if key in calls:
                results[key + "_call"] = tp.decolorize(picture, cmap=name, vmin=0.0, vmax=1.0)
            seconds = time.perf_counter() - started
            print(f"{key:<24} {seconds:6.2f} s  NaN {np.isnan(results[key]).mean():.4f}")
    if mode == "save":
        np.savez(path, **results)
        return
    saved = np.load(path)
    differ = [k for k in saved.files if not np.array_equal(saved[k], results[k], equal_nan=True)]
    missing = sorted(set(saved.files) ^ set(results))
    print("SAME" if not differ and not missing else f"DIFFER: {differ} {missing}")


if __name__ == "__main__":
    main(sys.argv[1:])
