"""Follow-ups on failures seen in t33, t38, t40, t41 (one small repro each, default call vs one option changed):
(a) an imshow figure (PNG) of a LinearSegmentedColormap.from_list map: noise estimate, denoise on/off vs the truth;
(b) the 16-bit TIFF of gray's float table (grace_hopper crop): .jpeg/.noise, denoise off; (c) uint16 holding 0..255:
the full warning; (d) identify_colormap given a PIL palette Image; (e) the slide (viridis camera): the holes' residual
and what the nearest table colour would have answered there."""
import io, numpy as np, truepix as tp, cv2, matplotlib as mpl, tifffile
import matplotlib.pyplot as plt
from matplotlib.colors import LinearSegmentedColormap
from PIL import Image, ImageDraw, ImageFont
from _p2 import c, grab, interior, gray_truth, score, kd, call, wshort, header

header(__doc__.splitlines()[0])
rf = c.real_fields()
print("(a) from_list3 imshow figure PNG (4x3 in dpi 100, colorbar, nearest): default vs denoise=False")
cm = LinearSegmentedColormap.from_list("bwr3", ["navy", "white", "firebrick"])
for fn, f in (("bumps", c.smooth_fields(256)["bumps"]), ("dem", c.crop(rf["dem_jacksboro"], 256))):
    for interp in ("nearest", "antialiased"):
        fg = plt.figure(figsize=(4, 3), dpi=100); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
        art = ax.imshow(cv2.resize(f.astype(np.float32), (130, 100), interpolation=cv2.INTER_AREA), cmap=cm, vmin=0, vmax=1, aspect="auto", interpolation=interp); fg.colorbar(art)
        pic = grab(fg); sl = interior(fg, ax); tr = gray_truth(fg, art, sl); plt.close(fg)
        for kw in ({}, {"denoise": False}):
            r = tp.Decolorizer(cm, vmin=0, vmax=1, **kw).decode(pic)
            mt, pt, ht = score(r.values[sl], tr); mb, _, _ = score(kd(cm)(pic[sl]), tr)
            print(f"  {fn:6}{interp:12}{str(kw):18} noise {float(r.noise):.2f} jpeg {bool(r.jpeg)} thr {float(r.threshold):.1f}  MAE {100*mt:.3f}% (k-d {100*mb:.3f}%) ratio {mt/mb:.2f} holes {100*ht:.3f}%")
        d2 = pic[sl].reshape(-1, 3); print(f"    plot-area colours: {len(np.unique(d2, axis=0))}, share exactly a table colour: "
                                          f"{np.mean((tp.Decolorizer(cm, vmin=0, vmax=1).residual(pic[sl]) == 0)):.3f}")
print("\n(b) gray float table as 16-bit TIFF (grace_hopper 256 crop): default vs denoise=False; the uint8 bytes beside")
f = c.crop(rf["grace_hopper"], 256)
a16 = np.round(mpl.colormaps["gray"](f)[..., :3] * 65535).astype(np.uint16)
b = io.BytesIO(); tifffile.imwrite(b, a16, photometric="rgb"); pic16 = tifffile.imread(io.BytesIO(b.getvalue()))
for nm, pic in (("uint16 float-table", pic16), ("uint8 bytes", mpl.colormaps["gray"](f, bytes=True)[..., :3]), ("float64 cmap(x)", mpl.colormaps["gray"](f)[..., :3])):
    for kw in ({}, {"denoise": False}):
        r = tp.Decolorizer("gray", vmin=0, vmax=1, **kw).decode(pic)
        print(f"  {nm:20}{str(kw):18} MAE {100*score(r.values, f)[0]:.3f}%  noise {float(r.noise):.2f} jpeg {bool(r.jpeg)} thr {float(r.threshold):.1f}")
print("\n(c) uint16 picture holding 0..255 values:")
pic = mpl.colormaps["viridis"](c.smooth_fields(64)["bumps"], bytes=True)[..., :3].astype(np.uint16)
v, err, ws = call(lambda: tp.decolorize(pic, cmap="viridis", vmin=0, vmax=1))
print(f"  NaN share {np.isnan(v).mean():.3f}; warnings: {wshort(ws, 600)}")
print("\n(d) identify_colormap(PIL palette Image of a jet GIF):")
b = io.BytesIO(); Image.fromarray(mpl.colormaps["jet"](c.smooth_fields(64)["bumps"], bytes=True)[..., :3]).save(b, "GIF"); g = Image.open(io.BytesIO(b.getvalue()))
r, err, ws = call(lambda: tp.identify_colormap(g, top=2)); print(f"  -> {[(m.name, round(m.score, 3)) for m in r] if r else err}  warnings: {wshort(ws)}")
r, err, ws = call(lambda: tp.identify_colormap(np.asarray(g.convert('RGB')), top=2)); print(f"  RGB -> {[(m.name, round(m.score, 3)) for m in r] if r else err}")
print("\n(e) slide, viridis camera (t33's case): the holes")
f = c.crop(rf["camera"], 400); rgb = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
size = (320, 320); small = Image.fromarray(rgb).resize(size, Image.BICUBIC)
truth = np.clip(np.asarray(Image.fromarray(f.astype(np.float32), mode="F").resize(size, Image.BICUBIC), np.float64), 0, 1)
slide = Image.new("RGB", (480, 400), "white"); slide.paste(small, (80, 60))
ImageDraw.Draw(slide).text((40, 14), "Results: camera field", fill="black", font=ImageFont.load_default(size=28))
b = io.BytesIO(); slide.save(b, "JPEG", quality=85); pic = np.asarray(Image.open(b).convert("RGB"))
sl = (slice(63, 377), slice(83, 397)); tr = truth[3:-3, 3:-3]
r = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(pic); v = r.values[sl]; hole = np.isnan(v)
kv = kd("viridis")(pic[sl])
print(f"  holes {100*hole.mean():.3f}% ({hole.sum()} px); residual at holes p10/p50/p90 {np.percentile(r.residual[sl][hole], [10, 50, 90]).round(1)} DN; threshold {float(r.threshold):.1f}; noise {float(r.noise):.2f}")
print(f"  k-d answer error at the holes: median {100*np.median(np.abs(kv - tr)[hole]):.2f}% p90 {100*np.percentile(np.abs(kv - tr)[hole], 90):.2f}% of the range; truth there p10/p50/p90 {np.percentile(tr[hole], [10, 50, 90]).round(3)}")
r2 = tp.Decolorizer("viridis", vmin=0, vmax=1).decode(pic[sl])
print(f"  the pasted picture alone (cropped out of the slide): holes {100*np.isnan(r2.values).mean():.3f}%, noise {float(r2.noise):.2f}, threshold {float(r2.threshold):.1f}")
print("load", c.loadavg())
