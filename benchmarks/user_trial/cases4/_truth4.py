"""Trial 4 helper: the truth of cases/_truth.py, plus the ways users really write the file
(savefig directly, bbox_inches="tight", transparent=True, Pillow/OpenCV JPEG, Pillow/OpenCV resize)."""
import io, json, os, sys
import numpy as np
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases"))
from _truth import OUT, panel, from_mappable, save  # noqa: E402,F401  (same out/ folder, same truth format)


def _shift(panels, s=1.0, off=(0.0, 0.0)):
    for p in panels:
        for k in ("bbox", "cbar_bbox"):
            if p.get(k) and not isinstance(p[k], str):
                b = p[k]
                p[k] = [b[0] * s - off[0], b[1] * s - off[1], b[2] * s - off[0], b[3] * s - off[1]]


def _write_truth(name, image, size, panels, note):
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(dict(image=image, size=list(size), panels=panels, note=note), f)
    print("wrote", os.path.join(OUT, image))


def save4(fig, name, panels, how="png", quality=None, resize=None, interp=None, note="", **savekw):
    """how: png (savefig straight to the file), tight (bbox_inches="tight"), transparent,
    pil_jpg, cv2_jpg, pil_resize, cv2_resize (resize factor, then PNG or JPEG if quality)."""
    import cv2
    if how in ("png", "tight", "transparent"):
        path = os.path.join(OUT, name + ".png")
        kw = dict(dpi=fig.dpi, **savekw)
        if how == "tight":
            kw["bbox_inches"] = "tight"
            fig.canvas.draw()
            bb = fig.get_tightbbox(fig.canvas.get_renderer()).padded(kw.get("pad_inches", 0.1))
            H = fig.get_figheight()
            _shift(panels, 1.0, (bb.x0 * fig.dpi, (H - bb.y1) * fig.dpi))
        if how == "transparent":
            kw["transparent"] = True
        fig.savefig(path, **kw)
        _write_truth(name, name + ".png", Image.open(path).size, panels, note)
        return
    buf = io.BytesIO(); fig.savefig(buf, format="png", dpi=fig.dpi); buf.seek(0)
    rgb = np.asarray(Image.open(buf).convert("RGB"))
    if how in ("pil_resize", "cv2_resize"):
        h, w = rgb.shape[:2]; size = (round(w * resize), round(h * resize))
        if how == "pil_resize":
            rgb = np.asarray(Image.fromarray(rgb).resize(size, interp if interp is not None else Image.BICUBIC))
        else:
            rgb = cv2.resize(rgb, size, interpolation=interp if interp is not None else cv2.INTER_AREA)
        _shift(panels, resize)
    ext = ".jpg" if (how.endswith("jpg") or quality) else ".png"
    path = os.path.join(OUT, name + ext)
    if how == "cv2_jpg" or (how == "cv2_resize" and quality):
        cv2.imwrite(path, cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality or 75])
    elif ext == ".jpg":
        Image.fromarray(rgb).save(path, quality=quality or 75)
    else:
        Image.fromarray(rgb).save(path)
    _write_truth(name, name + ext, (rgb.shape[1], rgb.shape[0]), panels, note)
