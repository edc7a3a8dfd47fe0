#!/bin/bash
# After run_part2.sh: t50 on a subset (the full run took ~1 min wall a row at load 22 and was stopped after 5 rows),
# the follow-ups (t61), t55 and t51 again (their first run stopped at the summary: _p3.summary read the wrong columns,
# fixed), t54 (a Decolorizer(**kw) bug in the script, fixed), t56 too if it imported the old _p3; then the Part 1 comparison.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial48/src NUMBA_NUM_THREADS=1
while ! grep -q ALLDONE part2_log.txt 2>/dev/null; do sleep 5; done
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
OUTNAME=t50_chromium_subset run part2_log.txt t50_chromium.py --subset camera,bumps viridis,jet 75:1.25,75:1.5,40:1.25
for s in t61_followups t54_xarray t55_matlab t51_opencv; do run part2_log.txt $s.py; done
grep -q "Command exited with non-zero" t56_tiff_imagej_ome.time && run part2_log.txt t56_tiff_imagej_ome.py
python compare_part1.py > part1_compare.txt 2> compare_part1.err
echo EXTRADONE >> part2_log.txt
