"""Summarize out_sweep1*.txt: per case, worst holes and mean/max ratio to the k-d tree (twilight
left out: its errors there are not taken around the cycle; uint16 left out: the k-d column there is
not scaled)."""
import sys, collections
rows = collections.defaultdict(list)
for fn in sys.argv[1:]:
    for line in open(fn):
        p = line.split()
        if len(p) < 11 or p[0] == "map" or p[2].startswith("uint16") or p[0] == "twilight":
            continue
        try:
            rows[p[2]].append((float(p[3]), float(p[7]), float(p[9]), p[0] + "/" + p[1]))
        except ValueError:
            pass
print(f"{'case':22s} {'n':>3s} {'worst holes%':>12s} {'mean ratio':>10s} {'worst ratio':>11s} worst picture")
for k, v in rows.items():
    h = max(v); r = max(v, key=lambda x: x[1])
    print(f"{k:22s} {len(v):3d} {h[0]:8.2f} ({h[3]}) {sum(x[1] for x in v)/len(v):8.2f} {r[1]:9.2f}   {r[3]}")
