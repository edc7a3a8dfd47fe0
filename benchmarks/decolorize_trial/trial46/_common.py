"""trial46's helpers are trial45's (fields, degradations, the k-d tree baseline, scoring):
loaded from ../trial45/_common.py under its own name, its public names re-exported here."""
import importlib.util
import pathlib

_PATH = pathlib.Path(__file__).resolve().parent.parent / "trial45" / "_common.py"
_SPEC = importlib.util.spec_from_file_location("trial45_common", _PATH)
_MODULE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_MODULE)
globals().update({k: v for k, v in vars(_MODULE).items() if not k.startswith("__")})
