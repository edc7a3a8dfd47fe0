"""Trial 44 helpers: trial43's (-> 42 -> 41: fields, metrics, cKDTree baseline, jpeg/webp/savefig_arr, dec)."""
import os, importlib.util
_spec = importlib.util.spec_from_file_location(
    "trial43_common", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trial43", "common.py"))
_m = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(_m)
globals().update({k: v for k, v in vars(_m).items() if not k.startswith("__")})


def row(tag, r, w, err, dt, truth, vmin, vmax, pic, cm, mask=None):
    """One scored line: truepix (holes counted) vs kd baseline, warnings."""
    if err:
        return f"{tag:44s} ERROR {err}"
    v = r.values if hasattr(r, "values") else r
    m = metrics(v, truth, vmin, vmax, mask)
    b = metrics(baseline(pic, cm, vmin, vmax), truth, vmin, vmax, mask)
    ratio = m["mean_h"] / b["mean_h"] if b["mean_h"] > 0 else float("nan")
    ws = " | ".join(w)[:300]
    return (f"{tag:44s} nan={m['nan']:6.2f}% meanH={m['mean_h']:7.3f} kd={b['mean_h']:7.3f} x{ratio:5.2f} "
            f"p99={m['p99_h']:7.2f} kdp99={b['p99_h']:6.2f} t={dt:5.2f}s W[{len(w)}] {ws}")
