#!/bin/bash
# Part 1, cut for load (replaces run_part1.sh after its first script, t102; its bash 9615 was stopped, the python kept).
cd "$(dirname "$0")"
while kill -0 10363 2>/dev/null; do sleep 3; done
T50=../trial50; T51=../trial51; T49=../trial49
K='    for kind in ("specgram", "gouraud", "auto", "hexbin"):'
export LOG=part1_log.txt
./run.sh t110_disparity_maps.py
OUTNAME=t02_annotations_4maps ./run.sh ../trial45/t02_annotations.py viridis,jet,magma,gray
./run.sh $T51/t104_small_repros.py
./run.sh $T51/t103_opencv_identify_follow.py
./run.sh t111_small_followups.py
./run.sh $T51/t96_seaborn_annot.py
OUTNAME=t84_nperseg512 ./run.sh $T49/sub.py $T50/t84_spectrogram_hexbin.py 'nperseg=256' 'nperseg=512' "$K" '    for kind in ("auto",):'
./run.sh $T50/t82_ndvi_masked.py
./run.sh $T51/t101_cold_cache.py
echo PART1DONE $(date -u +%T) >> part1_log.txt
export LOG=part2_log.txt
./run.sh t120_maps_real.py
./run.sh t121_figures.py
./run.sh t122_read_figure_cli.py
echo PART2DONE $(date -u +%T) >> part2_log.txt
export LOG=part1_log.txt
./run.sh $T50/t80_astropy.py
echo PART1LATE $(date -u +%T) >> part1_log.txt
