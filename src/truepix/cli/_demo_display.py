"""Demo section: seeing the data right -- the pictures the README shows.

Each picture is built from public truepix functions only (plus matplotlib for
the layout), so it shows what a user's own script would get. A picture whose
functions are not in this build of truepix (or whose optional extra is not
installed) is skipped with the reason; ``tools/make_readme_images.py`` writes
the same pictures into ``docs/images``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rich.console import Console

__all__ = ["PICTURES", "make_pictures", "run_section"]

_DPI = 80


def _public(name: str) -> Any:
    """``truepix.<name>``, or None when its module is not part of this build."""
    import truepix

    try:
        return getattr(truepix, name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("truepix"):
            return None
        raise
    except AttributeError:  # its package is here, the function not yet
        return None


def _missing(names: tuple[str, ...]) -> str | None:
    """Why a picture cannot be made here, or None."""
    absent = [f"tp.{name}" for name in names if _public(name) is None]
    if absent:
        return f"needs {', '.join(absent)} (not in this build)"
    if "healpix_labels" in names:
        import importlib.util

        if importlib.util.find_spec("healpy") is None:
            return 'needs healpy: pip install "truepix[healpix]"'
    return None


def display_rgb() -> Figure:
    """An RGB image rescaled to [-1, 1]: what imshow shows, what to_display shows."""
    from matplotlib.colors import hsv_to_rgb
    from matplotlib.figure import Figure

    tp_to_display = _public("to_display")
    y, x = np.mgrid[-1:1:120j, -1:1:160j]
    hue = (np.arctan2(y, x) / (2 * np.pi)) % 1.0
    saturation = np.clip(np.hypot(x, y), 0.0, 1.0)
    value = np.linspace(1.0, 0.35, 120)[:, None] * np.ones_like(x)
    rgb = hsv_to_rgb(np.dstack([hue, saturation, value]))
    rgb[0, 0], rgb[-1, -1] = 0.0, 1.0  # the full [0, 1] range is present
    rescaled = rgb * 2 - 1  # what a network's normalization leaves behind

    fig = Figure(figsize=(9.0, 2.9), layout="constrained")
    axes = fig.subplots(1, 3)
    panels = [
        (rgb, "original RGB in [0, 1]"),
        (rescaled, "imshow(rgb * 2 - 1)\nclipped to [0, 1]: the dark half is lost"),
        (tp_to_display(rescaled), "imshow(tp.to_display(rgb * 2 - 1))\none range for all channels"),
    ]
    image_logger = logging.getLogger("matplotlib.image")
    level = image_logger.level
    image_logger.setLevel(logging.ERROR)  # imshow's "Clipping input data" is the point here
    try:
        for ax, (image, title) in zip(axes, panels, strict=True):
            ax.imshow(image, interpolation="nearest")
            ax.set_title(title, fontsize=9)
            ax.set_axis_off()
    finally:
        image_logger.setLevel(level)
    return fig


def _elevation() -> np.ndarray:
    from truepix.synthetic import fractal_field

    return 200.0 + 3000.0 * fractal_field((96, 128), seed=5)


def colormap_roundtrip() -> Figure:
    """A field colorized, the data recovered from the picture, and the error map."""
    from matplotlib.figure import Figure

    colorize, decolorize = _public("colorize"), _public("decolorize")
    field = _elevation()
    vmin, vmax = 0.0, 3500.0
    picture = colorize(field, cmap="viridis", vmin=vmin, vmax=vmax)
    recovered = decolorize(picture, cmap="viridis", vmin=vmin, vmax=vmax)
    error = recovered - field
    bound = float(np.nanmax(np.abs(error)))

    fig = Figure(figsize=(9.6, 2.7), layout="constrained")
    axes = fig.subplots(1, 3)
    axes[0].imshow(picture, interpolation="nearest")
    axes[0].set_title(
        "tp.colorize(elevation, cmap='viridis')\nan RGBA picture, no figure", fontsize=9
    )
    shown = axes[1].imshow(recovered, cmap="gray", interpolation="nearest")
    fig.colorbar(shown, ax=axes[1], label="m", shrink=0.85)
    axes[1].set_title(
        "tp.decolorize(picture, cmap='viridis')\nthe elevation, from the colors", fontsize=9
    )
    limit = max(bound, 1e-12)
    diverging = axes[2].imshow(
        error, cmap="RdBu_r", vmin=-limit, vmax=limit, interpolation="nearest"
    )
    fig.colorbar(diverging, ax=axes[2], label="m", shrink=0.85)
    step = (vmax - vmin) / 256
    axes[2].set_title(
        f"recovered - original: max |error| {bound:.1f} m\n(one of 256 colors spans {step:.1f} m)",
        fontsize=9,
    )
    for ax in axes:
        ax.set_axis_off()
    return fig


def _stack() -> np.ndarray:
    """300 noisy frames; in one corner the pixels flicker between two levels."""
    from truepix.synthetic import fractal_field

    rng = np.random.default_rng(11)
    mean = 40.0 + 120.0 * fractal_field((48, 64), seed=6)
    frames = mean + rng.normal(0.0, 8.0, (300, 48, 64))
    flicker = rng.random((300, 1, 1)) < 0.35
    frames[:, 30:, 40:] += np.where(flicker, 60.0, 0.0)
    return np.clip(frames, 0, 255).astype(np.uint8)


def pixel_histogram() -> Figure:
    """One frame of a stack, and the per-pixel histograms of two of its pixels."""
    from matplotlib.figure import Figure

    stack = _stack()
    bins, value_range = 64, (0.0, 256.0)
    counts = _public("pixel_histogram")(stack, bins=bins, range=value_range)
    edges = np.linspace(*value_range, bins + 1)

    fig = Figure(figsize=(9.0, 3.0), layout="constrained")
    frame_ax, hist_ax = fig.subplots(1, 2, width_ratios=[1, 1.6])
    frame_ax.imshow(stack[0], cmap="gray", vmin=0, vmax=255, interpolation="nearest")
    frame_ax.set_title(f"frame 0 of {stack.shape[0]}", fontsize=9)
    frame_ax.set_axis_off()
    for (row, col), color in (((10, 12), "tab:blue"), ((38, 52), "tab:orange")):
        frame_ax.plot(col, row, "o", mfc="none", mec=color, mew=2, ms=9)
        hist_ax.stairs(counts[row, col], edges, fill=True, alpha=0.6, color=color)
        hist_ax.stairs(counts[row, col], edges, color=color, label=f"pixel ({row}, {col})")
    hist_ax.set_xlabel("value")
    hist_ax.set_ylabel("frames")
    hist_ax.legend(fontsize=8)
    hist_ax.set_title(
        f"tp.pixel_histogram(stack, bins={bins}): counts of shape {counts.shape}", fontsize=9
    )
    return fig


def healpix_map() -> Figure:
    """A small HEALPix map with each pixel's value written at its centre."""
    import healpy as hp

    nside = 2
    theta, phi = hp.pix2ang(nside, np.arange(hp.nside2npix(nside)))
    sky = np.cos(theta) + 0.5 * np.sin(2 * phi)
    unseen = np.flatnonzero(np.abs(np.pi / 2 - theta) < 0.2)[::3]
    sky[unseen] = hp.UNSEEN  # a few unobserved pixels
    return _public("healpix_labels")(
        sky,
        labels="value",
        fmt="{:.2f}",
        figsize=(7.5, 4.8),
        unit="signal",
        title="tp.healpix_labels(sky, labels='value', fmt='{:.2f}')  (gray: UNSEEN, unlabelled)",
    )


#: file name -> (what the picture shows, the function making it, public names it needs)
PICTURES: dict[str, tuple[str, Callable[[], Figure], tuple[str, ...]]] = {
    "display_rgb.png": ("imshow vs tp.to_display on RGB in [-1, 1]", display_rgb, ("to_display",)),
    "colormap_roundtrip.png": (
        "a colormapped field, the data recovered from it, the error map",
        colormap_roundtrip,
        ("colorize", "decolorize"),
    ),
    "pixel_histogram.png": (
        "per-pixel histograms over a stack of frames",
        pixel_histogram,
        ("pixel_histogram",),
    ),
    "healpix_labels.png": (
        "a HEALPix map with each pixel's value at its centre",
        healpix_map,
        ("healpix_labels",),
    ),
}


def make_pictures(out_dir: Path) -> dict[str, Path | str]:
    """Write every picture that can be made here; file name -> path written or why skipped."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Path | str] = {}
    for name, (_, make, needs) in PICTURES.items():
        reason = _missing(needs)
        if reason is not None:
            results[name] = reason
            continue
        path = out_dir / name
        make().savefig(path, dpi=_DPI, pil_kwargs={"optimize": True})
        results[name] = path
    return results


def run_section(out_dir: Path, console: Console) -> None:
    """Write the pictures into ``out_dir`` and list them."""
    from rich.table import Table

    console.rule("[bold]Seeing the data right: display rules, quick looks, HEALPix labels")
    results = make_pictures(out_dir)
    table = Table(show_lines=False)
    table.add_column("picture")
    table.add_column("shows")
    table.add_column("file")
    for name, result in results.items():
        where = (
            f"{result.stat().st_size / 1024:.0f} KiB"
            if isinstance(result, Path)
            else f"[yellow]skipped: {result}[/]"
        )
        table.add_row(name, PICTURES[name][0], where)
    console.print(table)
    viewable = out_dir / "field_linear8.png"  # written by the io section, when it ran
    if viewable.exists():
        import truepix as tp

        preview = out_dir / "field_linear8.preview.png"
        tp.display.preview_figure(viewable).savefig(preview, dpi=_DPI)
        console.print(
            f"A quick look in real units, with the encoding's bound: [bold]truepix show {viewable}"
            f" -o {preview}[/]"
        )
    else:
        console.print(
            "A quick look in real units at any array or image: [bold]truepix show FILE[/]"
        )
