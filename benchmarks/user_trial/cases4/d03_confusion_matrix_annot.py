import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
cls = ["cat", "dog", "fox", "owl", "eel", "yak"]
cm = rng.integers(0, 12, (6, 6)) + np.diag(rng.integers(60, 95, 6))
fig, ax = plt.subplots(figsize=(6, 5), dpi=110)
im = ax.imshow(cm, cmap="Blues", vmin=0, vmax=100)
for i in range(6):
    for j in range(6):
        ax.text(j, i, str(cm[i, j]), ha="center", va="center", color="white" if cm[i, j] > 50 else "black")
ax.set_xticks(range(6), cls); ax.set_yticks(range(6), cls); ax.set_xlabel("predicted"); ax.set_ylabel("true")
cb = fig.colorbar(im)
save4(fig, "d03_confusion_matrix_annot", [from_mappable(fig, ax, im, cb, grid=[6, 6], cells=cm, coords=False)], note="categorical axes; text annotations")
