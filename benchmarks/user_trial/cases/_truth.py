"""Tiny helper: save a matplotlib figure plus the truth JSON the scorer reads."""
import io, json, os, numpy as np
from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out")
os.makedirs(OUT, exist_ok=True)

def _box(fig, ax):
    fig.canvas.draw()
    bb = ax.get_window_extent()
    H = fig.canvas.get_width_height()[1] * fig.canvas.device_pixel_ratio
    H = fig.bbox.height
    return [bb.x0, H - bb.y1, bb.x1, H - bb.y0]

def panel(fig, ax, cax=None, vmin=None, vmax=None, cmap=None, norm="linear", grid=None,
          cells=None, x_at=None, y_at=None, coords=True, nan_share=0.0):
    """Truth for one plot area. x_at/y_at: values at the left/right and top/bottom edges."""
    fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)  # the layout as saved (constrained_layout reflows)
    xl, yl = ax.get_xlim(), ax.get_ylim()
    d = dict(bbox=_box(fig, ax), cbar_bbox=_box(fig, cax) if cax is not None else None,
             vmin=vmin, vmax=vmax, cmap=cmap, norm=norm, grid=grid,
             x_at=list(x_at or xl), y_at=list(y_at or (yl[1], yl[0])),
             xscale=ax.get_xscale(), yscale=ax.get_yscale(), coords=coords, nan_share=nan_share)
    if cells is not None:
        d["cells"] = np.asarray(cells, float).tolist()
    return d

def save(fig, name, panels, fmt="png", quality=None, resize=None, crop=None, note=""):
    """Save fig at its own dpi; resize (factor) then crop (l, t, r, b) then encode."""
    buf = io.BytesIO(); fig.savefig(buf, format="png", dpi=fig.dpi); buf.seek(0)
    im = Image.open(buf).convert("RGB")
    s, off = 1.0, (0, 0)
    if resize:
        w, h = im.size
        im = im.resize((round(w * resize), round(h * resize)), Image.LANCZOS); s = resize
    if crop:
        im = im.crop(crop); off = crop[:2]
    for p in panels:
        for k in ("bbox", "cbar_bbox"):
            if p.get(k) and not isinstance(p[k], str):
                b = p[k]; p[k] = [b[0] * s - off[0], b[1] * s - off[1], b[2] * s - off[0], b[3] * s - off[1]]
    path = os.path.join(OUT, name + (".jpg" if fmt == "jpg" else ".png"))
    if fmt == "jpg":
        im.save(path, quality=quality or 75)
    else:
        im.save(path)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(dict(image=os.path.basename(path), size=im.size, panels=panels, note=note), f)
    print("wrote", path)

def from_mappable(fig, ax, m, cb=None, **kw):
    """panel() with vmin/vmax/cmap/norm taken from a matplotlib mappable (and its colorbar)."""
    from matplotlib import colors as mc
    n = m.norm; extra = {}
    if isinstance(n, mc.LogNorm): kind = "log"
    elif isinstance(n, mc.TwoSlopeNorm): kind = "twoslope"; extra["vcenter"] = float(n.vcenter)
    elif isinstance(n, mc.SymLogNorm): kind = "symlog"; extra["linthresh"] = float(n.linthresh)
    elif isinstance(n, mc.PowerNorm): kind = "power"; extra["gamma"] = float(n.gamma)
    elif isinstance(n, mc.BoundaryNorm): kind = "boundaries"
    else: kind = "linear"
    lo, hi = (float(n.boundaries[0]), float(n.boundaries[-1])) if kind == "boundaries" else (float(n.vmin), float(n.vmax))
    if cb is not None and kind == "linear" and hasattr(cb, "_boundaries") and getattr(m, "levels", None) is not None:
        lo, hi = float(cb.vmin), float(cb.vmax)
    d = panel(fig, ax, cb.ax if cb is not None else None, lo, hi, m.cmap.name, kind, **kw)
    d.update(extra)
    d.update(_uneven_edges(ax, m) if kw.get("grid") else {})
    return d

def _uneven_edges(ax, m):
    """A pcolormesh's cell edges in data coordinates (x left to right, y top to bottom), where they
    are unevenly spaced on the picture: the scorer's true cell centres then come from them."""
    from matplotlib.collections import QuadMesh
    if not isinstance(m, QuadMesh):
        return {}
    xy = np.asarray(m.get_coordinates(), float)
    out = {}
    for dim, edges in (("x", xy[0, :, 0]), ("y", xy[:, 0, 1])):
        pts = np.column_stack([edges, np.full_like(edges, xy[0, 0, 1])] if dim == "x" else [np.full_like(edges, xy[0, 0, 0]), edges])
        px = ax.transData.transform(pts)[:, 0 if dim == "x" else 1]
        if np.ptp(np.diff(px)) > 0.5:
            order = np.argsort(px if dim == "x" else -px)  # pictures run top to bottom
            out[dim + "_edges"] = edges[order].tolist()
    return out
