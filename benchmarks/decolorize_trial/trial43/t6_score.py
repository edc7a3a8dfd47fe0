import sys, numpy as np
v = np.load(sys.argv[1]); t = np.load(sys.argv[2]); lo, hi = float(sys.argv[3]), float(sys.argv[4])
e = np.abs(v - t) / (hi - lo) * 100
print(f"   -> NaN {np.isnan(v).mean()*100:.2f}%  mean err {np.nanmean(e):.3f}%  max {np.nanmax(e):.1f}%")
