"""Which decode stage makes the NaN on skimage's brick (512 px crop) drawn with a map, JPEG q75.

python benchmarks/brick/stages_nan.py [MAP ...]

Wraps each stage of ``Decolorizer._run`` / ``_decode`` and prints the NaN fraction of what
the stage hands on (positions or values), in call order.
"""
import functools
import io
import sys

import matplotlib as mpl
import numpy as np
from PIL import Image

import truepix as tp
from truepix.color._decolorize import _api, _ringed


def brick():
    import skimage.data

    g = skimage.data.brick().astype(np.float64)
    g = g[:512, :512]  # (skimage brick is 512 x 512: the whole picture, not trial48's crop)
    return (g - g.min()) / (g.max() - g.min())


def jpeg(rgb, q):
    b = io.BytesIO()
    Image.fromarray(rgb).save(b, format="JPEG", quality=q)
    return np.asarray(Image.open(b).convert("RGB"))


LOG = []


def wrap(mod, name):
    fn = getattr(mod, name)

    @functools.wraps(fn)
    def w(*a, **k):
        out = fn(*a, **k)
        o = out
        if isinstance(o, tuple):
            o = o[0]
        v = getattr(o, "values", o)
        if isinstance(v, np.ndarray) and v.dtype.kind == "f":
            LOG.append((name, float(np.isnan(v).mean())))
        return out

    setattr(mod, name, w)


for mod, names in (
    (_api, ["palette_filled", "memo_fields", "posterior_positions"]),
    (_ringed, []),
    (_api.planning, ["without_marks", "deblocked", "denoise"]),
    (_api.levels, ["snapped"]),
    (_api.extremes, ["censored"]),
):
    for n in names:
        if hasattr(mod, n):
            wrap(mod, n)
orig_sided = _api.seam.sided


def sided(*a, **k):
    out = orig_sided(*a, **k)
    LOG.append(("seam.sided", float(np.isnan(out[0]).mean())))
    return out


_api.seam.sided = sided
import truepix.color._decolorize._ringed as R  # noqa: E402

orig_j = R.judged_positions


def jp(*a, **k):
    LOG.append(("memo/codes position in", float(np.isnan(a[5]).mean())))
    out = orig_j(*a, **k)
    LOG.append(("judged_positions", float(np.isnan(out).mean())))
    return out


R.judged_positions = jp

f = brick()
for m in sys.argv[1:] or ["viridis", "magma", "jet", "turbo"]:
    pic = jpeg(mpl.colormaps[m](f, bytes=True)[..., :3], 75)
    LOG.clear()
    r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
    print(m, f"final {100*np.isnan(r.values).mean():.2f}% noise {r.noise:.2f} thr {r.threshold}")
    for n, x in LOG:
        print(f"   {n:28} {100*x:6.2f}%")
