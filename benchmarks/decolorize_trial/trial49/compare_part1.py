"""Part 1: trial 48's outputs beside today's (trial49 reruns on this main) -> part1_compare.txt.
Runs trial 47's compare_part1.py with its folders swapped (A = ../trial48, B = .): in its output 't46' means trial 48
and 't47' means today (trial 49). Then the summary blocks of the other scripts rerun here, side by side."""
import os, pathlib
here = pathlib.Path(__file__).resolve().parent
os.chdir(here)
src = (here.parent / "trial47" / "compare_part1.py").read_text()
src = src.replace('A, B = "../trial46", "."', 'A, B = "../trial48", "."')
src = src.replace('lines(A, "t01_holes_accuracy.txt")', 'lines(A, "t01_holes_accuracy_3maps.txt")')
src = src.replace('(A, ["t02_annotations.txt"])', '(A, ["t02_annotations_4maps.txt"])')
print("# labels: 't46' = trial 48's numbers, 't47' = today's (trial 49)")
exec(compile(src, "trial47/compare_part1.py (folders swapped)", "exec"), {"__name__": "__main__"})
ns = {}
exec(compile(src.split("\nt01(); t02()")[0], "defs", "exec"), ns)
ns["A"], ns["B"] = "../trial48", "."
for title, f, start, keyn in (("t33 slide", "t33_slide.txt", "SUMMARY", 1), ("t34 seaborn annot", "t34_seaborn_annot.txt", "SUMMARY", 2),
                              ("t32 gouraud", "t32_gouraud.txt", "SUMMARY", 3), ("t52 webp/avif", "t52_webp_avif.txt", "SUMMARY", 1),
                              ("t53 imshow big", "t53_imshow_big.txt", "SUMMARY", 1), ("t55 matlab", "t55_matlab.txt", "SUMMARY", 1),
                              ("t51 opencv", "t51_opencv.txt", "SUMMARY", 1), ("t57 two panels", "t57_two_panels.txt", "SUMMARY", 1)):
    try: ns["side"](title, f, start, keyn)
    except Exception as e: print(f"### {title}: compare failed ({type(e).__name__}: {e})")
