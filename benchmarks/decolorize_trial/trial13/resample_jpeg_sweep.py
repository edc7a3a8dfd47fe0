"""Resized, then JPEG'd (trial 13 F2, issue 11 item 1): the default call's holes and its error
against the k-d tree. Stratified: every (factor, resampler, JPEG setting) on N (map, field)
pairs.  Usage: PYTHONPATH=src python benchmarks/decolorize_trial/trial13/resample_jpeg_sweep.py 2 out.json"""
import io, itertools, json, pathlib, sys, time
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
import numpy as np, cv2
from PIL import Image
import colormaps as bench
from truepix import Decolorizer

SIZE = 256
MAPS = bench.MAPS
FACTORS = (0.33, 0.5, 0.75, 1.5, 2.0)
R = Image.Resampling
RESAMPLERS = {
    "pil-bilinear": ("pil", R.BILINEAR), "pil-bicubic": ("pil", R.BICUBIC),
    "pil-area": ("pil", R.BOX), "pil-lanczos": ("pil", R.LANCZOS),
    "cv-linear": ("cv", cv2.INTER_LINEAR), "cv-cubic": ("cv", cv2.INTER_CUBIC),
    "cv-area": ("cv", cv2.INTER_AREA), "cv-lanczos": ("cv", cv2.INTER_LANCZOS4),
}
JPEGS = [(q, s) for q in (95, 75, 50) for s in (2, 0)]

def all_fields():
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize
    f = {k: v for k, (_, v) in bench.fields(SIZE).items()}
    c = resize(rgb2gray(data.coffee()), (SIZE, SIZE), anti_aliasing=True)
    f["coffee"] = (c - c.min()) / (c.max() - c.min())
    return f

def resize(rgb, field, factor, name):
    lib, method = RESAMPLERS[name]
    n = round(SIZE * factor)
    if lib == "pil":
        pic = np.asarray(Image.fromarray(rgb).resize((n, n), method))
        truth = np.asarray(Image.fromarray(field.astype(np.float32), mode="F").resize((n, n), method))
    else:
        pic = cv2.resize(rgb, (n, n), interpolation=method)
        truth = cv2.resize(field.astype(np.float32), (n, n), interpolation=method)
    return pic, np.clip(truth.astype(np.float64), 0, 1)

def jpeg(rgb, q, s):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q, subsampling=s)
    return np.asarray(Image.open(b).convert("RGB"))

def run(n_pairs=2, seed=0, out=None, only_maps=None):
    rng = np.random.default_rng(seed)
    fields = all_fields()
    pairs = [(m, f) for m in MAPS for f in fields]
    combos = list(itertools.product(FACTORS, RESAMPLERS, JPEGS))
    # stratified: a shuffled pair list cycled over the combos
    order = []
    for k in range(n_pairs):
        perm = rng.permutation(len(pairs))
        order += [pairs[i] for i in perm]
    cmaps, decoders, trees = {}, {}, {}
    rows = []
    t0 = time.time()
    for i, combo in enumerate(itertools.chain.from_iterable([combos] * n_pairs)):
        m, fname = order[(i * 7 + i // len(combos)) % len(order)]  # pairs cycled evenly over the combinations
        if only_maps and m not in only_maps:
            continue
        factor, rs, (q, s) = combo
        if m not in cmaps:
            cmaps[m] = bench.colormap(m)
            decoders[m] = Decolorizer(cmaps[m], cyclic=m in bench.CYCLIC, vmin=0.0, vmax=1.0)
            trees[m] = bench.NearestRGB(cmaps[m])
        rgb = cmaps[m](fields[fname], bytes=True)[..., :3]
        pic, truth = resize(rgb, fields[fname], factor, rs)
        pic = jpeg(pic, q, s)
        v = decoders[m].values(pic)
        kd = trees[m](pic)
        holes = np.isnan(v)
        e = np.abs(v - truth); ek = np.abs(kd - truth)
        if m in bench.CYCLIC:
            e = np.minimum(e, 1 - e); ek = np.minimum(ek, 1 - ek)
        e[holes] = 1.0
        rows.append(dict(map=m, field=fname, factor=factor, rs=rs, q=q, sub=s,
                         nan=100 * holes.mean(), mean=100 * e.mean(), kd=100 * ek.mean(),
                         p99=100 * np.percentile(e, 99), kd99=100 * np.percentile(ek, 99)))
    if out:
        with open(out, "w") as fh:
            json.dump(rows, fh)
    print(f"{len(rows)} pictures in {time.time() - t0:.0f} s", file=sys.stderr)
    return rows

def report(rows):
    import collections
    def summ(sel):
        nan = np.array([r["nan"] for r in sel])
        mean = sum(r["mean"] for r in sel) / sum(r["kd"] for r in sel)
        p99w = np.mean([r["p99"] > r["kd99"] for r in sel])
        p99r = max(r["p99"] / r["kd99"] for r in sel)
        return f"n {len(sel):4d} NaN mean {nan.mean():6.3f} worst {nan.max():6.2f} >0.2%: {np.sum(nan > 0.2):3d}  err/kd {mean:5.3f}  p99 worse {100*p99w:4.0f}% (max {p99r:5.2f}x)"
    print("ALL", summ(rows))
    for key in ("factor", "rs", "q", "sub", "map", "field"):
        g = collections.defaultdict(list)
        for r in rows: g[r[key]].append(r)
        for k in sorted(g, key=str):
            print(f"{key}={k!s:<16}", summ(g[k]))
    worst = sorted(rows, key=lambda r: -r["nan"])[:12]
    for r in worst:
        print("worst", {k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()})

if __name__ == "__main__":
    n = int(sys.argv[1]); out = sys.argv[2]
    rows = run(n_pairs=n, out=out)
    report(rows)
