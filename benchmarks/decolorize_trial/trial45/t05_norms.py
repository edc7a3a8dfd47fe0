"""Deliver 5: norms carry their limits. decolorize(colorize(x, norm=N), norm=N) within a bin for every
matplotlib norm class; also norm passed to decolorize without vmin/vmax on a cmap(norm(x)) picture,
conflicting limits -> error naming both, Decolorizer, CLI vmin default."""
import numpy as np, matplotlib as mpl, truepix as tp, subprocess, tempfile, os
from matplotlib import colors as mc
import _common as c

rng = np.random.default_rng(1)
def bin_err(norm, x, v):
    # error in normalized units vs bin width 1/256 (for BoundaryNorm: half an interval in data)
    with np.errstate(all="ignore"):
        return np.nanmax(np.abs(np.asarray(norm(v)) - np.asarray(norm(x))))

cases = {
    "Normalize(-5, 5)": (mc.Normalize(-5, 5), rng.uniform(-5, 5, (64, 64))),
    "LogNorm(1, 1000)": (mc.LogNorm(1, 1000), 10 ** rng.uniform(0, 3, (64, 64))),
    "SymLogNorm(1, vmin=-100, vmax=100)": (mc.SymLogNorm(1, vmin=-100, vmax=100), rng.uniform(-100, 100, (64, 64))),
    "PowerNorm(0.5, 0, 100)": (mc.PowerNorm(0.5, 0, 100), rng.uniform(0, 100, (64, 64))),
    "TwoSlopeNorm(0, -100, 10)": (mc.TwoSlopeNorm(0, -100, 10), rng.uniform(-100, 10, (64, 64))),
    "CenteredNorm(0, 3)": (mc.CenteredNorm(0, 3), rng.uniform(-3, 3, (64, 64))),
    "AsinhNorm(0.1, -50, 50)": (mc.AsinhNorm(0.1, -50, 50), rng.uniform(-50, 50, (64, 64))),
    "BoundaryNorm([0,1,2,5,10,20], 256)": (mc.BoundaryNorm([0, 1, 2, 5, 10, 20], 256), rng.uniform(0, 20, (64, 64))),
    "BoundaryNorm([0,1,2,5,10,20], 5)": (mc.BoundaryNorm([0, 1, 2, 5, 10, 20], 5), rng.uniform(0, 20, (64, 64))),
    "FuncNorm(sqrt)": (mc.FuncNorm((np.sqrt, np.square), 0, 100), rng.uniform(0, 100, (64, 64))),
    "LogNorm() autoscaled on data": (mc.LogNorm(), 10 ** rng.uniform(-2, 2, (64, 64))),
    "Normalize() autoscaled": (mc.Normalize(), rng.uniform(3, 7, (64, 64))),
}
print(f"{'norm':38}{'route':22}{'max |N(v)-N(x)|*256':>20}{'nan%':>6}  note")
for name, (norm, x) in cases.items():
    for route in ("tp.colorize", "cmap(norm(x)) float", "cmap(norm(x),bytes)"):
        try:
            if route == "tp.colorize":
                pic = tp.colorize(x, cmap="viridis", norm=norm)
            elif route.endswith("float"):
                pic = mpl.colormaps["viridis"](norm(x))
            else:
                pic = mpl.colormaps["viridis"](norm(x), bytes=True)
            v = tp.decolorize(pic, cmap="viridis", norm=norm)
            e = bin_err(norm, x, v) * 256
            note = ""
            if isinstance(norm, mc.BoundaryNorm):
                # want: each value within its interval
                b = np.asarray(norm.boundaries); ix = np.clip(np.searchsorted(b, x, "right") - 1, 0, len(b) - 2)
                iv = np.clip(np.searchsorted(b, v, "right") - 1, 0, len(b) - 2)
                note = f"same interval {np.mean(ix == iv)*100:.1f}%"
            print(f"{name:38}{route:22}{e:20.2f}{np.isnan(v).mean()*100:6.1f}  {note}", flush=True)
        except Exception as ex:
            print(f"{name:38}{route:22}{'ERROR':>20}        {type(ex).__name__}: {str(ex)[:110]}", flush=True)

print("\nconflicting limits")
for kw in (dict(norm=mc.Normalize(0, 10), vmin=0, vmax=20), dict(norm=mc.LogNorm(1, 100), vmin=1, vmax=100), dict(norm="log")):
    try:
        tp.decolorize(np.zeros((4, 4, 3), np.uint8) + [68, 1, 84], cmap="viridis", **kw).ravel()[0]
        print(" ", {k: str(v) for k, v in kw.items()}, "-> no error")
    except Exception as ex:
        print(" ", {k: str(v) for k, v in kw.items()}, "->", type(ex).__name__, str(ex)[:150])
try:
    d = tp.Decolorizer("viridis", norm=mc.TwoSlopeNorm(0, -100, 10))
    print("  Decolorizer(norm=TwoSlopeNorm(0,-100,10)) value of top colour:", d.values(np.array([[[253, 231, 36]]], np.uint8)).ravel())
except Exception as ex:
    print("  Decolorizer TwoSlope:", type(ex).__name__, ex)
print("\nCLI without --vmin/--vmax on a plain PNG (issue: default None, limits from file metadata/norm):")
with tempfile.TemporaryDirectory() as t:
    import matplotlib.pyplot as plt
    plt.imsave(os.path.join(t, "a.png"), rng.random((32, 32)), cmap="viridis")
    r = subprocess.run(["truepix", "decolorize", os.path.join(t, "a.png"), os.path.join(t, "o.npy"), "--cmap", "viridis"], capture_output=True, text=True)
    print("  rc", r.returncode, (r.stdout + r.stderr).strip()[:200])
    tp.save(os.path.join(t, "b.png"), rng.random((32, 32)) * 50, encoding="colormap", cmap="viridis", vmin=0, vmax=50) if True else None
    r = subprocess.run(["truepix", "decolorize", os.path.join(t, "b.png"), os.path.join(t, "o.npy"), "--cmap", "viridis"], capture_output=True, text=True)
    print("  truepix colormap file: rc", r.returncode, (r.stdout + r.stderr).strip()[:200])
print("load", c.loadavg())
