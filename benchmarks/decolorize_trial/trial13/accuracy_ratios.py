# Default-call accuracy vs the nearest-color k-d tree on real textured fields (fBm terrain + 3 skimage photos,
# 256x256), 10 maps, holes counted as 100% error. Goals: JPEG q90 <= 0.75, q75 <= 0.80, q50 <= 0.85,
# noise sigma 2 DN <= 0.80 (pooled mean ratio), p99 never worse.
import io, numpy as np, matplotlib as mpl, skimage.data, skimage.color, skimage.transform
from PIL import Image
from scipy.spatial import cKDTree
import truepix as tp
from truepix.color import catalog
def fbm(n=256, slope=3.0, seed=0):
    rng = np.random.default_rng(seed)
    kx = np.fft.fftfreq(n)[:, None]; ky = np.fft.fftfreq(n)[None, :]
    k = np.hypot(kx, ky); k[0, 0] = 1; amp = k ** (-slope / 2); amp[0, 0] = 0
    f = np.real(np.fft.ifft2(amp * np.exp(2j * np.pi * rng.random((n, n))))); return (f - f.min()) / (f.max() - f.min())
def photo(name, n=256):
    im = getattr(skimage.data, name)(); im = skimage.color.rgb2gray(im) if im.ndim == 3 else im / 255.0
    im = skimage.transform.resize(im, (n, n), anti_aliasing=True); return (im - im.min()) / (im.max() - im.min())
def jpeg(a, q):
    b = io.BytesIO(); Image.fromarray(a).save(b, "JPEG", quality=q); return np.asarray(Image.open(b).convert("RGB"))
fields = [fbm(), photo("camera"), photo("astronaut"), photo("coffee")]
maps = ["viridis", "jet", "turbo", "rainbow", "magma", "gray", "twilight", "coolwarm", "cmocean:thermal", "colorcet:CET_L3"]  # = colorcet:fire (see colorcet_fire_name.py)
import sys
if len(sys.argv) > 1: maps = sys.argv[1:]   # e.g. RdBu_r Spectral terrain cividis plasma cubehelix hot
rng = np.random.default_rng(0)
conds = {"JPEG q90": lambda a: jpeg(a, 90), "JPEG q75": lambda a: jpeg(a, 75), "JPEG q50": lambda a: jpeg(a, 50),
         "noise 2 DN": lambda a: np.clip(a + rng.normal(0, 2, a.shape), 0, 255).round().astype(np.uint8)}
acc = {c: [[], [], [], [], 0] for c in conds}
worse_p99 = {c: [] for c in conds}
for m in maps:
    e = catalog[m]; lut = e.lut_bytes[:, :3]; N = len(lut); tree = cKDTree(lut.astype(float))
    for fi, f in enumerate(fields):
        rgb = lut[np.clip((f * N).astype(int), 0, N - 1)]            # what cmap(f, bytes=True) paints
        for c, deg in conds.items():
            pic = deg(rgb)
            v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
            kd = (tree.query(pic.reshape(-1, 3).astype(float))[1].reshape(f.shape) + 0.5) / N
            et = np.abs(v - f); ek = np.abs(kd - f)
            if e.cyclic: et = np.minimum(et, 1 - et); ek = np.minimum(ek, 1 - ek)
            et = np.where(np.isnan(v), 1.0, et) * 100; ek = ek * 100
            acc[c][0].append(et.mean()); acc[c][1].append(ek.mean()); acc[c][2].append(np.percentile(et, 99)); acc[c][3].append(np.percentile(ek, 99))
            acc[c][4] += np.isnan(v).sum()
            if np.percentile(et, 99) > np.percentile(ek, 99): worse_p99[c].append(f"{m}/field{fi} {np.percentile(et, 99)/np.percentile(ek, 99):.2f}x")
for c, (t, k, t99, k99, holes) in acc.items():
    print(f"{c:11s} truepix/kd-tree mean {np.mean(t)/np.mean(k):.3f}  p99 {np.mean(t99)/np.mean(k99):.3f}  holes {holes} px | pictures with worse p99: {len(worse_p99[c])}/{4*len(maps)} {worse_p99[c][:4]}")
