"""CLI on an extend JPEG (plain name, then --over/--under as advised) and a get_cmap('viridis', 8) PNG."""
import subprocess, tempfile, os, numpy as np, time
from common import *
d = tempfile.mkdtemp(); F = fields(256)["terrain"]
cm = plt.get_cmap("viridis").with_extremes(over="magenta", under="cyan")
plt.imsave(f"{d}/ext.png", F, cmap=cm, vmin=1000, vmax=3500)
from PIL import Image
Image.open(f"{d}/ext.png").convert("RGB").save(f"{d}/ext.jpg", quality=85)
plt.imsave(f"{d}/lev8.png", F, cmap=plt.get_cmap("viridis", 8), vmin=200, vmax=4000)
truth = np.clip(F, 1000, 3500)
def cli(*a):
    t = time.perf_counter(); p = subprocess.run(["truepix", "decolorize", *a], capture_output=True, text=True); return p, time.perf_counter() - t
for f in ["ext.png", "ext.jpg"]:
    for extra in [[], ["--over", "#ff00ff", "--under", "#00ffff"], ["--over", "magenta", "--under", "cyan"]]:
        p, dt = cli(f"{d}/{f}", f"{d}/out.npy", "--cmap", "viridis", "--vmin", "1000", "--vmax", "3500", *extra)
        s = f"{f} {' '.join(extra) or '(plain)'}: rc {p.returncode} {dt:.1f}s"
        if p.returncode == 0:
            v = np.load(f"{d}/out.npy"); s += f" NaN {np.isnan(v).mean():.2%} mean|err| {np.nanmean(abs(v - truth)) / 25:.3f}%"
        print(s); print("   stderr:", p.stderr.strip()[:400])
p, dt = cli(f"{d}/lev8.png", f"{d}/out.npy", "--cmap", "viridis", "--vmin", "200", "--vmax", "4000")
print(f"lev8.png plain: rc {p.returncode} {dt:.1f}s stderr: {p.stderr.strip()[:500]}")
for c in ["viridis_8", "viridis:8", "viridis,8"]:
    p, dt = cli(f"{d}/lev8.png", f"{d}/out.npy", "--cmap", c, "--vmin", "200", "--vmax", "4000")
    print(f"lev8.png --cmap {c}: rc {p.returncode} stderr: {p.stderr.strip()[:250]}")
