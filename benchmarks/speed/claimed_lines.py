"""CPU of each statement of ``_inked._claimed``'s per-ink loop (the ink peak's tries) on
/tmp/lead/figt.py's JPEG'd 600x800 imshow figure with a white box at alpha 0.5.

python benchmarks/speed/claimed_lines.py MAP   (viridis or jet; NUMBA_NUM_THREADS=1)

Draws the figure (terrain 256^2, rng 3, colorbar, savefig JPEG), decodes it once warm,
then once more with the loop's statements timed (``process_time``, summed over the
tries) and prints the decode's CPU and the 20 costliest statements.
"""
import io, sys, time, warnings, ast, inspect, textwrap
import numpy as np
import truepix as tp
from truepix.color._decolorize import _inked as I
warnings.simplefilter("ignore")
m = sys.argv[1]
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _conditions import terrain_field
f = terrain_field(256, np.random.default_rng(3))
fg, ax = plt.subplots(figsize=(8, 6), dpi=100); im = ax.imshow(f, cmap=m); fg.colorbar(im)
ax.set_title("terrain")
ax.add_patch(plt.Rectangle((40, 40), 80, 60, color="white", alpha=0.5))
b = io.BytesIO(); fg.savefig(b, format="jpg"); plt.close(fg)
p = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
d = tp.Decolorizer(m, vmin=float(f.min()), vmax=float(f.max()))
d.values(p)
# instrument: time each top-level statement of the for-loop body in _claimed
src = textwrap.dedent(inspect.getsource(I._claimed))
tree = ast.parse(src)
fn = tree.body[0]
loop = [s for s in fn.body if isinstance(s, ast.For)][0]
new = []
for i, st in enumerate(loop.body):
    new.append(ast.parse("_t0 = _pt()").body[0]); new.append(st)
    new.append(ast.parse(f"_T[{st.lineno}] = _T.get({st.lineno}, 0) + _pt() - _t0").body[0])
loop.body = new
ast.fix_missing_locations(tree)
T = {}
ns = dict(I.__dict__); ns["_pt"] = time.process_time; ns["_T"] = T
exec(compile(tree, "claimed", "exec"), ns)
I._claimed = ns["_claimed"]
t = time.process_time(); d.values(p); print("total", 1e3*(time.process_time()-t))
lines = src.splitlines()
for ln, v in sorted(T.items(), key=lambda kv: -kv[1])[:20]:
    print(f"{1e3*v:8.1f} ms  {lines[ln-1].strip()[:95]}")
