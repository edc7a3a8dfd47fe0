#!/bin/bash
# Part 1's last two reruns, after Part 2 (moved here at load 11 so that Part 2 ran first).
cd "$(dirname "$0")"
while kill -0 $(cat run_part2.pid) 2>/dev/null; do sleep 3; done
export LOG=part1_log.txt
./run.sh ../trial54/t150_black_beside_white.py
./run.sh ../trial52/t122_read_figure_cli.py
echo MORE_DONE $(date -u +%T) >> part1_log.txt
