"""python abp.py MODE KIND MAP ROUNDS SRC...  alternate trees, medians"""
import sys, subprocess, json, os, statistics
mode, kind, name, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
srcs = sys.argv[5:]
res = {s: [] for s in srcs}
for r in range(rounds + 1):
    for s in srcs:
        env = dict(os.environ, PYTHONPATH=s, NUMBA_NUM_THREADS="1")
        probe = __file__.replace("abp.py", "probe.py")
        out = subprocess.run([sys.executable, probe, mode, kind, name], env=env,
                             capture_output=True, text=True)
        if out.returncode:
            print(out.stderr); sys.exit(1)
        if r:
            res[s].append(json.loads(out.stdout.strip().splitlines()[-1]))
print(f"{mode} {kind} {name} rounds={rounds} load={os.getloadavg()[0]:.2f}")
for s in srcs:
    keys = ["imp_cpu", "cpu", "wall", "total_cpu", "total_wall"]
    med = {k: statistics.median(x[k] for x in res[s]) * 1000 for k in keys}
    mn = {k: min(x[k] for x in res[s]) * 1000 for k in keys}
    print(f"  {s:28s} " + " ".join(f"{k}={med[k]:.1f}(min {mn[k]:.1f})" for k in keys))
