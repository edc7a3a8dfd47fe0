import sys, pickle, numpy as np
from truepix.color._decolorize._dct import stabilising_transform, _dct_basis
from truepix.color._decolorize._seam import lifted
B = _dct_basis(8)
cap = pickle.load(open("/tmp/acc3/cap.pkl", "rb"))

def filt(pos, nbb, cyc, offsets=((0,0),(0,4),(4,0),(4,4)), t=1.5, gate=None, stats=None, w0=0.0, direct=False):
    edges = stabilising_transform(nbb); n = len(nbb)
    u = np.clip(pos * n, 0, n); st = np.interp(u, np.arange(n + 1), edges)
    if direct: st = pos.copy()
    H, W = pos.shape; P = 8
    pad = np.pad(st, P, mode="symmetric")
    total = np.zeros_like(pad); wsum = np.zeros_like(pad)
    period = edges[-1]
    for oy, ox in offsets:
        y0, x0 = P - oy if oy else P, P - ox if ox else P
        # windows starting at y0 + 8k covering the picture
        y0 = P - ((8 - oy) % 8); x0 = P - ((8 - ox) % 8)
        ny = -(-(H + P - y0) // 8); nx = -(-(W + P - x0) // 8)
        blk = pad[y0:y0 + 8 * ny, x0:x0 + 8 * nx]
        ny, nx = blk.shape[0] // 8, blk.shape[1] // 8
        blk = blk[:8 * ny, :8 * nx].reshape(ny, 8, nx, 8).transpose(0, 2, 1, 3)
        c = B @ blk @ B.T
        if direct:
            kb = np.clip((blk.mean((-1, -2)) * n).astype(int), 0, n - 1)
            tt = (t * t * nbb[kb])[..., None, None]
        else:
            tt = t * t
        g = np.maximum(1 - tt / np.maximum(c * c, 1e-30), 0); g[..., 0, 0] = 1
        c2 = c * g
        w = 1 / (1 + (g * g).sum((-1, -2)) - 1)
        rng_ = blk.max((-1, -2)) - blk.min((-1, -2))
        if cyc: w = np.where(rng_ > 0.5 * (1.0 if direct else period), 0, w)
        if gate is not None:
            keep = gate(c, blk, rng_)
            if stats is not None: stats.append(keep.mean())
            w = np.where(keep, w, 0)
        corr = (B.T @ c2 @ B) - blk
        tot = total[y0:y0 + 8 * ny, x0:x0 + 8 * nx]; ws = wsum[y0:y0 + 8 * ny, x0:x0 + 8 * nx]
        tot += (corr * w[..., None, None]).transpose(0, 2, 1, 3).reshape(8 * ny, 8 * nx)
        ws += np.broadcast_to(w[:, :, None, None], (ny, nx, 8, 8)).transpose(0, 2, 1, 3).reshape(8 * ny, 8 * nx)
    tot = total[P:P + H, P:P + W]; ws = wsum[P:P + H, P:P + W] + w0
    z = st + np.where(ws > 0, tot / np.maximum(ws, 1e-30), 0)
    if direct:
        out = z - np.floor(z) if cyc else z
    else:
        if cyc: z = z - period * np.floor(z / period)
        out = np.interp(z, edges, np.arange(n + 1)) / n
    out = np.clip(out, 0, 1)
    out = np.where(np.isnan(pos), pos, out)
    if cyc: out = lifted(out, pos)
    return out

def err(est, truth, cyc):
    e = np.abs(est - truth)
    if cyc: e = np.minimum(e, 1 - e)
    e[np.isnan(est)] = 1.0
    return 100 * e.ravel()

def evaluate(fn, conds=("q90", "q75", "q50", "q75_444"), check=False, label=""):
    res = {}
    for o in cap:
        if o["c"] not in conds: continue
        est = o["est"]
        if o["args"] is not None and fn is not None:
            pos, nbb, cyc = o["args"]
            est = fn(pos, nbb, cyc)
        et = err(est, o["truth"], o["cyc"]); eb = err(o["tree"], o["truth"], o["cyc"])
        r = res.setdefault(o["c"], [[], [], 0])
        r[0].append(et); r[1].append(eb); r[2] += int(np.percentile(et, 99) > np.percentile(eb, 99))
    s = label
    for c, (a, b, l) in res.items():
        a = np.concatenate(a); b = np.concatenate(b)
        s += f"  {c} {a.mean()/b.mean():.4f}/{np.percentile(a,99)/np.percentile(b,99):.4f}({l})"
    print(s, flush=True)
