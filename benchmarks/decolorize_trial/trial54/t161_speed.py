"""Part 2 speed: (a) a 4000x3000 fBm picture, viridis / jet, JPEG q60 (Pillow 4:2:0): the first call in a fresh
process (import + decode, child process), then in this process first and warm (median of 3) ms/MP beside the k-d
tree's; holes, ratio, p99. (b) Decolorizer reused over 20 frames of a panning video-like stack (480x640, JPEG q75),
CPU per frame against tp.decolorize per frame, and the whole (20, H, W, 3) stack passed at once."""
import io, os, subprocess, sys
import numpy as np
from PIL import Image
from _p8 import header, fbm, kd, mscore, cpu, call, wshort
import matplotlib as mpl
import truepix as tp

header("t161 speed: 12 MP JPEG q60, cold and warm; Decolorizer over 20 frames")
os.makedirs("/tmp/trial54", exist_ok=True)
N = 4000
big = fbm(N, seed=21)[:3000]
print(f"field {big.shape}", flush=True)
CHILD = ("import time, sys, numpy as np; t0 = time.process_time(); import truepix as tp; from PIL import Image; "
         "t1 = time.process_time(); p = np.asarray(Image.open(sys.argv[1]).convert('RGB')); t2 = time.process_time(); "
         "v = tp.decolorize(p, cmap=sys.argv[2], vmin=0, vmax=1); t3 = time.process_time(); "
         "v = tp.decolorize(p, cmap=sys.argv[2], vmin=0, vmax=1); t4 = time.process_time(); "
         "print(f'import {t1-t0:.2f} s, first decode {t3-t2:.2f} s ({1000*(t3-t2)/(p.size/3e6):.0f} ms/MP), second {t4-t3:.2f} s')")
for m in ("viridis", "jet"):
    rgb = mpl.colormaps[m](big, bytes=True)[..., :3]
    path = f"/tmp/trial54/big_q60_{m}.jpg"; Image.fromarray(rgb).save(path, "JPEG", quality=60)
    pic = np.asarray(Image.open(path).convert("RGB")); MP = pic.shape[0] * pic.shape[1] / 1e6
    r = subprocess.run([sys.executable, "-c", CHILD, path, m], capture_output=True, text=True,
                       env=dict(os.environ, NUMBA_NUM_THREADS="1"))
    print(f"{m} fresh process: {r.stdout.strip()} {r.stderr.strip()[-200:]}", flush=True)
    ts = []
    for k in range(4):
        t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); ts.append(cpu() - t0)
    t0 = cpu(); b = kd(m)(pic); tk = cpu() - t0
    mt, pt, ht = mscore(v, big); mb, pb, _ = mscore(b, big)
    print(f"{m} 4000x3000 q60: this process first {1000*ts[0]/MP:.0f} ms/MP, warm median {1000*np.median(ts[1:])/MP:.0f} ms/MP "
          f"({[round(t, 2) for t in ts]} s); k-d tree {1000*tk/MP:.0f} ms/MP -> tp/kd time {np.median(ts[1:])/tk:.2f}; "
          f"holes {100*ht:.3f} %, ratio {mt/mb:.3f}, p99 {100*pt:.2f}/{100*pb:.2f} % | {wshort(ws)}", flush=True)
    rgb = pic = v = b = None
# (b) 20 frames
wide = fbm(1024, seed=22)
for m in ("jet", "viridis"):
    frames, truths = [], []
    for k in range(20):
        t = wide[100 + 3 * k:580 + 3 * k, 10 * k:640 + 10 * k]
        b = io.BytesIO(); Image.fromarray(mpl.colormaps[m](t, bytes=True)[..., :3]).save(b, "JPEG", quality=75)
        frames.append(np.asarray(Image.open(b).convert("RGB"))); truths.append(t)
    dec = tp.Decolorizer(m, vmin=0, vmax=1)
    tdec, tfun, hs, rs = [], [], [], []
    for fr, t in zip(frames, truths):
        t0 = cpu(); res = dec.decode(fr); tdec.append(cpu() - t0)
        t0 = cpu(); v2 = tp.decolorize(fr, cmap=m, vmin=0, vmax=1); tfun.append(cpu() - t0)
        mt, pt, ht = mscore(res.values, t); mb, pb, _ = mscore(kd(m)(fr), t); hs.append(ht); rs.append(mt / mb)
        assert np.array_equal(np.isnan(res.values), np.isnan(v2))
    MP = 0.48 * 0.64
    print(f"{m} 20 frames 480x640 q75: Decolorizer.decode per frame {1000*np.median(tdec):.0f} ms (first {1000*tdec[0]:.0f}), "
          f"{1000*np.median(tdec)/MP:.0f} ms/MP; tp.decolorize per frame {1000*np.median(tfun):.0f} ms; holes mean {100*np.mean(hs):.3f} % "
          f"max {100*np.max(hs):.3f} %; ratio mean {np.mean(rs):.3f} max {np.max(rs):.3f}", flush=True)
    st = np.stack(frames)
    t0 = cpu(); vs, err, ws = call(lambda: tp.decolorize(st, cmap=m, vmin=0, vmax=1)); tst = cpu() - t0
    if vs is None:
        print(f"{m} whole stack {st.shape}: {err}", flush=True)
    else:
        mt, pt, ht = mscore(np.asarray(vs), np.stack(truths)); mb, pb, _ = mscore(kd(m)(st.reshape(-1, 640, 3)).reshape(vs.shape), np.stack(truths))
        print(f"{m} whole stack {st.shape} at once: {tst:.2f} s ({1000*tst/20:.0f} ms/frame), out {np.shape(vs)}, holes {100*ht:.3f} %, "
              f"ratio {mt/mb:.3f} (per frame {np.mean(rs):.3f}) | {wshort(ws, 200)}", flush=True)
