"""Checks of issue 11's trial that are not per-picture scores: identify_colormap, dask,
bad inputs (API and CLI) and speed. Called by ``score.py``."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib.colors as mcolors
import numpy as np
from PIL import Image

import truepix as tp
import truepix.errors as tperr

VMIN, VMAX = 1500.0, 4500.0


def identify(out: Path, items: list[dict]) -> None:
    print("\n## identify_colormap on JPEG q75 pictures (DEM field)\n")
    print("| map drawn | top-1 | score | aliases | direction_known | top-3 | |")
    print("|---|---|---|---|---|---|---|")
    for it in items:
        pic = np.asarray(Image.open(out / it["picture"]))
        matches = tp.identify_colormap(pic, top=3)
        best = matches[0]
        drawn = it["name"].removesuffix("_r")
        names = {best.name, *best.aliases}
        ok = drawn in names or drawn.split(":")[-1] in {n.split(":")[-1] for n in names}
        if it["name"].endswith("_r"):  # a picture cannot tell direction: must say so
            ok = ok and not best.direction_known
        top3 = ", ".join(f"{m.name}{'_r' if m.reversed else ''} {m.score:.3f}" for m in matches)
        print(f"| {it['name']} | {best.name}{'_r' if best.reversed else ''} | {best.score:.3f} | "
              f"{', '.join(best.aliases[:3])} | {best.direction_known} | {top3} | {'PASS' if ok else 'FAIL'} |")


def dask_mosaic(out: Path) -> None:
    import dask.array as da
    from distributed import Client, LocalCluster

    print("\n## dask mosaic (512x512 JPEG q90 viridis, 4 tiles of 256, LocalCluster 2 workers)\n")
    pic = np.asarray(Image.open(out / "mosaic.jpg"))
    truth = np.load(out / "mosaic.truth.npy")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster):
        lazy = tp.decolorize(da.from_array(pic, chunks=(256, 256, 3)), cmap="viridis", vmin=VMIN, vmax=VMAX)
        kind = type(lazy).__module__ + "." + type(lazy).__name__
        values = np.asarray(lazy.compute()) if hasattr(lazy, "compute") else np.asarray(lazy)
    tiles = np.block([[tp.decolorize(pic[i:i + 256, j:j + 256], cmap="viridis", vmin=VMIN, vmax=VMAX)
                       for j in (0, 256)] for i in (0, 256)])
    err = np.abs(values - truth) / (VMAX - VMIN) * 256
    same = np.array_equal(values, tiles, equal_nan=True)
    ok = kind.startswith("dask") and same and np.isnan(values).mean() <= 0.002
    print(f"returned {kind}; holes {100 * np.isnan(values).mean():.2f} %; mean err {np.nanmean(err):.3f} bins; "
          f"equal to per-tile numpy calls: {same} -> {'PASS' if ok else 'FAIL'}")


BAD_API = [
    ("int32 picture", "tp.decolorize(np.zeros((4, 4, 3), np.int32), cmap='viridis', vmin=0, vmax=1)",
     "UnsupportedDtypeError"),
    ("float64 > 1", "tp.decolorize(np.full((4, 4, 3), 2.0), cmap='viridis', vmin=0, vmax=1)", "OutOfRangeError"),
    ("bool picture", "tp.decolorize(np.zeros((4, 4, 3), bool), cmap='viridis', vmin=0, vmax=1)",
     "UnsupportedDtypeError"),
    ("(H, W, 2)", "tp.decolorize(np.zeros((4, 4, 2), np.uint8), cmap='viridis', vmin=0, vmax=1)", "ShapeError"),
    ("(H, W, 5)", "tp.decolorize(np.zeros((4, 4, 5), np.uint8), cmap='viridis', vmin=0, vmax=1)", "ShapeError"),
    ("gray 2-D with viridis", "tp.decolorize(np.zeros((4, 4), np.uint8), cmap='viridis', vmin=0, vmax=1)",
     "ShapeError"),
    ("0-d", "tp.decolorize(np.uint8(3), cmap='viridis', vmin=0, vmax=1)", "ShapeError"),
    ("unknown cmap", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='virdis', vmin=0, vmax=1)",
     "UnknownColormapError"),
    ("cmap=42", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap=42, vmin=0, vmax=1)", "TruepixError"),
    ("vmin > vmax", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', vmin=5, vmax=1)", "InputError"),
    ("vmin == vmax", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', vmin=1, vmax=1)", "InputError"),
    ("vmin NaN", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', vmin=float('nan'), vmax=1)",
     "InputError"),
    ("no limits", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis')", "InputError"),
    ("norm + other vmin",
     "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', norm=mcolors.Normalize(0, 10), vmin=5)",
     "InputError"),
    ("norm + same vmin",
     "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', norm=mcolors.Normalize(0, 10), vmin=0)", None),
    ("unscaled norm", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', norm=mcolors.Normalize())",
     "InputError"),
    ("LogNorm vmin 0", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', norm=mcolors.LogNorm(0, 10))",
     "InputError"),
    ("norm='sqrt'", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', norm='sqrt', vmin=0, vmax=1)",
     "TruepixError"),
    ("step=0", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', vmin=0, vmax=1, step=0)",
     "TruepixError"),
    ("threshold=-1", "tp.decolorize(np.zeros((4, 4, 3), np.uint8), cmap='viridis', vmin=0, vmax=1, threshold=-1)",
     "TruepixError"),
    ("nested list of ints", "tp.decolorize([[[0, 0, 0]]], cmap='viridis', vmin=0, vmax=1)", "UnsupportedDtypeError"),
    ("Decolorizer vmin>vmax", "tp.Decolorizer('viridis', vmin=5, vmax=1)", "InputError"),
    ("identify int32", "tp.identify_colormap(np.zeros((4, 4, 3), np.int32))", "UnsupportedDtypeError"),
]


def bad_inputs() -> None:
    print("\n## Bad inputs (API): a truepix.errors class, one line 'expected ..., got ...'\n")
    print("| input | expected | raised | message | |")
    print("|---|---|---|---|---|")
    env = {"tp": tp, "np": np, "mcolors": mcolors}
    for what, code, want in BAD_API:
        try:
            eval(code, env)
            got, msg = "nothing", ""
        except Exception as exc:
            got, msg = type(exc).__name__, str(exc)
        cls = getattr(tperr, want, None) if want else None
        if want is None:
            ok = got == "nothing"
        else:
            ok = (got != "nothing" and cls is not None and isinstance_name(got, cls) and "\n" not in msg
                  and "expected" in msg and "got" in msg)
        shown = msg.replace("\n", " \\n ").replace("|", "/")[:160]
        print(f"| {what} | {want or 'works'} | {got} | {shown} | {'PASS' if ok else 'FAIL'} |")


def isinstance_name(name: str, cls: type) -> bool:
    sub = getattr(tperr, name, None)
    return isinstance(sub, type) and issubclass(sub, cls)


def cli(out: Path) -> None:
    print("\n## CLI: exit non-zero with a one-line reason, no traceback\n")
    jpg = out / "deg_viridis_dem_jpeg75.jpg"
    txt = out / "not_a_picture.png"
    txt.write_text("hello")
    gray = out / "gray2d.png"
    Image.fromarray(np.asarray(Image.open(jpg).convert("L"))).save(gray)
    runs = [
        ("good run", [str(jpg), str(out / "cli_out.npy"), "--cmap", "viridis", "--vmin", "1500", "--vmax", "4500"], 0),
        ("missing file", [str(out / "nope.png"), str(out / "o.npy"), "--cmap", "viridis", "--vmin", "0", "--vmax",
                          "1"], 1),
        ("unknown cmap", [str(jpg), str(out / "o.npy"), "--cmap", "virdis", "--vmin", "0", "--vmax", "1"], 1),
        ("vmin > vmax", [str(jpg), str(out / "o.npy"), "--cmap", "viridis", "--vmin", "5", "--vmax", "1"], 1),
        ("no limits", [str(jpg), str(out / "o.npy"), "--cmap", "viridis"], 1),
        ("no cmap", [str(jpg), str(out / "o.npy"), "--vmin", "0", "--vmax", "1"], 1),
        ("not a picture", [str(txt), str(out / "o.npy"), "--cmap", "viridis", "--vmin", "0", "--vmax", "1"], 1),
        ("bad output ext", [str(jpg), str(out / "o.xyz"), "--cmap", "viridis", "--vmin", "0", "--vmax", "1"], 1),
        ("gray 2-D picture, viridis", [str(gray), str(out / "o.npy"), "--cmap", "viridis",
                                       "--vmin", "0", "--vmax", "1"], 1),
    ]
    print("| run | exit | stderr lines | traceback | message | |")
    print("|---|---|---|---|---|---|")
    for what, args, want in runs:
        p = subprocess.run([sys.executable, "-m", "truepix", "decolorize", *args], capture_output=True, text=True,
                           timeout=120)
        err = p.stderr.strip()
        lines = [ln for ln in err.splitlines() if ln.strip()]
        tb = "Traceback" in p.stderr
        ok = (p.returncode == 0) if want == 0 else (p.returncode != 0 and not tb and len(lines) == 1)
        if what == "good run" and ok:
            api = tp.decolorize(np.asarray(Image.open(jpg)), cmap="viridis", vmin=VMIN, vmax=VMAX)
            ok = np.array_equal(np.load(out / "cli_out.npy"), api, equal_nan=True)
        msg = (lines[-1] if lines else "").replace("|", "/")[:140]
        print(f"| {what} | {p.returncode} | {len(lines)} | {tb} | {msg} | {'PASS' if ok else 'FAIL'} |")


SPEED = textwrap.dedent("""
    import time, io, sys
    t0 = time.perf_counter()
    import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib as mpl
    from PIL import Image
    y, x = np.mgrid[0:1024, 0:1024] / 1024
    u = (np.sin(7 * x) * np.cos(5 * y) + 1) / 2
    rgb = mpl.colormaps["viridis"](u, bytes=True)[..., :3]
    if sys.argv[1] == "jpeg":
        b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=75); rgb = np.asarray(Image.open(b))
    t1 = time.perf_counter()
    import truepix as tp
    t2 = time.perf_counter()
    v = tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1)
    t3 = time.perf_counter()
    warm = []
    for _ in range(5):
        s = time.perf_counter(); tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1); warm.append(time.perf_counter() - s)
    d = tp.Decolorizer("viridis", vmin=0, vmax=1); d.values(rgb)
    dw = []
    for _ in range(5):
        s = time.perf_counter(); d.values(rgb); dw.append(time.perf_counter() - s)
    mp = rgb.shape[0] * rgb.shape[1] / 1e6
    from scipy.spatial import cKDTree
    tree = cKDTree(mpl.colormaps["viridis"](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float))
    s = time.perf_counter(); tree.query(rgb.reshape(-1, 3).astype(float)); kd = time.perf_counter() - s
    print(f"{t2 - t1:.2f} {t3 - t2:.3f} {mp / min(warm):.0f} {mp / min(dw):.0f} {mp / kd:.1f}")
""")


def speed(out: Path) -> None:
    import os

    print(f"\n## Speed, 1 MP viridis (fresh `python -c` process each; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores)\n")
    print("| picture | import truepix s | first call s (cold MP/s) | warm decolorize MP/s | warm Decolorizer.values "
          "MP/s | k-d tree MP/s (same process) | |")
    print("|---|---|---|---|---|---|---|")
    for kind in ("exact", "jpeg"):
        p = subprocess.run([sys.executable, "-c", SPEED, kind], capture_output=True, text=True, timeout=300)
        if p.returncode:
            print(f"| {kind} | failed: {p.stderr.strip().splitlines()[-1]} | | | | FAIL |")
            continue
        imp, first, warm, dec, kd = p.stdout.split()
        cold = 1.048576 / float(first)
        ok = cold >= 20 and float(dec) >= 100
        print(f"| {kind} | {imp} | {first} ({cold:.0f}) | {warm} | {dec} | {kd} | {'PASS' if ok else 'FAIL'} (goals: cold "
              f">= 20, warm >= 100) |")


def run_all(out: Path, manifest: dict) -> None:
    identify(out, manifest["identify"])
    dask_mosaic(out)
    bad_inputs()
    cli(out)
    speed(out)
