"""Deliver 7: identify_colormap on every matplotlib continuous map (smooth field, exact PNG and JPEG q75
4:2:0), ties resolved to the common name, direction reported unknown; also _r pictures and a few
pictures made by other tools (cv2.applyColorMap, plt.imsave->imread float32, downscaled)."""
import io, numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp, cv2
import _common as c

f = c.smooth_fields(160)["bumps"]
dem = c.crop(c.real_fields()["dem_jacksboro"], 160)
qual = {"Pastel1", "Pastel2", "Paired", "Accent", "Dark2", "Set1", "Set2", "Set3", "tab10", "tab20", "tab20b", "tab20c", "flag", "prism"}
names = [n for n in mpl.colormaps if not n.endswith("_r") and n not in qual and mpl.colormaps[n].N >= 256]
def same(a, b):
    return a.name == b or b in a.aliases
res = {"exact": [], "jpeg75": [], "exact_r": [], "jpeg75_dem": []}
wrong = []
dirs = set()
for n in names:
    for cond in res:
        mname = n + "_r" if cond == "exact_r" else n
        field = dem if cond.endswith("dem") else f
        pic = c.render(field, mname)
        if cond.startswith("jpeg"):
            pic = c.jpeg(pic, 75)
        top = tp.identify_colormap(pic, top=3)
        ok = same(top[0], n)
        in3 = any(same(t, n) for t in top)
        res[cond].append(ok)
        dirs.add((cond, top[0].direction_known, top[0].reversed))
        if not ok:
            wrong.append(f"  {cond:11}{n:16} -> {top[0].name} ({top[0].score:.3f}); true in top3: {in3}; {[ (t.name, round(t.score,3)) for t in top]}")
print(f"{len(names)} matplotlib maps")
for k, v in res.items():
    print(f"  {k:11} top-1 right {sum(v)}/{len(v)}")
print("direction fields seen (cond, direction_known, reversed):", sorted(dirs))
print("wrong top-1:"); print("\n".join(wrong))

print("\nother tools")
g = np.round(f * 255).astype(np.uint8)
for k, code in (("jet", cv2.COLORMAP_JET), ("turbo", cv2.COLORMAP_TURBO), ("viridis", cv2.COLORMAP_VIRIDIS), ("parula", cv2.COLORMAP_PARULA), ("inferno", cv2.COLORMAP_INFERNO)):
    pic = cv2.applyColorMap(g, code)[..., ::-1].copy()
    top = tp.identify_colormap(pic, top=3)
    print(f"  cv2 {k:8} -> {[(t.name, round(t.score, 3)) for t in top]}")
for n in ("gray", "viridis", "jet", "Greys", "bone"):
    b = io.BytesIO(); plt.imsave(b, f, cmap=n, format="jpg", pil_kwargs=dict(quality=75)); b.seek(0)
    pic = plt.imread(b, format="jpg")
    top = tp.identify_colormap(pic, top=3)
    print(f"  plt.imsave JPEG q75 {n:8} -> {[(t.name, round(t.score, 3)) for t in top]}")
    sm = cv2.resize(c.render(dem, n), (80, 80), interpolation=cv2.INTER_AREA)
    top = tp.identify_colormap(sm, top=3)
    print(f"  dem INTER_AREA 0.5x  {n:8} -> {[(t.name, round(t.score, 3)) for t in top]}")
print("load", c.loadavg())
