"""(5) A 4x4 mosaic of jet tiles of a 1024^2 DEM, each tile JPEG'd q85 on its own, through decolorize as a dask
array (chunks = tiles) on a LocalCluster(2 workers x 1 thread) vs the numpy call on the assembled mosaic
and vs numpy per tile."""
import time
import numpy as np
from common import *
import truepix as tp

if __name__ == "__main__":
    import dask.array as da
    from dask.distributed import LocalCluster, Client
    f = fields(1024)["terrain"]; lo, hi = 200, 4000
    rgba = tp.colorize(f, cmap="jet", vmin=lo, vmax=hi)
    T = 256
    mos = np.zeros((1024, 1024, 3), np.uint8)
    for i in range(4):
        for j in range(4):
            mos[i*T:(i+1)*T, j*T:(j+1)*T] = jpeg(rgba[i*T:(i+1)*T, j*T:(j+1)*T], 85)
    t = time.perf_counter(); vn = tp.decolorize(mos, cmap="jet", vmin=lo, vmax=hi); tn = time.perf_counter() - t
    t = time.perf_counter()
    vt = np.block([[tp.decolorize(mos[i*T:(i+1)*T, j*T:(j+1)*T], cmap="jet", vmin=lo, vmax=hi) for j in range(4)] for i in range(4)])
    tt = time.perf_counter() - t
    t = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl, Client(cl) as c:
        tstart = time.perf_counter() - t
        d = da.from_array(mos, chunks=(T, T, 3))
        t1 = time.perf_counter(); lazy = tp.decolorize(d, cmap="jet", vmin=lo, vmax=hi); tl = time.perf_counter() - t1
        print("lazy type:", type(lazy).__name__, getattr(lazy, "chunks", None) and lazy.chunksize, f"graph built in {tl:.2f}s")
        t1 = time.perf_counter(); vd = lazy.compute(); td = time.perf_counter() - t1
        t1 = time.perf_counter(); vd2 = tp.decolorize(d, cmap="jet", vmin=lo, vmax=hi).compute(); td2 = time.perf_counter() - t1
        r = tp.Decolorizer("jet", vmin=lo, vmax=hi).decode(d)
        import dask
        t1 = time.perf_counter(); vals, noise, jp = dask.compute(r.values, r.noise, r.jpeg); td3 = time.perf_counter() - t1
    print(f"cluster start {tstart:.1f}s; dask compute 1st {td:.2f}s, 2nd {td2:.2f}s, decode(values,noise,jpeg) {td3:.2f}s; "
          f"numpy whole {tn:.2f}s, numpy per tile {tt:.2f}s")
    print("result.noise, result.jpeg (dask):", noise, jp)
    for nm, v in [("numpy whole", vn), ("numpy per tile", vt), ("dask", vd)]:
        m = metrics(v, f, lo, hi); print(f"{nm:15s} nan={m['nan']:.3f}% meanH={m['mean_h']:.3f} p99H={m['p99_h']:.2f}")
    b = metrics(baseline(mos, "jet", lo, hi), f, lo, hi); print(f"{'kd':15s} meanH={b['mean_h']:.3f} p99={b['p99_h']:.2f}")
    eq = lambda a, b: np.array_equal(a, b, equal_nan=True)
    print("dask == numpy per tile:", eq(vd, vt), " max|diff|", np.nanmax(np.abs(vd - vt)),
          "| dask == numpy whole:", eq(vd, vn), " pixels differing:", int(np.sum(~np.isclose(vd, vn, equal_nan=True))),
          " max|diff|", np.nanmax(np.abs(vd - vn)), "| 2nd dask == 1st:", eq(vd, vd2), "| decode.values == :", eq(vals, vd))
