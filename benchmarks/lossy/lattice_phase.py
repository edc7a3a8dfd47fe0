"""The chroma lattice z of 4:2:0 pictures read from their top left and at every phase of
the 16-pixel coding unit (_lattice.lattice_any_phase, 144 blocks), the phase found and the
z there on LATTICE_BLOCKS: JPEG'd figure panels saved as heat_*.npy (if any), JPEG XL
d1-d4 and Pillow 4:2:0 JPEG q50-q95 cut 5 rows and 11 columns in (its blocks' phase:
(11, 5)), 208^2 crops of trial 46's real fields.
Usage: python lattice_phase.py [maps comma list] [npy files ...]"""
import sys, time, numpy as np, imagecodecs
sys.path.insert(0, "../decolorize_trial/trial46")
import _common as c
from truepix.color._decolorize import _lattice as L

MAPS = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "turbo"]


def row(name, im):
    t = time.process_time()
    z_any, phase = L.lattice_any_phase(im, 1.0, 144, np.inf)
    t = time.process_time() - t
    z_own = L.chroma_lattice(im, 1.0, subsampled_first=True, blocks=144)
    z_there = L.chroma_lattice(im[phase[0]:, phase[1]:], 1.0, subsampled_first=True)
    print(f"{name:36} own {z_own:5.2f} any {z_any:5.2f} phase {str(phase):8} "
          f"there {z_there:5.2f} {1000 * t:4.0f} ms", flush=True)


for path in sys.argv[2:]:
    row(path.split("/")[-1], np.load(path))
F = {k: c.crop(v, 208) for k, v in c.real_fields().items()
     if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
for m in MAPS:
    for fn, f in F.items():
        rgb = c.render(f, m)
        for d in (1.0, 2.0, 4.0):
            row(f"{m} {fn} jxl d{d:g}", imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=d)))
        for q in (50, 75, 95):
            row(f"{m} {fn} jpeg{q} cut(5,11)", c.jpeg(rgb, q)[5:, 11:])
