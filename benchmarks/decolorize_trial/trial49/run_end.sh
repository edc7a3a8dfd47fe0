#!/bin/bash
# Replaces run_tail.sh (stopped during t75 at load 28): t72 (rerun), the follow-ups t78, t01 on 3 maps + the Part 1
# comparison, then t74 if time allows. One script at a time, outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial49/src NUMBA_NUM_THREADS=1
while kill -0 31977 2>/dev/null || kill -0 31978 2>/dev/null || kill -0  2>/dev/null; do sleep 3; done
echo "end   t75_dask $(date -u +%T) (runner replaced; see t75_dask.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
for s in t72_norms t78_followups; do run part2_log.txt $s.py; done
OUTNAME=t01_holes_accuracy_3maps run part1_log.txt ../trial45/t01_holes_accuracy.py --maps viridis,jet,gray
python compare_part1.py > part1_compare.txt 2> compare_part1.err
run part2_log.txt t74_browser_zoom.py
echo ALLDONE >> part2_log.txt
