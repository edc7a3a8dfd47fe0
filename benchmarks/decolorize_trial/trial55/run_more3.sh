#!/bin/bash
# After run_more2.sh: t201 (follow-ups of t200's pcolormesh edges and hexbin jet).
cd "$(dirname "$0")"
while kill -0 $(cat run_more2.pid) 2>/dev/null; do sleep 3; done
export LOG=part2_log.txt
./run.sh t201_followups.py
echo MORE3_DONE $(date -u +%T) >> part2_log.txt
