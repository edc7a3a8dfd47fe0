#!/bin/bash
# t500 E and K again: run 1 called dec_any without vmin/vmax on the imsave rows (my script's bug: InputError, rightly).
cd "$(dirname "$0")"
while kill -0 $(cat run_more2.pid) 2>/dev/null; do sleep 3; done
for k in E K; do OUTNAME=t500_$k LOG=part2_log.txt ONLY10=$k ./run.sh t500_new_inputs.py; done
echo MORE3_DONE $(date -u +%T) >> log.txt
