#!/bin/bash
# After run_end.sh: t72 on BoundaryNorm only (its second run stopped there on a division by zero in my script: the k-d
# tree is exact on a 7-colour BoundaryNorm PNG). Output t72_norms_boundary.txt.
cd "$(dirname "$0")"
. /work/main/.venv/bin/activate; export PYTHONPATH=/work/wt/trial49/src NUMBA_NUM_THREADS=1
while kill -0 1189 2>/dev/null; do sleep 3; done
echo "start t72_norms_boundary $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
/usr/bin/time -f "%e s wall %U s user %S s sys" -o t72_norms_boundary.time python sub.py t72_norms.py 'for nn, (mk, data) in cases.items():' 'for nn, (mk, data) in [(k, v) for k, v in cases.items() if k == "BoundaryNorm"]:' > t72_norms_boundary.txt 2> t72_norms_boundary.err
echo "end   t72_norms_boundary $(date -u +%T) rc $? $(cat t72_norms_boundary.time|tr '\n' ' ') load $(cut -d' ' -f1-3 /proc/loadavg)" >> part2_log.txt
