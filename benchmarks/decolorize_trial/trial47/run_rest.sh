#!/bin/bash
# The rest, one script at a time (replaces run_part1.sh after t23 and run_part2.sh, reordered for the load):
# Part 1's t29, t25, t02 (4 of 8 maps), Part 2's scripts, t28b, then t01 on a map subset.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial47/src NUMBA_NUM_THREADS=1
while kill -0 15546 2>/dev/null; do sleep 5; done
echo "end   t23_overlays $(date -u +%T) $(cat t23_overlays.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
run part1_log.txt ../trial46/t29_coastlines.py
run part1_log.txt ../trial46/t25_formats.py
OUTNAME=t02_annotations_4maps run part1_log.txt ../trial45/t02_annotations.py viridis,jet,magma,coolwarm
for s in t21b_contourf_marks.py t41_errors_new.py t35_skimage_readers.py t38_tiff16.py t39_rgba_nodata.py t40_custom_cmaps.py t36_gif.py t30_savefig_jpg.py t31_imshow_lower_bar.py t32_gouraud.py t33_slide.py t34_seaborn_annot.py t37_dask_mosaic.py t42_speed.py t28b_cli_folder_cost.py; do run part2_log.txt $s; done
T01_MAPS=viridis,jet,gray OUTNAME=t01_holes_accuracy_3maps run part1_log.txt t01_subset.py
echo ALLDONE >> part1_log.txt
