"""The jump ink (``_jumps.jump_strokes``) on a JPEG q75 picture: its cores and where they lie.

python benchmarks/brick/jump_ink.py FIELD MAP [MAP ...]    FIELD: raw-brick (skimage brick whole) | a trial45 real field (brick: its crop)

Replaces ``jump_strokes`` by a wrapper that prints the cores (jump >= JUMP_CORE), the ink
``_ink_of`` finds, its share, median jump, luma spread and extent, the 16 px tiles holding an
ink core, the other cores within 3 px per ink core, then calls the real rule and prints how
many pixels it flagged; last the decode's NaN share.
"""
import io
import sys

import matplotlib as mpl
import numpy as np
from PIL import Image
import skimage.data
import truepix as tp
from truepix.color._decolorize import _jpeg as J
from truepix.color._decolorize import _jumps as JJ
g = skimage.data.brick().astype(float)[:512, :512]; f = (g - g.min()) / (g.max() - g.min())
orig = JJ.jump_strokes
def js(flat, scale, width, position, off_map, resized=False, ends=(False, False)):
    jump, side = JJ.jumps(position, width, off_map)
    cores = np.flatnonzero(jump >= JJ.JUMP_CORE)
    ink = JJ._ink_of(cores, position, 1.0, len(position), off_map, 1.0, ends)
    n = len(position); h = n // width
    print(f"   n_cores {len(cores)} ({100*len(cores)/n:.1f}% px) ink {ink}", flush=True)
    if ink is not None:
        c = cores[np.abs(position[cores] - ink) <= JJ.JUMP_INK_WIDTH]
        luma = (flat[:, :3] * scale) @ JJ._YCBCR[0]
        print(f"   held {len(c)} share {len(c)/len(cores):.2f} median jump {np.median(jump[c]):.3f} luma std {np.std(luma[c]):.1f} extent {JJ._extent(c, width):.0f}")
        t = np.zeros((h // 16 + 1, width // 16 + 1), int); np.add.at(t, (c // width // 16, c % width // 16), 1)
        print(f"   16px tiles holding an ink core: {100*np.mean(t>0):.1f}%; other cores share of all-pixel jumps>=core: {len(cores)-len(c)}")
        # cores not at the ink within 4 px of ink cores
        near = np.zeros(n, bool); JJ.near_any(c, width, h, 3, near)
        other = np.zeros(n, bool); other[cores] = True; other[c] = False
        print(f"   non-ink cores within 3 px of ink cores / ink cores: {other[near].sum()/len(c):.2f}; all jumps>=edge near: {np.mean(jump[near] >= 0.05):.2f}")
    before = off_map.sum(); orig(flat, scale, width, position, off_map, resized, ends); print(f"   flagged {off_map.sum()-before}")
J.jump_strokes = js
for m in sys.argv[2:]:
    src = sys.argv[1]
    if src == "raw-brick": data = f
    else:
        sys.path.insert(0, "benchmarks/decolorize_trial/trial45"); import _common as c
        data = c.crop(c.real_fields(512)[src], 512)
    b = io.BytesIO(); Image.fromarray(mpl.colormaps[m](data, bytes=True)[..., :3]).save(b, format="JPEG", quality=75)
    pic = np.asarray(Image.open(b).convert("RGB"))
    print(m)
    r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
    print(m, f"final {100*np.isnan(r.values).mean():.2f}%", flush=True)
