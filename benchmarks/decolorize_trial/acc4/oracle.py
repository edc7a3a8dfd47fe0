import sys, numpy as np, pickle
sys.path.insert(0, "/work/wt/acc4/benchmarks/decolorize_trial/acc3")
sys.argv = ["x"]
import offline as O
TS = [0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0]
rows = []
for i, o in enumerate(O.cap):
    if o["c"] not in ("q90", "q75", "q50"): continue
    eb = O.err(o["tree"], o["truth"], o["cyc"])
    if o["args"] is None:
        e = O.err(o["est"], o["truth"], o["cyc"]); rows.append((i, o["c"], [e.mean()]*len(TS), eb.mean())); continue
    p, n, c = o["args"]
    m = [O.err(O.filt(p, n, c, offsets=((4,4),), t=t, w0=0.1, direct=True), o["truth"], o["cyc"]).mean() for t in TS]
    rows.append((i, o["c"], m, eb.mean()))
pickle.dump(rows, open("/tmp/acc4/oracle.pkl", "wb"))
for cnd in ("q90", "q75", "q50"):
    r = [x for x in rows if x[1] == cnd]
    M = np.array([x[2] for x in r]); b = np.array([x[3] for x in r])
    print(cnd, "per-t", np.round(M.sum(0) / b.sum(), 4), "oracle", round(M.min(1).sum() / b.sum(), 4))
