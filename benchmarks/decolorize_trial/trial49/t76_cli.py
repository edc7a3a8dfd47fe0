"""Part 2: the CLI as a user calls it. `truepix decolorize` on an all-data PNG and a JPEG q75 (viridis camera, 0..100),
and on a whole JPEG'd figure; with --cmap + limits, without --cmap (what it says), with --colorbar auto; output .npy,
.png, .tif, .csv (what it does); values vs the Python call; error messages on a wrong path, a wrong map name, a
missing --vmax, a text file as input. CPU of each command (rusage of the child)."""
import io, os, subprocess, tempfile, resource, numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p4 import c, header, score

header(__doc__.splitlines()[0])
tmp = tempfile.mkdtemp(); os.chdir(tmp)
f = c.crop(c.real_fields(512)["camera"], 512)
ex = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
Image.fromarray(ex).save("pic.png"); Image.fromarray(ex).save("pic.jpg", quality=75)
fg, ax = plt.subplots(); art = ax.imshow(100 * f, cmap="jet", vmin=0, vmax=100); fg.colorbar(art); fg.savefig("fig.jpg", pil_kwargs={"quality": 75}); plt.close(fg)
open("notes.txt", "w").write("hello\n")
def run(args):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(["truepix"] + args, capture_output=True, text=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    out = (p.stdout.strip() + " || " + p.stderr.strip()).strip(" |")
    lines = len([l for l in (p.stdout + p.stderr).splitlines() if l.strip()])
    print(f"$ truepix {' '.join(args)}\n    rc {p.returncode}  CPU {cpu:.2f} s  lines {lines}: {out[:400]}", flush=True)
    return p
for inp in ("pic.png", "pic.jpg"):
    for outn in ("o.npy", "o.png", "o.tif", "o.csv", "o.nc"):
        run(["decolorize", inp, outn, "--cmap", "viridis", "--vmin", "0", "--vmax", "100"])
        if os.path.exists(outn) and outn == "o.npy":
            v = np.load(outn); vp = tp.decolorize(np.asarray(Image.open(inp).convert("RGB")), cmap="viridis", vmin=0, vmax=100)
            same = np.array_equal(v, vp, equal_nan=True)
            mt, _, ht = score(v / 100, f); print(f"    -> {v.dtype} {v.shape} same as Python call: {same}; holes {100*ht:.3f}% MAE {100*mt:.3f}%")
        elif os.path.exists(outn) and outn in ("o.png", "o.tif"):
            try:
                back = tp.load(outn); print(f"    -> tp.load: {back.dtype} {back.shape} equal to o.npy: {np.array_equal(back, np.load('o.npy'), equal_nan=True) if os.path.exists('o.npy') else '?'}")
            except Exception as e: print(f"    -> tp.load error {type(e).__name__}: {e}")
        for x in ("o.png", "o.tif", "o.csv", "o.nc"):
            if os.path.exists(x): os.remove(x)
    run(["decolorize", inp, "o2.npy"])
    run(["decolorize", inp, "o2.npy", "--vmin", "0", "--vmax", "100"])
    run(["decolorize", inp, "o2.npy", "--cmap", "viridis"])
run(["decolorize", "fig.jpg", "f.npy", "--cmap", "jet", "--vmin", "0", "--vmax", "100"])
if os.path.exists("f.npy"): v = np.load("f.npy"); print(f"    -> NaN {100*np.isnan(v).mean():.1f}% of the figure")
run(["decolorize", "fig.jpg", "f2.npy", "--colorbar", "auto", "--vmin", "0", "--vmax", "100"])
if os.path.exists("f2.npy") and os.path.exists("f.npy"): print(f"    -> same as --cmap jet: {np.array_equal(np.load('f2.npy'), np.load('f.npy'), equal_nan=True)}; max|diff| {np.nanmax(np.abs(np.load('f2.npy')-np.load('f.npy'))):.3f}")
run(["decolorize", "fig.jpg", "f3.npy", "--colorbar", "auto"])
run(["identify", "pic.jpg", "--top", "3"])
print("\n# errors")
run(["decolorize", "nosuch.png", "o.npy", "--cmap", "viridis", "--vmin", "0", "--vmax", "1"])
run(["decolorize", "pic.png", "o.npy", "--cmap", "viridiss", "--vmin", "0", "--vmax", "1"])
run(["decolorize", "pic.png", "o.npy", "--cmap", "Viridis", "--vmin", "0", "--vmax", "1"])
run(["decolorize", "pic.png", "o.npy", "--cmap", "matlab:parula", "--vmin", "1", "--vmax", "0"])
run(["decolorize", "pic.png", "o.npy", "--cmap", "viridis", "--vmin", "0"])
run(["decolorize", "notes.txt", "o.npy", "--cmap", "viridis", "--vmin", "0", "--vmax", "1"])
run(["decolorize", "pic.png", "o.xyz", "--cmap", "viridis", "--vmin", "0", "--vmax", "1"])
run(["decolorize", "pic.png", "nodir/o.npy", "--cmap", "viridis", "--vmin", "0", "--vmax", "1"])
run(["decolorize", "pic.png", "o.npy", "--cmap", "viridis", "--vmin", "0", "--vmax", "1", "--norm", "log"])
run(["decolorize", "pic.png", "o.npy", "--cmap", "viridis", "--vmin", "abc", "--vmax", "1"])
