"""Demo section: colormaps both ways -- colorize like matplotlib, name a picture's map."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["run_section"]


def run_section(out_dir: Path, console: Console) -> None:
    import imagecodecs
    from PIL import Image

    import truepix as tp
    from truepix.synthetic import fractal_field

    console.rule("[bold]Colormaps: data to pictures exactly like matplotlib, and back")
    field = fractal_field((192, 256), seed=7) * 3000 + 1500
    console.print(f"{len(tp.colormaps())} colormaps: matplotlib's, the cmap package's and OpenCV's")

    table = Table()
    for column in ("painted with", "file", "identified as (exact PNG)", "identified (JPEG q75)"):
        table.add_column(column)
    for cmap in ("jet", "cmocean:thermal", "opencv:turbo"):
        picture = tp.colorize(field, cmap=cmap, vmin=1500, vmax=4500)
        path = out_dir / f"colorized_{cmap.replace(':', '_')}.png"
        path.write_bytes(imagecodecs.png_encode(picture))
        buffer = io.BytesIO()
        Image.fromarray(picture[..., :3]).save(buffer, format="JPEG", quality=75)
        jpeg = np.asarray(Image.open(io.BytesIO(buffer.getvalue())))
        exact, lossy = tp.identify_colormap(picture)[0], tp.identify_colormap(jpeg)[0]
        table.add_row(
            cmap,
            path.name,
            f"{exact.name} ({exact.score:.3f})",
            f"{lossy.name} ({lossy.score:.3f})",
        )
    console.print(table)

    from truepix.cli._common import heatmap_pixels

    figure = heatmap_pixels(
        field, cmap="magma", title="a figure from someone's paper", label="temperature [K]"
    )
    path = out_dir / "figure_with_colorbar.png"
    path.write_bytes(imagecodecs.png_encode(figure))
    bar = tp.find_colorbar(figure)
    if bar is None:
        console.print("[red]no colorbar found in the figure[/]")
    else:
        best = tp.identify_colormap(bar)[0]
        console.print(
            f"{path.name}: colorbar at {bar.bbox} ({bar.orientation}, {len(bar.colors)} colors),"
            f" its map: [bold]{best.name}[/]{' reversed' if best.reversed else ''}"
        )

    heatmap = out_dir / "heatmap_rainbow.png"
    info = tp.save(heatmap, field, encoding="colormap", cmap="rainbow")
    error = float(np.abs(tp.load(heatmap) - field).max())
    console.print(
        f"{heatmap.name}: the plt.imsave picture, loaded back within {info.max_error:.3g}"
        f" (measured {error:.3g}; half a bin of {(field.max() - field.min()) / 256:.3g})"
    )
