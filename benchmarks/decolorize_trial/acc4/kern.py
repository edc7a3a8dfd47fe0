import sys, numpy as np
sys.argv = ["x"]; sys.path.insert(0, "/work/wt/acc4/benchmarks/decolorize_trial/acc3")
import offline as O
from truepix.color._decolorize._deblock import deblock
from truepix.color._decolorize._seam import lifted
def fn(p, n, c):
    out, _ = deblock(p, n, c)
    return lifted(out, p) if c else out
O.evaluate(fn, conds=("q90", "q75", "q50", "q75_444"), label="kernel")
