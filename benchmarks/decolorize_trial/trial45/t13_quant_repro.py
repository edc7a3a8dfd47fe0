"""Repro for t11's worst case: a JPEG q90 jet/viridis picture of a photograph quantized to 256 colours (Pillow
median cut), default call: holes and the decoder's decisions, vs the same JPEG before quantization."""
import numpy as np, truepix as tp, _common as c
from PIL import Image
f = c.crop(c.real_fields()["camera"], 256)
for m in ("jet", "viridis", "turbo", "magma"):
    j = c.jpeg(c.render(f, m), 90)
    q = np.asarray(Image.fromarray(j).quantize(256, method=Image.Quantize.MEDIANCUT).convert("RGB"))
    for name, pic in (("jpeg90", j), ("jpeg90+quant256", q)):
        r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
        mt, pt, ht = c.score(r.values, f); mb, _, _ = c.score(c.Baseline(m)(pic), f)
        print(f"{m:8}{name:16} colours {len(np.unique(pic.reshape(-1,3), axis=0)):6} holes {100*ht:5.2f}% MAE {100*mt:5.2f}% (kd {100*mb:5.2f}%) thr {r.threshold:5.1f} noise {r.noise:4.2f} jpeg {r.jpeg!s:5} denoised {r.denoised!s:5}  resid p99 {np.nanpercentile(r.residual,99):5.1f}")
