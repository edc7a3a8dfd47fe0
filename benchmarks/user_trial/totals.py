import json, sys
rows = {}
for line in open(sys.argv[1] if len(sys.argv) > 1 else "results.jsonl"):  # totals.py [results file]
    r = json.loads(line); rows[r["name"]] = r
T = dict(panels=[0, 0], cbar=[0, 0], range=[0, 0], corner=[0, 0], grid=[0, 0], val=[0, 0], nan=[0, 0], hiconf=[0, 0])
cells = []; secs = []
for n, r in rows.items():
    if "error" in r: continue
    secs.append(r["seconds"])
    for p in r["panels"]:
        T["panels"][1] += 1; T["panels"][0] += p["found"]
        if not p["found"] or "score_error" in p: continue
        T["cbar"][1] += 1; T["cbar"][0] += str(p["cbar_ok"]) == "True"
        if "range_ok" in p: T["range"][1] += 1; T["range"][0] += str(p["range_ok"]) == "True"
        if "corner_ok" in p: T["corner"][1] += 1; T["corner"][0] += str(p["corner_ok"]) == "True"
        if "grid_ok" in p: T["grid"][1] += 1; T["grid"][0] += str(p["grid_ok"]) == "True"
        if "val_ok" in p: T["val"][1] += 1; T["val"][0] += str(p["val_ok"]) == "True"
        if p["nan_true"] is not None: T["nan"][1] += 1; T["nan"][0] += abs(p["nan_share"] - p["nan_true"]) <= 0.05
        if "cell_med_bins" in p: cells.append((p["cell_med_bins"], n))
        if p["confidence"] >= 0.9 and "range_ok" in p:
            T["hiconf"][1] += 1; T["hiconf"][0] += str(p["range_ok"]) == "True"
for k, (a, b) in T.items(): print(f"{k:8s} {a}/{b}")
cells.sort(); print("cell median err (bins): median", cells[len(cells)//2][0], "max", cells[-1])
secs.sort(); print("in-process seconds: median", secs[len(secs)//2], "max", secs[-1], "n", len(secs))
print("figures", len(rows))
