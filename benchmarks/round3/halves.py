"""Exact pictures of maps with channels at k + 0.5 DN, written each way a writer rounds,
decoded with the default call: share of pixels in their own bin, MAE ratio to the
nearest-color k-d tree (the same table), integer counts with ``step=1`` exact.
``PYTHONPATH=src python benchmarks/round3/halves.py [--maps jet,bone]``"""
import argparse
import sys
import time

import matplotlib as mpl
import numpy as np
from scipy.spatial import cKDTree
from skimage.util import img_as_ubyte

sys.path.insert(0, "/work/main/benchmarks")
from _conditions import terrain_field  # noqa: E402

import truepix as tp  # noqa: E402

MAPS = "jet,winter,summer,rainbow,afmhot,gist_heat,ocean,terrain,bone,seismic,CMRmap,viridis"


def writers():
    import cv2

    return {
        "bytes=True": lambda f, c: c(f, bytes=True),
        "np.round": lambda f, c: np.round(c(f) * 255).astype(np.uint8),
        "img_as_ubyte": lambda f, c: img_as_ubyte(c(f)),
        "convertScaleAbs": lambda f, c: cv2.convertScaleAbs(c(f), alpha=255),
    }


def mixed(maps, size):
    """Pictures of two kinds side by side: which table wins, the other half pays."""
    field = terrain_field(size, np.random.default_rng(5))
    bins = np.clip(np.floor(field * 256), 0, 255)
    pairs = {"trunc|round": ("bytes=True", "np.round"),
             "halfup|round": ("half-up", "np.round"),
             "round|halfup 3:1": ("np.round", "half-up")}
    made = dict(writers(), **{"half-up": lambda f, c: (c(f) * 255 + 0.5).astype(np.uint8)})
    print(f"\n{'map':10} {'mixed':16} {'in-bin':>7} {'x k-d':>6} {'NaN':>6}")
    for name in maps:
        cmap = mpl.colormaps[name]
        lut = (cmap((np.arange(256) + 0.5) / 256) * 255)[:, :3]
        for label, (a, b) in pairs.items():
            cut = size * 3 // 4 if "3:1" in label else size // 2
            pic = np.concatenate([made[a](field[:, :cut], cmap), made[b](field[:, cut:], cmap)],
                                 axis=1)[..., :3]
            got = tp.decolorize(pic, cmap=name, vmin=0, vmax=1)
            nearest = cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[1]
            kd = ((nearest + 0.5) / 256).reshape(field.shape)
            inbin = np.mean(np.floor(np.nan_to_num(got, nan=-1) * 256) == bins)
            err = np.where(np.isnan(got), 1.0, np.abs(got - field))
            ratio = err.mean() / np.abs(kd - field).mean()
            print(f"{name:10} {label:16} {inbin:7.2%} {ratio:6.3f} {np.isnan(got).mean():6.2%}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--maps", default=MAPS)
    ap.add_argument("--size", type=int, default=384)
    o = ap.parse_args()
    field = terrain_field(o.size, np.random.default_rng(3))
    counts = np.random.default_rng(4).integers(0, 256, (o.size // 2, o.size // 2))
    print(f"{'map':10} {'writer':16} {'in-bin':>7} {'x k-d':>6} {'step=1':>7} {'ms':>6} {'NaN':>6}")
    for name in o.maps.split(","):
        cmap = mpl.colormaps[name]
        lut = (cmap(np.arange(256) / 255.0 * (255 / 256) + 0.5 / 256) * 255)[:, :3]
        bins = np.clip(np.floor(field * 256), 0, 255)
        for wname, write in writers().items():
            pic = write(field, cmap)[..., :3]
            t = time.process_time()
            got = tp.decolorize(pic, cmap=name, vmin=0, vmax=1)
            ms = (time.process_time() - t) * 1000
            nearest = cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[1]
            kd = ((nearest + 0.5) / 256).reshape(field.shape)
            inbin = np.mean(np.floor(np.nan_to_num(got, nan=-1) * 256) == bins)
            err = np.where(np.isnan(got), 1.0, np.abs(got - field))
            ratio = err.mean() / np.abs(kd - field).mean()
            cpic = write(counts / 255.0, cmap)[..., :3]  # Normalize(0, 255)
            back = tp.decolorize(cpic, cmap=name, vmin=0, vmax=255, step=1)
            exact = np.mean(back == counts)
            print(f"{name:10} {wname:16} {inbin:7.2%} {ratio:6.3f} {exact:7.2%} {ms:6.0f}"
                  f" {np.isnan(got).mean():6.2%}")
    mixed(o.maps.split(","), o.size)


if __name__ == "__main__":
    main()
