"""Field pixels of an annotated JPEG (viridis fBm terrain at 1:1, black contour lines, savefig JPEG
q75 4:2:0): the default call's error on the field pixels it answers is worse than a plain nearest-
color k-d tree on the same pixels. Also prints the same picture without the lines (control).
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/repro_annot_jpeg_worse_kd.py [maps]"""
import sys, warnings
import numpy as np
from scipy.spatial import cKDTree
sys.argv += [] if len(sys.argv) > 1 else ["viridis,jet,twilight"]
exec(open(__file__.replace("_worse_kd", "")).read().split("for cm in")[0])   # f, render() from repro_annot_jpeg.py
for cm in sys.argv[1].split(","):
    tab = plt.get_cmap(cm)(np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    ann = np.abs(render(cm, True, "png").astype(int) - render(cm, False, "png")).max(-1) > 10
    near = ~ann & (np.abs(np.asarray(__import__("scipy.ndimage", fromlist=["x"]).binary_dilation(ann, iterations=3), int)) > 0)
    for lines in (True, False):
        pic = render(cm, lines, "jpg")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = tp.Decolorizer(cm, vmin=0, vmax=1).decode(pic)
        v = r.values
        kd = (cKDTree(tab).query(pic.reshape(-1, 3).astype(float))[1].reshape(f.shape) + 0.5) / 256
        m = ~ann & ~np.isnan(v)
        for nm, mm in (("all field", m), ("field within 3 px of a line", m & near), ("field farther", m & ~near)):
            print(f"{cm:8s} lines={lines!s:5s} jpeg={bool(r.jpeg)!s:5s} {nm:28s}: truepix {100*np.abs(v-f)[mm].mean():.3f} %, "
                  f"k-d tree {100*np.abs(kd-f)[mm].mean():.3f} %, ratio {np.abs(v-f)[mm].mean()/np.abs(kd-f)[mm].mean():.2f}")
