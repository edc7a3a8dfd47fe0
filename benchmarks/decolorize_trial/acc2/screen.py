"""acc screen: 12 maps x 4 real fields x {q90,q75,q50,noise2}; truepix vs k-d tree.
Usage: python screen.py [maps] [conds] [--opt k=v ...]; pictures cached in /tmp/acc2/pics/."""
import os, sys, time, pickle
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from _conditions import fields, colormap, jpeg, noise  # noqa
from colormaps import MAPS, CYCLIC, NearestRGB  # noqa
from truepix import Decolorizer

CONDS = {"q90": jpeg(90), "q75": jpeg(75), "q50": jpeg(50), "noise2": noise,
         "q75_444": jpeg(75, 0)}
CACHE = os.environ.get("ACC_CACHE", "/tmp/acc2/pics")
os.makedirs(CACHE, exist_ok=True)

def pictures(maps, conds):
    path = f"{CACHE}/fields.pkl"
    if os.path.exists(path):
        data_sets = pickle.load(open(path, "rb"))
    else:
        data_sets = {k: v for k, v in fields(256).items()}
        pickle.dump(data_sets, open(path, "wb"))
    for m in maps:
        cmap = None
        for f, (kind, data) in data_sets.items():
            if kind != "real" and "smooth" not in sys.argv:
                continue
            for c in conds:
                p = f"{CACHE}/{m.replace(':','_')}_{f}_{c}.npz"
                if not os.path.exists(p):
                    cmap = cmap or colormap(m)
                    rgb = cmap(data, bytes=True)[..., :3]
                    img, truth = CONDS[c](rgb, data)
                    tree = NearestRGB(cmap)(img)
                    np.savez(p, img=img, truth=truth, tree=tree)
                z = np.load(p)
                yield m, f, c, z["img"], z["truth"], z["tree"]

def err(est, truth, cyc):
    e = np.abs(est - truth)
    if cyc:
        e = np.minimum(e, 1 - e)
    e[np.isnan(est)] = 1.0
    return 100 * e.ravel()

def main():
    args = [a for a in sys.argv[1:] if a != "smooth"]
    maps = args[0].split(",") if args and args[0] != "all" else list(MAPS)
    conds = args[1].split(",") if len(args) > 1 else ["q90", "q75", "q50", "noise2"]
    out = args[2] if len(args) > 2 else None
    rows = []
    decs = {}
    t0 = time.process_time()
    for m, f, c, img, truth, tree in pictures(maps, conds):
        if m not in decs:
            decs[m] = Decolorizer(colormap(m), cyclic=m in CYCLIC, vmin=0.0, vmax=1.0)
        est = decs[m].values(img)
        cyc = m in CYCLIC
        et, eb = err(est, truth, cyc), err(tree, truth, cyc)
        rows.append((m, f, c, et.sum(), eb.sum(), np.percentile(et, 99), np.percentile(eb, 99),
                     et.size, np.isnan(est).sum(), et, eb))
    print(f"process time {time.process_time()-t0:.0f} s")
    if out:
        np.save(out, np.array([r[:9] for r in rows], dtype=object), allow_pickle=True)
    print(f"{'map':<16}{'field':<10}{'cond':<8}{'tp mean':>8}{'tree':>7}{'ratio':>7}"
          f"{'tp p99':>8}{'tree':>7}{'excess':>9}")
    for r in sorted(rows, key=lambda r: -(r[3] - 0.75 * r[4])):
        m, f, c, st, sb, pt, pb, n, h = r[:9]
        flag = " P99" if pt > pb else ""
        print(f"{m:<16}{f:<10}{c:<8}{st/n:>8.3f}{sb/n:>7.3f}{st/sb:>7.3f}{pt:>8.2f}{pb:>7.2f}"
              f"{(st-0.75*sb)/n:>9.3f}{flag}{' holes %d' % h if h else ''}")
    print("\npooled per condition (mean ratio, p99 ratio), p99 losses per map:")
    for c in conds:
        rs = [r for r in rows if r[2] == c]
        et = np.concatenate([r[9] for r in rs]); eb = np.concatenate([r[10] for r in rs])
        losses = sum(r[5] > r[6] for r in rs)
        print(f"  {c:<8} mean {et.mean()/eb.mean():.4f}  p99 {np.percentile(et,99)/np.percentile(eb,99):.4f}"
              f"  p99 losses {losses}/{len(rs)}")
    for c in conds:
        for kind in ("smooth", "real"):
            rs = [r for r in rows if r[2] == c and (r[1] == "smooth") == (kind == "smooth")]
            if rs:
                et = np.concatenate([r[9] for r in rs]); eb = np.concatenate([r[10] for r in rs])
                print(f"  {c:<8} {kind:<7} mean {et.mean()/eb.mean():.4f}  p99 {np.percentile(et,99)/np.percentile(eb,99):.4f}")
    print("per map pooled mean ratio by condition:")
    for m in maps:
        s = f"  {m:<16}"
        for c in conds:
            rs = [r for r in rows if r[0] == m and r[2] == c]
            s += f" {c} {sum(r[3] for r in rs)/sum(r[4] for r in rs):.3f}"
            s += f"({sum(r[5] > r[6] for r in rs)})"
        print(s)
    print("total p99 losses", sum(r[5] > r[6] for r in rows), "of", len(rows))

main()
