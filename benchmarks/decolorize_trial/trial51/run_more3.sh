#!/bin/bash
# After run_more2.sh: t93b, where the contour figures' holes are.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial51/src NUMBA_NUM_THREADS=1
while kill -0 $(cat run_more2.pid) 2>/dev/null; do sleep 3; done
run() { s=$1; shift; o=${OUTNAME:-$(basename $s .py)}; L=${LOG:-part2_log.txt}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L; }
for s in ${LIST:-t93b_contour_holes}; do run $s.py; done
echo MORE3DONE $(date -u +%T) >> part2_log.txt
