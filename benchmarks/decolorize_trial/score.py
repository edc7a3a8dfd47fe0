"""Score issue 11's user trial: the default ``decolorize`` call on pictures other tools made.

Run: ``PYTHONPATH=src python benchmarks/decolorize_trial/score.py [OUT] [--quick] [--only=NAME_PART]``.
Draws the cases first (``make_cases.py``) when ``OUT/cases.json`` is missing, then prints
one table (case, what, holes %, mean / max error in bins, ratio of mean error -- holes
counted as 100 % of the range -- to the nearest-color k-d tree, flagged / lost % for
annotated pictures, PASS/FAIL against the issue's goal), a pooled table, and the
identify_colormap, dask, bad-input, CLI and speed checks.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import cv2
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import tifffile  # noqa: E402
from PIL import Image  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import make_cases  # noqa: E402

import truepix as tp  # noqa: E402

RATIO_GOALS = {"jpeg90": 0.75, "jpeg75": 0.80, "jpeg50": 0.85, "area0.5": 0.70, "linear0.5": 0.70,
               "cubic0.5": 0.70, "pil_bilinear0.5": 0.70, "noise2": 0.80}
HOLE_GOAL = 0.2  # % NaN on all-data pictures
STRONG_DN = 10  # an annotation pixel: changed by more than this (max over channels) by the annotations
_TREES: dict[str, tuple[cKDTree, int]] = {}
ONLY = ""  # --only=SUBSTRING scores only the cases whose name holds it (and skips the other checks)


def read(path: Path, reader: str) -> np.ndarray:
    """Read a picture the way a user would."""
    if reader == "plt.imread":
        return plt.imread(path)
    if reader == "pil":
        return np.asarray(Image.open(path))
    if reader == "pil_rgb":
        return np.asarray(Image.open(path).convert("RGB"))
    if reader == "cv2":
        return cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
    if reader == "tifffile":
        return tifffile.imread(path)
    if reader == "npy":
        return np.load(path)
    raise ValueError(reader)


def as_bytes(pic: np.ndarray) -> np.ndarray:
    """RGB uint8 of any picture, for the baseline."""
    rgb = pic[..., :3]
    if rgb.dtype == np.uint16:
        return np.rint(rgb / 257.0).astype(np.uint8)
    if rgb.dtype.kind == "f":
        return np.rint(np.clip(rgb, 0, 1) * 255).astype(np.uint8)
    return rgb.astype(np.uint8)


def to_unit(case: dict, x: np.ndarray) -> np.ndarray:
    """Values to positions along the map in [0, 1] (the norm's own scale)."""
    if case["norm"]:
        norm = make_cases.make_norm(case["norm"])
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.ma.filled(np.ma.asarray(norm(np.ma.masked_invalid(x))).astype(float), np.nan)
        return out
    return (x - case["vmin"]) / (case["vmax"] - case["vmin"])


def decode(case: dict, pic) -> np.ndarray:
    """The default call a user writes."""
    kw = {"cmap": case["cmap"]}
    if case["norm"]:
        kw["norm"] = make_cases.make_norm(case["norm"])
    else:
        kw.update(vmin=case["vmin"], vmax=case["vmax"])
    if case["step"]:
        kw["step"] = case["step"]
    return np.asarray(tp.decolorize(pic, **kw))


def baseline(case: dict, out: Path, pic: np.ndarray) -> np.ndarray:
    """Nearest table color (cKDTree over the map's 256 bytes): position (index + 0.5) / N."""
    key = case["cmap"].replace(":", "_")
    if key not in _TREES:
        table = np.load(out / f"table_{key}.npy").astype(float)
        _TREES[key] = (cKDTree(table), len(table))
    tree, n = _TREES[key]
    rgb = as_bytes(pic)
    _, idx = tree.query(rgb.reshape(-1, 3).astype(float))
    return ((idx + 0.5) / n).reshape(rgb.shape[:-1])


def errors(case: dict, u_hat: np.ndarray, u: np.ndarray) -> np.ndarray:
    err = np.abs(u_hat - u)
    if case["cyclic"]:
        err = np.minimum(err, 1 - err)
    return err * case["n_bins"]


def band_index(case: dict, x: np.ndarray) -> np.ndarray:
    b = np.asarray(case["norm"]["args"]["boundaries"], float)
    return np.searchsorted(b, x, side="right")


def score_case(case: dict, out: Path) -> dict:
    pic = read(out / case["picture"], case["reader"])
    truth = np.load(out / f"{case['name']}.truth.npy")
    row = {"case": case["name"], "what": case["what"], "group": case["group"], "goal": case["goal"]}
    try:
        values = decode(case, pic)
    except Exception as exc:  # a user sees this
        row.update(error=f"{type(exc).__name__}: {str(exc).splitlines()[0][:150]}", ok=False)
        return row
    if values.shape != truth.shape:
        row.update(error=f"shape {values.shape} != {truth.shape}", ok=False)
        return row
    data = np.ones(truth.shape, bool)
    if "mask" in case:
        change = np.load(out / case["mask"])
        annot, data = change > STRONG_DN, change == 0
        row["flagged_any"] = 100 * np.isnan(values[change > 0]).mean()
        row["flagged"] = 100 * np.isnan(values[annot]).mean()
        row["lost"] = 100 * np.isnan(values[data]).mean()
    nan = np.isnan(values)
    row["holes"] = 100 * nan[data].mean()
    u, u_hat = to_unit(case, truth), to_unit(case, values)
    err = errors(case, u_hat, u)
    ok_px = data & ~nan
    row["mean"] = float(err[ok_px].mean()) if ok_px.any() else np.nan
    row["max"] = float(err[ok_px].max()) if ok_px.any() else np.nan
    with_holes = np.where(nan, case["n_bins"], err)[data]
    base = errors(case, baseline(case, out, pic), u)[data]
    row["ratio"] = float(with_holes.mean() / max(base.mean(), 1e-12))
    row["p99"] = float(np.percentile(with_holes, 99))
    row["p99_base"] = float(np.percentile(base, 99))
    row["mean_h"], row["mean_base"] = float(with_holes.mean()), float(base.mean())
    if case["goal"] == "integers":
        row["exact"] = 100 * np.mean(values[data] == truth[data])
    if case["goal"] == "layers":
        layers = np.asarray(case["layers"])
        near = np.min(np.abs(values[..., None] - layers), axis=-1) <= 0.501 * (case["vmax"] - case["vmin"]) / 256
        row["exact"] = 100 * np.mean(near[data])
    if case["goal"] == "bands":
        if case["norm"]:
            good = band_index(case, values) == band_index(case, truth)
        else:
            good = err <= 1.0
        row["exact"] = 100 * np.mean(good[data] & ~nan[data])
    row["ok"], row["goal_txt"] = judge(case, row)
    return row


def judge(case: dict, row: dict) -> tuple[bool, str]:
    g = case["goal"]
    if g == "exact":
        return row["holes"] == 0 and row["max"] <= 1.0 + 1e-9, "0 holes, max<=1 bin"
    if g == "integers":
        return row["exact"] == 100.0, "100% exact ints"
    if g in ("bands", "layers"):
        return row["exact"] >= 99.0, ">=99% in own band"
    if g == "annot_png":
        return row["flagged"] >= 99.0, ">=99% flagged"
    if g == "annot_jpeg":
        return row["flagged"] >= 95.0, ">=95% flagged"
    if g == "resampled":
        return row["holes"] <= HOLE_GOAL and row["ratio"] <= 1.0, "holes<=0.2%, ratio<=1"
    ratio_goal = RATIO_GOALS.get(g)
    if g.startswith("jpeg") and case.get("field") == "smooth":
        ratio_goal = 0.6
    if ratio_goal is None:
        return row["holes"] <= HOLE_GOAL, "holes<=0.2%"
    ok = row["holes"] <= HOLE_GOAL and row["ratio"] <= ratio_goal and row["p99"] <= row["p99_base"] + 1e-9
    return ok, f"holes<=0.2%, ratio<={ratio_goal}, p99<=base"


def fmt(row: dict) -> str:
    if "error" in row:
        return f"| {row['case']} | {row['what']} | RAISED {row['error']} | | | | | FAIL |"
    fl = f"{row['flagged']:.1f} ({row['flagged_any']:.1f} any) / {row['lost']:.2f}" if "flagged" in row else ""
    ex = f" ({row['exact']:.1f}% ok)" if "exact" in row else ""
    return (f"| {row['case']} | {row['what']}{ex} | {row['holes']:.2f} | {row['mean']:.3f} / {row['max']:.2f} | "
            f"{row['ratio']:.2f} | {fl} | {row['goal_txt']} | {'PASS' if row['ok'] else 'FAIL'} |")


def pooled(rows: list[dict]) -> None:
    print("\n## Pooled degraded pictures (mean error, holes = 100 %, over maps x fields)\n")
    print("| degradation | fields | n | holes mean / max % | truepix / k-d tree (mean) | goal | |")
    print("|---|---|---|---|---|---|---|")
    groups: dict[tuple, list] = {}
    for r in rows:
        if r["group"].startswith("degraded") and "error" not in r:
            groups.setdefault((r["goal"], r["group"].split("-")[1]), []).append(r)
    for (how, kind), rs in sorted(groups.items()):
        ratio = sum(r["mean_h"] for r in rs) / sum(r["mean_base"] for r in rs)
        goal = 0.6 if (how.startswith("jpeg") and kind == "smooth") else RATIO_GOALS.get(how)
        holes = [r["holes"] for r in rs]
        verdict = "" if goal is None else ("PASS" if ratio <= goal else "FAIL")
        print(f"| {how} | {kind} | {len(rs)} | {np.mean(holes):.2f} / {max(holes):.2f} | {ratio:.2f} | "
              f"{goal or ''} | {verdict} |")


def main(out: Path, quick: bool) -> None:
    if not (out / "cases.json").exists():
        make_cases.main(out)
    manifest = json.loads((out / "cases.json").read_text())
    cases = manifest["cases"][::5] if quick else manifest["cases"]
    if ONLY:
        cases = [c for c in cases if ONLY in c["name"]]
    t0 = time.perf_counter()
    rows = [score_case(c, out) for c in cases]
    print(f"# decolorize user trial: {len(rows)} cases in {time.perf_counter() - t0:.0f} s\n")
    print("| case | what | holes % | mean / max err (bins) | ratio to k-d tree | flagged (>10 DN; any change) / lost % | goal | |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(fmt(r))
    n_fail = sum(not r["ok"] for r in rows)
    print(f"\n{len(rows) - n_fail} PASS, {n_fail} FAIL")
    pooled(rows)
    import checks

    if not ONLY:
        checks.run_all(out, manifest)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    ONLY = next((a[7:] for a in sys.argv if a.startswith("--only=")), "")
    main(Path(args[0] if args else "/tmp/trial11/cases"), "--quick" in sys.argv)
