"""Trial 5 helper: the truth format of cases4/_truth4.py (itself cases/_truth.py), plus more of the
ways a picture reaches a reader: a screenshot (crop, rescale, JPEG), a slide (the figure pasted on a
coloured page), Pillow `quantize` to 256 colours, WebP, and a grayscale-converted copy."""
import io, os, sys
import numpy as np
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases4"))
from _truth4 import OUT, panel, from_mappable, save4, _shift, _write_truth  # noqa: E402,F401


def save5(fig, name, panels, how="png", quality=None, resize=None, crop=None, border=None,
          interp=None, note="", **savekw):
    """how: every save4 mode (png, tight, transparent, pil_jpg, cv2_jpg, pil_resize, cv2_resize), plus
    screenshot (crop (l, t, r, b) in figure pixels, then resize factor, then JPEG at quality),
    slide (paste on a page with `border` = (pad px, rgb) around it, PNG or JPEG if quality),
    quantize (Pillow 256-colour palette PNG), webp (Pillow lossy WebP at quality, default 80),
    gray (Pillow convert("L"), saved as a one-channel PNG)."""
    if how not in ("screenshot", "slide", "quantize", "webp", "gray"):
        return save4(fig, name, panels, how=how, quality=quality, resize=resize, interp=interp, note=note, **savekw)
    buf = io.BytesIO(); fig.savefig(buf, format="png", dpi=fig.dpi); buf.seek(0)
    im = Image.open(buf).convert("RGB")
    ext = ".png"
    if how == "screenshot":
        if crop:
            im = im.crop(crop); _shift(panels, 1.0, crop[:2])
        if resize:
            w, h = im.size
            im = im.resize((round(w * resize), round(h * resize)), interp if interp is not None else Image.BILINEAR)
            _shift(panels, resize)
        ext = ".jpg"
    elif how == "slide":
        pad, rgb = border
        page = Image.new("RGB", (im.size[0] + 2 * pad, im.size[1] + 2 * pad), tuple(rgb))
        page.paste(im, (pad, pad)); im = page; _shift(panels, 1.0, (-pad, -pad))
        ext = ".jpg" if quality else ".png"
    elif how == "quantize":
        im = im.quantize(256)
    elif how == "webp":
        ext = ".webp"
    elif how == "gray":
        im = im.convert("L")
    path = os.path.join(OUT, name + ext)
    if ext == ".jpg":
        im.save(path, quality=quality or 75)
    elif ext == ".webp":
        im.save(path, quality=quality or 80)
    else:
        im.save(path)
    _write_truth(name, name + ext, im.size, panels, note)
