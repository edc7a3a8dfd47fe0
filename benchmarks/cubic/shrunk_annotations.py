"""Annotated figure (benchmarks/colormaps.py), antialiased, shrunk 0.5x by OpenCV cubic /
area / Lanczos4: ink pixels flagged and data pixels lost, %. python shrunk_annotations.py MAPS"""
import os, sys, warnings, numpy as np, cv2
warnings.simplefilter("ignore")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import matplotlib as mpl
import truepix as tp
from colormaps import annotated
from scipy.ndimage import binary_dilation
for m in sys.argv[1].split(","):
    pic, is_map = annotated(mpl.colormaps[m], antialias=True)
    rgb = np.ascontiguousarray(pic[..., :3])
    alpha_ok = pic[..., 3] == 255
    for name, it in (("cubic", cv2.INTER_CUBIC), ("area", cv2.INTER_AREA), ("lanczos4", cv2.INTER_LANCZOS4)):
        small = cv2.resize(rgb, (200, 150), interpolation=it)
        off = (~is_map).astype(np.uint8)
        # shrunk pixel whose 6x6 source support is all map / all-annotation-touched
        near_off = binary_dilation(~is_map, iterations=2)
        pure_map = ~cv2.resize(near_off.astype(np.uint8), (200, 150), interpolation=cv2.INTER_AREA).astype(bool) 
        frac_off = cv2.resize((~is_map).astype(np.float32), (200, 150), interpolation=cv2.INTER_AREA)
        ink = frac_off >= 0.5
        v = np.isnan(tp.decolorize(small, cmap=m, vmin=0, vmax=1))
        print(f"{m:8} {name:9} ink(>=half) flagged {v[ink].mean()*100:6.2f}%  data(no ink within 2px) lost {v[pure_map].mean()*100:6.2f}%")
