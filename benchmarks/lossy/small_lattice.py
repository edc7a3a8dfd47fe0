"""The chroma lattice z (_lossy.chroma_lattice) of Pillow 4:2:0 JPEGs (q50-q95) by picture
size: how large a picture must be for the lattice to prove a JPEG (LATTICE_Z)."""
import sys; sys.path.insert(0, '../decolorize_trial/trial46')
import _common as c, numpy as np
from truepix.color._decolorize import _lossy
F = {k: v for k, v in c.real_fields().items()}
F.update(c.smooth_fields(512))
for n in [int(a) for a in sys.argv[1:]] or (128, 160, 176, 192, 256):
    zs = []
    for m in ['viridis', 'jet', 'turbo', 'coolwarm', 'magma', 'RdBu_r']:
        for fn, f in F.items():
            for q in (50, 75, 90, 95):
                zs.append(_lossy.chroma_lattice(c.jpeg(c.render(c.crop(f, n), m), q), 1.0))
    zs = np.array(zs)
    print(n, 'blocks(4:2:0)', (n // 16) ** 2, 'min z', zs.min().round(2), 'below', _lossy.LATTICE_Z, (zs < _lossy.LATTICE_Z).sum(), 'of', len(zs), flush=True)
