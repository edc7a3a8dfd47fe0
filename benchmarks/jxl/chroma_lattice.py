"""z score of a quantization lattice in the 8x8 DCT of luma / Cb / Cr at the picture's own grid."""
import sys, os, io, numpy as np, imagecodecs, cv2
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
YCC = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
k = np.arange(8); D = np.cos(np.pi * (2 * k[None, :] + 1) * k[:, None] / 16) * np.sqrt(2 / 8); D[0] /= np.sqrt(2)
STEPS = np.arange(2.0, 41.0)
def z(x, ch):
    p = x[..., :3].astype(float) @ YCC[ch]
    n_y, n_x = x.shape[0] // 8, x.shape[1] // 8
    b = p[: 8 * n_y, : 8 * n_x].reshape(n_y, 8, n_x, 8).transpose(0, 2, 1, 3)
    cf = (D @ b @ D.T).reshape(-1, 64)[:, 1:]
    read = np.abs(cf)[..., None] >= 0.5 * STEPS
    cos = np.cos(2 * np.pi * cf[..., None] / STEPS)
    cnt = read.sum(0); s = np.where(read, cos, 0).sum(0)
    sc = np.where(cnt >= 16, s / np.sqrt(np.maximum(cnt, 1)), 0)
    return sc.max()
def pil(rgb, fmt, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
CONDS = {
 "jxl1": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=1.0)),
 "jxl2": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=2.0)),
 "jxl4": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=4.0)),
 "j444q95": lambda rgb: pil(rgb, "JPEG", quality=95, subsampling=0),
 "j444q75": lambda rgb: pil(rgb, "JPEG", quality=75, subsampling=0),
 "j444q50": lambda rgb: pil(rgb, "JPEG", quality=50, subsampling=0),
 "cv444q90": lambda rgb: cv2.imdecode(cv2.imencode(".jpg", rgb, [cv2.IMWRITE_JPEG_QUALITY, 90, cv2.IMWRITE_JPEG_SAMPLING_FACTOR, cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444])[1], 1),
 "j420q75": lambda rgb: pil(rgb, "JPEG", quality=75),
 "j420q95": lambda rgb: pil(rgb, "JPEG", quality=95),
}
ch = int(sys.argv[2])
for cn in sys.argv[1].split(","):
    out = []
    for m in ["viridis", "jet", "turbo", "coolwarm", "magma"]:
        for fn, f in F.items():
            out.append(f"{z(CONDS[cn](c.render(f, m)), ch):5.1f}")
    print(f"{cn:10}", " ".join(out), flush=True)
