#!/bin/bash
# Replaces run_part1.sh (stopped during t61 at load 13: its full list would take over an hour of wall time):
# trial 49's failure repros first, then the cheap Part 1 scripts by priority. One script at a time, outputs here.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial50/src NUMBA_NUM_THREADS=1
while kill -0 749 2>/dev/null; do sleep 3; done
echo "end   t61_followups $(date -u +%T) (runner replaced; see t61_followups.time) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
run() { s=$1; shift; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt; }
T48=../trial48; T49=../trial49
run t90_mosaic_repro.py
OUTNAME=t53_imshow_big_subset run $T49/sub.py $T48/t53_imshow_big.py 'maps = ["viridis", "jet", "turbo", "RdBu_r"]' 'maps = ["jet", "viridis"]' 'fields = {"dem_up": up(c.crop(rf["dem_jacksboro"], 512)), "camera_up": up(rf["camera"]), "smooth": F.smooth(2000, 3000),' 'fields = {"camera_up": up(rf["camera"]),'
OUTNAME=t02_annotations_4maps run ../trial45/t02_annotations.py viridis,jet,magma,gray
run ../trial46/t23_overlays.py
run $T49/t78_followups.py
run $T49/t72_norms.py
OUTNAME=t72_norms_boundary run $T49/sub.py $T49/t72_norms.py 'for nn, (mk, data) in cases.items():' 'for nn, (mk, data) in [(k, v) for k, v in cases.items() if k == "BoundaryNorm"]:'
run $T49/t71_matshow.py
run ../trial47/t34_seaborn_annot.py
run ../trial47/t33_slide.py
run ../trial46/t29_coastlines.py
run $T49/t77_errors_warnings.py
run ../trial47/t42_speed.py
run $T48/t55_matlab.py
run $T48/t59_errors.py
echo PART1B_DONE $(date -u +%T) >> part1_log.txt
