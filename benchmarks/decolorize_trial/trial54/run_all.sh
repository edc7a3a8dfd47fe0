#!/bin/bash
# Part 1: trial 53's open failures and stop 56-57's claims, cheapest subsets, one script at a time (after warm.sh).
# Order: the cheapest claims first, then Part 2 (run_part2.sh), then the rest of Part 1.
cd "$(dirname "$0")"
while kill -0 $(cat warm.pid) 2>/dev/null; do sleep 3; done
T53=/work/wt/trial53/benchmarks/decolorize_trial/trial53; T52=../trial52; T51=../trial51; T50=../trial50; T49=../trial49
T45=../trial45; B=/work/wt/trial54/benchmarks
export LOG=part1_log.txt
./run.sh $T53/t147_mako_min_repro.py
OUTNAME=t110_disparity_maps ./run.sh $T49/sub.py $T52/t110_disparity_maps.py 'for m in ("viridis", "jet", "magma"):' 'for m in ("viridis", "jet", "magma", "inferno", "turbo"):' 'for q in (75, 90):' 'for q in (50, 75, 90):'
./run.sh t150_black_beside_white.py
./run.sh $T53/t143_errors.py
echo PART1A_DONE $(date -u +%T) >> part1_log.txt
./run_part2.sh
export LOG=part1_log.txt
OUTNAME=t141_stacks_ADF ONLY=ADF ./run.sh $T53/t141_stacks.py
OUTNAME=c_interp6_grid ./run.sh $T49/sub.py $B/interp3/grid.py '"benchmarks/interp2"' "\"$B/interp2\"" -- bilinear,bicubic jet,rainbow,viridis,turbo 0.4,0.8 0,1,2,3 75,90
./run.sh $T53/t144_followups.py
./run.sh $T52/t112_bilinear_followup.py
./run.sh $T53/t140_roundtrips.py
./run.sh $T53/t146_checks.py
./run.sh $T52/t122_read_figure_cli.py
./run.sh $T51/t111_small_followups.py
./run.sh $T51/t104_small_repros.py
./run.sh $T51/t103_opencv_identify_follow.py
OUTNAME=t02_annotations_4maps ./run.sh $T45/t02_annotations.py viridis,jet,magma,gray
echo PART1_DONE $(date -u +%T) >> part1_log.txt
