"""Trial 42 helpers: trial41's (fields, metrics, k-d tree baseline) plus picture makers."""
import io
import os
import time
import warnings

import numpy as np

import importlib.util

_spec = importlib.util.spec_from_file_location(
    "trial41_common",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trial41", "common.py"),
)
_trial41 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_trial41)
globals().update({k: v for k, v in vars(_trial41).items() if not k.startswith("__")})


def jpeg(pic, q=85, sub=2):
    from PIL import Image
    b = io.BytesIO(); Image.fromarray(pic[..., :3]).save(b, "JPEG", quality=q, subsampling=sub)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def webp(pic, q=75):
    from PIL import Image
    b = io.BytesIO(); Image.fromarray(pic[..., :3]).save(b, "WEBP", quality=q)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def savefig_arr(fig, fmt="png", dpi=100, **kw):
    from PIL import Image
    b = io.BytesIO(); fig.savefig(b, format=fmt, dpi=dpi, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def dec(pic, cm, vmin=None, vmax=None, *, cut=260, **kw):
    """Decolorizer(...).decode with warnings recorded (their texts cut to ``cut`` characters,
    None: whole); returns (result or None, warnings, error, seconds)."""
    import truepix as tp
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = time.perf_counter()
        try:
            r = tp.Decolorizer(cm, vmin=vmin, vmax=vmax, **kw).decode(pic); err = None
        except Exception as e:
            r, err = None, f"{type(e).__name__}: {str(e)[:300]}"
        dt = time.perf_counter() - t
    return r, [f"{x.category.__name__}: {str(x.message)[:cut]}" for x in w], err, dt
