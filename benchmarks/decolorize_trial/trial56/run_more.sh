#!/bin/bash
# After run_part2.sh: t401 (follow-ups of t400 C, D, F).
cd "$(dirname "$0")"
while kill -0 $(cat run_part2.pid) 2>/dev/null; do sleep 3; done
export LOG=part2_log.txt
./run.sh t401_followups.py
echo MORE_DONE $(date -u +%T) >> part2_log.txt
