"""Decolorize: accuracy and speed against its peers, side by side in one run.

Usage::

    python benchmarks/colormaps.py            # 12 maps, 256x256 fields, a 1024^2 (1 MP) speed run
    python benchmarks/colormaps.py --full     # the same 12 maps, 512x512 fields
    python benchmarks/colormaps.py --full --floor   # + what oracle-tuned restorers add
    python benchmarks/colormaps.py --speed-only     # the speed section alone (~1 min)

Accuracy: fields (smooth synthetic, fBm terrain, two photographs from scikit-image)
are rendered with matplotlib (``cmap(norm(x), bytes=True)``), degraded, and turned
back into values by each method. Errors are in % of ``vmax - vmin`` (wrap-around for
cyclic maps), mean and 99th percentile over every pixel; for the 0.5x downscale
the truth is the data downscaled by the same filter. Methods:

* truepix -- ``tp.Decolorizer`` with its defaults, exactly what users get: a pixel
  it answers NaN (a hole) counts as an error of the full range (100 %), and the
  ``holes`` column gives their share;
* nearest RGB -- nearest table color by a scipy ``cKDTree`` (the issue's baseline);
* projection -- a reference, not a peer: the plain per-pixel projection onto the
  map's polyline with chroma weighted 0.1 that ``../shared/FACTS.md`` measured
  (every pixel answered, no filter); what the default call must at least match;
* seed LUT -- the hand-built answer: a 256^3 (``--full``) or 64^3 table of nearest
  table indices, value = index / (N - 1);
* unmap 0.1.2 -- fetched with ``pip download`` into a cache folder and imported from
  there (never installed); failures are reported as they happen.

Speed: megapixels per second on a 1024^2 picture, every method in the same run
(``benchmarks/_colormap_speed.py`` says what "cold" and "fresh process" time;
``benchmarks/_first_call_speed.py`` times the first call with the imports counted).
"""

from __future__ import annotations

import argparse
import functools
import time
import types
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from _conditions import (  # noqa: F401 (the names other scripts import from here)
    colormap,
    CONDITIONS,
    exact,
    fields,
    HOLE_CONDITIONS,
    jpeg,
    noise,
    photo_fields,
    terrain_field,
)
from _colormap_speed import Peers
from _colormap_speed import speed as timed_speed
from _drawn_annotations import drawn_flags
from _unmap_peer import Unmap, load_unmap
from PIL import Image
from scipy.spatial import cKDTree

from truepix import Decolorizer

CYCLIC = {"twilight", "twilight_shifted", "hsv"}
#: The maps every section runs by default (``--maps`` picks others).
#: RdBu_r and Spectral: diverging maps whose two halves share luma (4:2:0 JPEG leaves
#: u and 1 - u alike; trial39/p99_notes.md).
MAPS = ("viridis", "jet", "turbo", "rainbow", "magma", "gray", "twilight", "coolwarm",
        "RdBu_r", "Spectral", "cmocean:thermal", "colorcet:fire")  # fmt: skip


# -- methods -----------------------------------------------------------------------------


class NearestRGB:
    """The baseline: nearest table color in RGB with a scipy k-d tree, bin centers."""

    def __init__(self, cmap: mpl.colors.Colormap) -> None:
        table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(np.float64)
        self.tree = cKDTree(table)
        self.n_bins = cmap.N

    def __call__(self, rgb: np.ndarray) -> np.ndarray:
        _, index = self.tree.query(rgb.reshape(-1, 3).astype(np.float64))
        return ((index + 0.5) / self.n_bins).reshape(rgb.shape[:-1])


class Projection:
    """Reference: per-pixel projection onto the table's polyline, chroma weighted 0.1.

    The plain decoder of ``../shared/FACTS.md``: distance ``|luma|^2 + 0.1 |chroma|^2``
    (BT.601 luma), every pixel answered, no spatial filter, no JPEG detection. Runs of
    equal colors are one vertex at the middle of their bins; a cyclic map's ends join.
    """

    def __init__(self, cmap: mpl.colors.Colormap, *, cyclic: bool, chroma: float = 0.1) -> None:
        table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(np.float64)
        first = np.flatnonzero(np.r_[True, np.any(table[1:] != table[:-1], axis=1)])
        last = np.r_[first[1:] - 1, cmap.N - 1]
        positions = (first + last + 1) / 2.0
        luma = np.array([0.299, 0.587, 0.114]) / np.linalg.norm([0.299, 0.587, 0.114])
        along = np.outer(luma, luma)
        self.metric = along + np.sqrt(chroma) * (np.eye(3) - along)
        vertices = table[first] @ self.metric.T
        if cyclic:
            vertices = np.vstack([vertices, vertices[:1]])
            positions = np.r_[positions, positions[0] + cmap.N]
        self.start, self.step = vertices[:-1], np.diff(vertices, axis=0)
        self.s0, self.ds = positions[:-1], np.diff(positions)
        self.inv_length2 = 1.0 / np.maximum(np.einsum("ij,ij->i", self.step, self.step), 1e-12)
        self.n_bins = cmap.N

    def __call__(self, rgb: np.ndarray) -> np.ndarray:
        flat = rgb.reshape(-1, 3).astype(np.int64)
        keys, inverse = np.unique((flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2],
                                  return_inverse=True)  # fmt: skip
        colors = np.stack([keys >> 16, (keys >> 8) & 255, keys & 255], -1) @ self.metric.T
        answer = np.empty(len(keys))
        for at in range(0, len(keys), 2048):  # distinct colors x segments, in chunks
            offset = colors[at : at + 2048, None, :] - self.start
            t = np.clip(np.einsum("psc,sc->ps", offset, self.step) * self.inv_length2, 0, 1)
            distance2 = ((offset - t[..., None] * self.step) ** 2).sum(axis=-1)
            best = np.argmin(distance2, axis=1)
            along = t[np.arange(len(best)), best]
            answer[at : at + 2048] = (self.s0[best] + along * self.ds[best]) / self.n_bins % 1.0
        return answer[inverse.ravel()].reshape(rgb.shape[:-1])


class SeedTable:
    """The seed's hand-built answer: a table of nearest indices over quantized RGB."""

    def __init__(self, cmap: mpl.colors.Colormap, *, bits: int) -> None:
        table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(np.float64)
        levels = 1 << bits
        self.shift = 8 - bits
        centers = (np.arange(levels) << self.shift) + ((1 << self.shift) - 1) / 2.0
        grid = np.stack(np.meshgrid(centers, centers, centers, indexing="ij"), -1)
        _, index = cKDTree(table).query(grid.reshape(-1, 3))
        self.lookup = (index / (cmap.N - 1)).reshape(levels, levels, levels)

    def __call__(self, rgb: np.ndarray) -> np.ndarray:
        q = rgb >> self.shift
        return self.lookup[q[..., 0], q[..., 1], q[..., 2]]


class Truepix:
    def __init__(self, cmap: mpl.colors.Colormap, *, cyclic: bool, **options: object) -> None:
        self.decoder = Decolorizer(cmap, cyclic=cyclic, vmin=0.0, vmax=1.0, **options)  # type: ignore[arg-type]

    def __call__(self, rgb: np.ndarray) -> np.ndarray:
        return self.decoder.values(rgb)


# -- scoring ------------------------------------------------------------------------------


@dataclass
class Score:
    errors: list[np.ndarray]
    lost: list[float]

    def add(self, estimate: np.ndarray, truth: np.ndarray, *, cyclic: bool) -> None:
        """Score every pixel; a hole (NaN) is an error of the full range."""
        holes = np.isnan(estimate)
        error = np.abs(estimate - truth)
        if cyclic:
            error = np.minimum(error, 1.0 - error)
        error[holes] = 1.0
        self.errors.append(100.0 * error.ravel())
        self.lost.append(float(holes.mean()))

    def summary(self) -> tuple[float, float, float]:
        if not self.errors:
            return np.nan, np.nan, np.nan
        allerr = np.concatenate(self.errors)
        return float(allerr.mean()), float(np.percentile(allerr, 99)), float(np.mean(self.lost))


def accuracy(maps: list[str], size: int, seed_bits: int, unmap_module: types.ModuleType | None):
    data_sets = fields(size)
    results: dict[tuple[str, str, str], Score] = {}
    for map_name in maps:
        cmap = colormap(map_name)
        cyclic = map_name in CYCLIC
        methods: dict[str, Callable[[np.ndarray], np.ndarray]] = {
            "truepix": Truepix(cmap, cyclic=cyclic),
            "nearest RGB": NearestRGB(cmap),
            "projection": Projection(cmap, cyclic=cyclic),
            "seed LUT": SeedTable(cmap, bits=seed_bits),
        }
        if unmap_module is not None:
            methods["unmap 0.1.2"] = Unmap(unmap_module, cmap)
        for _field_name, (kind, data) in data_sets.items():
            rgb = cmap(data, bytes=True)[..., :3]
            for condition, degrade in CONDITIONS.items():
                image, truth = degrade(rgb, data)
                for method, decode in methods.items():
                    for group in (kind, "all"):
                        key = (condition, group, method)
                        results.setdefault(key, Score([], []))
                    estimate = decode(image)
                    for group in (kind, "all"):
                        results[(condition, group, method)].add(estimate, truth, cyclic=cyclic)
    return results


def print_accuracy(results, methods: list[str]) -> None:
    groups = ["all", "smooth", "real"]
    print("\nAccuracy of the default call: error in % of (vmax - vmin), mean / p99 over all")
    print("pixels, a hole (NaN) counted as 100 %; proj/base: the projection reference's ratio")
    header = f"{'condition':<15} {'fields':<7}" + "".join(f"{m:>19}" for m in methods)
    header += f"{'tp/base mean':>13}{'tp/base p99':>12}{'tp holes %':>11}{'proj/base':>10}"
    print(header)
    print("-" * len(header))
    for condition in CONDITIONS:
        for group in groups:
            row = f"{condition:<15} {group:<7}"
            stats = {}
            for method in methods:
                score = results.get((condition, group, method))
                mean, p99, _ = score.summary() if score else (np.nan, np.nan, np.nan)
                stats[method] = (mean, p99)
                row += f"{mean:>10.3f} /{p99:>7.3f}"
            tp, base = stats["truepix"], stats["nearest RGB"]
            lost = 100 * np.mean(results[(condition, group, "truepix")].lost)
            row += f"{tp[0] / base[0]:>13.3f}{tp[1] / base[1]:>12.3f}{lost:>11.2f}"
            row += f"{stats['projection'][0] / base[0]:>10.3f}"
            print(row)


def annotated(
    cmap: mpl.colors.Colormap, *, antialias: bool, seed: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """A clean figure-like picture: field, margins, text, lines, bad and cleared pixels.

    Returns the RGBA picture and the mask of its colormap pixels (pixels no overlay
    touched). Overlay colors are ones the map does not have (> 12 DN away).
    """
    from PIL import ImageDraw, ImageFont

    rng = np.random.default_rng(seed)
    height, width = 300, 400
    y, x = np.mgrid[0:height, 0:width]
    data = 0.5 + 0.45 * np.sin(x / 23 + np.cos(y / 31)) * np.cos(y / 19)
    data[rng.random(data.shape) < 0.01] = np.nan
    clean = cmap(data, bytes=True)  # NaN: transparent black, matplotlib's bad color
    tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
    palette = [(255, 255, 255), (0, 0, 0), (128, 128, 128), (200, 30, 120), (40, 160, 60)]
    off_map = [c for c in palette if tree.query(c)[0] > 12]
    canvas = Image.fromarray(clean, "RGBA")
    draw = ImageDraw.Draw(canvas)
    draw.fontmode = "L" if antialias else "1"
    font = ImageFont.load_default(size=14)
    for k in range(20):
        color = (*off_map[k % len(off_map)], 255)
        points = [tuple(p) for p in rng.integers(0, [width, height], (6, 2))]
        draw.line(points, fill=color, width=1 + k % 3)
        draw.text(
            tuple(rng.integers(0, [width - 80, height - 20])), "T = 25.0 K", fill=color, font=font
        )
    picture = np.asarray(canvas).copy()
    picture[:, :24] = (*off_map[0], 255)
    picture[-12:, :] = (*off_map[-1], 255)
    picture[60:90, 300:360, 3] = 0
    is_map = np.all(picture == clean, axis=-1) & ~np.isnan(data)
    return picture, is_map


def flags(maps: list[str]) -> None:
    """Non-colormap pixels set to NaN by the default call, on PNG and JPEG q75.

    "lost": colormap pixels set to NaN. On the JPEG, field pixels next to an
    annotation carry its ringing and smeared chroma; they count as lost too.
    """
    print("\nAnnotated pictures: non-colormap pixels flagged (NaN) / colormap pixels lost, %")
    # (antialiased, JPEG quality or None for PNG, Pillow subsampling: 2 is 4:2:0, 0 4:4:4)
    cases = [(False, None, 2), (True, None, 2), (False, 75, 2), (True, 75, 2), (True, 75, 0)]
    header = f"{'map':<18}" + "".join(
        f"{('antialiased' if aa else 'hard edges') + _jpeg_label(q, sub):>27}"
        for aa, q, sub in cases
    )
    print(header)
    print("-" * len(header))
    for name in maps:
        cmap = colormap(name)
        decoder = Decolorizer(cmap, cyclic=name in CYCLIC, vmin=0.0, vmax=1.0)
        row = f"{name:<18}"
        for antialias, quality, subsampling in cases:
            picture, is_map = annotated(cmap, antialias=antialias)
            if quality:
                rgb = np.ascontiguousarray(picture[..., :3])
                rgb = jpeg(quality, subsampling)(rgb, is_map)[0]
                picture = np.concatenate([rgb, picture[..., 3:]], axis=-1)
            lost = np.isnan(decoder.values(picture))
            row += f"{100 * lost[~is_map].mean():>19.2f} /{100 * lost[is_map].mean():>6.2f}"
        print(row)


def _jpeg_label(quality: int | None, subsampling: int) -> str:
    if quality is None:
        return " PNG"
    return f" JPEG q{quality}" + (" 4:4:4" if subsampling == 0 else "")


def holes(maps: list[str], size: int) -> None:
    """The default call's NaN share on pictures that are all data, per degradation."""
    data_sets = fields(size)
    shares: dict[str, list[tuple[float, str, str]]] = {}
    for map_name in maps:
        cmap = colormap(map_name)
        decoder = Decolorizer(cmap, cyclic=map_name in CYCLIC, vmin=0.0, vmax=1.0)
        for field_name, (kind, data) in data_sets.items():
            rgb = np.ascontiguousarray(cmap(data, bytes=True)[..., :3])
            for condition, degrade in HOLE_CONDITIONS.items():
                share = float(np.isnan(decoder.values(degrade(rgb, data)[0])).mean())
                shares.setdefault(condition, []).append((share, kind, f"{map_name} / {field_name}"))
    print("\nHoles: pixels of all-data pictures the default call sets to NaN, % (goal <= 0.2)")
    header = f"{'picture':<22}{'smooth':>8}{'real':>8}{'all':>8}{'max':>8}  worst"
    print(header)
    print("-" * (len(header) + 20))
    for condition, rows in shares.items():
        values = 100 * np.array([share for share, _, _ in rows])
        by_kind = {
            kind: 100 * np.mean([share for share, k, _ in rows if k == kind])
            for kind in ("smooth", "real")
        }
        worst = max(rows)[2]
        print(
            f"{condition:<22}{by_kind['smooth']:>8.2f}{by_kind['real']:>8.2f}{values.mean():>8.2f}"
            f"{values.max():>8.2f}  {worst}"
        )


def restoration_floor(maps: list[str], size: int) -> None:
    """How much of the error is left to take back, granted an oracle or a better picture.

    * truepix's values -- and, for noise, the per-pixel positions before its filter --
      post-filtered by classic restorers (Gaussian blur, total variation after
      Chambolle, non-local means for noise), each with the parameter that is best for
      that very picture, picked with the truth no decoder has: an optimistic bound on
      what such methods add;
    * for JPEG, the same picture saved at the same quality *without* chroma
      subsampling (4:4:4): full-resolution chroma, which no model of 4:2:0 can give
      back, decoded by truepix (threshold=inf: every pixel answered).

    Ratios are to nearest RGB on the real (4:2:0) picture. Cyclic maps are left out
    (the filters do not wrap).
    """
    from scipy import ndimage
    from skimage.restoration import denoise_nl_means, denoise_tv_chambolle

    conditions = ["JPEG q90", "JPEG q75", "JPEG q50", "noise 2 DN"]
    sums: dict[tuple[str, str], np.ndarray] = {}
    for map_name in maps:
        if map_name in CYCLIC:
            continue
        cmap = colormap(map_name)
        nearest = NearestRGB(cmap)
        decoder = Decolorizer(cmap, threshold=np.inf, vmin=0.0, vmax=1.0)
        per_pixel = Decolorizer(cmap, threshold=np.inf, denoise=False, vmin=0.0, vmax=1.0)
        for _field_name, (kind, data) in fields(size).items():
            rgb = cmap(data, bytes=True)[..., :3]
            for condition in conditions:
                image, truth = CONDITIONS[condition](rgb, data)
                values = decoder.values(image)
                starts = [values]
                if condition.startswith("noise"):
                    starts.append(per_pixel.values(image))
                candidates = list(starts)
                for start in starts:
                    candidates += [ndimage.gaussian_filter(start, s) for s in (0.5, 0.7, 1.0)]
                    candidates += [
                        denoise_tv_chambolle(start, weight=w) for w in (0.001, 0.002, 0.004, 0.008)
                    ]
                if condition.startswith("noise"):
                    sigma = float(np.std(starts[1] - truth))  # the oracle's noise level
                    candidates += [
                        denoise_nl_means(starts[1], h=h * sigma, sigma=sigma, patch_distance=6)
                        for h in (0.6, 0.8, 1.0)
                    ]
                full_chroma = np.nan
                if condition.startswith("JPEG"):
                    quality = int(condition.removeprefix("JPEG q"))
                    better = jpeg(quality, subsampling=0)(rgb, data)[0]
                    full_chroma = np.abs(decoder.values(better) - truth).mean()
                errors = [
                    np.abs(values - truth).mean(),
                    min(np.abs(c - truth).mean() for c in candidates),
                    full_chroma,
                    np.abs(nearest(image) - truth).mean(),
                ]
                for group in (kind, "all"):
                    key = (condition, group)
                    sums[key] = sums.get(key, np.zeros(4)) + np.asarray(errors)
    print("\nRestoration floor (non-cyclic maps): mean error / nearest RGB's, pooled")
    header = (
        f"{'condition':<15} {'fields':<7}{'truepix':>10}{'+ oracle-tuned restorer':>25}"
        f"{'truepix on 4:4:4 JPEG':>23}"
    )
    print(header)
    print("-" * len(header))
    for condition in conditions:
        for group in ("all", "real"):
            tp, best, full_chroma, base = sums[(condition, group)]
            row = f"{condition:<15} {group:<7}{tp / base:>10.3f}{best / base:>25.3f}"
            print(row + (f"{full_chroma / base:>23.3f}" if np.isfinite(full_chroma) else ""))


def speed(size: int, seed_bits: int, unmap_module: types.ModuleType | None) -> None:
    """Megapixels per second on one size x size picture, every method in this run."""
    data = terrain_field(size, np.random.default_rng(3))
    degrade = {"exact PNG": exact, "JPEG q75": jpeg(75), "JPEG q50": jpeg(50), "noise 2 DN": noise}
    peers = Peers(
        colormap=colormap,
        nearest=NearestRGB,
        seed_table=functools.partial(SeedTable, bits=seed_bits),
        seed_label=f"seed LUT {1 << seed_bits}^3",
        unmap=None if unmap_module is None else functools.partial(Unmap, unmap_module),
    )
    photo = np.tile(photo_fields(size // 2)["astronaut"], (2, 2))  # 8-bit texture, dithered
    timed_speed(data, degrade, peers, photo=photo)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--full", action="store_true", help="all maps, 512x512 fields, 256^3 seed table"
    )
    parser.add_argument("--maps", help="comma-separated colormaps (overrides the default list)")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--speed-only", action="store_true", help="only the speed section")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also post-filter with oracle-tuned classic restorers (minutes)",
    )
    args = parser.parse_args(argv)
    # the 10+ maps: perceptual, rainbow-like, cyclic, diverging, gray, vendor
    maps = args.maps.split(",") if args.maps else list(MAPS)
    size = 512 if args.full else 256
    unmap_module, unmap_note = load_unmap()
    if args.speed_only:
        speed(1024, 8 if args.full else 6, unmap_module)
        return
    print(f"unmap 0.1.2: {unmap_note}")
    started = time.perf_counter()
    results = accuracy(maps, size, 8 if args.full else 6, unmap_module)
    methods = ["truepix", "nearest RGB", "projection", "seed LUT"]
    methods += ["unmap 0.1.2"] if unmap_module else []
    print(
        f"maps: {', '.join(maps)}; fields {size}x{size}: smooth, terrain, camera, astronaut, moon"
    )
    print_accuracy(results, methods)
    print(f"(accuracy run: {time.perf_counter() - started:.0f} s)")
    holes(maps, size)
    flags(maps)
    drawn_flags(maps, colormap, CYCLIC)
    if args.floor:
        restoration_floor(maps, size)
    if not args.no_speed:
        speed(1024, 8 if args.full else 6, unmap_module)


if __name__ == "__main__":
    main()
