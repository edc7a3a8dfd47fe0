"""Trial 43 helpers: trial42's (which load trial41's fields, metrics, k-d tree baseline, picture makers)."""
import os, importlib.util
_spec = importlib.util.spec_from_file_location(
    "trial42_common", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trial42", "common.py"))
_m = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(_m)
globals().update({k: v for k, v in vars(_m).items() if not k.startswith("__")})


def dec(pic, cm, vmin=None, vmax=None, **kw):
    """trial42's ``dec`` with FULL warning texts."""
    return _m.dec(pic, cm, vmin, vmax, cut=None, **kw)
