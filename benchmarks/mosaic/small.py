"""The test's mosaic: 4x4 tiles of 256^2 (smooth bumps, ramps, waves and a textured field), viridis, Pillow q75:
holes of the whole vs each tile alone. usage: python small.py [tile] [grid]"""
import io, sys, time, numpy as np, matplotlib as mpl
from PIL import Image
import truepix as tp

def tile(kind, n, seed):
    rng = np.random.default_rng(seed); y, x = np.mgrid[0:n, 0:n] / n
    if kind == "texture":  # a rough field: noise smoothed a little, like terrain or a photograph
        f = rng.normal(size=(n // 4, n // 4)); f = np.kron(f, np.ones((4, 4)))
        f = f + 0.5 * rng.normal(size=(n, n))
    elif kind == "ramp": f = x + y * rng.uniform(0.2, 1)
    elif kind == "waves": f = np.sin(rng.uniform(3, 8) * x) * np.cos(rng.uniform(2, 6) * y) + 0.3 * x
    else:
        f = np.zeros((n, n))
        for _ in range(6):
            cx, cy, s, a = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
            f += a * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    return (f - f.min()) / (f.max() - f.min())

def mosaic(n=256, g=4):
    kinds = ["texture", "bumps", "ramp", "waves"]
    return np.block([[tile(kinds[(i * g + j) % 4] if (i + j) % 3 else "bumps", n, i * g + j) for j in range(g)] for i in range(g)])

def jpeg(rgb, q=75):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q); return np.asarray(Image.open(b).convert("RGB"))

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 256; g = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    truth = mosaic(n, g); pic = jpeg(mpl.colormaps["viridis"](truth, bytes=True)[..., :3])
    tp.decolorize(pic[:64, :64], cmap="viridis", vmin=0, vmax=1)
    t0 = time.process_time(); v = tp.decolorize(pic, cmap="viridis", vmin=0, vmax=1); dt = time.process_time() - t0
    alone = np.block([[tp.decolorize(np.ascontiguousarray(pic[i*n:(i+1)*n, j*n:(j+1)*n]), cmap="viridis", vmin=0, vmax=1)
                       for j in range(g)] for i in range(g)])
    both = np.isfinite(v) & np.isfinite(alone)
    print(f"{g}x{g} of {n}^2: holes {100*np.isnan(v).mean():.3f}% (tiles alone {100*np.isnan(alone).mean():.3f}%) "
          f"MAE {100*np.abs(v-truth)[both].mean():.3f}% alone {100*np.abs(alone-truth)[both].mean():.3f}% cpu {dt:.2f}s")
