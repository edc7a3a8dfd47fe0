"""Part 2: alpha-blended overlays over an all-data imshow (4x3 in, dpi 100): a white box alpha 0.5, black scatter
alpha 0.3, axvspan gray alpha 0.3, text in a white bbox alpha 0.6, red fill_between alpha 0.25, a hatched patch.
Overlay pixels (changed > 10 DN vs the same figure without it) should come back NaN or, if answered, not be
silently wrong: share flagged, share answered with error > 5 % of the range ('silently wrong'), and holes on the
pixels >= 3 px from any change. PNG and JPEG q75.

``python t23_overlays.py [MAPS [OVERLAYS [FORMATS]]]``: comma-separated maps, overlays and formats
(png, jpeg75) in place of the defaults below."""
import warnings, numpy as np, truepix as tp, cv2
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
from scipy.ndimage import binary_dilation
import sys
import _fig as F, _common as c

MAPS = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "coolwarm", "magma"]
OVERLAYS = ["whitebox_a0.5", "scatter_k_a0.3", "axvspan_gray_a0.3", "text_bbox_a0.6", "fill_red_a0.25", "hatch"]
OVERLAYS = sys.argv[2].split(",") if len(sys.argv) > 2 else OVERLAYS
FORMATS = sys.argv[3].split(",") if len(sys.argv) > 3 else ["png", "jpeg75"]

dem = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (260, 200), interpolation=cv2.INTER_AREA).astype(np.float64)
fields = {"smooth": F.smooth(200, 260), "dem": dem}

def draw(f, m, ov):
    fg = plt.figure(figsize=(4, 3), dpi=100); ax = fg.add_axes([0.05, 0.05, 0.9, 0.9]); ax.set_axis_off()
    art = ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if ov == "whitebox_a0.5": ax.add_patch(Rectangle((30, 30), 90, 60, facecolor="white", alpha=0.5))
    elif ov == "scatter_k_a0.3": rng = np.random.default_rng(0); ax.scatter(rng.uniform(0, 259, 60), rng.uniform(0, 199, 60), s=40, c="k", alpha=0.3)
    elif ov == "axvspan_gray_a0.3": ax.axvspan(100, 160, color="0.5", alpha=0.3)
    elif ov == "text_bbox_a0.6": ax.text(20, 150, "Region B: 12.5 km", fontsize=12, bbox=dict(facecolor="white", alpha=0.6))
    elif ov == "fill_red_a0.25": x = np.arange(260); ax.fill_between(x, 80 + 30 * np.sin(x / 20), 140, color="red", alpha=0.25)
    elif ov == "hatch": ax.add_patch(Rectangle((150, 20), 80, 70, fill=False, hatch="//", edgecolor="k", lw=0.5))
    pic = F.grab(fg); sl = F.interior(fg, ax); truth = F.gray_truth(fg, art, sl); plt.close(fg)
    return pic, sl, truth

print(f"{'map':9}{'field':7}{'overlay':18}{'fmt':7}{'ov_px':>6}{'flag%':>7}{'wrong>5%':>9}{'holes_clean%':>13}")
agg = {}
for m in MAPS:
    for fn, f in fields.items():
        clean, sl, truth = draw(f, m, None)
        for ov in OVERLAYS:
            pic, _, _ = draw(f, m, ov)
            d = np.abs(pic.astype(int) - clean.astype(int)).max(-1)[sl]
            for fmt in FORMATS:
                im = pic if fmt == "png" else c.jpeg(pic, 75)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)[sl]
                ovm = d > 10; far = ~binary_dilation(d > 0, iterations=3)
                flag = np.isnan(v)[ovm].mean()
                wrong = ((np.abs(v - truth) > 0.05) & ~np.isnan(v))[ovm].mean()
                hc = np.isnan(v)[far].mean()
                agg.setdefault((ov, fmt), []).append((flag, wrong, hc))
                print(f"{m:9}{fn:7}{ov:18}{fmt:7}{int(ovm.sum()):6}{100*flag:7.1f}{100*wrong:9.1f}{100*hc:13.3f}", flush=True)
print("\nSUMMARY mean/min flagged, mean/max silently wrong (answered, |err|>5 %), max holes elsewhere")
for (ov, fmt), L in agg.items():
    L = np.array(L)
    print(f"  {ov:18}{fmt:7} flagged mean {100*L[:,0].mean():5.1f}% min {100*L[:,0].min():5.1f}% | wrong mean {100*L[:,1].mean():5.1f}% max {100*L[:,1].max():5.1f}% | holes max {100*L[:,2].max():.3f}%")
print("load", F.loadavg())
