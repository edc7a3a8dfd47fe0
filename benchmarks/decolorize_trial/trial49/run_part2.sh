#!/bin/bash
# Part 2: new inputs, one script at a time after Part 1 (waits for its ALLDONE); outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial49/src NUMBA_NUM_THREADS=1
while ! grep -q ALLDONE part1_log.txt 2>/dev/null; do sleep 5; done
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
for s in ${SCRIPTS:-t77_errors_warnings t76_cli t71_matshow t72_norms t70_geo t73_writers t75_dask t74_browser_zoom}; do run part2_log.txt $s.py; done
echo ALLDONE >> part2_log.txt
