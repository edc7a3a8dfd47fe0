#!/bin/bash
# Part 1: trial 57's failure scripts as they are, by path, two lanes (a, b); outputs here, lines in part1_log.txt
cd "$(dirname "$0")"
T57=../trial57; T56=../trial56; T55=../trial55; T54=../trial54
export LOG=part1_log.txt
if [ "$1" = a ]; then
  ./run.sh $T57/t505_repro_rf_magma.py
  OUTNAME=t200_C ONLY=C ./run.sh $T55/t200_new_inputs.py
  ./run.sh $T56/t404_annotated_cells.py
  OUTNAME=t400_B ONLY9=B ./run.sh $T56/t400_new_inputs.py
  ./run.sh $T57/t502_named_custom.py
  OUTNAME=t500_B ONLY10=B ./run.sh $T57/t500_new_inputs.py
else
  ./run.sh $T54/t164_contours_over_maps.py
  OUTNAME=t500_G ONLY10=G ./run.sh $T57/t500_new_inputs.py
  OUTNAME=t200_B ONLY=B ./run.sh $T55/t200_new_inputs.py
  TMO=300 ./run.sh $T56/t401_followups.py
  ./run.sh $T55/t203_white_borders.py
fi
echo PART1$1_DONE $(date -u +%T) >> part1_log.txt
