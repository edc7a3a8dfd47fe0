#!/bin/bash
# Part 1: trial 56's failures 1-11 and stop 60's claims, trial 56's (and 55/54/52's) scripts as they are, on bfed6a2f.
cd "$(dirname "$0")"
T56=../trial56; T55=../trial55; T54=../trial54; T52=../trial52
export LOG=part1_log.txt
./run.sh $T56/t402_bn_jet_bands.py
./run.sh $T56/t403_bn_jet_where.py
OUTNAME=t400_D ONLY9=D ./run.sh $T56/t400_new_inputs.py
OUTNAME=t200_B ONLY=B ./run.sh $T55/t200_new_inputs.py
./run.sh $T55/t203_white_borders.py
OUTNAME=t200_C ONLY=C ./run.sh $T55/t200_new_inputs.py
./run.sh $T54/t150_black_beside_white.py
OUTNAME=t200_EM ONLY=EM ./run.sh $T55/t200_new_inputs.py
./run.sh $T56/t401_followups.py
./run.sh $T56/t404_annotated_cells.py
OUTNAME=t400_B ONLY9=B ./run.sh $T56/t400_new_inputs.py
OUTNAME=t400_C ONLY9=C ./run.sh $T56/t400_new_inputs.py
./run.sh $T52/t122_read_figure_cli.py
./run.sh $T54/t164_contours_over_maps.py
./run.sh $T54/t162_followups.py
OUTNAME=t400_I ONLY9=I ./run.sh $T56/t400_new_inputs.py
./run.sh $T56/t301_contourf_claims.py
OUTNAME=t200_L ONLY=L ./run.sh $T55/t200_new_inputs.py
echo PART1_DONE $(date -u +%T) >> part1_log.txt
