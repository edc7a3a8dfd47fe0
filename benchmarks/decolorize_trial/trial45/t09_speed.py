"""Speed goals: warm >= 100 MP/s and cold (first call in a fresh process) >= 20 MP/s on exact and JPEG
pictures; the CLI. Machine: 2 cores shared with other sessions -> MP/s reported per wall second AND per
CPU second (time.process_time, all threads), best of repeats, with the load average."""
import os, sys, time, subprocess, tempfile, json, resource, numpy as np
import _common as c

HERE = os.path.dirname(os.path.abspath(__file__))
PICS = os.path.join(tempfile.gettempdir(), "trial45_speed"); os.makedirs(PICS, exist_ok=True)
N = 1024
f_s = c.smooth_fields(N)["bumps"]
from PIL import Image
cam = np.asarray(Image.open(os.path.join(c.SKDIR, "camera.png")).convert("L"))
f_r = c.norm01(np.asarray(Image.fromarray(cam).resize((N, N), Image.BICUBIC)))
pics = {}
for m in ("viridis", "jet", "magma"):
    pics[f"{m}_smooth_exact"] = c.render(f_s, m)
    pics[f"{m}_smooth_jpeg75"] = c.jpeg(pics[f"{m}_smooth_exact"], 75)
    pics[f"{m}_photo_jpeg75"] = c.jpeg(c.render(f_r, m), 75)
for k, v in pics.items():
    np.save(os.path.join(PICS, k + ".npy"), v)
    Image.fromarray(v).save(os.path.join(PICS, k + ".png"))

COLD = r'''
import time, sys, numpy as np
t0 = time.perf_counter(); c0 = time.process_time()
import truepix as tp
t1 = time.perf_counter(); c1 = time.process_time()
pic = np.load(sys.argv[1]); m = sys.argv[2]
t2 = time.perf_counter(); c2 = time.process_time()
v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
t3 = time.perf_counter(); c3 = time.process_time()
v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
t4 = time.perf_counter(); c4 = time.process_time()
print(t1 - t0, c1 - c0, t3 - t2, c3 - c2, t4 - t3, c4 - c3)
'''
print("load", c.loadavg())
print("\nCOLD: fresh process, numba disk cache already filled (run twice; 2nd run reported); 1 MP")
print(f"{'picture':24}{'import s':>9}{'1st wall s':>11}{'1st cpu s':>10}{'MP/s wall':>10}{'MP/s cpu':>9}{'2nd MP/s cpu':>13}")
for k in pics:
    if "photo" in k and not k.startswith("viridis"):
        continue
    m = k.split("_")[0]
    for rep in range(2):
        out = subprocess.run([sys.executable, "-c", COLD, os.path.join(PICS, k + ".npy"), m], capture_output=True, text=True, env=os.environ)
    try:
        a = [float(x) for x in out.stdout.split()]
        print(f"{k:24}{a[0]:9.2f}{a[2]:11.3f}{a[3]:10.3f}{1/a[2]:10.1f}{1/a[3]:9.1f}{1/a[5]:13.1f}", flush=True)
    except Exception:
        print(k, out.stdout, out.stderr[-500:])

print("\nWARM: one Decolorizer per map, best of 7 decodes of the 1 MP picture; and the default tp.decolorize call")
import truepix as tp
print(f"{'picture':24}{'Decolorizer MP/s wall':>22}{'MP/s cpu':>10}{'decolorize() MP/s wall':>23}{'MP/s cpu':>10}")
for k, p in pics.items():
    m = k.split("_")[0]
    d = tp.Decolorizer(m, vmin=0, vmax=1); d.values(p)
    bw = bc = ww = wc = 1e9
    for _ in range(7):
        t0, c0 = time.perf_counter(), time.process_time(); d.values(p); t1, c1 = time.perf_counter(), time.process_time()
        bw, bc = min(bw, t1 - t0), min(bc, c1 - c0)
        t0, c0 = time.perf_counter(), time.process_time(); tp.decolorize(p, cmap=m, vmin=0, vmax=1); t1, c1 = time.perf_counter(), time.process_time()
        ww, wc = min(ww, t1 - t0), min(wc, c1 - c0)
    print(f"{k:24}{p.shape[0]*p.shape[1]/1e6/bw:22.1f}{1/bc:10.1f}{1/ww:23.1f}{1/wc:10.1f}", flush=True)
print("load", c.loadavg())

print("\nCLI: truepix decolorize X.png o.npy --cmap M --vmin 0 --vmax 1 (wall and children CPU)")
for k in ("viridis_smooth_exact", "viridis_smooth_jpeg75", "jet_smooth_jpeg75"):
    m = k.split("_")[0]
    for rep in range(2):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
        out = subprocess.run(["truepix", "decolorize", os.path.join(PICS, k + ".png"), os.path.join(PICS, "o.npy"), "--cmap", m, "--vmin", "0", "--vmax", "1"], capture_output=True, text=True)
        t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    print(f"  {k:24} rc {out.returncode} wall {t1-t0:.2f}s cpu {cpu:.2f}s  -> {out.stdout.strip()[:90]}")
print("load", c.loadavg())
