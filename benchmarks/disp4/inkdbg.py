import sys
from truepix.color._decolorize import _end_piles as EP, _alone as AL
from truepix.color._decolorize._end_inks import _to_segment
from truepix.color._decolorize._plan import _YCBCR
import numpy as np
oe = EP.end_line
def el(flat, scale, width, line, pixels, luma):
    r = oe(flat, scale, width, line, pixels, luma)
    if len(pixels):
        end = line.vertices[0]
        sides = EP._brightest_sides(flat, scale, width, pixels, True)
        ends = np.broadcast_to(end @ _YCBCR[1:].T, sides.shape)
        apart = _to_segment(np.zeros_like(sides), sides, ends) >= EP.UNDERSHOOT_APART
        chroma = flat[pixels, :3] @ _YCBCR[1:].T * scale
        gain = _to_segment(chroma, sides, ends) - _to_segment(chroma, sides, np.zeros_like(sides))
        print(f"   end_line n {len(pixels)} median luma {np.median(luma):.1f} apart {apart.mean():.2f} gain med(apart) {np.median(gain[apart]) if apart.any() else None} -> {r}")
    return r
EP.end_line = el
import truepix.color._decolorize._jpeg as J
J.end_line = el
exec(open("" + __import__("os").path.dirname(__file__) + "/proto.py").read())
