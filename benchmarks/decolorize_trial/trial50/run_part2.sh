#!/bin/bash
# Part 2 after run_part1b.sh; one script at a time; outputs here; log part2_log.txt.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial50/src:/tmp/trial50_pkgs NUMBA_NUM_THREADS=1
while kill -0 $(cat run_part1b.pid) 2>/dev/null; do sleep 3; done
run() { s=$1; shift; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt; }
for s in t87_errors_speed t82_ndvi_masked t83_thirdparty_maps t80_astropy t86_writers_rescale t81_xarray t84_spectrogram_hexbin t85_subplots; do run $s.py; done
echo PART2_DONE $(date -u +%T) >> part2_log.txt
