#!/bin/bash
# Part 2: new inputs, one script (or one case of t160) at a time, after run_part1.sh's first scripts.
cd "$(dirname "$0")"
export LOG=part2_log.txt
for k in A B C D E F G H I J; do OUTNAME=t160_$k ONLY=$k ./run.sh t160_figs.py; done
./run.sh t161_speed.py
echo PART2_DONE $(date -u +%T) >> part2_log.txt
