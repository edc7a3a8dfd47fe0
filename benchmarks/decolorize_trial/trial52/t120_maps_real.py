"""Part 2 (a): matplotlib maps the trials used little (cividis, twilight, Spectral, terrain, gist_earth, ocean, cubehelix,
RdBu, PuOr, YlGnBu) on real fields (skimage camera / moon / coins, 384^2 crops, and a DEM-like fBm), written as users do:
plt.imsave PNG read by Pillow; Pillow JPEG q75 (4:2:0); plt.imsave -> cv2.imread -> cv2.imwrite JPEG q50 (OpenCV's 4:2:0)
-> cv2.imread + BGR2RGB; Gaussian noise sigma 2 and 3 DN (a webcam-like sensor). Default call by name, vmin=0, vmax=1.
identify_colormap on the JPEG q75 pictures (camera, fBm): rank of the right name."""
import io, os, tempfile, numpy as np, cv2, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, header, summary, dec, HEAD7, fbm, call, wshort, cpu

header(__doc__.splitlines()[0])
N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "moon": rf["moon"], "coins": c.norm01(c.crop(coins, N)), "fbm": fbm(N)}
maps = ["cividis", "twilight", "Spectral", "terrain", "gist_earth", "ocean", "cubehelix", "RdBu", "PuOr", "YlGnBu"]
if os.environ.get("SMOKE"): maps, fields = maps[:1], {"fbm": fields["fbm"]}
tmp = tempfile.mkdtemp()
rng = np.random.default_rng(7)


def kinds(field, m):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    yield "png", png
    yield "jpeg75", c.jpeg(png, 75)
    bgr = cv2.imread(p); j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, bgr, [cv2.IMWRITE_JPEG_QUALITY, 50])
    yield "cv2jpeg50", cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    for s in (2, 3):
        yield f"noise{s}", np.clip(png + rng.normal(0, s, png.shape), 0, 255).round().astype(np.uint8)


rows = []; ident = []
print(HEAD7)
for m in maps:
    for fn, f in fields.items():
        for k, pic in kinds(f, m):
            r = dec(f"{m} {fn} {k}", pic, f, m)
            if r: rows.append((m, fn, k) + r[1:])
            if k == "jpeg75" and fn in ("camera", "fbm"):
                t0 = cpu(); res, err, ws = call(lambda: tp.identify_colormap(pic, top=5)); dt = cpu() - t0
                names = [x.name for x in res] if res else [err]
                rank = names.index(m) + 1 if m in names else None
                ident.append((m, fn, rank)); print(f"   identify {m} {fn} jpeg75: rank {rank} top {names[:3]} {dt:.2f}s | {wshort(ws)}", flush=True)
summary(rows, lambda r: r[2], "by degradation")
summary(rows, lambda r: r[0], "by map")
summary(rows, lambda r: r[1], "by field")
print("\nidentify: right name first", sum(r == 1 for _, _, r in ident), "of", len(ident), "; not in top 5:", [(m, f) for m, f, r in ident if r is None])
