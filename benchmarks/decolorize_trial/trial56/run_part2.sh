#!/bin/bash
# Part 2 (t400, one case per run) and the two claim scripts of Part 1 written here (t301, t302), after run_part1.sh.
cd "$(dirname "$0")"
while kill -0 $(cat run_part1.pid) 2>/dev/null; do sleep 3; done
export LOG=part2_log.txt
for k in ${CASES:-F B E G C D}; do OUTNAME=t400_$k ONLY9=$k ./run.sh t400_new_inputs.py; done
LOG=part1_log.txt ./run.sh t301_contourf_claims.py
for k in H I A K; do OUTNAME=t400_$k ONLY9=$k ./run.sh t400_new_inputs.py; done
LOG=part1_log.txt ./run.sh t302_palette_grid.py
echo PART2_DONE $(date -u +%T) >> part2_log.txt
