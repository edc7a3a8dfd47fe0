"""A/B CPU ms per picture of figures.py, alternating fresh processes per tree:
python benchmarks/ovspeed/ab_figures.py SRC_A SRC_B ROUNDS viridis_plain,viridis_box,..."""
import os, subprocess, sys, statistics, json
a, b, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]); sel = sys.argv[4]
child = r'''
import sys, json, time
sys.argv = ["t", "none"]
__file__ = FIG
exec(open(FIG).read().split("sel = sys.argv")[0])
out = {}
for k in SEL.split(","):
    m, p, lo, hi = pics[k]
    d = tp.Decolorizer(m, vmin=lo, vmax=hi); d.values(p); ts = []
    for _ in range(3):
        t = time.process_time(); d.values(p); ts.append(time.process_time() - t)
    out[k] = 1000 * min(ts)
print("JSON" + json.dumps(out))
'''.replace("SEL", repr(sel))
FIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "figures.py")
child = child.replace("FIG", repr(FIG))
res = {a: [], b: []}
for r in range(rounds):
    for src in (a, b) if r % 2 == 0 else (b, a):
        env = dict(os.environ, PYTHONPATH=src, NUMBA_NUM_THREADS="1", MPLBACKEND="Agg")
        o = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True)
        line = [l for l in o.stdout.splitlines() if l.startswith("JSON")]
        if not line: print(o.stderr[-2000:]); sys.exit(1)
        res[src].append(json.loads(line[0][4:]))
for k in sel.split(","):
    ma = statistics.median(x[k] for x in res[a]); mb = statistics.median(x[k] for x in res[b])
    rows = [round(x[k]) for x in res[a]], [round(x[k]) for x in res[b]]
    print(f"{k:16} A {ma:7.1f} ms  B {mb:7.1f} ms  B/A {mb/ma:.3f}   A {rows[0]} B {rows[1]}")
