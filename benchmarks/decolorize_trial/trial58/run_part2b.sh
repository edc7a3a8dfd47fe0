#!/bin/bash
# H again (its first run spent its 400 s compiling the JPEG path cold at load 12), after run_part2.sh
cd "$(dirname "$0")"
while ! grep -q PART2_DONE part2_log.txt; do sleep 5; done
OUTNAME=t600_H ONLY11=H LOG=part2_log.txt ./run.sh t600_new_inputs.py
echo PART2B_DONE $(date -u +%T) >> part2_log.txt
