#!/bin/bash
# Replaces run_part1.sh after its first script (t84; its bash was stopped, the running python kept) so that Part 1 and
# Part 2 interleave by priority, one script at a time. Part 1 lines log to part1_log.txt, Part 2 to part2_log.txt.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial51/src NUMBA_NUM_THREADS=1
while kill -0 7218 2>/dev/null; do sleep 3; done
echo "end   t84_spectrogram_hexbin $(date -u +%T) $(cat t84_spectrogram_hexbin.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> part1_log.txt
run() { s=$1; shift; o=${OUTNAME:-$(basename $s .py)}; L=${LOG:-part1_log.txt}
  echo "start $o $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L
  /usr/bin/time -f "%e s wall %U s user %S s sys" -o $o.time timeout ${TMO:-600} python $s "$@" > $o.txt 2> $o.err
  echo "end   $o $(date -u +%T) rc $? $(cat $o.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L; }
T50=../trial50; T49=../trial49
K='    for kind in ("specgram", "gouraud", "auto", "hexbin"):'
run $T50/t82_ndvi_masked.py
LOG=part2_log.txt run t100_odd_inputs.py
LOG=part2_log.txt run t92_opencv_all.py
run $T50/t85_subplots.py
run $T50/t86_writers_rescale.py
run $T50/t87_errors_speed.py
OUTNAME=t84_nperseg512 run $T49/sub.py $T50/t84_spectrogram_hexbin.py 'nperseg=256' 'nperseg=512' "$K" '    for kind in ("auto",):'
OUTNAME=t84_nperseg128 run $T49/sub.py $T50/t84_spectrogram_hexbin.py 'nperseg=256' 'nperseg=128' "$K" '    for kind in ("auto",):'
OUTNAME=t84_specgram_nfft512 run $T49/sub.py $T50/t84_spectrogram_hexbin.py 'ax.specgram(x, Fs=fs, cmap=m)' 'ax.specgram(x, Fs=fs, NFFT=512, noverlap=256, cmap=m)' "$K" '    for kind in ("specgram",):'
LOG=part2_log.txt run t97_identify_jpeg.py
LOG=part2_log.txt run t93_contours.py
run $T50/t80_astropy.py
LOG=part2_log.txt run t96_seaborn_annot.py
LOG=part2_log.txt run t95_resample_quant.py
OUTNAME=t02_annotations_4maps run ../trial45/t02_annotations.py viridis,jet,magma,gray
LOG=part2_log.txt run t94_interp.py
LOG=part2_log.txt run t99_cli.py
LOG=part2_log.txt run t98_dask_cluster.py
echo ALLDONE $(date -u +%T) >> part1_log.txt
