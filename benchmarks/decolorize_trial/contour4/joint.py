"""contour4: what share / luma limits would give back (line, fringe, data 0-2 px, data beyond) on diag.py's npz files."""
import numpy as np, sys
for f in sys.argv[1:]:
    z = dict(np.load(f)); c = z['c']
    base = (z['nf'] >= 3) & (z['size'] >= 20) & (z['ink'] >= 55)
    print(f.split('/')[-1], "n line", (c==0).sum(), "n d0-2", (c==2).sum())
    for ex, gap, sh, shn, offk in [(3,6,.25,.15,.3),(3,6,.5,.3,.3),(3,6,.4,.4,.3),(3,6,.45,.45,.3),(5,8,.45,.45,.3),(3,6,.5,.5,.3),(5,8,.5,.5,.5),(3,4,.5,.5,.3),(4,6,.45,.45,.4)]:
        lim = np.where(z['dl'] >= 15, sh, shn)
        ok = base & (z['excess'] <= ex) & (z['gap'] <= gap) & (z['share'] <= lim) & (z['share'] >= -.25) & (z['off'] <= offk * z['size'] + 6)
        print(f"  ex{ex} gap{gap} sh{sh}/{shn} off{offk}: line {ok[c==0].sum():5d}  fringe {ok[c==1].sum():5d} d0-2 {ok[c==2].sum():5d} ({100*ok[c==2].mean():.0f}%) d2+ {ok[c==3].sum()}")
