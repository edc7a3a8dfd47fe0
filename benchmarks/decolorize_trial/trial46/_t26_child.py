
import sys, time, resource, json, io, numpy as np, cv2, matplotlib as mpl, truepix as tp
from PIL import Image
sys.path.insert(0, ".")
import _common as c
m, fmt = sys.argv[1], sys.argv[2]
f = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (5472, 3648), interpolation=cv2.INTER_CUBIC).clip(0, 1)
pic = mpl.colormaps[m](f, bytes=True)[..., :3]
if fmt == "jpeg85":
    b = io.BytesIO(); Image.fromarray(pic).save(b, "JPEG", quality=85); pic = np.asarray(Image.open(b).convert("RGB"))

tp.decolorize(pic[:64, :64], cmap=m, vmin=0, vmax=1)   # load kernels from cache
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
t1, c1 = time.perf_counter(), time.process_time()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
v2 = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
t2, c2 = time.perf_counter(), time.process_time()
err = np.abs(v - f); holes = np.isnan(v).mean(); err[np.isnan(v)] = 1
kdn = 1_000_000
from scipy.spatial import cKDTree
lut = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
T = cKDTree(lut); sub = pic.reshape(-1, 3)[:kdn].astype(float)
k0 = time.process_time(); T.query(sub); k1 = time.process_time()
print(json.dumps(dict(map=m, fmt=fmt, mp=pic.shape[0]*pic.shape[1]/1e6, first_cpu=c1-c0, first_wall=t1-t0, second_cpu=c2-c1, second_wall=t2-t1,
      rss_growth_mb=(rss1-rss0)/1024, picture_mb=pic.nbytes/2**20, out_mb=v.nbytes/2**20, holes=holes, mae=float(err.mean()), kd_cpu_per_mp=k1-k0)))
