"""Trial 57's rows beside today's, by case name (the first 56 characters of a dec_any row), for each Part 1 output here:
holes % and ratio, trial57 -> trial58. Lines that are not table rows are left out (read the .txt files)."""
import pathlib, re, sys
H = pathlib.Path(__file__).resolve().parent; T56 = H.parent / "trial57"
num = re.compile(r"^\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)")
def rows(p):
    out = {}
    if not p.exists(): return out
    for ln in p.read_text().splitlines():
        if len(ln) > 60 and not ln.startswith((" ", "#", "case")):
            m = num.match(ln[56:])
            if m: out[ln[:56].rstrip()] = (float(m.group(1)), float(m.group(4)), ln[56:].split("|")[0].split()[-1])
    return out
for name in sys.argv[1:] or sorted(x.name for x in H.glob("t[1-5]*.txt")):
    a, b = rows(T56 / name), rows(H / name)
    if not b: continue
    print(f"## {name}")
    for k, v in b.items():
        o = a.get(k)
        s = f"{o[0]:7.3f} -> " if o else "      - -> "
        r = f"{o[1]:6.2f} -> " if o else "     - -> "
        print(f"  {k:56} holes {s}{v[0]:7.3f} %  ratio {r}{v[1]:6.2f}  ({v[2]})")
