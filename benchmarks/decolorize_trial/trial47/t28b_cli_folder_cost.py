"""Part 1 follow-up to t28: trial 46's t28 prints only 400 characters of the folder run. Here: the folder run's full
stdout/stderr, its CPU (RUSAGE_CHILDREN) and wall, against N single-file runs of the same pictures, for a folder of
only the good pictures (10 files, 256x256, viridis) and the same with the 4 bad files added; and -X importtime's
view is not taken (user view): what does one more file cost inside the folder run?"""
import os, io, shutil, subprocess, time, resource, numpy as np, matplotlib as mpl, tifffile, cv2
from PIL import Image
from _p2 import c, header

header(__doc__.splitlines()[0])
D = "/tmp/trial47_cli"; shutil.rmtree(D, ignore_errors=True)
for sub in ("good", "mixed", "out", "one", "n1", "n3"): os.makedirs(f"{D}/{sub}")
f = c.smooth_fields(256)["bumps"]; rgb = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
def good(d):
    Image.fromarray(rgb).save(d + "/a_exact.png"); Image.fromarray(mpl.colormaps["viridis"](f, bytes=True)).save(d + "/b_rgba.png")
    Image.fromarray(rgb).save(d + "/c_q75.jpg", quality=75); Image.fromarray(rgb).save(d + "/d_q80.webp", quality=80)
    Image.fromarray(rgb).save(d + "/e_q80.avif", quality=80); tifffile.imwrite(d + "/f_rgb.tif", rgb, photometric="rgb")
    cv2.imwrite(d + "/g_16bit.png", (rgb.astype(np.uint16) * 257)[..., ::-1]); Image.fromarray(rgb).quantize(256).save(d + "/h_palette.png")
    Image.fromarray(rgb).save(d + "/i_anim.gif"); Image.fromarray(rgb).save(d + "/j_exact2.png")
good(f"{D}/good"); good(f"{D}/mixed")
open(f"{D}/mixed/k_notes.txt", "w").write("x\n"); b = io.BytesIO(); Image.fromarray(rgb).save(b, "PNG")
open(f"{D}/mixed/l_truncated.png", "wb").write(b.getvalue()[:3000]); open(f"{D}/mixed/m_empty.png", "wb").close()
Image.fromarray(rgb).save(f"{D}/n1/a.png")
for i in range(3): Image.fromarray(rgb).save(f"{D}/n3/a{i}.png")

def run(args):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
    p = subprocess.run(["truepix"] + args, capture_output=True, text=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return p.returncode, p.stdout, p.stderr, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime), time.perf_counter() - t0

V = ["--cmap", "viridis", "--vmin", "0", "--vmax", "1"]
for name, args in (("folder of 1 file", [f"{D}/n1", "--out", f"{D}/out"] + V), ("folder of 3 files", [f"{D}/n3", "--out", f"{D}/out"] + V),
                   ("folder of 10 good files", [f"{D}/good", "--out", f"{D}/out"] + V),
                   ("folder of 10 good + 3 bad", [f"{D}/mixed", "--out", f"{D}/out"] + V),
                   ("quoted glob good/*.png", [f"{D}/good/*.png", "--out", f"{D}/out"] + V)):
    rc, so, se, cpu, wall = run(["decolorize"] + args)
    print(f"== {name}: rc {rc}, CPU {cpu:.2f} s, wall {wall:.2f} s, {len(so.splitlines())} stdout lines, {len(se.splitlines())} stderr lines")
    for l in (so + se).splitlines(): print("   ", l[:220])
tot_c = tot_w = 0
for fn in sorted(os.listdir(f"{D}/good")):
    rc, so, se, cpu, wall = run(["decolorize", f"{D}/good/{fn}", f"{D}/one/{fn}.npy"] + V); tot_c += cpu; tot_w += wall
    print(f"  single {fn:14} rc {rc} CPU {cpu:.2f} s wall {wall:.2f} s")
print(f"== 10 single-file runs: CPU {tot_c:.2f} s, wall {tot_w:.2f} s")
print("load", c.loadavg())
