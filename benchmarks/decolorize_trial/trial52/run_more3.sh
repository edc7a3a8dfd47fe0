#!/bin/bash
# After run_more2.sh: t123 (warm speed on Part 2's pictures).
cd "$(dirname "$0")"
while kill -0 $(cat run_more2.pid) 2>/dev/null; do sleep 3; done
LOG=part2_log.txt ./run.sh t123_speed.py
echo MORE3DONE $(date -u +%T) >> part2_log.txt
