"""Holes on all-data pictures by picture size (issue 11, Deliver 1), with the stage of
``_jpeg.jpeg_off_map`` that first flagged data.

python scan.py SIZES QUALITIES [MAPS]
  SIZES      comma-separated crop sides (px) of trial 45's real fields and smooth ones
  QUALITIES  Pillow JPEG 4:2:0 qualities; 0 = the exact render; negative = WebP at -q
  MAPS       comma-separated (default: trial 45's ten)
Prints every picture with more than 0.2 % NaN and the count."""
import sys, time, warnings; warnings.simplefilter("ignore")
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "decolorize_trial" / "trial45"))
import numpy as np, _common as c, truepix as tp
from truepix.color._decolorize import _jpeg as J
STAGES = ["_follow_strokes", "strokes_unbled", "inked_strokes", "jump_strokes", "gray_ink_strokes",
          "end_ink_strokes", "ink_blends", "fringes"]
log = {}
for nm in STAGES:
    orig = getattr(J, nm)
    def wrap(*a, _o=orig, _n=nm, **k):
        om = [x for x in a if isinstance(x, np.ndarray) and x.dtype == bool and x.ndim == 1 and x.size > 500]
        b = int(om[0].sum()) if om else 0
        r = _o(*a, **k)
        if om and om[0].sum() > b: log[_n] = log.get(_n, 0) + int(om[0].sum()) - b
        return r
    setattr(J, nm, wrap)
sizes = [int(x) for x in sys.argv[1].split(",")]; qs = [int(x) for x in sys.argv[2].split(",")]
maps = sys.argv[3].split(",") if len(sys.argv) > 3 else ["viridis", "jet", "turbo", "magma", "cividis", "gray", "coolwarm", "RdBu_r", "Spectral", "hot"]
real = c.real_fields()
import io
from PIL import Image
def webp(rgb, q):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "WEBP", quality=q)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
t0 = time.process_time(); bad = tot = 0
for n in sizes:
    fields = {k: c.crop(v, n) for k, v in real.items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
    fields.update({k: v for k, v in c.smooth_fields(n).items() if k != "waves"})
    for m in maps:
        for fn, f in fields.items():
            rgb = c.render(f, m)
            for q in qs:
                im = rgb if q == 0 else (c.jpeg(rgb, q, 2) if q > 0 else webp(rgb, -q))
                log.clear()
                v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
                h = np.isnan(v).mean(); tot += 1
                if h > 0.002:
                    bad += 1
                    print(f"{n:4} {m:9} {fn:14} q{q:<3} holes {100*h:5.2f}%  first stage {min(log, key=STAGES.index) if log else '-'} {log}", flush=True)
print(f"{bad}/{tot} pictures > 0.2 % holes; cpu {time.process_time()-t0:.0f}s")
