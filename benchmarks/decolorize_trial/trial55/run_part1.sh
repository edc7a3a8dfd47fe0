#!/bin/bash
# Part 1: trial 54's failures and stop 58's claims, cheapest subsets first, one at a time after warm.sh.
cd "$(dirname "$0")"
while kill -0 $(cat warm.pid) 2>/dev/null; do sleep 3; done
T54=../trial54; T53=/work/wt/trial53/benchmarks/decolorize_trial/trial53; T52=../trial52; T49=../trial49
export LOG=part1_log.txt
./run.sh $T54/t164_contours_over_maps.py
OUTNAME=t163_L ONLY2=L ./run.sh $T54/t163_more_figs.py
./run.sh $T54/t161_speed.py
./run.sh $T52/t112_bilinear_followup.py
./run.sh $T53/t144_followups.py
./run.sh $T54/t162_followups.py
./run.sh t170_gif_of_jpeg.py
echo PART1_DONE $(date -u +%T) >> part1_log.txt
