"""Draw issue 11's user-trial cases with other tools (never truepix), seeded.

Every case is a picture file (or the in-memory array a user holds, as ``.npy``),
the truth it was drawn from, and how a user would read and decode it. The
manifest ``cases.json`` in the output folder lists them; ``score.py`` runs the
default calls on them.

Run: ``python benchmarks/decolorize_trial/make_cases.py [OUT]`` (default
``/tmp/trial11/cases``).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import cv2
import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import tifffile  # noqa: E402
from PIL import Image  # noqa: E402

SIZE = 256
MAPS_FULL = ["viridis", "jet", "turbo", "coolwarm", "gray"]
MAPS_LIGHT = ["RdBu_r", "twilight", "magma", "hot", "cmocean:thermal"]
CYCLIC = {"twilight", "twilight_shifted", "hsv"}
VMIN, VMAX = 1500.0, 4500.0


# --------------------------------------------------------------------- fields
def _resize(a: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    return cv2.resize(a.astype(np.float32), shape[::-1], interpolation=cv2.INTER_AREA).astype(float)


def _unit(a: np.ndarray) -> np.ndarray:
    a = a.astype(float)
    return (a - a.min()) / (a.max() - a.min())


def fields() -> dict[str, np.ndarray]:
    """Fields in [0, 1]: smooth, two DEMs, four photographs (dithered half a gray level)."""
    import skimage.data as sd

    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:SIZE, 0:SIZE] / SIZE
    smooth = 0.4 * x + 0.2 * y
    for _ in range(6):
        cx, cy, s, a = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
        smooth += a * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    out = {"smooth": _unit(smooth)}
    dem = mpl.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"]
    out["dem"] = _unit(_resize(dem[:SIZE, :SIZE], (SIZE, SIZE)))
    topo = mpl.cbook.get_sample_data("topobathy.npz")["topo"]
    out["topobathy"] = _unit(cv2.resize(topo.astype(np.float32), (SIZE, SIZE), interpolation=cv2.INTER_CUBIC))
    photos = {"camera": sd.camera(), "astronaut": sd.astronaut().mean(axis=2), "moon": sd.moon(), "coins": sd.coins()}
    for name, im in photos.items():
        im = _resize(im[: min(im.shape[:2]), : min(im.shape[:2])], (SIZE, SIZE)) / 255.0
        im = im + np.random.default_rng(len(name)).uniform(-0.5, 0.5, im.shape) / 255.0
        out[name] = np.clip(im, 0, 1)
    return out


# ---------------------------------------------------------------- map tables
def mpl_cmap(name: str):
    """The matplotlib Colormap for a name (cmocean: through the ``cmap`` package)."""
    if ":" in name:
        import cmap as cmap_pkg

        return cmap_pkg.Colormap(name).to_mpl()
    return mpl.colormaps[name]


def byte_table(name: str) -> np.ndarray:
    """The (N, 3) uint8 table the baseline k-d tree searches, made without truepix."""
    if name.startswith("opencv:"):
        flag = getattr(cv2, "COLORMAP_" + name.split(":")[1].upper())
        bgr = cv2.applyColorMap(np.arange(256, dtype=np.uint8).reshape(-1, 1), flag)[:, 0]
        return bgr[:, ::-1].copy()
    if name == "matlab:jet_64":
        return np.floor(matlab_jet(64) * 255 + 0.5).astype(np.uint8)
    if name == "matlab:parula_64":
        return np.floor(matlab_parula64() * 255 + 0.5).astype(np.uint8)
    cm = mpl_cmap(name)
    return cm(np.linspace(0, 1, 256), bytes=True)[:, :3]


def matlab_jet(m: int) -> np.ndarray:
    """MATLAB's ``jet.m`` formula (public)."""
    n = int(np.ceil(m / 4))
    u = np.concatenate([np.arange(1, n + 1) / n, np.ones(n - 1), np.arange(n, 0, -1) / n])
    g = int(np.ceil(n / 2)) - (m % 4 == 1) + np.arange(1, len(u) + 1)
    r, b = g + n, g - n
    table = np.zeros((m, 3))
    for ch, idx in ((0, r), (1, g), (2, b)):
        keep = (idx >= 1) & (idx <= m)
        table[idx[keep] - 1, ch] = u[keep]
    return table


def matlab_parula64() -> np.ndarray:
    """parula(64) as MATLAB prints it (the CSV truepix ships: not an independent source)."""
    path = Path(__file__).resolve().parents[2] / "src/truepix/color/data/matlab_parula64.csv"
    return np.loadtxt(path, delimiter=",", comments="#")


# ------------------------------------------------------------------- writers
class Cases:
    """Collects case files and the manifest."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.items: list[dict] = []
        self._tables: set[str] = set()
        out.mkdir(parents=True, exist_ok=True)

    def add(self, name: str, group: str, what: str, picture: str, truth: np.ndarray, cmap: str, **kw) -> None:
        np.save(self.out / f"{name}.truth.npy", np.asarray(truth, dtype=float))
        if cmap not in self._tables:
            np.save(self.out / f"table_{cmap.replace(':', '_')}.npy", byte_table(kw.get("table", cmap)))
            self._tables.add(cmap)
        rec = {"name": name, "group": group, "what": what, "picture": picture, "cmap": cmap,
               "vmin": VMIN, "vmax": VMAX, "norm": None, "step": None, "reader": "pil",
               "goal": "exact", "cyclic": cmap.split(":")[-1].removesuffix("_r") in CYCLIC, "n_bins": 256}
        rec.update(kw)
        rec.pop("table", None)
        self.items.append(rec)

    def path(self, name: str, ext: str) -> tuple[Path, str]:
        return self.out / f"{name}.{ext}", f"{name}.{ext}"


def _data(u: np.ndarray) -> np.ndarray:
    return VMIN + u * (VMAX - VMIN)


def imsave_png(path: Path, data: np.ndarray, cmap: str) -> None:
    plt.imsave(path, data, cmap=mpl_cmap(cmap), vmin=VMIN, vmax=VMAX)


def rgb_of(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def jpeg_bytes(rgb: np.ndarray, quality: int, subsampling: int = -1) -> bytes:
    buf = io.BytesIO()
    kw = {} if subsampling < 0 else {"subsampling": subsampling}
    Image.fromarray(rgb).save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def figure_1to1(width: int, height: int, dpi: float):
    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    return fig, ax


def save_fig(fig, path: Path, dpi: float) -> None:
    fig.savefig(path, dpi=dpi)
    plt.close(fig)


# --------------------------------------------------------------- case groups
def exact_forms(c: Cases, f: dict) -> None:
    """imsave PNG read every way; float RGBA in memory; uint16 TIFF; seed 001."""
    for cmap in ["viridis", "jet", "turbo", "twilight", "gray", "magma"]:
        for field in ["smooth", "dem"]:
            data = _data(f[field])
            p, rel = c.path(f"imsave_{cmap}_{field}", "png")
            imsave_png(p, data, cmap)
            for reader in ["plt.imread", "pil", "pil_rgb"]:
                c.add(f"imsave_{cmap}_{field}_{reader}", "exact", f"plt.imsave PNG read by {reader}", rel, data, cmap,
                      reader=reader)
            rgb = rgb_of(p)
            tp_, trel = c.path(f"u16_{cmap}_{field}", "tif")
            tifffile.imwrite(tp_, rgb.astype(np.uint16) * 257)
            c.add(f"u16_{cmap}_{field}", "exact", "uint16 (x257) TIFF via tifffile", trel, data, cmap, reader="tifffile")
    data = 1500 + 3000 * f["dem"]
    seed = mpl.colormaps["jet"](mcolors.Normalize(1500, 4500)(data))
    np.save(c.out / "seed001.npy", seed)
    c.add("seed001_jet_float_rgba", "exact", "seed 001: jet(Normalize(1500,4500)(data)) float RGBA", "seed001.npy",
          data, "jet", reader="npy")
    ramp = np.linspace(1500, 4500, 65536).reshape(256, 256)
    np.save(c.out / "seed001_ramp.npy", mpl.colormaps["jet"](mcolors.Normalize(1500, 4500)(ramp)))
    c.add("seed001_jet_ramp", "exact", "seed 001 on a full ramp (every entry)", "seed001_ramp.npy", ramp, "jet",
          reader="npy")
    for cmap in ["viridis", "coolwarm"]:
        data = _data(f["camera"])
        arr = mpl.colormaps[cmap](mcolors.Normalize(VMIN, VMAX)(data)).astype(np.float32)
        np.save(c.out / f"float32_{cmap}.npy", arr)
        c.add(f"float32rgba_{cmap}_camera", "exact", "cmap(norm(x)) cast to float32", f"float32_{cmap}.npy", data,
              cmap, reader="npy")


def figure_cases(c: Cases, f: dict) -> None:
    """imshow+savefig (axes fill the figure) at several dpi, pcolormesh/pcolor/contourf, seaborn."""
    data = _data(f["smooth"][::2, ::2])  # 128 x 128
    h, w = data.shape
    for cmap in ["viridis", "jet"]:
        for interp in ["nearest", "antialiased"]:
            for dpi in [72, 100, 150, 300]:
                fig = plt.figure(figsize=(w / 100, h / 100), dpi=dpi)  # 128 px at 100 dpi
                ax = fig.add_axes([0, 0, 1, 1])
                ax.set_axis_off()
                ax.imshow(data, cmap=cmap, vmin=VMIN, vmax=VMAX, interpolation=interp)
                p, rel = c.path(f"imshow_{cmap}_{interp}_{dpi}", "png")
                save_fig(fig, p, dpi)
                ph, pw = rgb_of(p).shape[:2]
                if ph >= h or interp == "nearest":  # each pixel shows the cell at its centre
                    iy = np.minimum(((np.arange(ph) + 0.5) * h / ph).astype(int), h - 1)
                    ix = np.minimum(((np.arange(pw) + 0.5) * w / pw).astype(int), w - 1)
                    truth = data[np.ix_(iy, ix)]
                else:
                    truth = cv2.resize(data.astype(np.float32), (pw, ph), interpolation=cv2.INTER_AREA)
                # exact only at whole-number scales; elsewhere the truth is approximate (judged against the baseline)
                goal = "exact" if ph == h or (ph % h == 0 and interp == "nearest") else "resampled"
                c.add(f"imshow_{cmap}_{interp}_dpi{dpi}", "figure", f"imshow {interp} savefig dpi {dpi} ({pw}px)", rel,
                      truth, cmap, goal=goal)
    rng = np.random.default_rng(5)
    counts = rng.poisson(6 + 14 * f["smooth"][::8, ::8]).astype(float)  # 32 x 32 integer counts
    kpx = 8
    for kind in ["pcolormesh", "pcolor", "seaborn"]:
        for cmap in ["viridis", "magma", "jet"]:
            fig, ax = figure_1to1(32 * kpx, 32 * kpx, 100)
            if kind == "seaborn":
                import seaborn as sns

                sns.heatmap(counts, cmap=cmap, vmin=0, vmax=30, cbar=False, ax=ax, xticklabels=False,
                            yticklabels=False)
                ax.set_axis_off()
                truth = np.kron(counts, np.ones((kpx, kpx)))
            else:
                getattr(ax, kind)(counts, cmap=cmap, vmin=0, vmax=30)
                ax.set_axis_off()
                truth = np.kron(counts[::-1], np.ones((kpx, kpx)))
            p, rel = c.path(f"{kind}_{cmap}", "png")
            save_fig(fig, p, 100)
            c.add(f"{kind}_{cmap}_counts_step1", "figure", f"{kind} of integer counts, step=1", rel, truth, cmap,
                  vmin=0.0, vmax=30.0, step=1.0, goal="integers")
    data = _data(f["dem"])
    for cmap in ["viridis", "RdBu_r"]:
        fig, ax = figure_1to1(SIZE, SIZE, 100)
        cs = ax.contourf(data[::-1], levels=np.linspace(VMIN, VMAX, 11), cmap=cmap)
        p, rel = c.path(f"contourf_{cmap}", "png")
        save_fig(fig, p, 100)
        levels, layers = np.asarray(cs.levels), np.asarray(cs.layers)
        band = np.clip(np.searchsorted(levels, data, side="right") - 1, 0, len(layers) - 1)
        c.add(f"contourf_{cmap}", "figure", "contourf, 10 levels (ok: value is one of the layers)", rel, layers[band],
              cmap, vmin=float(cs.norm.vmin), vmax=float(cs.norm.vmax), goal="layers", layers=layers.tolist())


NORMS = {
    "Normalize": ("Normalize", {"vmin": 1500, "vmax": 4500}, (1500, 4500)),
    "LogNorm": ("LogNorm", {"vmin": 1, "vmax": 1000}, (1, 1000)),
    "SymLogNorm": ("SymLogNorm", {"linthresh": 1, "vmin": -100, "vmax": 100}, (-100, 100)),
    "PowerNorm": ("PowerNorm", {"gamma": 0.5, "vmin": 0, "vmax": 50}, (0, 50)),
    "TwoSlopeNorm": ("TwoSlopeNorm", {"vcenter": 0, "vmin": -100, "vmax": 10}, (-100, 10)),
    "CenteredNorm": ("CenteredNorm", {"vcenter": 5, "halfrange": 20}, (-15, 25)),
    "AsinhNorm": ("AsinhNorm", {"linear_width": 1, "vmin": -50, "vmax": 50}, (-50, 50)),
    "BoundaryNorm": ("BoundaryNorm", {"boundaries": [0, 1, 2, 5, 10, 20, 50, 100], "ncolors": 256}, (0, 100)),
}


def make_norm(spec: dict):
    return getattr(mcolors, spec["cls"])(**spec["args"])


def norm_cases(c: Cases, f: dict) -> None:
    """Every norm class: in-memory cmap(norm(x)) floats and an imshow(norm=) figure PNG."""
    u = f["smooth"]
    for key, (cls, args, (lo, hi)) in NORMS.items():
        spec = {"cls": cls, "args": args}
        norm = make_norm(spec)
        if cls == "LogNorm":
            data = 10 ** (3 * u)
        elif cls == "BoundaryNorm":
            data = 100 * u**2
        else:
            data = lo + (hi - lo) * u
        cmap = "coolwarm" if cls in ("TwoSlopeNorm", "CenteredNorm", "SymLogNorm", "AsinhNorm") else "viridis"
        np.save(c.out / f"norm_{key}.npy", mpl.colormaps[cmap](norm(data)))
        c.add(f"norm_{key}_floats", "norm", f"cmap({key}(x)) floats, decolorize(norm=N)", f"norm_{key}.npy", data,
              cmap, reader="npy", norm=spec, vmin=None, vmax=None, goal="bands" if cls == "BoundaryNorm" else "exact")
        fig, ax = figure_1to1(SIZE, SIZE, 100)
        ax.imshow(data, cmap=cmap, norm=make_norm(spec), interpolation="nearest")
        p, rel = c.path(f"normfig_{key}", "png")
        save_fig(fig, p, 100)
        c.add(f"norm_{key}_imshow", "norm", f"imshow(norm={key}) savefig PNG, decolorize(norm=N)", rel, data, cmap,
              norm=spec, vmin=None, vmax=None, goal="bands" if cls == "BoundaryNorm" else "exact")


DEGRADATIONS = [
    "jpeg95", "jpeg90", "jpeg75", "jpeg50", "jpeg75_444", "jpeg50_444", "cv2jpeg", "area0.5", "linear0.5",
    "cubic0.5", "area0.33", "linear0.33", "cubic0.33", "linear2", "cubic2", "pil_bilinear0.5", "quant_dither",
    "quant_nodither", "noise1", "noise2", "noise3", "webp80", "screenshot",
]
CORE = ["jpeg95", "jpeg90", "jpeg75", "jpeg50", "jpeg75_444", "jpeg50_444", "cv2jpeg", "area0.5", "linear0.5",
        "cubic0.5", "area0.33", "linear2", "noise2", "quant_dither"]  # every full map; the rest on viridis, jet
LIGHT = ["jpeg75", "area0.5", "noise2"]
CV2_INTERP = {"area": cv2.INTER_AREA, "linear": cv2.INTER_LINEAR, "cubic": cv2.INTER_CUBIC}


def degrade(c: Cases, name: str, rgb: np.ndarray, data: np.ndarray, how: str):
    """Write one degraded picture; returns (relpath, reader, truth)."""
    if how.startswith("jpeg"):
        q = int(how[4:6])
        p, rel = c.path(name, "jpg")
        p.write_bytes(jpeg_bytes(rgb, q, 0 if how.endswith("_444") else -1))
        return rel, "pil", data
    if how == "cv2jpeg":
        p, rel = c.path(name, "jpg")
        cv2.imwrite(str(p), rgb[..., ::-1])
        return rel, "cv2", data
    if how == "webp80":
        p, rel = c.path(name, "webp")
        Image.fromarray(rgb).save(p, "WEBP", quality=80)
        return rel, "pil", data
    if how[:4] in ("area", "line", "cubi"):
        kind = how.rstrip("0123456789.")
        s = float(how[len(kind):])
        size = (round(rgb.shape[1] * s), round(rgb.shape[0] * s))
        out = cv2.resize(rgb, size, interpolation=CV2_INTERP[kind])
        truth = cv2.resize(data.astype(np.float32), size, interpolation=CV2_INTERP[kind]).astype(float)
    elif how == "pil_bilinear0.5":
        size = (rgb.shape[1] // 2, rgb.shape[0] // 2)
        out = np.asarray(Image.fromarray(rgb).resize(size, Image.BILINEAR))
        truth = np.asarray(Image.fromarray(data.astype(np.float32), "F").resize(size, Image.BILINEAR)).astype(float)
    elif how.startswith("quant"):
        dither = Image.Dither.FLOYDSTEINBERG if how == "quant_dither" else Image.Dither.NONE
        out = np.asarray(Image.fromarray(rgb).quantize(256, dither=dither).convert("RGB"))
        truth = data
    elif how.startswith("noise"):
        rng = np.random.default_rng(int(how[5:]) + len(name))
        out = np.clip(np.rint(rgb + rng.normal(0, float(how[5:]), rgb.shape)), 0, 255).astype(np.uint8)
        truth = data
    elif how == "screenshot":  # a crop at an odd offset, saved as an RGBA PNG (alpha 255)
        out = np.dstack([rgb[13:-7, 5:-11], np.full(rgb[13:-7, 5:-11].shape[:2], 255, np.uint8)])
        truth = data[13:-7, 5:-11]
    else:
        raise ValueError(how)
    p, rel = c.path(name, "png")
    Image.fromarray(out).save(p)
    return rel, "pil", np.clip(truth, VMIN, VMAX)


def degraded_cases(c: Cases, f: dict) -> None:
    """Real and smooth fields x maps x the ways pictures get degraded."""
    for cmap in MAPS_FULL + MAPS_LIGHT:
        for field in ["smooth", "dem", "camera", "astronaut"]:
            data = _data(f[field])
            p, rel = c.path(f"base_{cmap.replace(':', '_')}_{field}", "png")
            imsave_png(p, data, cmap)
            rgb = rgb_of(p)
            hows = DEGRADATIONS if cmap in ("viridis", "jet") else CORE if cmap in MAPS_FULL else LIGHT
            for how in hows:
                name = f"deg_{cmap.replace(':', '_')}_{field}_{how}"
                rel, reader, truth = degrade(c, name, rgb, data, how)
                kind = "smooth" if field == "smooth" else "real"
                c.add(name, f"degraded-{kind}", f"{how}", rel, truth, cmap, reader=reader, goal=how, field=field)


def annotation_cases(c: Cases, f: dict) -> None:
    """Annotations drawn by matplotlib over imshow; truth mask from the same figure without them."""
    rng = np.random.default_rng(3)
    data = _data(f["dem"])
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    coast = np.cumsum(rng.normal(0, 3, 60)) + 128
    for cmap in ["viridis", "jet", "gray", "magma", "coolwarm", "twilight", "turbo"]:
        table = byte_table(cmap).astype(float)
        cands = {"magenta": (255, 0, 255), "lime": (0, 255, 0), "cyan": (0, 255, 255), "orange": (255, 140, 0),
                 "red": (255, 0, 0)}
        far = max(cands, key=lambda k: np.min(np.linalg.norm(table - cands[k], axis=1)))
        pics = []
        for annotate in (False, True):
            fig, ax = figure_1to1(SIZE, SIZE, 100)
            ax.imshow(data, cmap=cmap, vmin=VMIN, vmax=VMAX, interpolation="nearest")
            if annotate:
                ax.text(20, 40, "Elevation 3200 m", color="black", fontsize=11)
                ax.text(20, 90, "site A", color="white", fontsize=12, weight="bold")
                ax.text(140, 200, "gray note", color="0.5", fontsize=10)
                ax.contour(data, levels=[2500, 3500], colors="black", linewidths=1)
                ax.plot(np.linspace(0, 255, 60), coast, color=far, lw=1.5)
                ax.add_patch(plt.Rectangle((170, 20), 60, 30, facecolor="white", edgecolor="black", lw=1))
                for g in (64, 128, 192):
                    ax.axhline(g, color="0.6", lw=0.8)
                    ax.axvline(g, color="0.6", lw=0.8)
            ax.set_xlim(-0.5, SIZE - 0.5)
            ax.set_ylim(SIZE - 0.5, -0.5)
            buf = io.BytesIO()
            fig.savefig(buf, dpi=100, format="png")
            plt.close(fig)
            pics.append(np.asarray(Image.open(buf).convert("RGB")))
        # the change each pixel got from the annotations (max over channels, DN)
        mask = np.abs(pics[0].astype(int) - pics[1]).max(axis=-1).astype(np.uint8)
        np.save(c.out / f"annot_{cmap}.mask.npy", mask)
        p, rel = c.path(f"annot_{cmap}", "png")
        Image.fromarray(pics[1]).save(p)
        c.add(f"annot_{cmap}_png", "annotated", f"annotations ({far} coast) PNG", rel, data, cmap, goal="annot_png",
              mask=f"annot_{cmap}.mask.npy")
        pj, relj = c.path(f"annot_{cmap}", "jpg")
        pj.write_bytes(jpeg_bytes(pics[1], 75))
        c.add(f"annot_{cmap}_jpeg75", "annotated", f"annotations ({far} coast) JPEG q75", relj, data, cmap,
              goal="annot_jpeg", mask=f"annot_{cmap}.mask.npy")


def vendor_cases(c: Cases, f: dict) -> None:
    """MATLAB jet(64)/parula(64) pictures (imagesc index, imwrite rounding) and cv2.applyColorMap."""
    data = _data(f["dem"])
    for name, table in (("matlab:jet_64", matlab_jet(64)), ("matlab:parula_64", matlab_parula64())):
        idx = np.clip(np.floor((data - VMIN) / (VMAX - VMIN) * 64), 0, 63).astype(int)
        rgb = np.floor(table[idx] * 255 + 0.5).astype(np.uint8)
        p, rel = c.path(f"matlab_{name.split(':')[1]}", "png")
        Image.fromarray(rgb).save(p)
        truth = VMIN + (idx + 0.5) / 64 * (VMAX - VMIN)
        c.add(f"matlab_{name.split(':')[1]}", "vendor", f"MATLAB {name} picture (rounded bytes)", rel, truth, name,
              n_bins=64, table=name)
    v = np.rint(f["dem"] * 255).astype(np.uint8)
    for cv in ["jet", "turbo", "viridis", "parula", "hot"]:
        bgr = cv2.applyColorMap(v, getattr(cv2, "COLORMAP_" + cv.upper()))
        p, rel = c.path(f"opencv_{cv}", "png")
        cv2.imwrite(str(p), bgr)
        c.add(f"opencv_{cv}", "vendor", "cv2.applyColorMap, read by cv2 (BGR->RGB), vmin=0 vmax=255 step=1", rel,
              v.astype(float), f"opencv:{cv}", reader="cv2", vmin=0.0, vmax=255.0, step=1.0, goal="integers")


def identify_cases(out: Path, f: dict) -> list[dict]:
    """JPEG q75 pictures of common maps and reversed maps for identify_colormap."""
    names = ["viridis", "plasma", "inferno", "magma", "cividis", "jet", "turbo", "gray", "hot", "coolwarm",
             "RdBu_r", "Spectral", "RdYlBu", "twilight", "terrain", "ocean", "Blues", "Greys", "bone", "copper",
             "viridis_r", "jet_r", "gray_r", "magma_r", "cmocean:thermal"]
    items = []
    for name in names:
        rgb = np.asarray(Image.fromarray(mpl_cmap(name)(f["dem"], bytes=True)).convert("RGB"))
        rel = f"ident_{name.replace(':', '_')}.jpg"
        (out / rel).write_bytes(jpeg_bytes(rgb, 75))
        items.append({"name": name, "picture": rel})
    return items


def main(out: Path) -> Path:
    f = fields()
    c = Cases(out)
    exact_forms(c, f)
    figure_cases(c, f)
    norm_cases(c, f)
    degraded_cases(c, f)
    annotation_cases(c, f)
    vendor_cases(c, f)
    ident = identify_cases(out, f)
    big = mpl.colormaps["viridis"](_unit(np.tile(f["dem"], (2, 2))), bytes=True)[..., :3]
    (out / "mosaic.jpg").write_bytes(jpeg_bytes(np.ascontiguousarray(big), 90))
    np.save(out / "mosaic.truth.npy", _data(np.tile(f["dem"], (2, 2))))
    (out / "cases.json").write_text(json.dumps({"cases": c.items, "identify": ident}, indent=1))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/trial11/cases")
    main(target)
    print(f"{len(json.loads((target / 'cases.json').read_text())['cases'])} cases in {target}")
