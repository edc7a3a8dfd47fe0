"""rung_share (JPEG's ringing in a figure's margin) and the jpeg judgement on trial 44's
640 x 480 imshow + colorbar figures (terrain/camera x viridis/RdBu_r/jet: PNG, Pillow q95/q90/q75,
chromium screenshots at 1.25x/1.5x and their q90) and on imshow/pcolormesh/contourf figures at
72-200 dpi. Output: rung.txt."""
import sys, io, time, subprocess, tempfile
sys.path.insert(0, __import__("os").path.dirname(__file__))
import numpy as np
from PIL import Image
import truepix as tp
from truepix.color._decolorize import _plan as P, _fills as F
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "..")); from tests.color.test_decolorize_figure_png import _jpeg
import figures as FG
D = tempfile.mkdtemp()
def shot(pic, scale):
    Image.fromarray(pic).save(f"{D}/f.png")
    h, w = pic.shape[:2]
    open(f"{D}/p.html", "w").write(f'<html><body style="margin:0;background:#fff"><img src="f.png" style="width:{w}px;height:{h}px;display:block"></body></html>')
    out = f"{D}/s.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={out}",
                    f"--window-size={w+80},{h+80}", f"--force-device-scale-factor={scale}", f"file://{D}/p.html"], capture_output=True)
    return np.asarray(Image.open(out).convert("RGB"))
cap = {}
orig = P.sample_fills
def sf(*a, **k):
    r = orig(*a, **k); cap["fills"] = r[0]; return r
P.sample_fills = sf
def show(tag, pic, cm, lo=0, hi=1):
    r = tp.Decolorizer(cm, vmin=lo, vmax=hi).decode(pic)
    t = time.process_time(); s = F.rung_share(pic, cap["fills"]); dt = time.process_time() - t
    print(f"{tag:34s} {pic.shape[1]}x{pic.shape[0]} jpeg={bool(r.jpeg)!s:5s} fills={len(cap['fills'])} rung={s:.5f} ({dt*1000:.0f} ms)", flush=True)
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..",
                "decolorize_trial", "trial44"))
from common import fields, plt  # noqa: E402
def trial_figure(name, cm, lo, hi):
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_subplot()
    fig.colorbar(ax.imshow(fields(256)[name], cmap=cm, vmin=lo, vmax=hi)); ax.set_title("field")
    b = io.BytesIO(); fig.savefig(b, format="png", dpi=100); plt.close(fig)
    return np.asarray(Image.open(b).convert("RGB"))
for n in ("terrain_viridis", "camera_RdBu_r", "terrain_RdBu_r", "camera_jet"):
    cm = n.split("_", 1)[1]
    lo, hi = (0, 100) if n.startswith("camera") else (200, 4000)
    p = trial_figure(n.split("_")[0], cm, lo, hi)
    for q in ("png", 95, 90, 75):
        show(f"{n} {q}", p if q == "png" else _jpeg(p, q), cm, lo, hi)
    for s in (1.25, 1.5):
        sp = shot(p, s); show(f"{n} shot{s}", sp, cm, lo, hi); show(f"{n} shot{s} q90", _jpeg(sp, 90), cm, lo, hi)
f = FG.field()
for kind, cm, dpi in (("contourf", "jet", 150), ("pcolormesh", "viridis", 72), ("imshow", "magma", 200)):
    p, _ = FG.draw(kind, cm, dpi, False, True, f)
    for q in ("png", 95, 75):
        show(f"{kind}-{cm}-{dpi} {q}", p if q == "png" else _jpeg(p, q), cm)
