"""p99 helper, issue 11: offline combinations of the default answer (u) and the k-d tree (ub)
on the worst JPEG pictures (v: take ub where they differ >d and ub is nearer the 3x3 median)."""
import sys, numpy as np, warnings
sys.path.insert(0, ".")
warnings.simplefilter("ignore")
from common import fields, imsave_png, pil_rgb, jpeg, baseline, decode
F = fields()
cases = [("astronaut","RdBu_r",50,2),("astronaut","Spectral",50,2),("coffee","RdBu_r",75,2),("astronaut","coolwarm",50,2),("camera","Spectral",90,2),("coffee","RdBu_r",50,0),("camera","jet",50,2),("camera","coolwarm",90,2),("astronaut","jet",75,2),("terrain","jet",50,2),("coffee","viridis",50,2)]
for f, cm, q, sub in cases:
    d = F[f]; vmin, vmax = d.min(), d.max(); r=vmax-vmin
    pic = jpeg(pil_rgb(imsave_png(d, cm, vmin, vmax)), q, sub)
    v,_ = decode(pic, cmap=cm, vmin=vmin, vmax=vmax)
    b = baseline(pic, cm, vmin, vmax)
    t=(d-vmin)/r; u=(v-vmin)/r; ub=(b-vmin)/r
    s=f"{f} {cm} q{q}/{sub} nn {np.abs(ub-t).mean()*100:.3f} {np.percentile(np.abs(ub-t),99)*100:.2f} ours {np.abs(u-t).mean()*100:.3f} {np.percentile(np.abs(u-t),99)*100:.2f} |"
    from scipy.ndimage import median_filter
    med = median_filter(u, 3)
    for dd in [0.1,0.2]:
        w=np.where((np.abs(u-ub)>dd)&(np.abs(ub-med)<np.abs(u-med)),ub,u); e=np.abs(w-t)
        s+=f" v{dd}: {e.mean()*100:.3f} {np.percentile(e,99)*100:.2f}|"
    for dd in []:
        w=np.where(np.abs(u-ub)>dd,ub,u); e=np.abs(w-t)
        s+=f" f{dd}: {e.mean()*100:.3f} {np.percentile(e,99)*100:.2f}|"
    for dd in []:
        w=np.clip(u,ub-dd,ub+dd); e=np.abs(w-t)
        s+=f" c{dd}: {e.mean()*100:.3f} {np.percentile(e,99)*100:.2f}|"
    print(s, flush=True)
