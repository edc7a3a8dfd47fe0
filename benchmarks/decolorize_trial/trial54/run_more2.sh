#!/bin/bash
# After run_more.sh: t111 from trial52's folder (run_all.sh named trial51's, which has none).
cd "$(dirname "$0")"
while kill -0 $(cat run_more.pid) 2>/dev/null; do sleep 3; done
export LOG=part1_log.txt
./run.sh ../trial52/t111_small_followups.py
echo MORE2_DONE $(date -u +%T) >> part1_log.txt
