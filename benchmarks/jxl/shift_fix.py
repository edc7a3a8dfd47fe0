"""Prototype (not in the library): undo a global per-channel colour shift before decoding.

Decode, fit per channel picture = f(map colour at the decoded position) over the decoded
pixels (affine a*m+b, or a power 255*(m/255)**g, whichever leaves the smaller residual),
invert it on the picture, decode again; 3 rounds. Scored as trial 46's t25 (ratio = sum MAE /
sum k-d tree MAE over 4 real fields x 6 maps, holes = 1.0)."""
import sys, os, warnings, numpy as np, matplotlib as mpl, truepix as tp
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
def shifted(rgb, how):
    g = rgb.astype(np.float64) / 255
    if how == "gamma": return (255 * g ** (1.8 / 2.2)).round().astype(np.uint8)
    if how == "tv": return (16 + g * 219).round().astype(np.uint8)
    if how == "b4": return np.clip(rgb.astype(int) + 4, 0, 255).astype(np.uint8)
    return rgb
def decode(x, m):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tp.decolorize(x, cmap=m, vmin=0, vmax=1)
def corrected(x, m, rounds=3):
    cm = mpl.colormaps[m]
    pic = x.astype(np.float64)
    for _ in range(rounds):
        v = decode(np.clip(pic, 0, 255).round().astype(np.uint8), m)
        ok = np.isfinite(v)
        ref = cm(v[ok])[:, :3] * 255
        obs = x.astype(np.float64)[ok]
        out = np.empty_like(x, dtype=np.float64)
        for k in range(3):
            o, r = obs[:, k], ref[:, k]
            use = (o > 0.5) & (o < 254.5)
            A = np.stack([r[use], np.ones(use.sum())], 1)
            (a, b), res_aff = np.linalg.lstsq(A, o[use], rcond=None)[:2]
            e_aff = np.mean((A @ [a, b] - o[use]) ** 2)
            pos = use & (r > 1) & (o > 1)
            gam = np.sum(np.log(o[pos] / 255) * np.log(r[pos] / 255)) / max(np.sum(np.log(r[pos] / 255) ** 2), 1e-9)
            e_gam = np.mean((255 * (r[use].clip(1e-3) / 255) ** gam - o[use]) ** 2)
            xk = x[..., k].astype(np.float64)
            if e_gam < e_aff:
                out[..., k] = 255 * (xk.clip(1e-3) / 255) ** (1 / gam)
            else:
                out[..., k] = (xk - b) / a
        pic = out
    return np.clip(pic, 0, 255).round().astype(np.uint8), (a, b)
for how in sys.argv[1].split(","):
    tot = {"tp": 0, "fix": 0, "kd": 0}; worse = {"tp": 0, "fix": 0}
    for m in ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]:
        base = c.Baseline(m)
        for fn, f in F.items():
            x = shifted(c.render(f, m), how)
            mt, pt, _ = c.score(decode(x, m), f)
            fx, _ = corrected(x, m)
            mf, pf, _ = c.score(decode(fx, m), f)
            mb, pb, _ = c.score(base(x), f)
            tot["tp"] += mt; tot["fix"] += mf; tot["kd"] += mb
            worse["tp"] += pt > pb * 1.001; worse["fix"] += pf > pb * 1.001
    print(f"{how:6} ratio default {tot['tp']/tot['kd']:.3f} (p99 worse {worse['tp']}/24)  corrected {tot['fix']/tot['kd']:.3f} (p99 worse {worse['fix']}/24)", flush=True)
