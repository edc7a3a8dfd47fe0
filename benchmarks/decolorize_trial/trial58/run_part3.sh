#!/bin/bash
# after the first commit (18:15): failure 11's scripts and t164 again warm, and t630, two lanes
cd "$(dirname "$0")"
T57=../trial57; T56=../trial56; T55=../trial55; T54=../trial54
export LOG=part1_log.txt
if [ "$1" = a ]; then
  OUTNAME=t400_I ONLY9=I ./run.sh $T56/t400_new_inputs.py
  OUTNAME=t200_L ONLY=L TMO=540 ./run.sh $T55/t200_new_inputs.py
else
  ./run.sh t630_followups.py
  TMO=540 ./run.sh $T54/t164_contours_over_maps.py
fi
echo PART3$1_DONE $(date -u +%T) >> part1_log.txt
