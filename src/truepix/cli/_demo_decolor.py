"""Demo section: colormapped pictures back to numbers, also JPEG'd, noisy or in a figure."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["run_section"]

VMIN, VMAX = 1500.0, 4500.0


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())))


def _nearest_color(picture: np.ndarray, table: np.ndarray) -> np.ndarray:
    """What most scripts do: the nearest table color in RGB, at its bin's center."""
    pixels = picture[..., :3].reshape(-1, 3).astype(np.float32)
    colors = table[:, :3].astype(np.float32)
    index = np.empty(len(pixels), np.intp)
    for start in range(0, len(pixels), 8192):  # bounded memory
        chunk = pixels[start : start + 8192]
        dist = ((chunk[:, None, :] - colors[None]) ** 2).sum(-1)
        index[start : start + 8192] = np.argmin(dist, axis=1)
    u = (index + 0.5) / len(table)
    return (VMIN + u * (VMAX - VMIN)).reshape(picture.shape[:-1])


def run_section(out_dir: Path, console: Console) -> None:
    import imagecodecs

    import truepix as tp
    from truepix.synthetic import fractal_field

    console.rule("[bold]Decolorize: colormapped pictures back to numbers")
    field = VMIN + (VMAX - VMIN) * fractal_field((192, 256), seed=11)
    picture = tp.colorize(field, cmap="jet", vmin=VMIN, vmax=VMAX)
    rng = np.random.default_rng(0)
    noisy = np.clip(picture[..., :3] + rng.normal(0, 2, picture[..., :3].shape), 0, 255)
    pictures = {
        "exact PNG": picture,
        "JPEG q75": _jpeg(picture[..., :3], 75),
        "JPEG q50": _jpeg(picture[..., :3], 50),
        "noise sigma 2 DN": np.round(noisy).astype(np.uint8),
    }
    (out_dir / "decolor_jet.png").write_bytes(imagecodecs.png_encode(picture))
    (out_dir / "decolor_jet_q75.jpg").write_bytes(
        imagecodecs.jpeg8_encode(pictures["JPEG q75"], level=95)
    )
    decoder = tp.Decolorizer("jet", vmin=VMIN, vmax=VMAX)
    table = tp.color.catalog["jet"].lut_bytes
    span = VMAX - VMIN
    rows = Table(title="jet, data 1500-4500: mean error in % of the range")
    for column in ("picture", "truepix", "nearest color", "truepix / nearest", "kept"):
        rows.add_column(column, justify="right" if column != "picture" else "left")
    for label, image in pictures.items():
        result = decoder.decode(image)
        error = 100 * np.nanmean(np.abs(result.values - field)) / span
        base = 100 * np.mean(np.abs(_nearest_color(image, table) - field)) / span
        rows.add_row(
            label + (" (seen as JPEG)" if result.jpeg else ""),
            f"{error:.3f}",
            f"{base:.3f}",
            f"{error / base:.2f}",
            f"{result.valid.mean():.1%}",
        )
    console.print(rows)
    np.save(out_dir / "decolor_jet_q75.npy", decoder.values(pictures["JPEG q75"]))

    rgba = picture / 255.0  # seed 001: the float RGBA of cmap(norm(x)), not bytes
    values = tp.decolorize(rgba, cmap="jet", vmin=VMIN, vmax=VMAX)
    console.print(
        f"float RGBA from cmap(norm(x)): every pixel back in a bin of its color,"
        f" mean error {np.mean(np.abs(values - field)):.2f} (a bin is {span / 256:.2f})"
    )

    from truepix.cli._common import heatmap_pixels

    figure = heatmap_pixels(
        field, width=5.2, cmap="turbo", vmin=VMIN, vmax=VMAX,
        title="someone's heatmap", label="depth [m]",
    )  # fmt: skip
    (out_dir / "decolor_figure.png").write_bytes(imagecodecs.png_encode(figure))
    bar = tp.find_colorbar(figure)
    if bar is None:
        console.print("[red]no colorbar found in the figure[/]")
        return
    values = tp.decolorize(figure, cmap=bar, vmin=VMIN, vmax=VMAX)
    left, top, right, bottom = bar.bbox
    values[top:bottom, left:right] = np.nan
    np.save(out_dir / "decolor_figure.npy", values)
    kept = values[~np.isnan(values)]
    console.print(
        f"decolor_figure.png: colormap read from its colorbar at {bar.bbox};"
        f" {kept.size} pixels of data from {kept.min():.0f} to {kept.max():.0f},"
        f" {np.isnan(values).mean():.0%} of the figure (axes, text, margins) left NaN"
        " -> decolor_figure.npy"
    )

    # the same figure as a JPEG: the bar is no longer exact, and still found and named
    compressed = _jpeg(figure[..., :3], 75)
    (out_dir / "decolor_figure_q75.jpg").write_bytes(imagecodecs.jpeg8_encode(compressed, level=95))
    noisy_bar = tp.find_colorbar(compressed)
    if noisy_bar is None:
        console.print("[red]no colorbar found in the JPEG'd figure[/]")
        return
    name = tp.identify_colormap(noisy_bar, top=1)[0].name
    again = tp.decolorize(compressed, cmap=noisy_bar, vmin=VMIN, vmax=VMAX)
    both = ~np.isnan(values) & ~np.isnan(again)
    gap = 100 * np.mean(np.abs(again[both] - values[both])) / span
    console.print(
        f"decolor_figure_q75.jpg (JPEG q75): colorbar found at {noisy_bar.bbox}, read as"
        f" {name!r}; its values differ from the PNG figure's by {gap:.2f}% of the range"
        " on average"
    )
