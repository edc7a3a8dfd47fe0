"""Which 8-bit table each common writer makes of a float RGB(A) colormap picture.

For every matplotlib map whose float table has channel values exactly k + 0.5 after *255,
write ``cmap(x)`` (float64 RGBA, x = each table entry's bin centre) with each writer, read
the bytes back, and say which table they are: truncated (``cmap(x, bytes=True)``), half-up
(Agg's rounding, ``lut_rounded``), half-even (``np.round``) or half-down. Run:
``python benchmarks/round3/survey.py``."""
import io
import os
import tempfile
import warnings

import matplotlib as mpl
import numpy as np

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MAPS = ["jet", "winter", "summer", "rainbow", "afmhot", "gist_heat", "ocean", "terrain",
        "bone", "seismic", "CMRmap"]


def tables(name):
    lut = mpl.colormaps[name]((np.arange(256) + 0.5) / 256) * 255.0
    return {
        "truncated": lut.astype(np.uint8),
        "half-up": np.floor(lut + 0.5).astype(np.uint8),
        "half-even": np.round(lut).astype(np.uint8),
        "half-down": np.ceil(lut - 0.5).astype(np.uint8),
    }


def writers():
    out = {}
    out["astype(uint8) of x*255"] = lambda f: (f * 255).astype(np.uint8)
    out["np.round(x*255)"] = lambda f: np.round(f * 255).astype(np.uint8)
    out["np.rint(x*255)"] = lambda f: np.rint(f * 255).astype(np.uint8)
    out["(x*255+0.5).astype"] = lambda f: (f * 255 + 0.5).astype(np.uint8)
    from skimage.util import img_as_ubyte
    out["skimage img_as_ubyte"] = lambda f: img_as_ubyte(f)
    import skimage.io

    def sk_io(f):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "a.png")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                skimage.io.imsave(p, f, check_contrast=False)
            return skimage.io.imread(p)
    out["skimage.io.imsave(float) PNG"] = sk_io
    import imageio.v2 as iio2
    import imageio.v3 as iio3

    def io3(f):
        b = iio3.imwrite("<bytes>", f, extension=".png")
        return iio3.imread(b)

    def io2(f):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = iio2.imwrite("<bytes>", f, format="png")
        return iio2.imread(b)
    out["imageio.v3.imwrite(float) PNG"] = io3
    out["imageio.v2.imwrite(float) PNG"] = io2
    from PIL import Image

    def pil(f):
        return np.asarray(Image.fromarray(f))
    out["PIL Image.fromarray(float)"] = pil
    import cv2
    out["cv2.convertScaleAbs(x, alpha=255)"] = lambda f: cv2.convertScaleAbs(f, alpha=255)
    out["cv2.convertScaleAbs(x * 255)"] = lambda f: cv2.convertScaleAbs(f * 255)

    def cv_write(f):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "a.png")
            cv2.imwrite(p, np.ascontiguousarray((f * 255)[..., [2, 1, 0, 3]]))
            return cv2.imread(p, cv2.IMREAD_UNCHANGED)[..., [2, 1, 0, 3]]
    out["cv2.imwrite(float x*255) PNG"] = cv_write

    def cv_write01(f):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "a.png")
            cv2.imwrite(p, np.ascontiguousarray(f[..., [2, 1, 0, 3]]))
            return cv2.imread(p, cv2.IMREAD_UNCHANGED)[..., [2, 1, 0, 3]]
    out["cv2.imwrite(float in [0,1]) PNG"] = cv_write01

    def plt_imsave(f):
        b = io.BytesIO()
        plt.imsave(b, f, format="png")
        b.seek(0)
        return (plt.imread(b) * 255).round().astype(np.uint8)
    out["plt.imsave(float RGBA) PNG"] = plt_imsave
    out["mpl.colors.to_rgba_array -> bytes"] = lambda f: (
        mpl.colors.to_rgba_array(f.reshape(-1, 4)) * 255).astype(np.uint8).reshape(f.shape)
    out["Normalize+ScalarMappable.to_rgba(bytes=True)"] = lambda f: (
        mpl.cm.ScalarMappable().to_rgba(f, bytes=True))
    return out


def classify(got, tabs):
    names = [n for n, t in tabs.items() if np.array_equal(got[..., :3], t[:, :3])]
    if names:
        return "=".join(names)
    hits = {n: float(np.mean(np.all(got[..., :3] == t[:, :3], axis=-1))) for n, t in tabs.items()}
    return "other (" + ", ".join(f"{n} {v:.0%}" for n, v in hits.items()) + ")"


def main():
    results = {}
    for wname, write in writers().items():
        kinds = {}
        for name in MAPS:
            f = mpl.colormaps[name]((np.arange(256) + 0.5) / 256)[None]  # (1, 256, 4)
            try:
                got = np.asarray(write(f))
            except Exception as error:  # noqa: BLE001 - a writer that refuses is a result
                kinds[name] = f"refused: {type(error).__name__}: {str(error)[:60]}"
                continue
            if got.dtype != np.uint8:
                kinds[name] = f"not uint8 ({got.dtype})"
                continue
            kinds[name] = classify(got[0], tables(name))
        results[wname] = kinds
        verdicts = sorted(set(kinds.values()))
        print(f"{wname:45} {' | '.join(verdicts)}")


if __name__ == "__main__":
    main()
