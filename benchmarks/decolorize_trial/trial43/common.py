"""Trial 43 helpers: trial42's (which load trial41's fields, metrics, k-d tree baseline, picture makers)."""
import os, importlib.util
_spec = importlib.util.spec_from_file_location(
    "trial42_common", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trial42", "common.py"))
_m = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(_m)
globals().update({k: v for k, v in vars(_m).items() if not k.startswith("__")})


def dec(pic, cm, vmin=None, vmax=None, **kw):
    """Decolorizer(...).decode with FULL warning texts; returns (result or None, warnings, error, seconds)."""
    import truepix as tp, warnings, time
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = time.perf_counter()
        try:
            r = tp.Decolorizer(cm, vmin=vmin, vmax=vmax, **kw).decode(pic); err = None
        except Exception as e:
            r, err = None, f"{type(e).__name__}: {str(e)[:400]}"
        dt = time.perf_counter() - t
    return r, [f"{x.category.__name__}: {x.message}" for x in w], err, dt
