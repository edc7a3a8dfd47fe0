"""gouraud1 probe: tripcolor(shading="gouraud") / pcolormesh(shading="gouraud") + colorbar, PNG and JPEG q75, decoded by
name with the figure's vmin/vmax. Truth: the same figure drawn with cmap="gray" and a red face (gray luminance = value,
red = outside the triangulation); data area = axes plot area (inset 3 px) where the gray draw is neutral.
Prints holes % (NaN on data pixels), MAE % of range (a hole = 100 %), the k-d tree's MAE (nearest of 256 map entries ->
bin centre), ratio, p99, and the warnings.  Usage: python probe.py [case ...]  (cases: tri, mesh, spec; maps by MAPS=).
BEFORE=1: gouraud1's rules off (_spans.SPAN_BETWEEN and _resampled.RAMP_BETWEEN False): as bfed6a2f."""
import io, os, sys, warnings, time
import numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from scipy.spatial import cKDTree
import truepix as tp
from truepix.color._decolorize import _resampled, _spans

if os.environ.get("BEFORE"):
    _spans.SPAN_BETWEEN = _resampled.RAMP_BETWEEN = False

MAPS = os.environ.get("MAPS", "jet,viridis,RdBu_r,turbo").split(",")


def png(fig, **kw):
    b = io.BytesIO(); fig.savefig(b, format="png", **kw); return np.asarray(Image.open(b).convert("RGB"))


def jpeg(pic, q):
    b = io.BytesIO(); Image.fromarray(pic).save(b, format="jpeg", quality=q); return np.asarray(Image.open(b).convert("RGB"))


def make(case, cmap, face=None):
    fig, ax = plt.subplots()
    if face: ax.set_facecolor(face)
    if case == "tri":
        rng = np.random.default_rng(0); x, y = rng.uniform(size=(2, 400))
        art = ax.tripcolor(x, y, np.sin(6 * x) * np.cos(4 * y), shading="gouraud", cmap=cmap)
    elif case == "mesh":
        X, Y = np.meshgrid(np.linspace(0, 1, 30), np.linspace(0, 1, 20))
        art = ax.pcolormesh(X, Y, np.sin(6 * X) * np.cos(4 * Y), shading="gouraud", cmap=cmap)
    elif case == "spec":
        from scipy import signal
        fs = 8000; t = np.arange(0, 2, 1 / fs)
        sig = signal.chirp(t, 200, 2, 3000) + 0.3 * np.random.default_rng(1).normal(size=t.size)
        f, ts, S = signal.spectrogram(sig, fs, nperseg=256)
        art = ax.pcolormesh(ts, f, 10 * np.log10(S + 1e-12), shading="gouraud", cmap=cmap)
    fig.colorbar(art)
    return fig, ax, art.norm


def case_pics(case, cmap):
    fig, ax, nm = make(case, cmap); pic = png(fig)
    fig.canvas.draw(); bb = ax.get_window_extent(); H = pic.shape[0]
    sl = (slice(int(H - bb.y1) + 3, int(H - bb.y0) - 3), slice(int(bb.x0) + 3, int(bb.x1) - 3)); plt.close(fig)
    fig, ax, _ = make(case, "gray", face=(1, 0, 0)); g = png(fig).astype(float); plt.close(fig)
    neutral = (np.ptp(g, axis=2) == 0)
    truth = np.where(neutral, g[..., 0] / 255.0, np.nan)[sl]
    return pic, truth, sl, float(nm.vmin), float(nm.vmax)


def kd_values(pic, cmap):
    lut = (plt.get_cmap(cmap)(np.linspace(0, 1, 256))[:, :3] * 255)
    _, i = cKDTree(lut).query(pic.reshape(-1, 3).astype(float))
    return ((i + 0.5) / 256).reshape(pic.shape[:2])


def score(v, truth):
    m = np.isfinite(truth); e = np.abs(v[m] - truth[m]); e[~np.isfinite(e)] = 1.0
    return 100 * (~np.isfinite(v[m])).mean(), 100 * e.mean(), 100 * np.percentile(e, 99)


def main():
    CASES = sys.argv[1:] or ["tri"]
    print(f"{'case':34s} {'holes%':>7s} {'tp%':>6s} {'kd%':>6s} {'ratio':>6s} {'p99tp':>6s} {'p99kd':>6s} {'cpu_s':>6s} | warnings")
    for case in CASES:
        for cmap in MAPS:
            pic0, truth, sl, vmin, vmax = case_pics(case, cmap)
            for lab, pic in (("png", pic0), ("q75", jpeg(pic0, 75))):
                t0 = time.process_time()
                with warnings.catch_warnings(record=True) as ws:
                    warnings.simplefilter("always")
                    out = tp.decolorize(pic, cmap=cmap, vmin=vmin, vmax=vmax)
                dt = time.process_time() - t0
                v = (np.asarray(getattr(out, "values", out), float)[sl] - vmin) / (vmax - vmin)
                h, mae, p99 = score(v, truth)
                _, kmae, kp99 = score(kd_values(pic, cmap)[sl], truth)
                w = "; ".join(sorted({str(x.message)[:90] for x in ws})) or "-"
                print(f"{case + ' ' + cmap + ' ' + lab:34s} {h:7.3f} {mae:6.3f} {kmae:6.3f} {mae / kmae:6.2f} {p99:6.2f} {kp99:6.2f} {dt:6.1f} | {w}", flush=True)


if __name__ == "__main__":
    main()
