"""acc10: mean of the rows' ratios (tp% / kd%, 3 decimals) and p99 worse counts from grid.py outputs, per
degradation and per map; argv: before.txt after.txt."""
import sys, collections


def rows(path):
    out = []
    for line in open(path):
        parts = line.split()
        if len(parts) > 9 and parts[2] in ("jpeg75", "cv2jpeg50", "pil422q75"):
            m, f, k = parts[:3]; holes, tp, kd, _, ptp, pkd = map(float, parts[3:9])
            out.append((m, f, k, holes, tp / kd, ptp > pkd))
    return out


tabs = [rows(p) for p in sys.argv[1:]]
for key, name in ((2, "degradation"), (0, "map")):
    print(f"by {name}: " + " -> ".join(sys.argv[1:]))
    groups = collections.OrderedDict()
    for i, t in enumerate(tabs):
        for r in t:
            groups.setdefault(r[key], [[] for _ in tabs])[i].append(r)
    for g, per in groups.items():
        print(f"  {g:12}" + " -> ".join(f"{sum(r[4] for r in rs) / len(rs):.4f} (p99 worse {sum(r[5] for r in rs)}/{len(rs)}, holes max {max(r[3] for r in rs):.3f}%)" for rs in per))
