"""identify_colormap on JPEG'd / resized pictures of many maps (including ties and reverses), the CLI,
read_figure on saved figures, dask.  python t5_identify_cli.py [--no-figure]"""
import io, os, sys, subprocess, tempfile, time, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
from common import fields, jpeg, imsave_png, pil_rgb

warnings.simplefilter("ignore")
F = fields(128)
print("== identify_colormap (default call), plt.imsave of real fields, PNG / JPEG q75 / bilinear 0.5x")
MAPS = ["viridis", "jet", "turbo", "magma", "inferno", "plasma", "cividis", "gray", "RdBu_r", "coolwarm", "Spectral",
        "twilight", "hot", "bone", "YlOrRd", "Blues", "gray_r", "viridis_r", "seismic", "terrain", "gist_earth", "hsv", "tab10"]
wrong = 0; tot = 0
for cm in MAPS:
    for fname in ["camera", "terrain"]:
        x = F[fname]; rgb = pil_rgb(imsave_png(x, cm, x.min(), x.max()))
        for cond, p in [("png", rgb), ("q75", jpeg(rgb, 75, 2)), ("half", np.asarray(Image.fromarray(rgb).resize((64, 64), Image.BILINEAR)))]:
            t = time.time(); m = tp.identify_colormap(p); dt = time.time() - t
            tot += 1
            top = m[0]
            nm = top.name.split(":")[-1] if top.name.startswith("matplotlib:") else top.name
            okk = (nm == cm and not top.reversed) or (top.reversed and (nm + "_r" == cm or nm == cm + "_r"))
            if not okk:
                wrong += 1
                print(f"   {cm:10s} {fname:8s} {cond:5s} -> {[(c.name, 'rev' if c.reversed else 'fwd', c.direction_known, round(c.score, 3)) for c in m[:3]]}  {dt:.1f}s")
print(f"   wrong top-1: {wrong}/{tot};  ColormapMatch fields: {list(getattr(m[0], '_fields', vars(m[0]) if hasattr(m[0], '__dict__') else []))}")

print("== CLI")
d = tempfile.mkdtemp()
x = F["terrain"]
plt.imsave(f"{d}/t.png", x, cmap="jet", vmin=200, vmax=4000)
Image.open(f"{d}/t.png").convert("RGB").save(f"{d}/t.jpg", quality=75)
np.save(f"{d}/x.npy", x)
for cmd in [f"truepix decolorize {d}/t.png {d}/o.npy --cmap jet --vmin 200 --vmax 4000",
            f"truepix decolorize {d}/t.jpg {d}/o2.npy --cmap jet --vmin 200 --vmax 4000",
            f"truepix decolorize {d}/t.jpg {d}/o3.npy --cmap jet",
            f"truepix decolorize {d}/t.jpg {d}/o4.npy --cmap jett --vmin 0 --vmax 1",
            f"truepix decolorize {d}/t.jpg {d}/o5.npy --cmap jet --vmin 5 --vmax 1",
            f"truepix decolorize {d}/missing.png {d}/o6.npy --cmap jet --vmin 0 --vmax 1",
            f"truepix identify {d}/t.jpg --top 3"]:
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=170)
    print(f"   $ {cmd.replace(d, 'D')}\n     rc={r.returncode} out={r.stdout.strip()[:200]!r} err={r.stderr.strip()[:300]!r}")
for o in ["o.npy", "o2.npy"]:
    if os.path.exists(f"{d}/{o}"):
        v = np.load(f"{d}/{o}"); print(f"   {o}: NaN {100*np.isnan(v).mean():.2f}%  mean err {np.nanmean(np.abs(v-x))/3800*100:.3f}%")

print("== dask: decolorize of a dask array (mosaic of tiles)")
try:
    import dask.array as da
    x = F["terrain"]; rgb = pil_rgb(imsave_png(np.tile(x, (2, 2)), "viridis", x.min(), x.max()))
    darr = da.from_array(rgb, chunks=(128, 128, 3))
    v = tp.decolorize(darr, cmap="viridis", vmin=x.min(), vmax=x.max())
    print("   type", type(v).__name__, "computed NaN", np.isnan(v.compute()).mean(), " matches numpy:",
          np.allclose(v.compute(), tp.decolorize(rgb, cmap="viridis", vmin=x.min(), vmax=x.max()), equal_nan=True))
except Exception as ex:
    print("   dask", type(ex).__name__, ex)

if "--no-figure" not in sys.argv:
    print("== read_figure on a saved imshow figure with colorbar (PNG, JPEG q75)")
    dd = F["terrain"][::8, ::8]
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    im = ax.pcolormesh(dd, cmap="viridis", vmin=0, vmax=4000); fig.colorbar(im, label="height [m]")
    b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
    for name, blob in [("png", b.getvalue())]:
        t = time.time()
        try:
            rd = tp.read_figure(blob)
            p = rd.panels[0]; a = p.data
            print(f"   {name}: {time.time()-t:.1f}s panels={len(rd.panels)} shape={a.shape} attrs vmin/vmax={a.attrs.get('vmin')}/{a.attrs.get('vmax')} cmap={a.attrs.get('cmap')}")
            if a.shape == dd.shape:
                e = np.abs(np.asarray(a)[::-1] - dd) if False else None
                e1 = np.nanmax(np.abs(np.asarray(a) - dd)); e2 = np.nanmax(np.abs(np.asarray(a)[::-1] - dd))
                print(f"      max err vs truth (either row order) {min(e1, e2):.1f} m  (bin {4000/256:.1f})")
        except Exception as ex:
            print(f"   {name}: {type(ex).__name__} {str(ex)[:200]}")
