"""Part 2: the CLI on files (`truepix --help` lists decolorize, identify, read-figure): an imshow+colorbar figure saved as
PNG and JPEG q75, a bare cmap picture (plt.imsave PNG, Pillow JPEG q75); then bad files: empty, text named .png,
truncated JPEG, a missing path, a folder with one good and one bad file, an unknown map, no limits. Exit codes, the
outputs, what stdout/stderr say (first 300 chars)."""
import os, io, subprocess, tempfile, time, numpy as np, matplotlib.pyplot as plt
from PIL import Image
from _p6 import c, header, fbm

header(__doc__.splitlines()[0])
TP = "/work/main/.venv/bin/truepix"
d = tempfile.mkdtemp(); f = fbm(256)
fg, ax = plt.subplots(); art = ax.imshow(f * 30, cmap="viridis", vmin=0, vmax=30); fg.colorbar(art, ax=ax, label="depth [m]")
fg.savefig(os.path.join(d, "fig.png"), dpi=100); fg.savefig(os.path.join(d, "fig.jpg"), dpi=100, pil_kwargs={"quality": 75}); plt.close(fg)
plt.imsave(os.path.join(d, "bare.png"), f, cmap="jet", vmin=0, vmax=1)
Image.fromarray(c.render(f, "jet")).save(os.path.join(d, "bare.jpg"), quality=75)
open(os.path.join(d, "empty.png"), "wb").close()
open(os.path.join(d, "text.png"), "w").write("hello, not a picture\n")
raw = open(os.path.join(d, "bare.jpg"), "rb").read(); open(os.path.join(d, "trunc.jpg"), "wb").write(raw[: len(raw) // 3])
os.makedirs(os.path.join(d, "folder")); Image.fromarray(c.render(f, "jet")).save(os.path.join(d, "folder", "good.png"))
open(os.path.join(d, "folder", "bad.png"), "w").write("junk")


def run(*args):
    t0 = time.time(); r = subprocess.run([TP, *args], capture_output=True, text=True, cwd=d); dt = time.time() - t0
    print(f"$ truepix {' '.join(args)}\n  rc {r.returncode} ({dt:.1f}s wall) stdout {r.stdout.strip()[:300]!r}\n  stderr {r.stderr.strip()[-300:]!r}", flush=True)
    return r


run("decolorize", "bare.png", "bare_png.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
if os.path.exists(os.path.join(d, "bare_png.npy")):
    v = np.load(os.path.join(d, "bare_png.npy")); print(f"  -> {v.shape} {v.dtype} NaN {100*np.isnan(v).mean():.3f}% MAE vs field {100*np.nanmean(np.abs(v - f)):.3f}%")
run("decolorize", "bare.jpg", "bare_jpg.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
if os.path.exists(os.path.join(d, "bare_jpg.npy")):
    v = np.load(os.path.join(d, "bare_jpg.npy")); print(f"  -> {v.shape} NaN {100*np.isnan(v).mean():.3f}% MAE vs field {100*np.nanmean(np.abs(v - f)):.3f}%")
run("decolorize", "fig.jpg", "fig_jpg.npy", "--colorbar", "auto")
if os.path.exists(os.path.join(d, "fig_jpg.npy")):
    v = np.load(os.path.join(d, "fig_jpg.npy")); print(f"  -> {v.shape} finite range {np.nanmin(v):.3f}..{np.nanmax(v):.3f} NaN {100*np.isnan(v).mean():.1f}%")
run("decolorize", "fig.png", "fig_png.npy", "--cmap", "viridis", "--vmin", "0", "--vmax", "30")
run("identify", "bare.jpg"); run("identify", "fig.jpg", "--top", "3", "--json"); run("identify", "bare.png")
run("read-figure", "fig.png", "-o", "fig.csv"); run("read-figure", "fig.jpg", "-o", "fig.nc", "--report", "rep.png")
if os.path.exists(os.path.join(d, "fig.nc")):
    import xarray as xr; ds = xr.open_dataarray(os.path.join(d, "fig.nc")); print(f"  -> fig.nc {ds.shape} attrs {dict(list(ds.attrs.items())[:6])}")
print("\n# bad inputs")
run("decolorize", "empty.png", "o.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
run("decolorize", "text.png", "o.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
run("decolorize", "trunc.jpg", "o.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
run("decolorize", "missing.png", "o.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
run("decolorize", "folder", "--cmap", "jet", "--vmin", "0", "--vmax", "1")
print("  folder now:", sorted(os.listdir(os.path.join(d, "folder"))))
run("decolorize", "bare.png", "o.npy", "--cmap", "jte", "--vmin", "0", "--vmax", "1")
run("decolorize", "bare.png", "o.npy", "--cmap", "jet")
run("decolorize", "bare.png", "o.npy", "--cmap", "jet", "--vmin", "1", "--vmax", "0")
run("identify", "empty.png"); run("identify", "text.png"); run("identify", "trunc.jpg"); run("identify", "missing.png")
run("read-figure", "text.png"); run("read-figure", "trunc.jpg"); run("read-figure", "bare.jpg")
