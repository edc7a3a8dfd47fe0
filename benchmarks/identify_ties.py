"""identify_colormap on pictures as other tools make them: is the top name the map used?

Every continuous matplotlib map and its ``_r`` is drawn (``cmap(field, bytes=True)``) on
one of three 128x128 fields (smooth fBm, skimage's camera, a terrain-like 1/f field;
rotating with the map and the degradation) and degraded the ways users' tools do:
cv2 INTER_AREA / LINEAR / CUBIC shrinks 0.5x and 0.33x, Pillow LANCZOS 0.5x, skimage
``rescale`` (float and rounded to bytes), JPEG (Pillow q50/q75/q95 4:2:0 and q75 4:4:4,
cv2 q75 and q90 4:4:4), Gaussian noise 2 and 3 DN, 256-colour quantization, and
matplotlib ``savefig`` of imshow and pcolormesh crops. For each picture the top name is
*right* when it is the map used or a catalog map with its table (or its reversed
table: ``gray_r`` -> ``gray``), or a matplotlib map with the same colors, which no
picture tells from it (``binary`` -> ``gray``; a gray ramp named ``gray``: ``Greys``;
*strict* leaves these out); for each wrong top the score margin over the map used
(when listed in the top 5) is printed.

    PYTHONPATH=$PWD/src python benchmarks/identify_ties.py [--maps gray,RdBu] [--jobs 2]

About 3000 pictures; minutes on a busy 2-core machine.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

import numpy as np

N = 128


@lru_cache(maxsize=1)
def fields() -> dict[str, np.ndarray]:
    import skimage.data
    from skimage.transform import resize

    rng = np.random.default_rng(0)
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(N), np.fft.fftfreq(N)))
    k[0, 0] = 1.0
    white = np.fft.fft2(rng.standard_normal((N, N)))
    smooth = np.real(np.fft.ifft2(white * k**-2.2))  # smooth fBm
    terrain = np.real(np.fft.ifft2(white * k**-1.5))  # rough, terrain-like
    camera = resize(skimage.data.camera().astype(float), (N, N), anti_aliasing=True)
    out = {}
    for name, f in {"fbm": smooth, "terrain": terrain, "camera": camera}.items():
        out[name] = (f - f.min()) / (f.max() - f.min())
    return out


def _pil_jpeg(rgb: np.ndarray, quality: int, subsampling: int) -> np.ndarray:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))


def _cv2_jpeg(rgb: np.ndarray, quality: int, four44: bool) -> np.ndarray:
    import cv2

    params = [cv2.IMWRITE_JPEG_QUALITY, quality]
    if four44:
        params += [cv2.IMWRITE_JPEG_SAMPLING_FACTOR, cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444]
    ok, data = cv2.imencode(".jpg", rgb[..., ::-1], params)
    return cv2.imdecode(data, cv2.IMREAD_COLOR)[..., ::-1].copy()


def _cv2_resize(rgb: np.ndarray, scale: float, how: str) -> np.ndarray:
    import cv2

    size = (round(rgb.shape[1] * scale), round(rgb.shape[0] * scale))
    return cv2.resize(rgb, size, interpolation=getattr(cv2, f"INTER_{how}"))


def _lanczos(rgb: np.ndarray) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.fromarray(rgb).resize((N // 2, N // 2), Image.LANCZOS))


def _rescale(rgb: np.ndarray, rounded: bool) -> np.ndarray:
    from skimage.transform import rescale

    out = rescale(rgb / 255.0, 0.5, channel_axis=-1, anti_aliasing=True)
    return np.round(out * 255).astype(np.uint8) if rounded else np.clip(out, 0, 1)


def _noise(rgb: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.clip(np.round(rgb + rng.normal(0, sigma, rgb.shape)), 0, 255).astype(np.uint8)


def _quantized(rgb: np.ndarray) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.fromarray(rgb).quantize(256).convert("RGB"))


def _figure(field: np.ndarray, cmap: str, how: str) -> np.ndarray:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image

    fig = plt.figure(figsize=(2, 2), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    if how == "imshow":
        ax.imshow(field, cmap=cmap, interpolation="antialiased")
    else:
        ax.pcolormesh(field[::4, ::4], cmap=cmap)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    rgb = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    return rgb[10:-10, 10:-10].copy()  # a crop of the axes: every pixel is data


DEGRADATIONS = {
    "area 0.5": lambda rgb, s: _cv2_resize(rgb, 0.5, "AREA"),
    "area 0.33": lambda rgb, s: _cv2_resize(rgb, 0.33, "AREA"),
    "linear 0.5": lambda rgb, s: _cv2_resize(rgb, 0.5, "LINEAR"),
    "linear 0.33": lambda rgb, s: _cv2_resize(rgb, 0.33, "LINEAR"),
    "cubic 0.5": lambda rgb, s: _cv2_resize(rgb, 0.5, "CUBIC"),
    "cubic 0.33": lambda rgb, s: _cv2_resize(rgb, 0.33, "CUBIC"),
    "lanczos 0.5": lambda rgb, s: _lanczos(rgb),
    "rescale float": lambda rgb, s: _rescale(rgb, False),
    "rescale bytes": lambda rgb, s: _rescale(rgb, True),
    "pil q50": lambda rgb, s: _pil_jpeg(rgb, 50, 2),
    "pil q75": lambda rgb, s: _pil_jpeg(rgb, 75, 2),
    "pil q95": lambda rgb, s: _pil_jpeg(rgb, 95, 2),
    "pil q75 444": lambda rgb, s: _pil_jpeg(rgb, 75, 0),
    "cv2 q75": lambda rgb, s: _cv2_jpeg(rgb, 75, False),
    "cv2 q90 444": lambda rgb, s: _cv2_jpeg(rgb, 90, True),
    "noise 2": lambda rgb, s: _noise(rgb, 2.0, s),
    "noise 3": lambda rgb, s: _noise(rgb, 3.0, s),
    "quantize 256": lambda rgb, s: _quantized(rgb),
    "savefig imshow": None,  # drawn by matplotlib itself
    "savefig pcolormesh": None,
}


def picture(used: str, degradation: str, field: np.ndarray, seed: int) -> np.ndarray:
    import matplotlib

    if degradation.startswith("savefig"):
        return _figure(field, used, degradation.split()[1])
    rgb = matplotlib.colormaps[used](field, bytes=True)[..., :3]
    return DEGRADATIONS[degradation](np.ascontiguousarray(rgb), seed)


def continuous_maps() -> list[str]:
    import matplotlib

    import truepix as tp

    plain = [n for n in sorted(matplotlib.colormaps) if not n.endswith("_r")]
    plain = [n for n in plain if not tp.color.catalog[n].discrete]
    return [m for n in plain for m in (n, f"{n}_r")]


def _key(name: str) -> bytes:
    import truepix as tp

    rgb = np.ascontiguousarray(tp.color.catalog[name].lut_bytes[:, :3])
    return min(rgb.tobytes(), rgb[::-1].tobytes())


@lru_cache(maxsize=1)
def _groups() -> dict[bytes, set[str]]:
    """Catalog maps (without _r) by their 8-bit table or its reverse."""
    import truepix as tp

    groups: dict[bytes, set[str]] = defaultdict(set)
    for name in tp.colormaps():
        if not name.endswith("_r") and not tp.color.catalog[name].discrete:
            groups[_key(name)].add(name)
    return groups


def _same_table(name: str) -> set[str]:
    """Catalog maps with ``name``'s 8-bit table or its reverse (``name`` without _r)."""
    return _groups().get(_key(name), {name})


def _gray(name: str) -> bool:
    import truepix as tp

    rgb = tp.color.catalog[name].lut_bytes[:, :3].astype(int)
    return bool(np.all(rgb.max(axis=1) - rgb.min(axis=1) <= 1))


def one(job: tuple[int, str, str]) -> dict:
    import truepix as tp

    seed, used, degradation = job
    data = fields()
    field_name = list(data)[seed % len(data)]
    image = picture(used, degradation, data[field_name], seed)
    matches = tp.identify_colormap(image, top=5)
    base = used.removesuffix("_r")
    same = _same_table(base)
    first = matches[0]
    strict = first.name in same
    # a matplotlib map the picture cannot tell from the one used (same colors: Greys, gray)
    right = strict or (base in first.aliases and ":" not in first.name)
    # ... or a gray ramp for a gray ramp: no picture tells one gamma from another
    right = right or (":" not in first.name and _gray(first.name) and _gray(base))
    listed = [m for m in matches if m.name in same or base in m.aliases]
    return {
        "used": used, "degradation": degradation, "field": field_name, "right": right,
        "first": first.name, "first_score": first.score,
        "used_score": listed[0].score if listed else None,
        "strict": strict,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", help="comma-separated maps (default: every continuous one)")
    parser.add_argument("--degradations", help="comma-separated (default: all)")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    maps = args.maps.split(",") if args.maps else continuous_maps()
    kinds = args.degradations.split(",") if args.degradations else list(DEGRADATIONS)
    jobs = [(i * 7 + j, m, d) for i, m in enumerate(maps) for j, d in enumerate(kinds)]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(one, jobs, chunksize=8))
    else:
        rows = [one(job) for job in jobs]
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row["degradation"]].append(row)
    print(f"{'degradation':<20} {'right':>7} {'strict':>7}  wrong tops (used -> named, margin)")
    for kind, kind_rows in by_kind.items():
        share = np.mean([r["right"] for r in kind_rows])
        strict = np.mean([r["strict"] for r in kind_rows])
        wrong = [r for r in kind_rows if not r["right"]]
        shown = ", ".join(
            f"{r['used']}->{r['first']} "
            + (f"{r['first_score'] - r['used_score']:+.4f}" if r["used_score"] is not None else "-")
            for r in wrong
        )
        print(f"{kind:<20} {share:7.1%} {strict:7.1%}  {shown}")
    total = np.mean([r["right"] for r in rows])
    strict = np.mean([r["strict"] for r in rows])
    print(f"{'all':<20} {total:7.1%} {strict:7.1%}  ({len(rows)} pictures)")
    wrong = [r for r in rows if not r["right"] and r["used_score"]]
    margins = [r["first_score"] - r["used_score"] for r in wrong]
    if margins:
        print("wrong tops' margin over the map used: median %.4f, p90 %.4f, max %.4f"
              % (np.median(margins), np.percentile(margins, 90), np.max(margins)))  # fmt: skip
    unlisted = sum(1 for r in rows if not r["right"] and r["used_score"] is None)
    print(f"map used not in the top 5: {unlisted}")


if __name__ == "__main__":
    sys.exit(main())
