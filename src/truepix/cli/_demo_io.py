"""Demo section: exact round trips, a viewable linear picture, named encodings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["run_section"]


def _arrays() -> dict[str, np.ndarray]:
    from truepix.synthetic import depth_map, fractal_field

    rng = np.random.default_rng(0)
    field = fractal_field((256, 256), seed=1)
    specials = (field * 200 - 100).astype(">f8")
    specials[0, :4] = [np.nan, np.inf, -np.inf, -0.0]
    return {
        "depth": depth_map((256, 256), seed=2),
        "counts": rng.integers(0, 65536, (256, 256)).astype(np.int32),
        "field": (field * 40 - 10).astype(np.float32),
        "specials": specials,
        "rgba16": rng.integers(0, 65536, (128, 128, 4)).astype(np.uint16),
        "bands": rng.integers(-2000, 2000, (128, 128, 7)).astype(np.int16),
        "mask": field > 0.5,
        "phase": np.exp(1j * field * 6).astype(np.complex64),
    }


def run_section(out_dir: Path, console: Console) -> None:
    import truepix as tp
    from truepix.synthetic import fractal_field

    console.rule("[bold]1. Arrays to images and back, nothing lost")
    table = Table(show_lines=False)
    for column in ("array", "dtype", "shape", "PNG", "TIFF", "PNG viewable", "loaded back"):
        table.add_column(column, justify="right" if column in ("PNG", "TIFF") else "left")
    for name, array in _arrays().items():
        sizes = []
        identical = True
        for suffix in ("png", "tif"):
            path = out_dir / f"{name}.{suffix}"
            info = tp.save(path, array)
            loaded = tp.load(path)
            identical &= loaded.dtype.str == array.dtype.str and loaded.tobytes() == array.tobytes()
            sizes.append(f"{info.file_size / 1024:,.0f} KiB")
            if suffix == "png":
                plain = {"native": "yes", "bool255": "yes (0/255)"}.get(
                    info.layout or "", "byte planes"
                )
        verdict = "[green]bit for bit[/]" if identical else "[red]DIFFERENT[/]"
        shape = "x".join(map(str, array.shape))
        table.add_row(name, array.dtype.str, shape, *sizes, plain, verdict)
    console.print(table)
    console.print(
        "uint8/uint16 (and integers that fit) are plain pictures any viewer shows with the true values."
    )

    console.rule("[bold]2. A viewable picture with a stated error bound")
    field = fractal_field((256, 256), seed=3) * 2 - 1
    info = tp.save(out_dir / "field_linear8.png", field, encoding="linear", bits=8)
    error = float(np.abs(tp.load(out_dir / "field_linear8.png") - field).max())
    console.print(
        f"field in [-1, 1] as an 8-bit gray PNG: stated bound [bold]{info.max_error:.5f}[/], "
        f"measured max error {error:.6f} ({out_dir / 'field_linear8.png'})"
    )

    console.rule("[bold]3. Named encodings other tools read by their public formula")
    heights = fractal_field((256, 256), seed=4) * 4800 - 200
    for encoding in ("terrain-rgb", "terrarium"):
        path = out_dir / f"dem_{encoding}.png"
        info = tp.save(path, heights, encoding=encoding)
        error = float(np.abs(tp.load(path) - heights).max())
        console.print(
            f"{encoding:12s} elevation {heights.min():.0f}..{heights.max():.0f} m: stated bound "
            f"{info.max_error:.4g} m, measured {error:.6g} m"
        )
    try:
        tp.save(out_dir / "dem_bad.png", heights - 10000, encoding="terrain-rgb")
    except tp.errors.EncodingDomainError as exc:
        console.print(f"[yellow]refused, nothing written:[/] {exc}")
