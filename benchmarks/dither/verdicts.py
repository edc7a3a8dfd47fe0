"""Which pictures the dither verdict (``_dither.dithered``) takes for dithered palettes:
trial 45/46's t01 set (10 maps x 4 real + 2 smooth fields, 256^2: exact, JPEG q50-95
4:2:0 and 4:4:4, resizes, noise, quantize(256)) must give none -- those pictures then
decode through the very same code as before -- and Pillow's ``convert("P")`` (web
palette, Floyd-Steinberg) as many as it can. Prints the counts per condition."""
import pathlib, sys
from collections import Counter

import numpy as np
from PIL import Image

HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1] / "decolorize_trial" / "trial45"))
import _common as c  # noqa: E402
import truepix as tp  # noqa: E402
from truepix.color._decolorize._dither import dithered  # noqa: E402
from truepix.color._decolorize._inputs import as_pixels  # noqa: E402

sys.argv = sys.argv[:1]
t01 = (HERE.parents[1] / "decolorize_trial" / "trial45" / "t01_holes_accuracy.py").read_text()
namespace = {"__name__": "t01"}
exec(t01.split("rows = []")[0], namespace)  # (its maps, fields and conditions only)

taken, total = Counter(), Counter()
for m in namespace["MAPS"]:
    decoder = tp.Decolorizer(m, vmin=0, vmax=1)
    for fname, (kind, f) in namespace["fields"].items():
        rgb = c.render(f, m)
        pictures = [(name, im) for name, im, _ in namespace["conds"](rgb, f)]
        pictures.append(("P_web_dither", np.asarray(Image.fromarray(rgb).convert("P").convert("RGB"))))
        for name, im in pictures:
            pixels, table, _ = as_pixels(im)
            total[name] += 1
            taken[name] += bool(dithered(decoder, pixels, table))
for name in total:
    print(f"{name:24}{taken[name]:>4} / {total[name]}")
