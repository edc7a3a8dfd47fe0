"""4:2:0 chroma lattice: the 2x2 means of Cb/Cr, libjpeg's fancy upsampling ([1,6,1]/8 each
way on them) undone by FFT, 8x8 DCT at the own grid, z score as _lossy.chroma_lattice."""
import sys, os, io, numpy as np, imagecodecs, cv2
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize import _lossy as L
def z420(x):
    h, w = x.shape[0] // 16 * 16, x.shape[1] // 16 * 16
    best = 0.0
    for ch in L._CHROMA:
        p = x[:h, :w, :3].astype(float) @ ch
        m = p.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
        fy = np.fft.fftfreq(m.shape[0]); fx = np.fft.fftfreq(m.shape[1])
        resp = ((6 + 2 * np.cos(2 * np.pi * fy))[:, None] * (6 + 2 * np.cos(2 * np.pi * fx))[None, :]) / 64
        e = np.pad(m, ((0, m.shape[0]), (0, m.shape[1])), mode="symmetric")
        fy = np.fft.fftfreq(e.shape[0]); fx = np.fft.fftfreq(e.shape[1])
        resp = ((6 + 2 * np.cos(2 * np.pi * fy))[:, None] * (6 + 2 * np.cos(2 * np.pi * fx))[None, :]) / 64
        s = np.real(np.fft.ifft2(np.fft.fft2(e) / resp))[: m.shape[0], : m.shape[1]]
        ny, nx = s.shape[0] // 8, s.shape[1] // 8
        b = s[: 8 * ny, : 8 * nx].reshape(ny, 8, nx, 8).transpose(0, 2, 1, 3)
        v = (L._DCT @ b @ L._DCT.T).reshape(-1, 64)[:, 1:]
        read = np.abs(v)[..., None] >= 0.5 * L.LATTICE_STEPS
        sums = np.where(read, np.cos(2 * np.pi * v[..., None] / L.LATTICE_STEPS), 0).sum(0)
        cnt = read.sum(0); sc = sums / np.sqrt(np.maximum(cnt, 1))
        best = max(best, sc[cnt >= 16].max(initial=0))
    return best
F = {k: c.crop(v, 192) for k, v in c.real_fields().items() if k in ("moon", "grace_hopper", "dem_jacksboro", "camera")}
def pil(rgb, q, ss):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q, subsampling=ss); return np.asarray(Image.open(b).convert("RGB"))
for cn, f in {"j420q95": lambda r: pil(r, 95, 2), "j420q75": lambda r: pil(r, 75, 2),
              "cv420q90": lambda r: cv2.imdecode(cv2.imencode(".jpg", r[..., ::-1].copy(), [cv2.IMWRITE_JPEG_QUALITY, 90])[1], 1)[..., ::-1],
              "jxl1": lambda r: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(r, distance=1.0)),
              "jxl2": lambda r: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(r, distance=2.0))}.items():
    out = [f"{z420(np.ascontiguousarray(f(c.render(fld, m)))):5.1f}" for m in ["jet", "turbo", "viridis", "magma"] for fld in F.values()]
    print(f"{cn:9}", " ".join(out), flush=True)
