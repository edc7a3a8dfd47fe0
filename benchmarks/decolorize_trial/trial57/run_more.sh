#!/bin/bash
# Reruns of the two scripts the first (cold numba cache) run timed out in, and t501, each lane after its runner.
cd "$(dirname "$0")"
if [ "$1" = 1 ]; then
  while kill -0 $(cat run_part1.pid) 2>/dev/null; do sleep 3; done
  LOG=part1_log.txt ./run.sh ../trial56/t402_bn_jet_bands.py
  LOG=part1_log.txt ./run.sh t501_contourf_grid.py
else
  while kill -0 $(cat run_part2.pid) 2>/dev/null; do sleep 3; done
  OUTNAME=t500_B LOG=part2_log.txt ONLY10=B ./run.sh t500_new_inputs.py
fi
echo MORE$1_DONE $(date -u +%T) >> log.txt
