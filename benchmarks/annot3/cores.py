"""Where a t02 case's ink cores are lost inside _jpeg.jpeg_off_map: seeds, groups, _textured,
alone, chain_cores. ``python cores.py map/field/ink ...``."""
import sys
import numpy as np
import truepix as tp
from truepix.color._decolorize import _jpeg

have = dict(np.load("/tmp/annot3/pics.npz"))
st = {}


def ink_share(idx):
    return f"{int(st['ink'][idx].sum()):5d} ink / {int((~st['ink'][idx]).sum()):5d} other"


cg = _jpeg.counted_groups


def counted_groups(seeds, distance, candidates, *a):
    st["cand"] = candidates
    n = cg(seeds, distance, candidates, *a)
    groups = a[-1]
    print(f"   counted_groups(min {a[2]}): seeds {ink_share(candidates[seeds])} -> grouped "
          f"{ink_share(candidates[groups > 0])}")
    return n


_jpeg.counted_groups = counted_groups
for nm in ("_textured", "alone", "ink_dips", "mixed_cores"):
    f0 = getattr(_jpeg, nm)

    def mk(f0, nm):
        def inner(*a, **k):
            r = f0(*a, **k)
            c = st["cand"]
            if r.dtype == bool and len(r) == len(c):
                print(f"   {nm}: true for {ink_share(c[r])}")
            elif nm == "ink_dips":
                print(f"   {nm}: true for {int(r.sum())} of the cored")
            return r
        return inner
    setattr(_jpeg, nm, mk(f0, nm))
cc = _jpeg.chain_cores


def chain(flat, scale, width, candidates, weak, distance, groups, n):
    print(f"   before chain: groups {ink_share(candidates[groups > 0])}")
    r = cc(flat, scale, width, candidates, weak, distance, groups, n)
    print(f"   after chain:  groups {ink_share(candidates[groups > 0])}")
    return r


_jpeg.chain_cores = chain
for key in sys.argv[1:]:
    m = key.split("/")[0]
    st["ink"] = have[key + "/d"].ravel() > 10
    print(key)
    v = tp.decolorize(have[key + "/jpg"], cmap=m, vmin=0, vmax=1)
