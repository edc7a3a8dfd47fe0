"""identify_colormap on a gray (and RdBu) picture shrunk with cv2 INTER_AREA: the picture lost its
darkest/brightest pixels (range 6..238); gray ties with every gray ramp but is ranked 3rd behind
colorcet:CET_L2 and imagej:HiLo (the very tie issue 11 names); RdBu is named tol:BuRd.
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/repro_identify_ties.py"""
import numpy as np, cv2, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

n = 128
rng = np.random.default_rng(0)
k = np.fft.fftfreq(n); kk = np.hypot(*np.meshgrid(k, k)); kk[0, 0] = 1
t = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((n, n))) * kk ** -1.5)); t = (t - t.min()) / np.ptp(t)
for cm in ("gray", "RdBu"):
    pic = cv2.resize(plt.get_cmap(cm)(t, bytes=True)[..., :3], (64, 64), interpolation=cv2.INTER_AREA)
    m = tp.identify_colormap(pic)
    print(cm, "->", [(x.name, round(x.score, 4)) for x in m[:4]])
