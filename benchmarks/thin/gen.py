import numpy as np, _common as c
from t02_fig import fig, fields
for m, fn, ann in [("viridis", "dem", "gray"), ("jet", "dem", "black"), ("jet", "dem", "gray"),
                   ("cividis", "camera", "gray"), ("RdBu_r", "dem", "gray"), ("jet", "camera", "black"),
                   ("turbo", "dem", "black")]:
    clean = fig(fields[fn], m, None); a = fig(fields[fn], m, ann)
    d = np.abs(a.astype(int) - clean.astype(int)).max(-1)
    np.savez(f"/tmp/thin_{m}_{fn}_{ann}.npz", im=c.jpeg(a, 75), d=d, a=a, clean=clean, cj=c.jpeg(clean, 75))
    print(m, fn, ann, flush=True)
