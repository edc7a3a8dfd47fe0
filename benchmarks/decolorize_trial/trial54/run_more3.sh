#!/bin/bash
# After run_more2.sh: t152 (t150's control for lw 1.0 / 2.0).
cd "$(dirname "$0")"
while kill -0 $(cat run_more2.pid) 2>/dev/null; do sleep 3; done
export LOG=part1_log.txt
./run.sh t152_black_control_lw.py
echo MORE3_DONE $(date -u +%T) >> part1_log.txt
