"""_inked's luma peak on a picture: the peak, its share, the claim."""
import sys
sys.path.insert(0, "benchmarks/interp2")
import numpy as np
import measure
from truepix.color._decolorize import _jpeg, _inked
import truepix as tp

orig_peak, orig_is = _inked._peak_ink, _jpeg.inked_strokes


def peak(luma, n):
    r = orig_peak(luma, n)
    counts = np.bincount(np.clip(np.rint(luma), 0, 255).astype(int), minlength=256)
    around = np.convolve(counts, np.ones(9), mode="same")
    top = int(np.argmax(around))
    print(f"   peak {r} top {top} share {around[top] / len(luma):.3f} n {len(luma)}")
    return r


def inked(flat, scale, width, position, inks, cl, off_map, *a, **k):
    print("   inks", inks)
    before = off_map.sum()
    orig_is(flat, scale, width, position, inks, cl, off_map, *a, **k)
    print("   flagged", off_map.sum() - before)


_inked._peak_ink = peak
_jpeg.inked_strokes = inked
m, interp, q = sys.argv[1], sys.argv[2], int(sys.argv[3])
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
noise = float(sys.argv[5]) if len(sys.argv) > 5 else 0.4
pic = measure.drawn(measure.array(seed, noise), m, interp, q)
v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
print("holes", np.isnan(v).mean())
