"""Part 2: a colormap given as an object, not a name: ListedColormap of 10 colours (viridis sampled at 10 points,
and 10 hand-picked named colours) and LinearSegmentedColormap.from_list of 3 colours (navy-white-firebrick, N=256).
Pictures: cmap(field, bytes=True) (exact), JPEG q75, and an imshow figure with a colorbar (PNG). Default call
decolorize(pic, cmap=the object, vmin=0, vmax=1); for the 10-colour maps the best possible answer is the middle of
each colour's tenth (error <= 0.05); k-d tree over the map's own N entries. Holes, MAE, max error, warnings."""
import numpy as np, truepix as tp, cv2
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap, LinearSegmentedColormap
from _p2 import c, grab, interior, gray_truth, score, kd, call, wshort, jpeg, header

header(__doc__.splitlines()[0])
cms = {"listed10_viridis": ListedColormap(plt.get_cmap("viridis")(np.linspace(0, 1, 10))),
       "listed10_named": ListedColormap(["navy", "blue", "teal", "green", "olive", "gold", "orange", "red", "brown", "black"]),
       "from_list3": LinearSegmentedColormap.from_list("bwr3", ["navy", "white", "firebrick"])}
rf = c.real_fields()
fields = {"dem": c.crop(rf["dem_jacksboro"], 256), "camera": c.crop(rf["camera"], 256), "bumps": c.smooth_fields(256)["bumps"]}
print(f"{'cmap':18}{'field':8}{'form':7}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'max_err':>8}  jpeg/noise/thr | warnings")
for cn, cm in cms.items():
    for fn, f in fields.items():
        ex = cm(f, bytes=True)[..., :3]
        forms = {"exact": (ex, f, None), "jpg75": (jpeg(ex, 75), f, None)}
        fg = plt.figure(figsize=(4, 3), dpi=100); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
        art = ax.imshow(cv2.resize(f.astype(np.float32), (130, 100), interpolation=cv2.INTER_AREA), cmap=cm, vmin=0, vmax=1, aspect="auto", interpolation="nearest"); fg.colorbar(art)
        pic = grab(fg); sl = interior(fg, ax); tr = gray_truth(fg, art, sl); plt.close(fg)
        forms["figure"] = (pic, tr, sl)
        for form, (pic, truth, sl) in forms.items():
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=cm, vmin=0, vmax=1))
            if v is None:
                print(f"{cn:18}{fn:8}{form:7} ERROR {err}"); continue
            res = tp.Decolorizer(cm, vmin=0, vmax=1).decode(pic)
            p = pic if sl is None else pic[sl]; vv = v if sl is None else v[sl]
            mt, pt, ht = score(vv, truth); mb, pb, _ = score(kd(cm)(p), truth)
            e = np.abs(vv - truth)
            print(f"{cn:18}{fn:8}{form:7}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{np.nanmax(e):8.3f}  "
                  f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f} | {wshort(ws, 160)}", flush=True)
print("load", c.loadavg())
