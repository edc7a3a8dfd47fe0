import json, sys
rows = {}
for line in open(sys.argv[1] if len(sys.argv) > 1 else "results.jsonl"):
    r = json.loads(line); rows[r["name"]] = r
for n, r in sorted(rows.items()):
    if "error" in r: print(f"{n:34s} ERROR {r['error'][:150]}"); continue
    for k, p in enumerate(r["panels"]):
        if not p["found"]:
            print(f"{n:34s} p{k} NOT FOUND iou={p['best_iou']} read={p['read_bboxes']} conf={p['confs']}"); continue
        bad = []
        if "score_error" in p: print(f"{n:34s} p{k} SCORE_ERROR {p['score_error']} found") ; continue
        if str(p.get("cbar_ok", True)) == "False": bad.append(f"cbar(read={p['cbar_read']})")
        if str(p.get("range_ok")) == "False": bad.append(f"range {p['vmin']}..{p['vmax']} err={p.get('range_err')}")
        if str(p.get("corner_ok")) == "False": bad.append(f"corner {p['corner_px']:.3g}px")
        if str(p.get("grid_ok")) == "False": bad.append(f"grid {p['grid']}")
        if str(p.get("val_ok")) == "False": bad.append(f"val med {p['val_med_bins']:.2g} p95 {p['val_p95_bins']:.3g} bins")
        if p["nan_true"] is not None and abs(p["nan_share"] - p["nan_true"]) > 0.05: bad.append(f"nan {p['nan_share']:.2f} vs {p['nan_true']:.2f}")
        flag = "OK " if not bad else ("CONF-WRONG" if p["confidence"] >= 0.9 else "doubted")
        print(f"{n:34s} p{k} {flag:10s} c={p['confidence']:.2f} t={r['seconds']} {p['norm']} {p['cmap']} {'; '.join(bad)} | {p['doubts'][:120]}")
    if r.get("extra_panels"): print(f"{'':34s} extra panels: {r['extra_panels']}")
