"""Part 2: third-party maps: cmocean (thermal, haline, balance, deep), colorcet (fire, rainbow4), cmasher (rainforest,
iceburn). Pictures cmap(field, bytes=True) of a real (DEM) and a smooth field (384^2), exact PNG and JPEG q75. DEFAULT
decolorize with (1) the Colormap object, (2) the names a user tries: the package's matplotlib-registered name
('cmo.thermal', 'cet_fire', 'cmr.rainforest') and the truepix catalog spelling ('cmocean:thermal', 'colorcet:fire',
'cmasher:rainforest'); identify_colormap top 3. Baseline: k-d tree over the object's table. Needs cmocean/colorcet/cmasher
from /tmp/trial50_pkgs (PYTHONPATH after src)."""
import numpy as np, matplotlib as mpl, truepix as tp
import cmocean, colorcet, cmasher  # noqa: F401  (registers cmo.*, cet_*, cmr.* in matplotlib)
from _p5 import c, kd, call, wshort, header, score

header(__doc__.splitlines()[0])
MAPS = [("cmocean", "thermal", "cmo.thermal", "cmocean:thermal"), ("cmocean", "haline", "cmo.haline", "cmocean:haline"),
        ("cmocean", "balance", "cmo.balance", "cmocean:balance"), ("cmocean", "deep", "cmo.deep", "cmocean:deep"),
        ("colorcet", "fire", "cet_fire", "colorcet:fire"), ("colorcet", "rainbow4", "cet_rainbow4", "colorcet:rainbow4"),
        ("cmasher", "rainforest", "cmr.rainforest", "cmasher:rainforest"), ("cmasher", "iceburn", "cmr.iceburn", "cmasher:iceburn")]
fields = {"dem": c.crop(c.real_fields(512)["dem_jacksboro"], 384), "bumps": c.smooth_fields(384)["bumps"]}
rows = []
print(f"{'case':40}{'route':22}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}  notes")
for pkg, short, mplname, tpname in MAPS:
    cm = mpl.colormaps[mplname]
    lut = cm(np.linspace(0, 1, cm.N), bytes=True)[:, :3]
    # does the catalog's table match the package's?
    try:
        cat = tp.colorize(np.linspace(0, 1, cm.N), cmap=tpname, vmin=0, vmax=1)[:, :3].astype(int)
        tdiff = f"catalog {tpname} vs {mplname} table: max |diff| {int(np.abs(cat - lut.astype(int)).max())} DN"
    except Exception as e:
        tdiff = f"catalog {tpname}: {type(e).__name__}: {str(e)[:200]}"
    print(f"# {pkg}.{short} N={cm.N} {type(cm).__name__}; {tdiff}", flush=True)
    for fn, f in fields.items():
        ex = cm(f, bytes=True)[..., :3]
        for fmt, pic in (("png", ex), ("jpeg75", c.jpeg(ex, 75))):
            tag = f"{short} {fn} {fmt}"; base = kd(cm)(pic); mb, pb, _ = score(base, f)
            for route, arg in (("object", cm), ("mpl name " + mplname, mplname), ("tp name " + tpname, tpname)):
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=arg, vmin=0, vmax=1))
                if v is None: print(f"{tag:40}{route:22} ERROR {err[:260]}", flush=True); continue
                mt, pt, ht = score(v, f)
                print(f"{tag:40}{route:22}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}  p99 {100*pt:.2f}/{100*pb:.2f} | {wshort(ws)}", flush=True)
                rows.append((short, fn, fmt, route.split()[0], ht, mt, mb))
            ids, err, ws = call(lambda: tp.identify_colormap(pic, top=3))
            print(f"{'':40}identify: {[(m.name, round(m.score, 3)) for m in ids] if ids else err} | {wshort(ws)}", flush=True)
print("\nSUMMARY by route/format: holes mean/max (>0.2 %), ratio")
for route in ("object", "mpl", "tp"):
    for fmt in ("png", "jpeg75"):
        rr = [r for r in rows if r[3] == route and r[2] == fmt]
        if rr: print(f"  {route:7}{fmt:7} n={len(rr):2} holes mean {100*np.mean([r[4] for r in rr]):.3f} max {100*max(r[4] for r in rr):.3f} (>0.2%: {sum(r[4] > 0.002 for r in rr)}) ratio {sum(r[5] for r in rr)/sum(r[6] for r in rr):.3f}")
