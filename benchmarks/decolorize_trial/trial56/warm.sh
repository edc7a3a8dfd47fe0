#!/bin/bash
# Compile this worktree's numba kernels once: trial 52's t00_warm, then trial 54's t01_warm_fig (figures).
cd "$(dirname "$0")"; export LOG=log.txt
./run.sh ../trial52/t00_warm.py
./run.sh ../trial54/t01_warm_fig.py
echo WARM_DONE $(date -u +%T) >> log.txt
