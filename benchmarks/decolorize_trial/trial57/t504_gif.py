"""t503 part (b) alone (t503 ran out of its 600 s at load 10-14 before it): the stop-60 GIF claim. t200 M's "3-frame" GIF
(FuncAnimation of identical frames) -- how many frames Pillow keeps -- and a GIF of 3 distinct frames (Pillow save_all)."""
import os, tempfile
from _p10 import *  # noqa
from _p10 import header, call, wshort, fbm
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp
from PIL import Image


def gif_frames() -> None:
    """Part (b): the GIFs, decoded by name, frame by frame."""
    td = tempfile.mkdtemp(); f = fbm(256, seed=57)[:96, :128]; f = (f - f.min()) / (f.max() - f.min())
    fg, ax = plt.subplots(); im = ax.imshow(f, cmap="viridis")
    from matplotlib.animation import FuncAnimation, PillowWriter
    g1 = os.path.join(td, "same.gif"); FuncAnimation(fg, lambda k: (im,), frames=3).save(g1, writer=PillowWriter(fps=2), dpi=40); plt.close(fg)
    frames = [Image.fromarray(mpl.colormaps["viridis"](np.roll(f, 20 * k, axis=1), bytes=True)[..., :3]) for k in range(3)]
    g2 = os.path.join(td, "three.gif"); frames[0].save(g2, save_all=True, append_images=frames[1:], duration=200, loop=0)
    for lab, g in (("t200 M's FuncAnimation GIF (3 identical frames)", g1), ("3 distinct frames, Pillow save_all", g2)):
        im0 = Image.open(g); n = getattr(im0, "n_frames", 1)
        v, err, ws = call(lambda: tp.decolorize(Image.open(g), cmap="viridis", vmin=0.0, vmax=1.0))
        print(f"GIF {lab}: n_frames {n}; decolorize -> {np.asarray(v).shape if v is not None else err} | {wshort(ws, 150)}", flush=True)
        if v is not None and n == 3 and np.asarray(v).ndim == 3:
            for k in range(3):
                t = np.roll(f, 20 * k, axis=1); vv = np.asarray(v)[k]
                print(f"  frame {k}: MAE {100*np.nanmean(np.abs(vv - t)):.2f} % NaN {100*np.isnan(vv).mean():.2f} %", flush=True)


if __name__ == "__main__":
    header(__doc__.splitlines()[0])
    gif_frames()
