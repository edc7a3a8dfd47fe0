"""Dithered and undithered palette pictures, DEFAULT call ``tp.decolorize(pic, cmap=m,
vmin=0, vmax=1)``, on trial 46's t25 fields (4 real + 2 smooth, 192^2) x 6 maps.

Conditions: Pillow ``convert("P")`` (web palette + Floyd-Steinberg: its default), the same
without dither, ``quantize(64)``, an adaptive 256 palette of a LANCZOS 0.5x picture (t25's),
16 and 256 adaptive colors dithered (``quantize(n, palette=..., dither=FLOYDSTEINBERG)``),
the exact render, and Pillow GIFs of the LANCZOS 0.5x picture and of a JPEG q90 one. Columns: holes (NaN share), MAE (holes count 1.0), the k-d tree on the
pixels and on their 3x3 binomial means (``kd_means``), whether the result says dithered.
Usage: ``python palettes.py [--maps a,b] [--conds a,b]``; run once per tree (PYTHONPATH)."""
import argparse, io, pathlib, sys, warnings
import numpy as np
from PIL import Image

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "decolorize_trial" / "trial46"))
import _common as c  # noqa: E402
import truepix as tp  # noqa: E402

MAPS = ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]
N = 192


def means(rgb):
    a = rgb.astype(np.float64)
    for ax in (0, 1):
        p = np.pad(a, [(1, 1) if i == ax else (0, 0) for i in range(3)], mode="reflect")
        n = a.shape[ax]
        a = 0.5 * a + 0.25 * (np.take(p, range(2, n + 2), axis=ax) + np.take(p, range(n), axis=ax))
    return np.clip(np.rint(a), 0, 255).astype(np.uint8)


def conds(rgb, f):
    im = Image.fromarray(rgb)
    yield "P_web_dither", np.asarray(im.convert("P").convert("RGB")), f
    yield "P_web_nodither", np.asarray(im.convert("P", dither=Image.Dither.NONE).convert("RGB")), f
    yield "quantize64", np.asarray(im.quantize(64).convert("RGB")), f
    h, w = f.shape
    size = (w // 2, h // 2)
    sm = np.asarray(im.resize(size, Image.LANCZOS))
    tr = np.clip(np.asarray(Image.fromarray(f.astype(np.float32), mode="F").resize(size, Image.LANCZOS)), 0, 1)
    ad = Image.fromarray(sm).convert("P", palette=Image.Palette.ADAPTIVE, colors=256)
    yield "P_adaptive_lanczos0.5", np.asarray(ad.convert("RGB")), tr.astype(np.float64)
    for n in (16, 256):
        q = im.quantize(n, palette=im.quantize(n), dither=Image.Dither.FLOYDSTEINBERG)
        yield f"adaptive{n}_dither", np.asarray(q.convert("RGB")), f
    yield "exact", rgb, f
    for name, source, truth in (("gif_lanczos0.5", sm, tr), ("gif_jpeg90", c.jpeg(rgb, 90), f)):
        gif = io.BytesIO()  # (Pillow's GIF writer: an adaptive 256-color palette)
        Image.fromarray(source).save(gif, "GIF")
        yield name, np.asarray(Image.open(io.BytesIO(gif.getvalue())).convert("RGB")), truth


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--maps", default=",".join(MAPS))
    ap.add_argument("--conds", default="")
    args = ap.parse_args()
    fields = {k: ("real", c.crop(v, N)) for k, v in c.real_fields().items()
              if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
    fields.update({k: ("smooth", v) for k, v in c.smooth_fields(N).items() if k != "waves"})
    rows = []
    for m in args.maps.split(","):
        base = c.Baseline(m)
        for fn, (kind, f) in fields.items():
            for cn, im, tr in conds(c.render(f, m), f):
                if args.conds and cn not in args.conds.split(","):
                    continue
                with warnings.catch_warnings(record=True) as w:
                    warnings.simplefilter("always")
                    est = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
                said = getattr(tp.Decolorizer(m, vmin=0, vmax=1).decode(im), "dithered", None)
                mt, pt, ht = c.score(est, tr)
                mb = c.score(base(im), tr)[0]
                mm = c.score(base(means(im)), tr)[0]
                rows.append((m, fn, kind, cn, mt, ht, mb, mm, said, len(w)))
                print("ROW", *[f"{x:.5f}" if isinstance(x, float) else x for x in rows[-1]], flush=True)
    print(f"\n{'cond':24}{'kind':8}{'tp_mae%':>9}{'kd%':>8}{'kd_means%':>10}{'holes_mean%':>12}"
          f"{'holes_max%':>11}{'n>0.2%':>8}{'dithered':>9}{'warned':>7}")
    for cn in dict.fromkeys(r[3] for r in rows):
        for kind in ("real", "smooth"):
            rr = [r for r in rows if r[3] == cn and r[2] == kind]
            if not rr:
                continue
            print(f"{cn:24}{kind:8}{100 * np.mean([r[4] for r in rr]):9.3f}"
                  f"{100 * np.mean([r[6] for r in rr]):8.3f}{100 * np.mean([r[7] for r in rr]):10.3f}"
                  f"{100 * np.mean([r[5] for r in rr]):12.3f}{100 * max(r[5] for r in rr):11.2f}"
                  f"{sum(r[5] > .002 for r in rr):>5}/{len(rr)}{sum(bool(r[8]) for r in rr):>6}/{len(rr)}"
                  f"{sum(r[9] > 0 for r in rr):>5}")


if __name__ == "__main__":
    main()
