"""Colormapped pictures as color-managed tools save them: a Display P3 (or other) ICC profile.

A macOS screenshot of a heatmap is a PNG whose bytes are Display P3 colors (iCCP chunk); a
phone's or Photoshop's JPEG carries a profile too. Each map (viridis, jet, coolwarm) paints
two 256x256 fields (smooth fBm, skimage's camera); the sRGB picture is re-expressed in the
profile with littlecms (relative colorimetric, as a color-managed app does) and saved by
Pillow with ``icc_profile=``, as PNG and as JPEG q90. Each is decoded by the default
``tp.decolorize`` call twice: from the stored bytes (the profile ignored: what truepix did
before) and from what the command line's reader gives now (:mod:`truepix._profile`
applied). Printed per row: NaN share, mean error (% of the range) on answered pixels, and
with holes counted as full-range errors; the sRGB original (no profile) decoded the same
way is the reference.

    PYTHONPATH=$PWD/src:$PWD python benchmarks/icc_inputs.py
"""

from __future__ import annotations

import io
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np


def fields(n: int = 256) -> dict[str, np.ndarray]:
    import skimage.data
    from skimage.transform import resize

    rng = np.random.default_rng(0)
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n)))
    k[0, 0] = 1.0
    smooth = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((n, n))) * k**-2.2))
    camera = resize(skimage.data.camera().astype(float), (n, n), anti_aliasing=True)
    return {name: (f - f.min()) / (f.max() - f.min()) for name, f in
            {"fbm": smooth, "camera": camera}.items()}  # fmt: skip


def score(values: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    holes = np.isnan(values)
    answered = np.abs(values[~holes] - truth[~holes])
    mae = float(answered.mean()) if answered.size else np.nan
    counted = float(np.where(holes, 1.0, np.abs(np.nan_to_num(values) - truth)).mean())
    return 100 * holes.mean(), 100 * mae, 100 * counted


def decoded(picture: np.ndarray, cmap: str) -> np.ndarray:
    import truepix as tp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tp.decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)


def main() -> None:
    import imagecodecs
    import matplotlib

    from tests._profiles import display_p3, save_tagged, to_profile
    from truepix.cli._common import read_picture

    folder = Path(tempfile.mkdtemp())
    profile = display_p3()
    print(f"{'map':9} {'field':7} {'file':5} | {'NaN%':>6} {'MAE%':>6} {'holes=1':>7} (stored)"
          f" | {'NaN%':>6} {'MAE%':>6} {'holes=1':>7} (now) | sRGB original")  # fmt: skip
    for cmap in ("viridis", "jet", "coolwarm"):
        for name, field in fields().items():
            rgb = matplotlib.colormaps[cmap](field, bytes=True)[..., :3]
            in_p3 = to_profile(rgb, profile)
            for suffix, options in ((".png", {}), (".jpg", {"quality": 90})):
                reference = folder / f"ref{suffix}"
                save_tagged(reference, rgb, None, **options)
                tagged = folder / f"p3{suffix}"
                save_tagged(tagged, in_p3, profile, **options)
                stored = np.asarray(imagecodecs.imread(str(tagged)))
                sys.stderr = io.StringIO()  # read_picture's note
                try:
                    now = read_picture(tagged)
                finally:
                    sys.stderr = sys.__stderr__
                before = score(decoded(stored, cmap), field)
                after = score(decoded(now, cmap), field)
                ref = score(decoded(np.asarray(imagecodecs.imread(str(reference))), cmap), field)
                row = lambda s: f"{s[0]:6.2f} {s[1]:6.2f} {s[2]:7.2f}"  # noqa: E731
                print(f"{cmap:9} {name:7} {suffix[1:]:5} | {row(before)}          | "
                      f"{row(after)}       | {row(ref)}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
