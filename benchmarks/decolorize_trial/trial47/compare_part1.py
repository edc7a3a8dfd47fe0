"""Part 1: trial 46's summary lines beside today's (trial47 reruns on this main) -> part1_compare.txt.
t01 and t02 ran in map subsets here (several files): trial 46's per-case rows are summarised over the maps run today."""
import glob, os, numpy as np
A, B = "../trial46", "."


def lines(d, f):
    p = os.path.join(d, f)
    return open(p).read().splitlines() if os.path.exists(p) else []


def block(L, start):
    out, on = [], False
    for l in L:
        if l.startswith(start): on = True; out.append(l); continue
        if on and (not l.strip() or l.startswith("load")): break
        if on: out.append(l)
    return out


def side(title, f, start, keyn, fb=None):
    a, b = block(lines(A, f), start), block(lines(B, fb or f), start)
    print(f"\n### {title}  (t46 line, then t47 line)")
    kb = {" ".join(l.split()[:keyn]): l for l in b}
    for l in a:
        k = " ".join(l.split()[:keyn]); lb = kb.get(k, "(missing)")
        print("  t46 " + l); print("  t47 " + lb)


def t01():
    rows = {A: [l.split()[1:] for l in lines(A, "t01_holes_accuracy.txt") if l.startswith("ROW ")]}
    rows[B] = [l.split()[1:] for f in sorted(glob.glob("t01_holes_accuracy_*.txt")) for l in lines(B, f) if l.startswith("ROW ")]
    maps = sorted({r[0] for r in rows[B]})
    print(f"\n### t01 over the maps run today ({','.join(maps)}); cond kind: tp_mae% kd% ratio holes_mean% holes_max% n>0.2% p99_worse")
    for cond in dict.fromkeys(r[3] for r in rows[A]):
        for kind in ("real", "smooth"):
            out = []
            for d in (A, B):
                rr = [r for r in rows[d] if r[3] == cond and r[2] == kind and r[0] in maps]
                if not rr: out.append("(none)"); continue
                x = np.array([[float(v) for v in r[4:]] for r in rr])
                out.append(f"{100*x[:,0].mean():7.3f}{100*x[:,3].mean():7.3f}{x[:,0].sum()/x[:,3].sum():7.3f}{100*x[:,2].mean():8.3f}{100*x[:,2].max():7.2f}"
                           f"{int((x[:,2] > .002).sum()):>4}/{len(rr)}{int((x[:,1] > 1.001 * x[:,4]).sum()):>4}/{len(rr)}")
            print(f"  {cond:20}{kind:7} t46 {out[0]}   | t47 {out[1]}")


def t02():
    R = {}
    for d, fs in ((A, ["t02_annotations.txt"]), (B, sorted(glob.glob("t02_annotations_*.txt")))):
        R[d] = []
        for l in [l for f in fs for l in lines(d, f)]:
            p = l.split()
            if len(p) == 8 and p[3] in ("png", "jpeg75"):
                R[d].append((p[0], p[1], p[2], p[3], float(p[5]), float(p[7])))
    maps = sorted({r[0] for r in R[B]})
    print(f"\n### t02 over the maps run today ({','.join(maps)}), trial 45's exclusions (black on magma, white on RdBu_r, gray map's inks):"
          " flagged (changed > 10 DN) mean / min / cases under goal (PNG 99, JPEG q75 95); holes max")
    for fmt, goal in (("png", 99), ("jpeg75", 95)):
        for ann in ("black", "white", "gray", "coast"):
            out = []
            for d in (A, B):
                v = [r for r in R[d] if r[0] in maps and r[2] == ann and r[3] == fmt and not ((r[0] == "gray" and ann != "coast") or (r[0] == "magma" and ann == "black") or (r[0] == "RdBu_r" and ann == "white"))]
                out.append(f"{np.mean([r[4] for r in v]):6.1f} /{min(r[4] for r in v):6.1f} / {sum(r[4] < goal for r in v):2}/{len(v)}  holes max {max(r[5] for r in v):.3f}" if v else "(none)")
            print(f"  {fmt:7}{ann:6} t46 {out[0]}   | t47 {out[1]}")
    print("  per case, t46 -> t47 flagged>10 (changed by >= 5 points):")
    kb = {r[:4]: r for r in R[B]}
    for r in R[A]:
        if r[:4] in kb and abs(kb[r[:4]][4] - r[4]) >= 5:
            print(f"    {' '.join(r[:4]):32} {r[4]:6.1f} -> {kb[r[:4]][4]:6.1f}")


t01(); t02()
side("t21 contourf", "t21_contourf.txt", "SUMMARY", 1)
side("t23 overlays", "t23_overlays.txt", "SUMMARY", 3)
side("t25 formats", "t25_formats.txt", "SUMMARY", 2)
side("t29 coastlines", "t29_coastlines.txt", "SUMMARY", 2)
for f in ("t27_errors.txt", "t28_cli_folder.txt"):
    print(f"\n### {f} (t46 then t47)")
    for d in (A, B):
        for l in lines(d, f):
            if "good messages" in l or l.startswith(("NO ERROR", "BAD", "==", "rc ")) or (f.startswith("t28") and l[:1].isalpha() and "_" in l[:12]):
                print(f"  {'t46' if d == A else 't47'} {l[:170]}")
