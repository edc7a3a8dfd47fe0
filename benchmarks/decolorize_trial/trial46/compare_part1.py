"""Part 1: trial 45's summary lines beside today's (trial46 reruns of t01 t02 t03 t06 t07 t11 on this main)."""
import re, os
A, B = "../trial45", "."

def lines(d, f):
    p = os.path.join(d, f)
    return open(p).read().splitlines() if os.path.exists(p) else []

def block(L, start, stop=None):
    out, on = [], False
    for l in L:
        if l.startswith(start): on = True; continue
        if on and (not l.strip() or (stop and l.startswith(stop))): break
        if on: out.append(l)
    return out

def side(title, a, b, keyn):
    print(f"\n### {title}\n(t45 line, then t46 line)")
    kb = {" ".join(l.split()[:keyn]): l for l in b}
    for l in a:
        k = " ".join(l.split()[:keyn])
        print("  t45 " + l); print("  t46 " + kb.get(k, "(missing)"))

side("t01 SUMMARY (cond kind tp_mae% base% ratio p99r_max holes_mean% holes_max% n>0.2%)",
     block(lines(A, "t01_holes_accuracy.txt"), "cond ")[0:], block(lines(B, "t01_holes_accuracy.txt"), "cond "), 2)
side("t01 worst ratio per map", block(lines(A, "t01_holes_accuracy.txt"), "WORST ratio"), block(lines(B, "t01_holes_accuracy.txt"), "WORST ratio"), 2)
side("t02 annotations SUMMARY", block(lines(A, "t02_annotations.txt"), "SUMMARY"), block(lines(B, "t02_annotations.txt"), "SUMMARY"), 2)
side("t11 quantization", block(lines(A, "t11_quant.txt"), "source "), block(lines(B, "t11_quant.txt"), "source "), 4)
for f, pat in (("t03_exact_forms.txt", r"maps with any|BAD|^worst|plotnine"), ("t07_identify.txt", r"top-1 right|->")):
    print(f"\n### {f}")
    for d in (A, B):
        for l in lines(d, f):
            if re.search(pat, l): print(f"  {'t45' if d == A else 't46'} {l[:200]}")
print("\n### t03 (b) cells wrong and not ambiguous (f32 column 4) / exact% < 100")
for d in (A, B):
    L = [l for l in lines(d, "t03_exact_forms.txt") if re.match(r"(imshow|pcolormesh|pcolor|seaborn) ", l)]
    bad = [l for l in L if int(l.split("|")[0].split()[-1]) > 0]
    print(f"  {'t45' if d == A else 't46'}: {len(L)} rows, rows with wrong non-ambiguous cells: {len(bad)}", *bad[:5], sep="\n     ")
L45 = [l for l in lines(A, "t06_vendor.txt") if l.startswith("  ")]
L46 = {l.split()[0] + l.split()[1] if len(l.split()) > 1 else l: l for l in lines(B, "t06_vendor.txt") if l.startswith("  ")}
print("\n### t06 vendor (t45, t46 lines by key)")
for l in L45:
    k = l.split()[0] + l.split()[1] if len(l.split()) > 1 else l
    b = L46.get(k, "(missing)")
    print(("  same " + l) if b == l else f"  t45 {l}\n  t46 {b}")

print("\n### t02 as trial 45's REPORT counts it: excluding ink that is a map colour (gray map for black/white/gray ink,")
print("black on magma, white on RdBu_r); flagged share (changed > 10 DN): mean, min, cases under the goal (PNG 99 %, JPEG q75 95 %)")
for d in (A, B):
    R = []
    for l in lines(d, "t02_annotations.txt"):
        p = l.split()
        if len(p) == 8 and p[3] in ("png", "jpeg75"):
            m, fld, ann, fmt, f10 = p[0], p[1], p[2], p[3], float(p[5])
            if (m == "gray" and ann != "coast") or (m == "magma" and ann == "black") or (m == "RdBu_r" and ann == "white"):
                continue
            R.append((m, fld, ann, fmt, f10))
    for fmt, goal in (("png", 99), ("jpeg75", 95)):
        for ann in ("black", "white", "gray", "coast"):
            v = [r[4] for r in R if r[2] == ann and r[3] == fmt]
            worst = sorted([r for r in R if r[2] == ann and r[3] == fmt], key=lambda r: r[4])[:2]
            print(f"  {'t45' if d == A else 't46'} {fmt:7}{ann:6} mean {sum(v)/len(v):5.1f}% min {min(v):5.1f}% under goal {sum(x < goal for x in v)}/{len(v)}  worst {[(r[0], r[1], r[4]) for r in worst]}")
