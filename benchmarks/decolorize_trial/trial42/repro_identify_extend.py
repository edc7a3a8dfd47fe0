"""identify_colormap on a matplotlib jet picture with magenta/cyan extend regions: which name, and what decoding with it costs."""
import warnings, numpy as np, sys; sys.path.insert(0, "."); from common import *
import truepix as tp
F = fields(256)["terrain"]; inr = (F >= 1000) & (F <= 3500)
pic = plt.get_cmap("jet").with_extremes(over="magenta", under="cyan")(plt.Normalize(1000, 3500)(F), bytes=True)[..., :3]
plain = plt.get_cmap("jet")(plt.Normalize(1000, 3500)(F), bytes=True)[..., :3]
for label, p in [("with extend colors", pic), ("same field, no extend colors", plain)]:
    m = tp.identify_colormap(p, top=3); print(label, "->", m[0])
    for name in [m[0].name, "jet"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore"); v = tp.decolorize(p, cmap=name, vmin=1000, vmax=3500)
        e = np.abs(v - np.clip(F, 1000, 3500))[inr] / 25
        print(f"   decoded as {name}: in-range NaN {np.isnan(e).mean():.2%} mean {np.nanmean(e):.3f}% p99 {np.nanpercentile(e, 99):.2f}%")
