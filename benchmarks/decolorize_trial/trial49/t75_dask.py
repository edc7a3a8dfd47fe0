"""Part 2: dask. A 4096x4096 mosaic of 16 colormapped 1024^2 tiles (viridis; real and smooth fields, each tile its own
field, value range 0..1), JPEG'd whole at q75 (Pillow 4:2:0). decolorize(dask array chunked 1024x1024x3, cmap="viridis",
vmin=0, vmax=1) on a LocalCluster(n_workers=2, threads_per_worker=1) vs the numpy call on the same picture: values
(max |diff|, share equal), NaN count, MAE vs the truth and vs the k-d tree, time (wall; CPU of this process for the numpy
call). Also the same with the tiles' seams: chunk edges fall on tile edges here (each chunk is judged alone)."""
import time, sys, numpy as np, matplotlib as mpl, truepix as tp
from _p4 import c, kd, call, wshort, header, score, cpu

if __name__ == "__main__":
    header(__doc__.splitlines()[0])
    import dask, dask.array as da
    from dask.distributed import LocalCluster, Client
    rf = c.real_fields(1024); sf = c.smooth_fields(1024)
    tiles = [c.crop(rf[k], 1024) for k in ("dem_jacksboro", "camera", "moon", "brick", "grace_hopper", "motorcycle_disp")]
    tiles = [t if t.shape == (1024, 1024) else np.asarray(__import__("cv2").resize(t.astype(np.float32), (1024, 1024)), np.float64) for t in tiles]
    tiles += [sf[k] for k in ("bumps", "ramp_diag", "waves")]
    for s in range(7): tiles.append(c.smooth_fields(1024, seed=s + 1)["bumps"])
    truth = np.block([[tiles[4 * i + j] for j in range(4)] for i in range(4)])
    m = sys.argv[1] if len(sys.argv) > 1 else "viridis"
    ex = mpl.colormaps[m](truth, bytes=True)[..., :3]
    pic = c.jpeg(ex, 75)
    print(f"mosaic {pic.shape} {m} JPEG q75", flush=True)
    t0, w0 = cpu(), time.perf_counter(); vn, err, wsn = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
    print(f"numpy call: wall {time.perf_counter()-w0:.2f} s CPU {cpu()-t0:.2f} s ({pic.shape[0]*pic.shape[1]/1e6/(cpu()-t0):.1f} MP/CPU-s) {err} | {wshort(wsn)}", flush=True)
    t0, w0 = cpu(), time.perf_counter(); vn2 = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
    print(f"numpy call again (warm): wall {time.perf_counter()-w0:.2f} s CPU {cpu()-t0:.2f} s", flush=True)
    base = kd(m)(pic); mb, pb, _ = score(base, truth); mt, pt, ht = score(vn, truth)
    print(f"numpy: NaN {int(np.isnan(vn).sum())} ({100*ht:.3f}%) MAE {100*mt:.3f}% kd {100*mb:.3f}% ratio {mt/mb:.3f} p99 {100*pt:.2f}/{100*pb:.2f}", flush=True)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl, Client(cl) as cli:
        d = da.from_array(pic, chunks=(1024, 1024, 3))
        for attempt in ("first (workers cold)", "second (warm)"):
            w0 = time.perf_counter(); t0 = cpu()
            lazy, err, ws = call(lambda: tp.decolorize(d, cmap=m, vmin=0, vmax=1))
            if lazy is None: print("dask decolorize ERROR", err); break
            vd = lazy.compute()
            wcpu = sum(v for v in cli.run(lambda: __import__("time").process_time()).values())
            print(f"dask {attempt}: type {type(lazy).__name__} chunks {lazy.chunks if hasattr(lazy, 'chunks') else '-'} wall {time.perf_counter()-w0:.2f} s (client CPU {cpu()-t0:.2f} s, workers' total CPU so far {wcpu:.1f} s) | {wshort(ws)}", flush=True)
        both = np.isfinite(vd) & np.isfinite(vn)
        md, pd_, hd = score(vd, truth)
        print(f"dask: NaN {int(np.isnan(vd).sum())} ({100*hd:.3f}%) MAE {100*md:.3f}% ratio {md/mb:.3f}  vs numpy: equal {100*float(np.mean(vd[both] == vn[both])):.2f}% max|diff| {float(np.max(np.abs(vd[both]-vn[both]))):.4f} NaN only in dask {int((np.isnan(vd) & ~np.isnan(vn)).sum())} only in numpy {int((~np.isnan(vd) & np.isnan(vn)).sum())}", flush=True)
        # per tile
        for i in range(16):
            ys, xs = slice(1024 * (i // 4), 1024 * (i // 4 + 1)), slice(1024 * (i % 4), 1024 * (i % 4 + 1))
            a, _, h1 = score(vn[ys, xs], truth[ys, xs]); b, _, h2 = score(vd[ys, xs], truth[ys, xs]); k, _, _ = score(base[ys, xs], truth[ys, xs])
            print(f"  tile {i:2}: numpy holes {100*h1:.3f}% ratio {a/k:.3f} | dask holes {100*h2:.3f}% ratio {b/k:.3f}")
        r, err, ws = call(lambda: tp.Decolorizer(m, vmin=0, vmax=1).decode(d))
        if r is not None:
            print(f"Decolorizer.decode(dask): jpeg {r.jpeg.compute() if hasattr(r.jpeg,'compute') else r.jpeg} noise {r.noise.compute() if hasattr(r.noise,'compute') else r.noise} threshold {r.threshold.compute() if hasattr(r.threshold,'compute') else r.threshold} | {wshort(ws)}")
        else: print("Decolorizer.decode(dask) ERROR", err)
