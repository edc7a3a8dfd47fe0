#!/bin/bash
# t34 and t37 again after their script fixes (ratio with a zero k-d error; the mosaic built with da.concatenate and
# a __main__ guard for LocalCluster's processes), after run_extra.sh.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial47/src NUMBA_NUM_THREADS=1
while ! grep -q EXTRADONE part1_log.txt 2>/dev/null; do sleep 5; done
for s in t34_seaborn_annot t37_dask_mosaic; do
  echo "start $s $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $s.time python $s.py > $s.txt 2> $s.err
  echo "end   $s $(date -u +%T) rc $? $(cat $s.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
done
echo FIXDONE >> part2_log.txt
