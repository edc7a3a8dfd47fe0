#!/bin/bash
# After run_all.sh: t160 A again (its first run failed on my keyword bug), t162 (t160's follow-ups), t163 (more figures), t151 (t150's
# control), trial 53's speed rows (t123 warm, t101 cold) and, if time allows, t121's figures (coastlines C3).
cd "$(dirname "$0")"
while kill -0 $(cat run_all.pid) 2>/dev/null; do sleep 3; done
T52=../trial52; T51=../trial51
export LOG=part2_log.txt
OUTNAME=t160_A ONLY=A ./run.sh t160_figs.py
./run.sh t162_followups.py
./run.sh t163_more_figs.py
export LOG=part1_log.txt
./run.sh t151_black_control.py
./run.sh $T52/t123_speed.py
./run.sh $T51/t101_cold_cache.py
./run.sh $T52/t121_figures.py
echo MORE_DONE $(date -u +%T) >> part1_log.txt
