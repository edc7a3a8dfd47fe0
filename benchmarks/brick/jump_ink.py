"""The jump ink (``_jumps.jump_strokes``) on a JPEG q75 picture: its cores and where they lie.

python benchmarks/brick/jump_ink.py FIELD MAP [MAP ...]

FIELD: ``raw-brick`` (skimage's brick whole, 512 x 512) or a trial45 real field (``brick``:
trial 48's crop). Replaces ``jump_strokes`` by a wrapper that prints the cores (jump >=
JUMP_CORE), the ink ``_ink_of`` finds, its share, median jump, luma spread and extent, the 16 px
tiles holding an ink core, the other cores within 3 px per ink core, then calls the real rule
and prints how many pixels it flagged; last the decode's NaN share.
"""

import io
import sys

import matplotlib as mpl
import numpy as np
import skimage.data
from PIL import Image

import truepix as tp
from truepix.color._decolorize import _jpeg as J
from truepix.color._decolorize import _jumps as JJ

ORIGINAL = JJ.jump_strokes


def wrapped(flat, scale, width, position, off_map, resized=False, ends=(False, False)):
    """Print the jump ink's statistics, then run the real rule."""
    jump, _ = JJ.jumps(position, width, off_map)
    cores = np.flatnonzero(jump >= JJ.JUMP_CORE)
    ink = JJ._ink_of(cores, position, 1.0, len(position), off_map, 1.0, ends)
    n = len(position)
    height = n // width
    print(f"   n_cores {len(cores)} ({100 * len(cores) / n:.1f}% px) ink {ink}", flush=True)
    if ink is not None:
        c = cores[np.abs(position[cores] - ink) <= JJ.JUMP_INK_WIDTH]
        luma = (flat[:, :3] * scale) @ JJ._YCBCR[0]
        print(f"   held {len(c)} share {len(c) / len(cores):.2f} median jump "
              f"{np.median(jump[c]):.3f} luma std {np.std(luma[c]):.1f} extent "
              f"{JJ._extent(c, width):.0f}")
        tiles = np.zeros((height // 16 + 1, width // 16 + 1), int)
        np.add.at(tiles, (c // width // 16, c % width // 16), 1)
        print(f"   16px tiles holding an ink core: {100 * np.mean(tiles > 0):.1f}%; "
              f"other cores: {len(cores) - len(c)}")
        near = np.zeros(n, bool)
        JJ.near_any(c, width, height, 3, near)
        other = np.zeros(n, bool)
        other[cores] = True
        other[c] = False
        print(f"   non-ink cores within 3 px of ink cores / ink cores: "
              f"{other[near].sum() / len(c):.2f}; all jumps>=edge near: "
              f"{np.mean(jump[near] >= 0.05):.2f}")
    before = off_map.sum()
    ORIGINAL(flat, scale, width, position, off_map, resized, ends)
    print(f"   flagged {off_map.sum() - before}")


def main() -> None:
    J.jump_strokes = wrapped
    field = sys.argv[1]
    if field == "raw-brick":
        g = skimage.data.brick().astype(float)[:512, :512]
        data = (g - g.min()) / (g.max() - g.min())
    else:
        sys.path.insert(0, "benchmarks/decolorize_trial/trial45")
        import _common as c

        data = c.crop(c.real_fields(512)[field], 512)
    for name in sys.argv[2:]:
        buffer = io.BytesIO()
        rgb = mpl.colormaps[name](data, bytes=True)[..., :3]
        Image.fromarray(rgb).save(buffer, format="JPEG", quality=75)
        picture = np.asarray(Image.open(buffer).convert("RGB"))
        print(name)
        result = tp.Decolorizer(name, vmin=0, vmax=1).decode(picture)
        print(name, f"final {100 * np.isnan(result.values).mean():.2f}%", flush=True)


if __name__ == "__main__":
    main()
