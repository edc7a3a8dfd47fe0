"""Screen: strokes in every color over the maps where they are hardest, and the holes
the same figures leave without strokes.

Per map x stroke color (``_drawn_annotations.COLORS``, ``LIGHT`` and ``COLORED``): stroke pixels
flagged / those flagged among the stroke pixels whose field lies more than FAR of the range
from the ink's position on the map (its nearest table color: only there can the field
around tell a stroke in the map's colors) / stroke pixels silently wrong / data pixels
(untouched by the annotation) lost, %, on a matplotlib imshow figure with contours and
text saved as JPEG q75 4:2:0 (``_drawn_annotations._figure``), decoded by the default
``Decolorizer.values``.
Then the all-data holes % of the same figures without annotations at JPEG q75 and q50,
and the time ``Decolorizer.values`` takes on a 1 MP all-data viridis JPEG q75 (warm,
median of 5).

Run: ``python benchmarks/_stroke_screen.py [--maps a,b] [--colors a,b] [--size WxH]
[--no-time]`` (``--size 1000x1000``: the same figure at 1 MP, its waves scaled, the strokes
as thin: rules that count picture shares must not lose them).
Figures are kept in a cache folder (``--cache``) so that reruns only decode.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import _drawn_annotations as drawn  # noqa: E402
from colormaps import colormap  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

from truepix import Decolorizer  # noqa: E402

MAPS = ("Spectral", "RdYlBu", "RdBu_r", "coolwarm", "PiYG", "BrBG", "magma", "twilight",
        "viridis", "jet", "cmocean:thermal")  # fmt: skip
CYCLIC = {"twilight", "twilight_shifted", "hsv"}
#: Share of the range between the field under a stroke and its ink's map position.
FAR = 0.1
COLORS = {**drawn.COLORS, **drawn.LIGHT, **drawn.COLORED}


def _field(height: int = 300, width: int = 400) -> np.ndarray:
    """The smooth field; its waves scale with the picture (400 x 300 is the reference)."""
    y, x = np.mgrid[0:height, 0:width]
    x, y = x * 400 / width, y * 300 / height
    return 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)


def _cached(cache: Path, key: str, make) -> np.ndarray:
    path = cache / (key.replace(":", "_").replace(" ", "_") + ".npy")
    if path.exists():
        return np.load(path)
    picture = make()
    np.save(path, picture)
    return picture


def screen(maps, colors, cache: Path, size: tuple[int, int] = (400, 300)) -> dict:
    width, height = size
    data = _field(height, width)
    if size != (400, 300):  # figures of another size are kept apart in the cache
        cache = cache / f"{width}x{height}"
        cache.mkdir(parents=True, exist_ok=True)
    cells = {}
    header = f"{'map':<16}" + "".join(f"{name:>28}" for name in colors)
    header += f"{'holes q75':>10}{'q50':>7}"
    print(f"stroke flagged / flagged where the field is > {FAR:.0%} from the ink's map position"
          " / silently wrong / data lost, %; all-data holes %")
    print(header)
    print("-" * len(header))
    for name in maps:
        cmap = colormap(name)
        tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
        decoder = Decolorizer(cmap, cyclic=name in CYCLIC, vmin=0.0, vmax=1.0)
        clean = _cached(cache, f"{name}-clean-png",
                        lambda: drawn._figure(cmap, data, None, jpeg=False)).astype(float)
        row = f"{name:<16}"
        for color in colors:
            gap, index = tree.query(COLORS[color])
            if gap <= drawn._MOVED:
                row += f"{'(on the map)':>28}"
                continue
            far = np.abs(data - (index + 0.5) / cmap.N) > FAR
            png = _cached(cache, f"{name}-{color}-png",
                          lambda: drawn._figure(cmap, data, color, jpeg=False)).astype(float)
            jpg = _cached(cache, f"{name}-{color}-q75",
                          lambda: drawn._figure(cmap, data, color, jpeg=True))
            moved = np.sqrt(((png - clean) ** 2).sum(axis=-1))
            stroke, untouched = moved > drawn._MOVED, moved == 0
            values = decoder.values(jpg)
            lost = np.isnan(values)
            wrong = ~lost & (np.abs(values - data) > drawn._SILENT)
            cell = (100 * lost[stroke].mean(), 100 * lost[stroke & far].mean(),
                    100 * wrong[stroke].mean(), 100 * lost[untouched].mean())  # fmt: skip
            cells[name, color] = cell
            row += f"{cell[0]:>8.1f} /{cell[1]:>5.1f} /{cell[2]:>5.1f} /{cell[3]:>5.2f}"
        for quality in (75, 50):
            jpg = _cached(cache, f"{name}-clean-q{quality}",
                          lambda: drawn._figure(cmap, data, None, jpeg=True, quality=quality))
            holes = 100 * np.isnan(decoder.values(jpg)).mean()
            cells[name, f"holes q{quality}"] = holes
            row += f"{holes:>{10 if quality == 75 else 7}.2f}"
        print(row, flush=True)
    return cells


def timing() -> float:
    """Milliseconds: Decolorizer.values on a 1 MP all-data viridis JPEG q75 (warm,
    median of 5)."""
    import io

    import matplotlib as mpl
    from PIL import Image

    y, x = np.mgrid[0:1000, 0:1000]
    data = 0.5 + 0.45 * np.sin(x / 90 + np.cos(y / 110)) * np.cos(y / 70)
    rgb = mpl.colormaps["viridis"](data, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="jpeg", quality=75)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    decoder = Decolorizer("viridis", vmin=0.0, vmax=1.0)
    decoder.values(picture)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        decoder.values(picture)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--maps", default=",".join(MAPS))
    parser.add_argument("--colors", default=",".join(COLORS))
    parser.add_argument("--cache", default="/tmp/stroke_screen")
    parser.add_argument("--size", default="400x300", help="figure WIDTHxHEIGHT in pixels")
    parser.add_argument("--no-time", action="store_true")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    screen(args.maps.split(","), args.colors.split(","), cache, size)
    if not args.no_time:
        print(f"1 MP viridis JPEG q75, all data: {timing():.1f} ms (warm, median of 5)")


if __name__ == "__main__":
    main()
