#!/bin/bash
# Part 1: trial 48's failure repros and the cheap Part 1 scripts, rerun unchanged from this folder, one at a time; outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial49/src NUMBA_NUM_THREADS=1
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
/usr/bin/time -f "%e s wall %U s user %S s sys" python -c "import truepix as tp, numpy as np, matplotlib as mpl; tp.decolorize(mpl.colormaps['viridis'](np.random.rand(64,64),bytes=True), cmap='viridis', vmin=0, vmax=1)" 2>> part1_log.txt
echo "warm-up (numba compile) done $(date -u +%T)" >> part1_log.txt
T48=../trial48
for s in t61_followups t52_webp_avif t53_imshow_big t55_matlab t51_opencv t57_two_panels t58_real_figures t59_errors t43c_rest; do run part1_log.txt $T48/$s.py; done
OUTNAME=t02_annotations_4maps run part1_log.txt ../trial45/t02_annotations.py viridis,jet,magma,coolwarm
run part1_log.txt ../trial46/t23_overlays.py
run part1_log.txt ../trial46/t29_coastlines.py
for s in t33_slide t34_seaborn_annot; do run part1_log.txt ../trial47/$s.py; done
run part1_log.txt ../trial46/t25_formats.py
run part1_log.txt ../trial47/t32_gouraud.py
run part1_log.txt ../trial47/t42_speed.py
OUTNAME=t01_holes_accuracy_3maps run part1_log.txt ../trial45/t01_holes_accuracy.py --maps viridis,jet,gray
echo ALLDONE >> part1_log.txt
