"""Trial 41 part 3: 16-bit float-color PNG bins, a wrong warning, identify + CLI on WebP/GIF/16-bit/TIFF files, xarray plot, colorbar crop."""
import io, os, subprocess, tempfile, warnings, json, time
import numpy as np, cv2, tifffile
from PIL import Image
import matplotlib.pyplot as plt
import truepix as tp
from common import fields, baseline, metrics
fl = fields(); tmp = tempfile.mkdtemp()

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

print("== (c) identify_colormap and the CLI on files written by other tools")
d = fl["terrain"]; lo, hi = d.min(), d.max()
np.save(os.path.join(tmp, "truth.npy"), d)
for cm in os.environ.get("T3_MAPS", "viridis,jet,RdBu_r,turbo,magma,coolwarm").split(","):
    b = io.BytesIO(); plt.imsave(b, d, cmap=cm, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
    files = {}
    Image.fromarray(rgb).save(p := os.path.join(tmp, f"{cm}.webp"), "WEBP", quality=75); files["webp75"] = p
    Image.fromarray(rgb).save(p := os.path.join(tmp, f"{cm}.gif"), "GIF"); files["gif"] = p
    plt.imsave(p := os.path.join(tmp, f"{cm}_plt.gif"), d, cmap=cm, vmin=lo, vmax=hi); files["plt_gif"] = p
    cv2.imwrite(p := os.path.join(tmp, f"{cm}16.png"), cv2.cvtColor(rgb.astype(np.uint16) * 257, cv2.COLOR_RGB2BGR)); files["png16"] = p
    tifffile.imwrite(p := os.path.join(tmp, f"{cm}.tif"), rgb); files["tiff"] = p
    tifffile.imwrite(p := os.path.join(tmp, f"{cm}_f.tif"), plt.get_cmap(cm)((d - lo) / (hi - lo)).astype(np.float32)); files["tiff_f32"] = p
    for kind, p in files.items():
        arr = tp.load(p) if kind != "gif" and kind != "plt_gif" else np.asarray(Image.open(p).convert("RGB"))
        try:
            top = tp.identify_colormap(arr)[:2]; idn = ", ".join(f"{m.name} {m.score:.3g}" for m in top)
        except Exception as e:
            idn = f"ERR {type(e).__name__}: {str(e)[:120]}"
        t = time.perf_counter()
        cp = subprocess.run(["truepix", "decolorize", p, os.path.join(tmp, "o.npy"), "--cmap", cm, "--vmin", str(lo), "--vmax", str(hi)], capture_output=True, text=True)
        dt = time.perf_counter() - t
        if cp.returncode == 0:
            v = np.load(os.path.join(tmp, "o.npy"))
            m = metrics(v, d, lo, hi) if v.shape == d.shape else None
            cli = f"rc 0 {dt:.1f}s " + (f"NaN {m['nan']:.2f}% mean {m['mean_h']:.3f}%" if m else f"shape {v.shape}")
        else:
            cli = f"rc {cp.returncode}: {(cp.stderr or cp.stdout).strip()[-200:]}"
        t = time.perf_counter(); ci = subprocess.run(["truepix", "identify", p, "--top", "1"], capture_output=True, text=True); dti = time.perf_counter() - t
        print(f"  {cm:8s} {kind:8s} tp.load {getattr(arr,'dtype',None)} {getattr(arr,'shape',None)} | identify: {idn} | CLI identify rc {ci.returncode} {dti:.1f}s {(ci.stdout or ci.stderr).strip().splitlines()[0][:90] if (ci.stdout or ci.stderr).strip() else ''} | CLI decolorize {cli}")
