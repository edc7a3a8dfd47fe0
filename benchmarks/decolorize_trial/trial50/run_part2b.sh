#!/bin/bash
# After run_part2.sh: t82 again (run 1 stopped at once on my script's crop of the 344-row DEM; the DEM is now resized).
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial50/src:/tmp/trial50_pkgs NUMBA_NUM_THREADS=1
while kill -0 $(cat run_part2.pid) 2>/dev/null; do sleep 3; done
run() { s=$1; shift; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt; }
run t82_ndvi_masked.py
echo PART2B_DONE $(date -u +%T) >> part2_log.txt
