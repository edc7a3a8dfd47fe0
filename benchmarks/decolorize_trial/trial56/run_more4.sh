#!/bin/bash
# After run_more3.sh: t402 (the BoundaryNorm jet q75 bands).
cd "$(dirname "$0")"
while kill -0 $(cat run_more3.pid) 2>/dev/null; do sleep 3; done
LOG=part2_log.txt ./run.sh t402_bn_jet_bands.py
echo MORE4_DONE $(date -u +%T) >> part2_log.txt
