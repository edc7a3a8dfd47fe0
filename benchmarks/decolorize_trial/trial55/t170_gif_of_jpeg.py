"""Stop 58's pal1 claim (JPEG reduced to a 256-colour palette is judged JPEG, holes 16 -> 4 of 80 over 0.2 %) on the way a
user makes one: a JPEG (Pillow q50 / q75 / q90) opened and saved as GIF by Pillow (its default conversion), by imageio, and
quantize(256, FASTOCTREE); camera and an fBm field, jet / turbo / viridis / magma, decoded by name."""
import io, sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial54"))
from _p8 import c, header, HEAD8, dec_any, pil_rgb, fbm, jpeg_pil, summary
from PIL import Image
import imageio.v3 as iio

header("t170 GIF of a JPEG")
print(HEAD8, flush=True)
fields = {"camera": c.norm01(c.crop(c.real_fields()["camera"], 384)), "fbm": fbm(384, seed=70)}
rows = []
for fn, f in fields.items():
    for m in ("jet", "turbo", "viridis", "magma"):
        rgb = c.render(f, m)
        for q in (50, 75, 90):
            src = jpeg_pil(rgb, q)
            b = io.BytesIO(); Image.fromarray(src).save(b, "GIF"); g1 = pil_rgb(b.getvalue())
            g2 = iio.imread(iio.imwrite("<bytes>", src, extension=".gif"))[..., :3]
            b = io.BytesIO(); Image.fromarray(src).quantize(256, method=Image.Quantize.FASTOCTREE).save(b, "PNG"); g3 = pil_rgb(b.getvalue())
            for how, p in (("Pillow GIF", g1), ("imageio GIF", g2), ("octree PNG", g3)):
                dec_any(f"{fn} {m} q{q} -> {how}", p, f, m, rows=rows, vmin=0.0, vmax=1.0)
summary(rows, "all")
summary([r for r in rows if "camera" in r[0]], "camera")
summary([r for r in rows if "fbm" in r[0]], "fbm")
