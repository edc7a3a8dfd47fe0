"""trial58 helpers (= trial57 _p10): trial 56's _p9 by import (which brings _p8, t200's pics / run / rfig, t122's probe), nothing rewritten."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial56"))
from _p9 import *  # noqa: F401,F403
from _p9 import pics, run, rfig, dec_any, header, HEAD8, summary, fbm, jpeg_pil, pil_rgb, fig_bytes, call, cpu, wshort, kd, mscore, plot_slice, GRAY, RED  # noqa
