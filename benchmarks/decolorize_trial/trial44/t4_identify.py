"""(4) identify_colormap on ../shared/real_figures (whole file as the user has it, and its JPEG q75), and on
plt.imsave pictures of 15 common maps (forward and _r) JPEG'd q75 (Pillow 4:2:0): right name? direction?"""
import glob, io, os, sys, time
import numpy as np
from PIL import Image
from common import *
import truepix as tp

def top(p, k=3):
    t = time.perf_counter()
    try:
        m = tp.identify_colormap(p, top=k)
    except Exception as e:
        return f"ERROR {type(e).__name__}: {str(e)[:120]}", time.perf_counter() - t
    return ", ".join(f"{x.name}{'_r' if x.reversed else ''}({x.score:.2f}{'' if x.direction_known else ',dir?'})" for x in m), time.perf_counter() - t

part = sys.argv[1] if len(sys.argv) > 1 else "both"
if part in ("real", "both"):
    print("== real figures: whole picture (RGB) | JPEG q75 | via find_colorbar")
    for p in sorted(glob.glob("/work/shared/real_figures/*.png")):
        a = np.asarray(Image.open(p).convert("RGB"))
        s1, t1 = top(a); s2, t2 = top(jpeg(a, 75))
        try:
            bar = tp.find_colorbar(a); s3 = top(bar)[0] if bar is not None else "no colorbar"
        except Exception as e:
            s3 = f"ERROR {type(e).__name__}: {str(e)[:80]}"
        print(f"{os.path.basename(p):38s} {a.shape[1]}x{a.shape[0]} t={t1:4.1f}s\n    png : {s1}\n    q75 : {s2}\n    bar : {s3}", flush=True)

if part in ("maps", "both"):
    print("\n== 15 maps, camera 256^2 plt.imsave -> JPEG q75; top-1 right? (name, and the direction)")
    f = fields(256)["camera"]
    maps = ["viridis", "plasma", "inferno", "magma", "cividis", "jet", "turbo", "rainbow", "gray", "hot",
            "coolwarm", "RdBu_r", "Spectral", "seismic", "YlGnBu"]
    for cm in maps:
        for c in (cm, cm + "_r" if not cm.endswith("_r") else cm[:-2]):
            b = io.BytesIO(); plt.imsave(b, f, cmap=c, format="png")
            a = np.asarray(Image.open(b).convert("RGB"))
            s, t = top(jpeg(a, 75))
            m = tp.identify_colormap(jpeg(a, 75), top=1)[0]
            ok = m.name.lower().replace("_r", "") == cm.lower().replace("_r", "") or cm.lower().replace("_r", "") in [x.lower() for x in m.aliases]
            print(f"{c:12s} top1={'OK ' if ok else 'BAD'} {s}  t={t:.2f}s", flush=True)
