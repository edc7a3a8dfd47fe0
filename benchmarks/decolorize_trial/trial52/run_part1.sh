#!/bin/bash
# Part 1: trial 51's failures 1-13 (and the stop-53 claims) again on today's main, one script at a time, after t00_warm.
cd "$(dirname "$0")"
while pgrep -f "t00_warm.py" >/dev/null; do sleep 3; done
T50=../trial50; T51=../trial51; T49=../trial49
K='    for kind in ("specgram", "gouraud", "auto", "hexbin"):'
export LOG=part1_log.txt
./run.sh $T51/t102_bilinear_repro.py
./run.sh t110_disparity_maps.py
OUTNAME=t02_annotations_4maps ./run.sh ../trial45/t02_annotations.py viridis,jet,magma,gray
./run.sh $T51/t96_seaborn_annot.py
./run.sh $T51/t104_small_repros.py
./run.sh $T51/t103_opencv_identify_follow.py
OUTNAME=t84_nperseg512 ./run.sh $T49/sub.py $T50/t84_spectrogram_hexbin.py 'nperseg=256' 'nperseg=512' "$K" '    for kind in ("auto",):'
./run.sh $T50/t82_ndvi_masked.py
./run.sh $T51/t105_bilinear_real.py
./run.sh $T50/t80_astropy.py
./run.sh $T51/t99_cli.py
./run.sh $T51/t101_cold_cache.py
./run.sh $T50/t87_errors_speed.py
./run.sh $T51/t92_opencv_all.py
./run.sh $T51/t95b_quant_many_colors.py
OUTNAME=t84_specgram_nfft512 ./run.sh $T49/sub.py $T50/t84_spectrogram_hexbin.py 'ax.specgram(x, Fs=fs, cmap=m)' 'ax.specgram(x, Fs=fs, NFFT=512, noverlap=256, cmap=m)' "$K" '    for kind in ("specgram",):'
echo PART1DONE $(date -u +%T) >> part1_log.txt
