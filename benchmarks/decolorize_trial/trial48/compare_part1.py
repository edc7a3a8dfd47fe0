"""Part 1: trial 47's outputs beside today's (trial48 reruns on this main) -> part1_compare.txt.
Runs trial 47's compare_part1.py with its folders swapped (A = ../trial47, B = .): in its output 't46' means trial 47
and 't47' means today (trial 48). Then the summary lines of the trial-47 scripts rerun here."""
import os, pathlib
here = pathlib.Path(__file__).resolve().parent
os.chdir(here)
src = (here.parent / "trial47" / "compare_part1.py").read_text()
src = src.replace('A, B = "../trial46", "."', 'A, B = "../trial47", "."')
src = src.replace('lines(A, "t01_holes_accuracy.txt")', '[l for f in sorted(glob.glob("../trial47/t01_holes_accuracy_*.txt")) for l in open(f).read().splitlines()]')
src = src.replace('(A, ["t02_annotations.txt"])', '(A, ["t02_annotations_4maps.txt", "t02_annotations_4more.txt"])')
print("# labels: 't46' = trial 47's numbers, 't47' = today's (trial 48)")
exec(compile(src, "trial47/compare_part1.py (folders swapped)", "exec"), {"__name__": "__main__"})
ns = {}
exec(compile(src.split("\nt01(); t02()")[0], "defs", "exec"), ns)
for title, f, start, keyn in (("t33 slide", "t33_slide.txt", "SUMMARY", 1), ("t34 seaborn annot", "t34_seaborn_annot.txt", "SUMMARY", 2),
                              ("t38 tiff16", "t38_tiff16.txt", "SUMMARY", 1), ("t32 gouraud", "t32_gouraud.txt", "SUMMARY", 3),
                              ("t41 errors", "t41_errors_new.txt", "30/30", 1)):
    ns["A"], ns["B"] = "../trial47", "."
    ns["side"](title, f, start, keyn)
