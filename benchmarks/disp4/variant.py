import sys
sys.argv = [sys.argv[0]] + sys.argv[1:]
which = sys.argv.pop(1)
from truepix.color._decolorize import _alone as AL, _end_piles as EP
if which == "noinked":
    oi = AL._inked
    AL._inked = lambda g, c, i, k, w, h, e=None, l=None: oi(g, c, i, k, w, h, None, None)
if which == "noblend":
    EP.end_blend = lambda *a: False
if which == "noline":
    EP.end_line = lambda *a: False
exec(open("" + __import__("os").path.dirname(__file__) + "/proto.py").read())
