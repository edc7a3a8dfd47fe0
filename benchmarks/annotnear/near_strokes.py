"""Strokes whose ink lies near the map's colors: where their flags come from and where not.

The figure is benchmarks/_drawn_annotations.py's (an axes-filling imshow of a smooth
field, matplotlib contours at 0.25 / 0.5 / 0.75 and two texts in one ink, JPEG q75
4:2:0 or PNG). Per map and ink it prints the share of stroke pixels (moved > 12 DN by
the annotation) flagged after each stage of ``_jpeg.jpeg_off_map`` that ran, then the
flagged share by how far the field's luma under the stroke lies from the ink's (DN):
a stroke over a field of its own luma keeps no luma step, and what tells it is its
chroma, which 4:2:0 averages over 2x2 blocks.

Run: ``python benchmarks/annotnear/near_strokes.py MAPS [INKS] [png|jpeg]``, e.g.
``cmocean:thermal,twilight,magma gray,magenta``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _conditions import colormap  # noqa: E402
from _drawn_annotations import _MOVED, COLORS, _figure  # noqa: E402

from truepix import Decolorizer  # noqa: E402
from truepix.color._decolorize import _jpeg  # noqa: E402

CYCLIC = {"twilight", "twilight_shifted", "hsv"}
#: The stages of ``jpeg_off_map`` that add flags, in their order there.
STAGES = ("_follow_strokes", "strokes_unbled", "inked_strokes", "jump_strokes",
          "gray_ink_strokes", "end_ink_strokes", "ink_blends", "fringes")  # fmt: skip
#: Bands of |field luma - ink luma| (DN).
BANDS = ((0, 10), (10, 20), (20, 40), (40, 80), (80, 256))
_LUMA = np.array([0.299, 0.587, 0.114])
_STATE: dict = {}


def _watched(name: str):
    """``_jpeg``'s stage ``name``, logging the stroke pixels flagged once it ran."""
    stage = getattr(_jpeg, name)

    def run(*args, **kwargs):
        result = stage(*args, **kwargs)
        masks = [a for a in args if isinstance(a, np.ndarray) and a.dtype == bool
                 and a.ndim == 1 and len(a) == _STATE.get("n", -1)]  # fmt: skip
        if masks and "stroke" in _STATE:
            share = 100 * masks[0][_STATE["stroke"]].mean()
            _STATE["log"].append(f"{name.strip('_')[:10]} {share:.1f}")
        return result

    return run


def main(argv: list[str]) -> None:
    maps = argv[0].split(",")
    inks = argv[1].split(",") if len(argv) > 1 else list(COLORS)
    jpeg = (argv[2] if len(argv) > 2 else "jpeg") == "jpeg"
    for name in STAGES:
        setattr(_jpeg, name, _watched(name))
    y, x = np.mgrid[0:300, 0:400]
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    header = "".join(f"{f'{lo}-{hi}':>13}" for lo, hi in BANDS)
    print(f"flagged % of stroke pixels (count) by |field luma - ink luma| (DN):{header}")
    for name in maps:
        cmap = colormap(name)
        decoder = Decolorizer(cmap, cyclic=name in CYCLIC, vmin=0.0, vmax=1.0)
        clean = _figure(cmap, data, None, jpeg=False).astype(float)
        for ink in inks:
            drawn = _figure(cmap, data, ink, jpeg=False).astype(float)
            moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
            stroke = moved > _MOVED
            _STATE.update(n=stroke.size, stroke=stroke.ravel(), log=[])
            lost = np.isnan(decoder.values(_figure(cmap, data, ink, jpeg=jpeg)))
            gap = np.abs(clean @ _LUMA - np.array(COLORS[ink]) @ _LUMA)
            bands = ""
            for lo, hi in BANDS:
                band = stroke & (gap >= lo) & (gap < hi)
                share = 100 * lost[band].mean() if band.any() else np.nan
                bands += f"{share:>6.1f} ({band.sum():>4})"
            print(f"{name:<16}{ink:<8} flagged {100 * lost[stroke].mean():5.1f}, data lost "
                  f"{100 * lost[moved == 0].mean():4.2f}{bands}")  # fmt: skip
            print(f"{'':<24}after: " + ", ".join(_STATE["log"]))


if __name__ == "__main__":
    main(sys.argv[1:])
