#!/bin/bash
# After run_part1b.sh: t112 (t102's follow-up, written after t102 ran out of time).
cd "$(dirname "$0")"
while kill -0 $(cat run_part1b.pid) 2>/dev/null; do sleep 3; done
LOG=part1_log.txt ./run.sh t112_bilinear_followup.py
echo MOREDONE $(date -u +%T) >> part1_log.txt
