"""Trial 41 part 3: 16-bit float-color PNG bins, a wrong warning, then part (c) (t3c_cli.py): identify + CLI on WebP/GIF/16-bit/TIFF files."""
import io, os, warnings
import numpy as np, cv2
from PIL import Image
import matplotlib.pyplot as plt
import truepix as tp
from common import fields
fl = fields()

print("== (a) 16-bit PNG of cmap(norm(x)) floats (OpenCV write/read): share in own bin")
for cm in ["viridis", "jet", "RdBu_r", "turbo"]:
    d = fl["camera"]; lo, hi = d.min(), d.max(); x = (d - lo) / (hi - lo)
    f = plt.get_cmap(cm)(x)[..., :3]
    p16 = np.round(f * 65535).astype(np.uint16)
    r = tp.Decolorizer(cm, vmin=lo, vmax=hi).decode(p16)
    k = np.clip((x * 256).astype(int), 0, 255)
    kv = np.floor((r.values - lo) / (hi - lo) * 256 - 1e-9).astype(int)
    rf = tp.decolorize(f, cmap=cm, vmin=lo, vmax=hi)
    kf = np.floor((rf - lo) / (hi - lo) * 256 - 1e-9).astype(int)
    print(f"  {cm:8s} uint16: in own bin {np.mean(kv == k)*100:.1f}%  noise {float(r.noise):.2f} jpeg {bool(r.jpeg)} denoised {bool(r.denoised)} | same colors as float64: in own bin {np.mean(kf == k)*100:.1f}%")

print("== (b) speckle field, OpenCV linear 1.5x upscale (a display-scaled screenshot): warning")
d = fl["speckle"]; lo, hi = d.min(), d.max()
b = io.BytesIO(); plt.imsave(b, d, cmap="viridis", vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
for name, pic in [("cv linear 1.5x", cv2.resize(rgb, (384, 384), interpolation=cv2.INTER_LINEAR)),
                  ("cv linear 1.25x", cv2.resize(rgb, (320, 320), interpolation=cv2.INTER_LINEAR)),
                  ("pil bilinear 1.5x", np.asarray(Image.fromarray(rgb).resize((384, 384), Image.BILINEAR)))]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always"); v = tp.decolorize(pic, cmap="viridis", vmin=lo, vmax=hi)
    print(f"  {name}: NaN {np.isnan(v).mean()*100:.2f}%  warnings: {[str(x.message) for x in w]}")

# (c) lives in t3c_cli.py (also run alone there): identify + CLI on files written by other tools
import runpy
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "t3c_cli.py"), run_name="__main__")
