#!/bin/bash
# Part 2: after run_part1.sh finishes; one script at a time; outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial48/src NUMBA_NUM_THREADS=1
while ! grep -q ALLDONE part1_log.txt 2>/dev/null; do sleep 5; done
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
for s in t43c_rest t59_errors t55_matlab t51_opencv t56_tiff_imagej_ome t57_two_panels t42_speed t53_imshow_big t52_webp_avif t50_chromium t54_xarray t58_real_figures; do
  if [ $s = t42_speed ]; then run part2_log.txt ../trial47/t42_speed.py; else run part2_log.txt $s.py; fi
done
echo ALLDONE >> part2_log.txt
