#!/bin/bash
# Part 1's rest, in two lanes by priority (run_part1.sh stopped after t150 at load 12: too slow in one lane).
cd "$(dirname "$0")"
T56=../trial56; T55=../trial55; T54=../trial54; T52=../trial52
export LOG=part1_log.txt
if [ "$1" = a ]; then
  while ! grep -q "^end   t150" part1_log.txt; do sleep 3; done
  OUTNAME=t200_EM ONLY=EM ./run.sh $T55/t200_new_inputs.py
  ./run.sh $T56/t401_followups.py
  ./run.sh $T56/t404_annotated_cells.py
  OUTNAME=t400_C ONLY9=C ./run.sh $T56/t400_new_inputs.py
  OUTNAME=t400_B ONLY9=B ./run.sh $T56/t400_new_inputs.py
  ./run.sh $T54/t164_contours_over_maps.py
else
  while kill -0 $(cat run_more3.pid) 2>/dev/null; do sleep 3; done
  ./run.sh $T54/t162_followups.py
  OUTNAME=t200_L ONLY=L ./run.sh $T55/t200_new_inputs.py
  OUTNAME=t400_I ONLY9=I ./run.sh $T56/t400_new_inputs.py
  ./run.sh $T56/t301_contourf_claims.py
  ./run.sh $T52/t122_read_figure_cli.py
fi
echo PART1B$1_DONE $(date -u +%T) >> part1_log.txt
