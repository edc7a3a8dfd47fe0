#!/bin/bash
# Replaces run_part1.sh / run_part2.sh (stopped after t61 at load 12): Part 1 on stated subsets (sub.py), Part 2, then
# the rest of Part 1; one script at a time, outputs here. Logs: part1_log.txt, part2_log.txt.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial49/src NUMBA_NUM_THREADS=1
while pgrep -f "trial48/t61_followups.py" >/dev/null; do sleep 3; done
echo "end   t61_followups $(date -u +%T) (runner replaced; see t61_followups.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
T48=../trial48
OUTNAME=t52_webp_avif_brick run part1_log.txt sub.py $T48/t52_webp_avif.py 'fields.update({f"s_{k}": v for k, v in sf.items()})' 'fields = {"brick": fields["brick"]}'
OUTNAME=t53_imshow_big_subset run part1_log.txt sub.py $T48/t53_imshow_big.py 'maps = ["viridis", "jet", "turbo", "RdBu_r"]' 'maps = ["jet", "viridis"]' 'fields = {"dem_up": up(c.crop(rf["dem_jacksboro"], 512)), "camera_up": up(rf["camera"]), "smooth": F.smooth(2000, 3000),' 'fields = {"camera_up": up(rf["camera"]),'
for s in t55_matlab t51_opencv t57_two_panels t59_errors t43c_rest; do run part1_log.txt $T48/$s.py; done
run part1_log.txt ../trial47/t34_seaborn_annot.py
run part1_log.txt ../trial46/t23_overlays.py
OUTNAME=t02_annotations_2maps run part1_log.txt ../trial45/t02_annotations.py viridis,jet
run part1_log.txt ../trial47/t33_slide.py
run part1_log.txt ../trial46/t29_coastlines.py
run part1_log.txt ../trial47/t42_speed.py
echo "PART1A done $(date -u +%T)" >> part1_log.txt
for s in t77_errors_warnings t76_cli t71_matshow t72_norms t70_geo t73_writers t75_dask t74_browser_zoom; do run part2_log.txt $s.py; done
echo ALLDONE >> part2_log.txt
OUTNAME=t25_formats_3maps run part1_log.txt sub.py ../trial46/t25_formats.py 'MAPS = ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]' 'MAPS = ["viridis", "jet", "turbo"]'
OUTNAME=t32_gouraud_2maps run part1_log.txt ../trial47/t32_gouraud.py --maps jet,magma
OUTNAME=t58_real_figures_10 run part1_log.txt sub.py $T48/t58_real_figures.py 'files = sorted(glob.glob("/work/shared/real_figures/*.png"))' 'files = [p for p in sorted(glob.glob("/work/shared/real_figures/*.png")) if any(k in p for k in ("hist2d_greys", "blues6_discrete", "double_cbar", "pdsh1_imshow_jet", "spl_pcolor_rdbu", "contour_log_extension", "plotnine_two_colorbars", "confusion_blues_annot", "hexbin_log", "rdgy_gaussian"))]'
OUTNAME=t01_holes_accuracy_3maps run part1_log.txt ../trial45/t01_holes_accuracy.py --maps viridis,jet,gray
python compare_part1.py > part1_compare.txt 2> compare_part1.err
echo ALLDONE >> part1_log.txt
