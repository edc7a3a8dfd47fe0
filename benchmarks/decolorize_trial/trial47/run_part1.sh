#!/bin/bash
# Part 1: trial 46's scripts rerun unchanged on this main, one at a time; outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial47/src NUMBA_NUM_THREADS=1
run() { s=$1; shift; o=$(basename $s .py)
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt; }
python -c "import truepix as tp, numpy as np, matplotlib as mpl; tp.decolorize(mpl.colormaps['viridis'](np.random.rand(64,64),bytes=True), cmap='viridis', vmin=0, vmax=1)" 2>/dev/null
echo "warm-up done $(date -u +%T)" >> part1_log.txt
run ../trial46/t27_errors.py
run ../trial46/t21_contourf.py
run ../trial46/t28_cli_folder.py
run ../trial46/t23_overlays.py
run ../trial46/t29_coastlines.py
run ../trial46/t25_formats.py
run ../trial45/t02_annotations.py
run ../trial45/t01_holes_accuracy.py
echo ALLDONE >> part1_log.txt
