#!/bin/bash
# Run the CLI as a user would, then re-run it with the options its warning names (copied from stderr).
cd "$(dirname "$0")"; D=cli_files
run() {  # file cmap vmin vmax truth [extra...]
  f=$1; c=$2; lo=$3; hi=$4; t=$5; shift 5
  echo "== truepix decolorize $f --cmap $c --vmin $lo --vmax $hi $*"
  s=$(date +%s.%N); truepix decolorize $D/$f $D/out.npy --cmap $c --vmin $lo --vmax $hi "$@" 2>$D/err.txt; rc=$?
  echo "   rc $rc, $(echo "$(date +%s.%N) - $s" | bc) s"; sed 's/^/   stderr: /' $D/err.txt | cut -c1-400
  [ $rc = 0 ] && python t6_score.py $D/out.npy $D/$t $lo $hi
}
for f in ext_jet.png ext_jet.jpg ext_viridis.png ext_viridis.jpg; do
  c=${f#ext_}; c=${c%.*}
  run $f $c 1000 3500 ext_truth.npy
  adv=$(grep -o -- "--over [^ ]* --under [^ ;,]*\|--under [^ ]* --over [^ ;,]*\|--over [^ ;,]*\|--under [^ ;,]*" $D/err.txt | head -1)
  [ -n "$adv" ] && eval run $f $c 1000 3500 ext_truth.npy $adv
done
for f in lev6.png lev6.jpg; do
  run $f viridis 0 100 lev6_truth.npy
  adv=$(grep -o -- "--levels [0-9]*\|--boundaries [0-9.,]*" $D/err.txt | head -1)
  [ -n "$adv" ] && eval run $f viridis 0 100 lev6_truth.npy $adv
done
for f in bn.png bn.jpg; do
  run $f jet 0 100 bn_truth.npy
  adv=$(grep -o -- "--boundaries [0-9.,]*\|--levels [0-9]*" $D/err.txt | head -1)
  [ -n "$adv" ] && eval run $f jet 0 100 bn_truth.npy $adv
  run $f jet 0 100 bn_truth.npy --boundaries 0,10,20,35,50,70,100
done
