"""Follow-up on t25's warnings (it prints 90 characters): the full OffMapWarning text for a TV-range (16-235) and a
gamma 2.2->1.8 viridis DEM, and for the web palette without dither on coolwarm moon: does it name the cause?"""
import sys, os, warnings, numpy as np, matplotlib as mpl, truepix as tp
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trial45"))
import _common as c

f = c.crop(c.real_fields()["dem_jacksboro"], 192)
g = mpl.colormaps["viridis"](f, bytes=True)[..., :3] / 255
m = c.crop(c.real_fields()["moon"], 192); rgb = mpl.colormaps["coolwarm"](m, bytes=True)[..., :3]
cases = [("viridis DEM, TV range 16-235", (16 + g * 219).round().astype(np.uint8), "viridis", f),
         ("viridis DEM, gamma 2.2->1.8", (255 * g ** (1.8 / 2.2)).round().astype(np.uint8), "viridis", f),
         ("coolwarm moon, convert('P', dither=NONE)", np.asarray(Image.fromarray(rgb).convert("P", dither=Image.Dither.NONE).convert("RGB")), "coolwarm", m)]
for nm, pic, cm, tr in cases:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always"); v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1)
    print(f"{nm}: MAE {100*np.nanmean(np.abs(v - tr)):.2f} %, warnings: {[str(x.message) for x in w]}")
    for x in w:
        if "pass cmap='" in str(x.message):
            alt = str(x.message).split("pass cmap='")[1].split("'")[0]
            v2 = tp.decolorize(pic, cmap=alt, vmin=0, vmax=1)
            print(f"   following it (cmap={alt!r}): MAE {100*np.nanmean(np.abs(v2 - tr)):.2f} %, NaN {100*np.isnan(v2).mean():.2f} %")
        if "pass alpha=" in str(x.message):
            a = float(str(x.message).split("pass alpha=")[1].split(",")[0]); fc = str(x.message).split("facecolor='")[1].split("'")[0]
            v2 = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1, alpha=a, facecolor=fc)
            print(f"   following it (alpha={a}, facecolor={fc}): MAE {100*np.nanmean(np.abs(v2 - tr)):.2f} %, NaN {100*np.isnan(v2).mean():.2f} %")
