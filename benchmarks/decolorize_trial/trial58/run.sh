#!/bin/bash
# run.sh SCRIPT [ARGS]: one script (any trial's, by path) under timeout 600; .txt/.err/.time HERE, a line in $LOG
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial58/src NUMBA_NUM_THREADS=1 MPLBACKEND=Agg
s=$1; shift; o=${OUTNAME:-$(basename $s .py)}; L=${LOG:-log.txt}
echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L
/usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L
