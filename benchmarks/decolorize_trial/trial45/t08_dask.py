"""Deliver 8: dask arrays on a LocalCluster: a mosaic of colormapped tiles decoded chunk by chunk;
same answer as numpy on exact tiles; JPEG'd tiles; result stays lazy; Decolorizer.decode on dask."""
import time, numpy as np, dask.array as da, truepix as tp
from dask.distributed import Client, LocalCluster
import _common as c

if __name__ == "__main__":
    cl = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cl)
    f = c.smooth_fields(256)["bumps"]; dem = c.crop(c.real_fields()["dem_jacksboro"], 256)
    tiles = [[f, dem, f[::-1]], [dem[:, ::-1], f.T, dem.T]]
    field = np.block(tiles)
    for m in ("viridis", "jet"):
        pic = c.render(field, m)
        pj = np.block([[c.jpeg(c.render(t, m), 75)[..., None] if False else c.jpeg(c.render(t, m), 75) for t in row] for row in tiles]) if False else None
        rows = [np.concatenate([c.jpeg(c.render(t, m), 75) for t in row], axis=1) for row in tiles]
        pj = np.concatenate(rows, axis=0)
        for name, p in (("exact", pic), ("jpeg75 tiles", pj)):
            d = da.from_array(p, chunks=(256, 256, 3))
            t0 = time.time()
            lazy = tp.decolorize(d, cmap=m, vmin=0, vmax=1)
            kind = type(lazy).__name__
            got = lazy.compute()
            t1 = time.time()
            ref = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
            same = np.array_equal(got, ref, equal_nan=True)
            print(f"  {m:8}{name:14} lazy type {kind}; dask==numpy {same}; max|diff| {np.nanmax(np.abs(got-ref)):.2e}; MAE {np.nanmean(np.abs(got-field))*100:.3f}% holes {np.isnan(got).mean()*100:.3f}%; {t1-t0:.1f}s wall")
        # odd chunks that cut through the tiles, channel axis chunked
        d = da.from_array(pj, chunks=(100, 170, 1))
        got = tp.decolorize(d, cmap=m, vmin=0, vmax=1).compute()
        print(f"  {m:8}odd chunks (100,170,1) jpeg: MAE {np.nanmean(np.abs(got-field))*100:.3f}% holes {np.isnan(got).mean()*100:.3f}%")
        r = tp.Decolorizer(m, vmin=0, vmax=1).decode(da.from_array(pic, chunks=(256, 256, 3)))
        print(f"  Decolorizer.decode(dask): values {type(r.values).__name__}, ambiguous {type(r.ambiguous).__name__}, noise {r.noise!r}, jpeg {r.jpeg!r}")
    # uint16 and float32 dask
    d = da.from_array(c.render(field, "viridis").astype(np.float32) / 255, chunks=(256, 256, 3))
    got = tp.decolorize(d, cmap="viridis", vmin=0, vmax=1).compute()
    print(f"  float32 dask: MAE {np.nanmean(np.abs(got-field))*100:.3f}% holes {np.isnan(got).mean()*100:.3f}%")
    client.close(); cl.close()
    print("load", c.loadavg())
