#!/bin/bash
# Part 2: t500 one case per run, after run_part1.sh's first few (2 cores shared: at most 2 of my scripts at once).
cd "$(dirname "$0")"
export LOG=part2_log.txt
for k in ${CASES:-B D F I K E A H C G J}; do OUTNAME=t500_$k ONLY10=$k ./run.sh t500_new_inputs.py; done
echo PART2_DONE $(date -u +%T) >> part2_log.txt
