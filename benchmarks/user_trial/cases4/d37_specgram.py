import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
fs = 1000; t = np.arange(0, 4, 1 / fs)
sig = np.sin(2 * np.pi * (50 + 40 * t) * t) + 0.3 * rng.standard_normal(t.size)
fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
Pxx, f, tt, im = ax.specgram(sig, NFFT=256, Fs=fs, noverlap=128, cmap="inferno", vmin=-80, vmax=0)
cb = fig.colorbar(im, label="dB/Hz")
ax.set_xlabel("time (s)"); ax.set_ylabel("frequency (Hz)")
save4(fig, "d37_specgram", [from_mappable(fig, ax, im, cb)])
