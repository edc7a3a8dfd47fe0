#!/bin/bash
# Part 2: new inputs, one case of t200 at a time, after run_part1.sh.
cd "$(dirname "$0")"
while kill -0 $(cat run_part1.pid) 2>/dev/null; do sleep 3; done
export LOG=part2_log.txt
for k in ${CASES:-M H A B C D E J I K F G L}; do OUTNAME=t200_$k ONLY=$k ./run.sh t200_new_inputs.py; done
echo PART2_DONE $(date -u +%T) >> part2_log.txt
