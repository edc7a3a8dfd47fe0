import os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, cv2
sys.path.insert(0, ROOT); sys.path.insert(0, os.path.join(ROOT, "tests/color"))
from PIL import Image
from tests.color.test_decolorize_kind import _photo, _render
from tests.color.test_decolorize_palette_jpeg import _jpeg, _quantized
from _photographs import fbm
from truepix import Decolorizer
import truepix.color._decolorize._plan as PL
log = {}
def wrap(name):
    f = getattr(PL, name)
    def g(*a, **k):
        out = f(*a, **k); log.setdefault(name, out); return out
    setattr(PL, name, g)
for n in ["chroma_errors", "block_score"]: wrap(n)
fields = {"cam": _photo("camera"), "astro": _photo("astronaut"), "fbm": fbm(256, 2)}
rows = []
for fname, fld in fields.items():
  for name in ["jet", "turbo", "viridis", "coolwarm"]:
    rgb = _render(name, fld)
    srcs = {"exact": rgb, "area0.5": cv2.resize(rgb, (128, 128), interpolation=cv2.INTER_AREA), "lin0.5": cv2.resize(rgb, (128,128), interpolation=cv2.INTER_LINEAR),
            "up2": cv2.resize(rgb, (512, 512), interpolation=cv2.INTER_CUBIC), "jpeg90": _jpeg(rgb, 90), "jpeg75": _jpeg(rgb, 75), "jpeg95": _jpeg(rgb, 95)}
    for sname, src in srcs.items():
      for mname, m in [("med", Image.Quantize.MEDIANCUT), ("oct", Image.Quantize.FASTOCTREE)]:
        pic = _quantized(src, m)
        log.clear()
        r = Decolorizer(name, vmin=0.0, vmax=1.0).decode(pic)
        ce = log.get("chroma_errors"); bs = log.get("block_score")
        ratio = ce[1] / ce[0] if ce else np.nan
        res = r.residual
        print(f"{fname:6}{name:9}{sname:8}{mname:4} jpeg {r.jpeg!s:5} holes {100*np.isnan(r.values).mean():5.2f} ratio {ratio:5.2f} blocks {bs[0] if bs else np.nan:5.3f} detail {bs[1] if bs else np.nan:5.3f} luma {bs[2] if bs else np.nan:5.3f} far25 {100*np.mean(res>25):5.2f} far40 {100*np.mean(res>40):5.2f}", flush=True)
