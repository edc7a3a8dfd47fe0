#!/bin/bash
# After run_more.sh: trial 54's t161 (speed: 12 MP q60 warm / cold, 20-frame stack), if time is left.
cd "$(dirname "$0")"
while kill -0 $(cat run_more.pid) 2>/dev/null; do sleep 3; done
LOG=part1_log.txt ./run.sh ../trial54/t161_speed.py
echo MORE2_DONE $(date -u +%T) >> part1_log.txt
