"""Part 2: the CLI on a folder of mixed files, as a user would try it: the folder itself, a glob, then each file in
a shell loop (`truepix decolorize F out/F.npy --cmap viridis --vmin 0 --vmax 1`). Files: exact PNG, RGBA PNG, JPEG
q75, WebP q80, AVIF q80, TIFF (tifffile), 16-bit PNG (x257), palette PNG (mode P), GIF, an ICC-tagged (Display-P3-like
via littlecms) PNG is not made here (benchmarks/icc_inputs.py does), a gray PNG, a .txt, a truncated PNG, an empty
file, a sub-folder. Each: exit code, lines printed, the message, CPU s of the child, holes and MAE of the .npy."""
import os, io, shutil, subprocess, time, resource, glob, numpy as np, matplotlib as mpl, tifffile, cv2
from PIL import Image
import _common as c

D = "/tmp/trial46_cli"; shutil.rmtree(D, ignore_errors=True); os.makedirs(D + "/in/sub"); os.makedirs(D + "/out")
f = c.smooth_fields(256)["bumps"]
rgb = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
Image.fromarray(rgb).save(D + "/in/a_exact.png")
Image.fromarray(mpl.colormaps["viridis"](f, bytes=True)).save(D + "/in/b_rgba.png")
Image.fromarray(rgb).save(D + "/in/c_q75.jpg", quality=75)
Image.fromarray(rgb).save(D + "/in/d_q80.webp", quality=80)
Image.fromarray(rgb).save(D + "/in/e_q80.avif", quality=80)
tifffile.imwrite(D + "/in/f_rgb.tif", rgb, photometric="rgb")
cv2.imwrite(D + "/in/g_16bit.png", (rgb.astype(np.uint16) * 257)[..., ::-1])
Image.fromarray(rgb).quantize(256).save(D + "/in/h_palette.png")
Image.fromarray(rgb).save(D + "/in/i_anim.gif")
Image.fromarray(mpl.colormaps["gray"](f, bytes=True)[..., 0]).save(D + "/in/j_gray_L.png")
open(D + "/in/k_notes.txt", "w").write("not a picture\n")
b = io.BytesIO(); Image.fromarray(rgb).save(b, "PNG"); open(D + "/in/l_truncated.png", "wb").write(b.getvalue()[:3000])
open(D + "/in/m_empty.png", "wb").close()
Image.fromarray(rgb).save(D + "/in/sub/n_nested.png")

def run(args):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
    p = subprocess.run(["truepix"] + args, capture_output=True, text=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return p.returncode, (p.stdout + p.stderr).strip(), cpu, time.perf_counter() - t0

COMMON = ["--cmap", "viridis", "--vmin", "0", "--vmax", "1"]
print("== the folder as INPUT, a folder as OUTPUT")
rc, out, cpu, wall = run(["decolorize", D + "/in", D + "/out"] + COMMON); print(f"rc {rc} cpu {cpu:.2f}s: {out[:400]!r}")
print("== the folder as INPUT, no OUTPUT")
rc, out, cpu, wall = run(["decolorize", D + "/in"] + COMMON); print(f"rc {rc}: {out[:400]!r}")
print("== a glob (quoted) as INPUT")
rc, out, cpu, wall = run(["decolorize", D + "/in/*.png", D + "/out"] + COMMON); print(f"rc {rc}: {out[:400]!r}")
print("== each file (shell loop)")
print(f"{'file':18}{'rc':>3}{'lines':>6}{'cpu_s':>7}{'wall_s':>7}{'holes%':>8}{'mae%':>7}  message")
for p in sorted(glob.glob(D + "/in/*")):
    nm = os.path.basename(p); o = f"{D}/out/{nm}.npy"
    cm = ["--cmap", "gray", "--vmin", "0", "--vmax", "1"] if nm.startswith("j_") else COMMON
    rc, out, cpu, wall = run(["decolorize", p, o] + cm)
    hol = mae = ""
    if rc == 0 and os.path.exists(o):
        v = np.load(o)
        if v.shape == f.shape:
            e = np.abs(v - f); hol = f"{100*np.isnan(v).mean():.3f}"; e[np.isnan(v)] = 1; mae = f"{100*e.mean():.3f}"
        else:
            hol = f"shape{v.shape}"
    print(f"{nm:18}{rc:>3}{len(out.splitlines()):>6}{cpu:7.2f}{wall:7.2f}{hol:>8}{mae:>7}  {out[:260]!r}", flush=True)
print("== identify on a JPEG and on the text file")
for p in ("c_q75.jpg", "k_notes.txt", "m_empty.png"):
    rc, out, cpu, wall = run(["identify", f"{D}/in/{p}", "--top", "2"]); print(f"  identify {p}: rc {rc}: {out[:300]!r}")
print("load", c.loadavg())
