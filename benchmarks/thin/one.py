import sys, numpy as np, truepix as tp
m, p = sys.argv[1:3]; z = np.load(p)
r = tp.Decolorizer(m, vmin=0, vmax=1).decode(z["im"])
out = f"{m} {p[5:]} flag {np.isnan(r.values[z['d'] > 10]).mean():.3f} thr {r.threshold}"
if "cj" in z:
    out += f" clean holes% {100*np.isnan(tp.Decolorizer(m, vmin=0, vmax=1).values(z['cj'])).mean():.3f}"
print(out)
