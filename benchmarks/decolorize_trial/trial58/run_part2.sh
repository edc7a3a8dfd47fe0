#!/bin/bash
# Part 2: t600 one case per run (ONLY11=letter), one lane; lines in part2_log.txt
cd "$(dirname "$0")"
export LOG=part2_log.txt
for k in ${CASES:-H I G A C D F B E J}; do OUTNAME=t600_$k ONLY11=$k TMO=${TMO:-400} ./run.sh t600_new_inputs.py; done
echo PART2_DONE $(date -u +%T) >> part2_log.txt
