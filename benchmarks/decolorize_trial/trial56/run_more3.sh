#!/bin/bash
# After run_more2.sh: t401 (b) and (c) again (run 1 crashed in (b); its (a) is in t401_followups_run1_crashed.txt).
cd "$(dirname "$0")"
while kill -0 $(cat run_more2.pid) 2>/dev/null; do sleep 3; done
LOG=part2_log.txt PARTS=bc ./run.sh t401_followups.py
echo MORE3_DONE $(date -u +%T) >> part2_log.txt
