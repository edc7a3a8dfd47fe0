import sys, numpy as np
sys.path.insert(0, "/work/wt/acc4/benchmarks/decolorize_trial/acc3")
ARGS = sys.argv[1:]; sys.argv = ["x"]
import offline as O
B = O.B
STD = np.array([16,11,10,16,24,40,51,61,12,12,14,19,26,58,60,55,14,13,16,24,40,57,69,56,14,17,22,29,51,87,80,62,18,22,37,56,68,109,103,77,24,35,55,64,81,104,113,92,49,64,78,87,103,121,120,101,72,92,95,98,112,100,103,99],float).reshape(8,8)
def filt(pos, nbb, cyc, t, W, w0=0.1):
    n = len(nbb); H, Wd = pos.shape
    pad = np.pad(pos, 4, mode="symmetric")
    ny, nx = -(-(H + 4) // 8), -(-(Wd + 4) // 8)
    pad = np.pad(pad, ((0, 8*ny - pad.shape[0] if 8*ny > pad.shape[0] else 0), (0, max(8*nx - pad.shape[1], 0))), mode="symmetric")
    blk = pad[:8*ny, :8*nx].reshape(ny, 8, nx, 8).transpose(0, 2, 1, 3)
    c = B @ blk @ B.T
    kb = np.clip((blk.mean((-1, -2)) * n).astype(int), 0, n - 1)
    tt = (t * t * nbb[kb])[..., None, None] * W
    g = np.maximum(1 - tt / np.maximum(c * c, 1e-30), 0); g[..., 0, 0] = 1
    w = 1 / ((g * g).sum((-1, -2)))
    if cyc: w = np.where(blk.max((-1, -2)) - blk.min((-1, -2)) > 0.5, 0, w)
    w = np.where(np.isnan(c[..., 0, 0]), 0, w)
    corr = (B.T @ (c * g) @ B) - blk
    corr = np.nan_to_num(corr) * (w / (w + w0))[..., None, None]
    corr = corr.transpose(0, 2, 1, 3).reshape(8*ny, 8*nx)[4:4+H, 4:4+Wd]
    z = pos + corr
    z = z - np.floor(z) if cyc else np.clip(z, 0, 1)
    if cyc: z = O.lifted(z, pos)
    return z
for name, W in [("std", (STD / np.sqrt((STD**2).mean()))**2),
                ("sqrtstd", STD / np.sqrt((STD**2).mean()))]:
    for t in [float(a) for a in ARGS]:
        O.evaluate(lambda p, n, c: filt(p, n, c, t, W), conds=("q90", "q75", "q50", "q75_444"), label=f"{name} t={t}")
