#!/bin/bash
# After run_rest.sh: the two Part 2 scripts fixed after their first run (t34, t37), the follow-ups (t43), then the
# rest of Part 1's maps: t02 on the other 4 maps, t01 one map per process (so a cut run keeps what it finished).
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial47/src NUMBA_NUM_THREADS=1
while ! grep -q ALLDONE part1_log.txt 2>/dev/null; do sleep 5; done
run() { log=$1; s=$2; shift 2; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $log; }
for s in t34_seaborn_annot.py t37_dask_mosaic.py t43_followups.py; do run part2_log.txt $s; done
OUTNAME=t02_annotations_4more run part1_log.txt ../trial45/t02_annotations.py gray,turbo,RdBu_r,cividis
for m in turbo magma coolwarm cividis RdBu_r Spectral hot; do T01_MAPS=$m OUTNAME=t01_holes_accuracy_$m run part1_log.txt t01_subset.py; done
echo EXTRADONE >> part1_log.txt
