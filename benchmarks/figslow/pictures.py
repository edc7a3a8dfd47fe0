"""Write the slow figure pictures to DIR/*.npz (picture, cmap, vmin, vmax) for ``timing.py``.

Usage: ``python benchmarks/figslow/pictures.py DIR``

- figt_{viridis,jet}_{plain,box}: /tmp/lead/figt.py's 600x800 imshow figure (terrain 256^2,
  colorbar, title), savefig JPEG; "box": a white Rectangle at alpha 0.5 over the data.
- geo_rdbu_png200: trial 49 t78 (d)'s 1600x900 PNG (dem, RdBu_r, horizontal colorbar, dpi 200).
- mosaic4096: trial 49 t75's 4096^2 mosaic of 16 viridis tiles, Pillow q75.
"""
import io
import os
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "decolorize_trial" / "trial45"))
import _common as c  # noqa: E402
from _conditions import terrain_field  # noqa: E402


def _read(buffer):
    return np.ascontiguousarray(np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")))


def figt(name, box):
    f = terrain_field(256, np.random.default_rng(3))
    fg, ax = plt.subplots(figsize=(8, 6), dpi=100)
    im = ax.imshow(f, cmap=name)
    fg.colorbar(im)
    ax.set_title("terrain")
    if box:
        ax.add_patch(plt.Rectangle((40, 40), 80, 60, color="white", alpha=0.5))
    b = io.BytesIO()
    fg.savefig(b, format="jpg")
    plt.close(fg)
    return _read(b), name, float(f.min()), float(f.max())


def geo():
    dem = c.real_fields(512)["dem_jacksboro"]
    fg, ax = plt.subplots(figsize=(8, 4.5))
    art = ax.imshow(1e3 + 4.9e4 * dem, origin="lower", extent=(-180, 180, -90, 90),
                    aspect="auto", cmap="RdBu_r", vmin=1e3, vmax=5e4)
    fg.colorbar(art, ax=ax, orientation="horizontal", shrink=0.6,
                ticks=[2e3, 1e4, 2e4, 3e4, 4e4], format="%.0e")
    b = io.BytesIO()
    fg.savefig(b, format="png", dpi=200)
    plt.close(fg)
    return _read(b), "RdBu_r", 1e3, 5e4


def mosaic():
    import cv2
    import matplotlib as mpl
    rf = c.real_fields(1024)
    sf = c.smooth_fields(1024)
    keys = ("dem_jacksboro", "camera", "moon", "brick", "grace_hopper", "motorcycle_disp")
    tiles = [c.crop(rf[k], 1024) for k in keys]
    tiles = [t if t.shape == (1024, 1024) else
             cv2.resize(t.astype(np.float32), (1024, 1024)).astype(np.float64) for t in tiles]
    tiles += [sf[k] for k in ("bumps", "ramp_diag", "waves")]
    for s in range(7):
        tiles.append(c.smooth_fields(1024, seed=s + 1)["bumps"])
    truth = np.block([[tiles[4 * i + j] for j in range(4)] for i in range(4)])
    return c.jpeg(mpl.colormaps["viridis"](truth, bytes=True)[..., :3], 75), "viridis", 0.0, 1.0


def main(out):
    os.makedirs(out, exist_ok=True)
    made = {f"figt_{m}_{'box' if b else 'plain'}": figt(m, b)
            for m in ("viridis", "jet") for b in (False, True)}
    made["geo_rdbu_png200"] = geo()
    made["mosaic4096"] = mosaic()
    for key, (pic, cmap, lo, hi) in made.items():
        np.savez(os.path.join(out, key + ".npz"), pic=pic, cmap=cmap, vmin=lo, vmax=hi)
        print(key, pic.shape, cmap, lo, hi)


if __name__ == "__main__":
    main(sys.argv[1])
