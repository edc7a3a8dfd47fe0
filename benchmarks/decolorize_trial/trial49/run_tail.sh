#!/bin/bash
# Replaces run_all.sh's end (stopped during t70 at load 20): the rest of Part 2 (t72 rerun after a script bug), then what
# time allows of Part 1's rest. One script at a time, outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial49/src NUMBA_NUM_THREADS=1
while kill -0 28503 2>/dev/null || kill -0 28504 2>/dev/null; do sleep 3; done
echo "end   t70_geo $(date -u +%T) (runner replaced; see t70_geo.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
for s in t73_writers t75_dask t72_norms t74_browser_zoom; do run part2_log.txt $s.py; done
echo ALLDONE >> part2_log.txt
OUTNAME=t01_holes_accuracy_3maps run part1_log.txt ../trial45/t01_holes_accuracy.py --maps viridis,jet,gray
python compare_part1.py > part1_compare.txt 2> compare_part1.err
OUTNAME=t25_formats_3maps run part1_log.txt sub.py ../trial46/t25_formats.py 'MAPS = ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]' 'MAPS = ["viridis", "jet", "turbo"]'
OUTNAME=t32_gouraud_2maps run part1_log.txt ../trial47/t32_gouraud.py --maps jet,magma
echo ALLDONE >> part1_log.txt
