"""Follow-up of t92: for the OpenCV maps whose picture identify_colormap names another catalog table first (hot, hsv,
jet, pink), a user decodes with the name it gives. cv2.applyColorMap on camera / fBm, cv2.imwrite PNG and JPEG (q95),
cv2.imread + BGR2RGB; DEFAULT decolorize with identify's first name vs with opencv:<map>: holes, MAE (of 255), ratio to
the k-d tree over the OpenCV table."""
import os, tempfile, numpy as np, cv2, truepix as tp
from _p6 import c, call, header, wshort, fbm, kd_table, F

header(__doc__.splitlines()[0])
rf = c.real_fields(512); fields = {"camera": rf["camera"], "fbm": fbm(512)}; tmp = tempfile.mkdtemp()
for m in ("hot", "hsv", "jet", "pink"):
    code = getattr(cv2, "COLORMAP_" + m.upper())
    lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], code)[:, 0, ::-1]; base_f = kd_table(lut)
    for fn, f in fields.items():
        u = np.clip(np.round(f * 255), 0, 255).astype(np.uint8); bgr = cv2.applyColorMap(u, code)
        for fmt in ("png", "jpg"):
            p = os.path.join(tmp, "a." + fmt); cv2.imwrite(p, bgr); rgb = cv2.cvtColor(cv2.imread(p), cv2.COLOR_BGR2RGB)
            first = tp.identify_colormap(rgb)[0].name; mb, _, _ = F.score(base_f(rgb) * 256 / 255 - 0.5 / 255, u / 255)
            out = []
            for name in dict.fromkeys((first, f"opencv:{m}", m)):
                v, err, ws = call(lambda: tp.decolorize(rgb, cmap=name, vmin=0, vmax=255))
                if v is None: out.append(f"{name}: ERROR {err[:80]}"); continue
                mt, pt, ht = F.score(v / 255, u / 255)
                out.append(f"{name}: holes {100*ht:.3f}% MAE {100*mt:.3f}% ratio {mt/max(mb, 1e-9):.2f} p99 {100*pt:.2f} warn {wshort(ws, 90)}")
            print(f"{m:5}{fn:7}{fmt}: identify first {first!r} | " + " || ".join(out), flush=True)
