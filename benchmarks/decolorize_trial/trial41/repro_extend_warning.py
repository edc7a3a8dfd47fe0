"""plt.imsave with cmap.with_extremes(over='magenta', under='cyan') and data beyond [vmin, vmax]:
the default call warns that the picture looks BGR (it is RGB) and the over/under pixels come back NaN."""
import io, warnings, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
from common import fields
d = fields()["terrain"]
for cm in ["jet", "turbo", "viridis", "RdBu_r", "rainbow"]:
    for lo, hi, over, under in [(1000, 3500, "magenta", "cyan"), (1000, 3500, "white", "black"), (400, 3800, "magenta", "cyan")]:
        cme = plt.get_cmap(cm).with_extremes(over=over, under=under)
        b = io.BytesIO(); plt.imsave(b, d, cmap=cme, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
        for arg, tag in [(cm, "name"), (cme, "with_extremes")]:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always"); v = tp.decolorize(rgb, cmap=arg, vmin=lo, vmax=hi)
            rev = tp.decolorize(rgb[..., ::-1], cmap=arg, vmin=lo, vmax=hi)
            print(f"{cm:8s} [{lo},{hi}] over {over} {(d>hi).mean()*100:4.1f}% under {under} {(d<lo).mean()*100:4.1f}% cmap={tag:13s}: NaN {np.isnan(v).mean()*100:5.1f}% "
                  f"| after the advice picture[..., ::-1]: NaN {np.isnan(rev).mean()*100:5.1f}% | warn: {[str(x.message)[:150] for x in w]}")

print("== jet, magenta/cyan extremes: following the BGR advice, error on in-range pixels")
lo, hi = 1000, 3500
cme = plt.get_cmap("jet").with_extremes(over="magenta", under="cyan")
b = io.BytesIO(); plt.imsave(b, d, cmap=cme, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
inr = (d >= lo) & (d <= hi)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    v = tp.decolorize(rgb, cmap="jet", vmin=lo, vmax=hi); rev = tp.decolorize(rgb[..., ::-1], cmap="jet", vmin=lo, vmax=hi)
for tag, x in [("as given", v), ("swapped (advice)", rev)]:
    e = np.abs(x[inr] - d[inr]) / (hi - lo) * 100
    print(f"  {tag:18s} in-range NaN {np.isnan(x[inr]).mean()*100:.2f}%  mean err {np.nanmean(e):.2f}%  p99 {np.nanpercentile(e, 99):.2f}%")
