"""Part 2: a 2048x2048 mosaic of 16 map tiles (512^2: DEM crops, photos, fBm, smooth fields), each drawn with viridis and
JPEG'd q75 on its own (as tiles arrive), as a dask array (chunks 512x512x3) through a dask.distributed LocalCluster
(n_workers=2, threads_per_worker=1, processes). DEFAULT decolorize(dask, cmap="viridis", vmin=0, vmax=1).compute() against
the numpy call on the same picture: holes, ratio, equality, and wall / CPU (client + workers) time."""
import time, numpy as np, dask.array as da, truepix as tp
from dask.distributed import LocalCluster, Client
from _p6 import c, kd, call, wshort, header, cpu, fbm, F


def wcpu(client):
    return sum(client.run(time.process_time).values())


if __name__ == "__main__":
    header(__doc__.splitlines()[0])
    rf = c.real_fields(512); sf = c.smooth_fields(512)
    dem = rf["dem_jacksboro"]
    tiles = [c.crop(dem, 512), rf["camera"], rf["moon"], rf["grace_hopper"], rf["motorcycle_disp"], sf["bumps"], sf["waves"], sf["ramp_diag"],
             fbm(512, seed=1), fbm(512, seed=2), fbm(512, beta=2.6, seed=3), fbm(512, beta=3.6, seed=4), rf["brick"], c.smooth_fields(512, 5)["bumps"],
             fbm(512, seed=6), c.smooth_fields(512, 7)["waves"]]
    import cv2
    tiles = [t if t.shape == (512, 512) else np.clip(cv2.resize(t.astype(np.float32), (512, 512), interpolation=cv2.INTER_LINEAR).astype(np.float64), 0, 1) for t in tiles]
    print('tiles resized to 512x512 (DEM 344 rows, motorcycle 500):', [i for i, t in enumerate(tiles)], flush=True)
    truth = np.block([[tiles[4 * i + j] for j in range(4)] for i in range(4)])
    rows_ = [np.concatenate([c.jpeg(c.render(tiles[4 * i + j], "viridis"), 75) for j in range(4)], axis=1) for i in range(4)]
    pic = np.concatenate(rows_, axis=0); print(f"picture {pic.shape} {pic.dtype}", flush=True)
    base = kd("viridis")(pic); mb, pb, _ = F.score(base, truth)
    t0w, t0 = time.time(), cpu(); vn, err, ws = call(lambda: tp.decolorize(pic, cmap="viridis", vmin=0, vmax=1)); dtn, dwn = cpu() - t0, time.time() - t0w
    if vn is None: print("numpy ERROR", err)
    else:
        mt, pt, ht = F.score(vn, truth)
        print(f"numpy call: holes {100*ht:.3f}% MAE {100*mt:.3f}% kd {100*mb:.3f}% ratio {mt/mb:.3f} p99 {100*pt:.2f}/{100*pb:.2f} CPU {dtn:.2f}s wall {dwn:.2f}s | {wshort(ws)}", flush=True)
    t0w = time.time(); cl = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None); client = Client(cl)
    print(f"cluster up in {time.time() - t0w:.1f}s wall", flush=True)
    d = da.from_array(pic, chunks=(512, 512, 3))
    for rnd in (1, 2):
        w0, c0, t0w = wcpu(client), cpu(), time.time()
        vd, err, ws = call(lambda: tp.decolorize(d, cmap="viridis", vmin=0, vmax=1).compute())
        dw, dcl, dwk = time.time() - t0w, cpu() - c0, wcpu(client) - w0
        if vd is None: print(f"dask round {rnd}: ERROR {err}", flush=True); continue
        mt, pt, ht = F.score(vd, truth)
        same = np.array_equal(vd, vn, equal_nan=True) if vn is not None else None
        diff = np.nanmax(np.abs(vd - vn)) if vn is not None else None
        tiles_h = [round(100 * np.isnan(vd[512 * i:512 * (i + 1), 512 * j:512 * (j + 1)]).mean(), 3) for i in range(4) for j in range(4)]
        print(f"dask round {rnd}: holes {100*ht:.3f}% ratio {mt/mb:.3f} p99 {100*pt:.2f} | equal to numpy {same} max|diff| {diff:.4g} | wall {dw:.2f}s CPU client {dcl:.2f}s workers {dwk:.2f}s | per-tile holes% {tiles_h} | {wshort(ws)}", flush=True)
    client.close(); cl.close()
