"""Repro for an exact gray/Greys render taken for a JPEG and smoothed: the field is a photograph whose source
was a JPEG (grace_hopper.jpg, so the DATA has 8x8 block texture); the picture is an exact cmap(f, bytes=True)."""
import numpy as np, truepix as tp, _common as c
f = c.crop(c.real_fields()["grace_hopper"], 256)
for m in ("gray", "Greys", "binary", "viridis", "bone"):
    rgb = c.render(f, m)
    r = tp.Decolorizer(m, vmin=0, vmax=1).decode(rgb)
    r2 = tp.Decolorizer(m, vmin=0, vmax=1, denoise=False).decode(rgb)
    e = np.abs(r.values - f); eb = np.abs(c.Baseline(m)(rgb) - f)
    print(f"{m:8} noise {r.noise:.2f} jpeg {r.jpeg!s:5} denoised {r.denoised!s:5} thr {r.threshold:.1f} | MAE {100*np.nanmean(e):.3f}% max {100*np.nanmax(e):.2f}% "
          f"| kd MAE {100*eb.mean():.3f}% | denoise=False MAE {100*np.nanmean(np.abs(r2.values-f)):.3f}%")
