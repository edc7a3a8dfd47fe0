"""Strokes drawn by matplotlib over textures (skimage fields), JPEG q75: flagged / kept.

python benchmarks/brick/over_textures.py [--fields brick,grass,gravel,camera]
    [--inks coolwarm:red,turbo:red,RdBu_r:red,RdYlBu:red,RdBu_r:white] [--quality 75]

As tests/color/test_decolorize_colored_strokes.py's figures (a line and 5 rows of text,
256 px, savefig JPEG), with the field a 256 px crop of a skimage texture. Prints the share
of the stroke pixels (40 DN or more from the figure without them) flagged (NaN) and the
holes more than 2 px from any drawn pixel; and the same figure without strokes' holes.
"""

import argparse
import os
import sys

import numpy as np
import skimage.data

import truepix as tp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from tests.color._photographs import stroked_figure  # noqa: E402

SIZE = 256


def field(name):
    g = getattr(skimage.data, name)().astype(float)[:SIZE, :SIZE]
    return (g - g.min()) / np.ptp(g)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fields", default="brick,grass,gravel,camera")
    parser.add_argument("--inks", default="coolwarm:red,turbo:red,RdBu_r:red,RdYlBu:red,"
                        "RdBu_r:white")
    parser.add_argument("--quality", type=int, default=75)
    args = parser.parse_args()
    flagged_all = []
    for name in args.fields.split(","):
        data = field(name)
        for pair in args.inks.split(","):
            cmap, color = pair.split(":")
            clean = stroked_figure(data, cmap, None, None).astype(int)
            drawn = stroked_figure(data, cmap, color, None).astype(int)
            mask = np.abs(drawn - clean).max(-1) >= 40
            touched = (drawn != clean).any(-1)
            beside = np.zeros_like(touched)
            for dy in range(-2, 3):
                for dx in range(-2, 3):
                    beside |= np.roll(touched, (dy, dx), axis=(0, 1))
            values = tp.decolorize(stroked_figure(data, cmap, color, args.quality), cmap=cmap,
                                   vmin=0, vmax=1)
            bare = tp.decolorize(stroked_figure(data, cmap, None, args.quality), cmap=cmap,
                                 vmin=0, vmax=1)
            flagged = np.isnan(values[mask]).mean()
            flagged_all.append(flagged)
            print(f"{name:8}{cmap:9}{color:6} flagged {100 * flagged:5.1f}%  holes away "
                  f"{100 * np.isnan(values[~beside]).mean():5.2f}%  no strokes: holes "
                  f"{100 * np.isnan(bare).mean():5.2f}%", flush=True)
    print(f"flagged mean {100 * np.mean(flagged_all):.1f}% min {100 * np.min(flagged_all):.1f}%")


if __name__ == "__main__":
    main()
