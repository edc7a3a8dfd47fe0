"""trial56 helpers, by import (nothing rewritten): trial 54's _p8 (which brings trial 52's _p7 and the rest), trial 55's
t200 `pics` / `run` / `rfig` (the gray-redraw truth of a figure, its plot slice and ink mask; imported with ONLY="" so
none of its cases runs), and trial 52's t122 `probe` (read_figure on PNG / JPEG q75 / HiDPI of a figure), its
definitions taken from t122's source up to its first case."""
import os, sys, pathlib
H = pathlib.Path(__file__).resolve().parent
for d in ("trial52", "trial54", "trial55"):
    sys.path.insert(0, str(H.parent / d))
os.environ["ONLY"] = ""
import t200_new_inputs as _t200  # noqa: E402  (prints a header line only)
from _p8 import *  # noqa: F401,F403,E402
from _p8 import header, dec_any, pil_rgb, fig_bytes, fbm, plot_slice, call, cpu, jpeg_pil, mscore, kd, wshort, HEAD8, summary  # noqa
pics, run, rfig, GRAY, RED = _t200.pics, _t200.run, _t200.rfig, _t200.GRAY, _t200.RED

_src = (H.parent / "trial52" / "t122_read_figure_cli.py").read_text()
_defs = _src[_src.index("def arr("):_src.index("\nz = fbm(")]
import io, tempfile, numpy as np, matplotlib.pyplot as plt, truepix as tp  # noqa: E402
from PIL import Image  # noqa: E402
from _p7 import redraw_truth, rf_pixels  # noqa: E402
d = tempfile.mkdtemp()
exec(compile(_defs, "t122_read_figure_cli.py(defs)", "exec"))  # arr, png_bytes, to_bytes, half, probe


def annotated_cells(m, d8):
    """t404's maker: an 8x8 nearest imshow of ``d8`` with each cell's value written in it
    (matplotlib's annotated-heatmap recipe, 9 pt), for ``pics`` (map ``m`` unless redrawn)."""
    import matplotlib.pyplot as plt

    def make(cm, ink, face):
        fg, ax = plt.subplots(figsize=(6, 5))
        if face: ax.set_facecolor(face)
        im = ax.imshow(d8, interpolation="nearest", cmap=cm or m); fg.colorbar(im)
        for i in range(8):
            for j in range(8):
                ax.text(j, i, f"{d8[i, j]:.2f}", ha="center", va="center", color=ink, fontsize=9)
        return fg, ax, im.norm
    return make
