#!/bin/bash
# Part 1: trial 55's failures and stop 59's claims, cheapest subsets, one at a time after warm.sh.
cd "$(dirname "$0")"
while kill -0 $(cat warm.pid) 2>/dev/null; do sleep 3; done
T55=../trial55; T54=../trial54; T52=../trial52
export LOG=part1_log.txt
OUTNAME=t200_C ONLY=C ./run.sh $T55/t200_new_inputs.py
./run.sh $T55/t202_bad_core.py
OUTNAME=t200_B ONLY=B ./run.sh $T55/t200_new_inputs.py
./run.sh $T54/t164_contours_over_maps.py
./run.sh $T54/t150_black_beside_white.py
./run.sh $T52/t122_read_figure_cli.py
./run.sh $T55/t203_white_borders.py
OUTNAME=t200_L ONLY=L ./run.sh $T55/t200_new_inputs.py
OUTNAME=t200_EM ONLY=EM ./run.sh $T55/t200_new_inputs.py
./run.sh $T54/t162_followups.py
echo PART1_DONE $(date -u +%T) >> part1_log.txt
