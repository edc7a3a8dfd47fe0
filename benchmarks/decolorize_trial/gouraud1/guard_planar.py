"""gouraud1 guard: runs benchmarks/_stroke_screen.py (annotated JPEG q75 figures, strokes in every colour) with
_spans's planarity logged: each call's share over all off-map candidates (as before SPAN_BETWEEN) and over those
with the map on both sides (now); prints the calls whose verdict (>= SPAN_PLANAR) changed.
Usage: python guard_planar.py [stroke screen args]"""
import runpy, sys, pathlib
from truepix.color._decolorize import _spans

seen = {}
orig_between, orig_ps = _spans.between, _spans.planar_share
log = []


def between(at, anchor, width):
    seen["all"] = at
    return orig_between(at, anchor, width)


def planar_share(flat, scale, width, at, noise):
    new = orig_ps(flat, scale, width, at, noise)
    old = orig_ps(flat, scale, width, seen.pop("all", at), noise)
    log.append((old, new))
    if (old >= _spans.SPAN_PLANAR) != (new >= _spans.SPAN_PLANAR):
        print(f"  [planar verdict changed: before {old:.3f} -> now {new:.3f}]", flush=True)
    return new


_spans.between, _spans.planar_share = between, planar_share
here = pathlib.Path(__file__).resolve().parents[2]
sys.argv = [str(here / "_stroke_screen.py")] + sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    print(f"planar calls {len(log)}; verdict changed {sum((o >= 0.6) != (n >= 0.6) for o, n in log)}; "
          f"max before {max((o for o, _ in log), default=0):.3f}, max now {max((n for _, n in log), default=0):.3f}")
