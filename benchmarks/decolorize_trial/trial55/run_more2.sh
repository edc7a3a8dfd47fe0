#!/bin/bash
# After Part 2: case M again with vmin/vmax given (its first run omitted them: decolorize answered about the range first),
# and t170 (GIF of a JPEG), which the first runner's edited copy did not pick up.
cd "$(dirname "$0")"
while kill -0 $(cat run_part2.pid) 2>/dev/null; do sleep 3; done
export LOG=part2_log.txt
OUTNAME=t200_M ONLY=M ./run.sh t200_new_inputs.py
LOG=part1_log.txt ./run.sh t170_gif_of_jpeg.py
echo MORE2_DONE $(date -u +%T) >> part2_log.txt
