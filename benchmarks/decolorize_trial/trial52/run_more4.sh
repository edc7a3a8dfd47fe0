#!/bin/bash
# After run_more3.sh: t124 (the terrain 12-levels warning).
cd "$(dirname "$0")"
while kill -0 $(cat run_more3.pid) 2>/dev/null; do sleep 3; done
LOG=part2_log.txt ./run.sh t124_terrain_levels_warning.py
echo MORE4DONE $(date -u +%T) >> part2_log.txt
