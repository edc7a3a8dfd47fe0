import sys, numpy as np
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as A
from truepix.color._decolorize._grow import core_groups
z = np.load(sys.argv[2] if len(sys.argv) > 2 else "/tmp/thin_case.npz"); im, d = z["im"], z["d"]
m = sys.argv[1]
S = (d > 10).reshape(-1)
orig = J.alone
def alone(groups, n_groups, cands, foreign, luma, width, height, cyclic=False):
    lab = groups > 0
    px, lu = cands[lab], luma[lab]
    on = S[px]
    print(f"core px {lab.sum()} on stroke {on.sum()} luma stroke mean/sd {lu[on].mean():.1f}/{lu[on].std():.1f} other mean/sd {lu[~on].mean() if (~on).any() else 0:.1f}/{lu[~on].std() if (~on).any() else 0:.1f}; foreign on stroke {foreign[lab][on].sum()}")
    cell = A.JPEG_LINK_CELL; rows, cols = (height + cell - 1) // cell, (width + cell - 1) // cell
    cells = px // width // cell * cols + px % width // cell
    occ = np.unique(cells); links = np.empty(len(occ), dtype=np.int64)
    core_groups(np.ones(len(occ), dtype=bool), np.zeros(len(occ)), occ, cols, rows, 1, np.inf, links)
    st = links[np.searchsorted(occ, cells)]
    cnt, spr = A.luma_spread(st, lu)
    big = np.argsort(cnt)[::-1][:6]
    for b in big:
        s = st == b
        print(f"  structure {b}: {int(cnt[b])} px spread {spr[b]:.1f} stroke share {on[s].mean():.2f}")
    out = orig(groups, n_groups, cands, foreign, luma, width, height, cyclic=cyclic)
    print("alone drops core px on stroke", (out & lab)[np.isin(cands, np.flatnonzero(S))].sum())
    return out
J.alone = alone
r = tp.Decolorizer(m, vmin=0, vmax=1).decode(im)
print("final flag", np.isnan(r.values.reshape(-1)[S]).mean())
