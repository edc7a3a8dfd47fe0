#!/bin/bash
# After run_more.sh: t121 and t122 again (run 1 of each crashed in my own summary line, dividing by a k-d MAE of 0 on contourf PNG).
cd "$(dirname "$0")"
while kill -0 $(cat run_more.pid) 2>/dev/null; do sleep 3; done
LOG=part2_log.txt ./run.sh t121_figures.py
LOG=part2_log.txt ./run.sh t122_read_figure_cli.py
echo MORE2DONE $(date -u +%T) >> part2_log.txt
