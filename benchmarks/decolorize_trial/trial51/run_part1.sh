#!/bin/bash
# Part 1: trial 50's open failures rerun on this main, one script at a time; outputs (.txt/.err/.time) here; log part1_log.txt.
# Subsets through ../trial49/sub.py (each .txt's first line says what it replaced).
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial51/src NUMBA_NUM_THREADS=1
run() { s=$1; shift; o=${OUTNAME:-$(basename $s .py)}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt; }
T50=../trial50; T49=../trial49
K='    for kind in ("specgram", "gouraud", "auto", "hexbin"):'
run $T50/t84_spectrogram_hexbin.py
run $T50/t82_ndvi_masked.py
run $T50/t85_subplots.py
run $T50/t86_writers_rescale.py
run $T50/t87_errors_speed.py
OUTNAME=t84_nperseg512 run $T49/sub.py $T50/t84_spectrogram_hexbin.py 'nperseg=256' 'nperseg=512' "$K" '    for kind in ("auto",):'
OUTNAME=t84_nperseg128 run $T49/sub.py $T50/t84_spectrogram_hexbin.py 'nperseg=256' 'nperseg=128' "$K" '    for kind in ("auto",):'
OUTNAME=t84_specgram_nfft512 run $T49/sub.py $T50/t84_spectrogram_hexbin.py 'ax.specgram(x, Fs=fs, cmap=m)' 'ax.specgram(x, Fs=fs, NFFT=512, noverlap=256, cmap=m)' "$K" '    for kind in ("specgram",):'
OUTNAME=t02_annotations_4maps run ../trial45/t02_annotations.py viridis,jet,magma,gray
run $T50/t80_astropy.py
echo PART1DONE $(date -u +%T) >> part1_log.txt
