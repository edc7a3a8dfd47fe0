"""dask LocalCluster (2 process workers): a mosaic of JPEG'd viridis tiles decoded by the default call.
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/check_dask_cluster.py"""
import os, sys, time, warnings
sys.path.insert(0, os.path.dirname(__file__))
if __name__ == "__main__":
    from _h import *
    import dask.array as da
    from dask.distributed import LocalCluster, Client
    import truepix as tp
    f = fields(128)["camera"]
    tile = pil_jpeg(plt.get_cmap("viridis")(f, bytes=True)[..., :3], 75)
    mos = np.tile(tile, (3, 3, 1)); truth = np.tile(f, (3, 3))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cl, Client(cl):
        t = time.perf_counter()
        v = tp.decolorize(da.from_array(mos, chunks=(128, 128, 3)), cmap="viridis", vmin=0, vmax=1).compute()
        t1 = time.perf_counter() - t
        t = time.perf_counter()
        v2 = tp.decolorize(da.from_array(mos, chunks=(128, 128, 3)), cmap="viridis", vmin=0, vmax=1).compute()
        t2 = time.perf_counter() - t
    ref = tp.decolorize(tile, cmap="viridis", vmin=0, vmax=1)
    print(f"cluster: NaN {100*np.isnan(v).mean():.2f} %, mean err {100*np.nanmean(np.abs(v-truth)):.3f} %, "
          f"equals per-tile numpy: {np.array_equal(v[:128,:128], ref, equal_nan=True)}, first {t1:.1f} s, second {t2:.2f} s")
