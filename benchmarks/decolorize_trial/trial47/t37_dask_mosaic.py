"""Part 2: a mosaic of 4 colormapped map tiles (512x512 each: DEM (drawn up to 512), camera, moon, grace_hopper fields) as a dask array
(da.concatenate of the tiles: one chunk per tile, and rechunked to 384 px so chunks straddle tiles), jet and viridis, tiles
exact and each tile JPEG q75 on its own. tp.decolorize(dask_array, cmap=m, vmin=0, vmax=1).compute() (default threaded
scheduler) and once on a distributed LocalCluster (processes, 2 workers): type back, holes, MAE vs truth, ratio to the
k-d tree, equality with the numpy call on the whole mosaic and on each tile, CPU time."""
import time, warnings, numpy as np, matplotlib as mpl, truepix as tp
import dask.array as da
from _p2 import c, score, kd, call, wshort, jpeg, header



def main():
    header(__doc__.splitlines()[0])
    rf = c.real_fields()
    import cv2
    tiles = [np.clip(cv2.resize(c.crop(rf[k], 512).astype(np.float32), (512, 512), interpolation=cv2.INTER_CUBIC), 0, 1).astype(np.float64) for k in ("dem_jacksboro", "camera", "moon", "grace_hopper")]
    truth = np.block([[tiles[0], tiles[1]], [tiles[2], tiles[3]]])
    print(f"{'map':8}{'tiles':6}{'chunks':8}{'sched':10}{'type':12}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'=np_tiles%':>11}{'=np_whole%':>11}{'cpu_s':>7}  warnings")
    def run(m, kind, pics, chunk, sched, client=None):
        mos = np.concatenate([np.concatenate(pics[:2], 1), np.concatenate(pics[2:], 1)], 0)
        d = da.concatenate([da.concatenate([da.from_array(p) for p in pics[:2]], axis=1),
                            da.concatenate([da.from_array(p) for p in pics[2:]], axis=1)], axis=0)
        if chunk != 512: d = d.rechunk((chunk, chunk, 3))
        c0 = time.process_time()
        out, err, ws = call(lambda: tp.decolorize(d, cmap=m, vmin=0, vmax=1))
        if out is None:
            print(f"{m:8}{kind:6}{chunk:<8}{sched:10} ERROR {err}"); return
        typ = type(out).__module__.split(".")[0] + "." + type(out).__name__
        v, err2, ws2 = call(lambda: out.compute() if client is None else client.compute(out).result())
        cpu = time.process_time() - c0
        if v is None:
            print(f"{m:8}{kind:6}{chunk:<8}{sched:10} COMPUTE ERROR {err2}"); return
        whole = tp.decolorize(mos, cmap=m, vmin=0, vmax=1)
        per = np.concatenate([np.concatenate([tp.decolorize(p, cmap=m, vmin=0, vmax=1) for p in pics[:2]], 1),
                              np.concatenate([tp.decolorize(p, cmap=m, vmin=0, vmax=1) for p in pics[2:]], 1)], 0)
        eq = lambda a, b: float(np.mean((a == b) | (np.isnan(a) & np.isnan(b))))
        mt, pt, ht = score(v, truth); mb, pb, _ = score(kd(m)(mos), truth)
        print(f"{m:8}{kind:6}{chunk:<8}{sched:10}{typ:12}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*eq(v, per):11.2f}{100*eq(v, whole):11.2f}{cpu:7.2f}  {wshort(ws + ws2)}", flush=True)

    for m in ("jet", "viridis"):
        ex = [mpl.colormaps[m](t, bytes=True)[..., :3] for t in tiles]
        for kind, pics in (("exact", ex), ("jpg75", [jpeg(p, 75) for p in ex])):
            for chunk in (512, 384):
                run(m, kind, pics, chunk, "threads")
    try:
        from dask.distributed import LocalCluster, Client
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cl = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None); cli = Client(cl)
        ex = [mpl.colormaps["jet"](t, bytes=True)[..., :3] for t in tiles]
        run("jet", "jpg75", [jpeg(p, 75) for p in ex], 512, "LocalCl", cli)
        cli.close(); cl.close()
    except Exception as e:
        print("LocalCluster:", type(e).__name__, e)
    print("load", c.loadavg())


if __name__ == "__main__":  # LocalCluster's worker processes import this file
    main()
