# All-data pictures with > 0.2% NaN under the default call (goal: at most 0.2%)
import io, numpy as np, matplotlib as mpl, skimage.data, skimage.color, skimage.transform
from PIL import Image
import truepix as tp
def fbm(n=256, slope=3.0, seed=0):
    rng = np.random.default_rng(seed)
    kx = np.fft.fftfreq(n)[:, None]; ky = np.fft.fftfreq(n)[None, :]
    k = np.hypot(kx, ky); k[0, 0] = 1
    amp = k ** (-slope / 2); amp[0, 0] = 0
    f = np.real(np.fft.ifft2(amp * np.exp(2j * np.pi * rng.random((n, n)))))
    return (f - f.min()) / (f.max() - f.min())
coffee = skimage.transform.resize(skimage.color.rgb2gray(skimage.data.coffee()), (256, 256), anti_aliasing=True)
coffee = (coffee - coffee.min()) / (coffee.max() - coffee.min())
def jpeg(rgb, q):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q); return np.asarray(Image.open(b).convert("RGB"))
pic = jpeg(mpl.colormaps["turbo"](coffee, bytes=True)[..., :3], 75)
v = tp.decolorize(pic, cmap="turbo", vmin=0, vmax=1)
print(f"turbo, skimage coffee (gray) 256x256, Pillow JPEG q75: NaN {np.isnan(v).mean()*100:.2f}% ({np.isnan(v).sum()} px)")
rgb = mpl.colormaps["twilight"](fbm(), bytes=True)[..., :3]
q = np.asarray(Image.fromarray(rgb).quantize(256).convert("RGB"))
v = tp.decolorize(q, cmap="twilight", vmin=0, vmax=1)
print(f"twilight, fBm terrain 256x256, Pillow quantize(256): NaN {np.isnan(v).mean()*100:.2f}% ({np.isnan(v).sum()} px)")
