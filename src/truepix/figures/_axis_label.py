"""An axis's or colorbar's label: read only where the text looks like one.

The OCR reads *something* in any crop: an empty strip, a piece of a frame,
another axis's tick labels. Its alphabet is mostly CJK, so what it makes of a
crop that holds no Latin text is often a string of ideographs. A label is kept
only when

* the OCR is sure enough of it (mean character probability ≥ :data:`_MIN_CONFIDENCE`,
  a lone letter ``x`` reads at 0.5-0.7; ≥ :data:`_MIN_CONFIDENCE_UNCHECKED` where no tick
  labels were read to check its size against);
* every letter is Latin, Greek or Cyrillic (the scripts of matplotlib's
  default fonts) and nothing is CJK, fullwidth or another script's;
* it holds a letter, or a unit sign (``%``, ``°``) and no digit, and fewer
  than three numbers: a row of numbers is another axis's tick labels (a
  horizontal bar's below the x axis), an offset text (``1e6``) is no label;
* its glyphs are about as tall as the tick labels' (between
  :data:`_HEIGHT_RATIOS` of theirs), when tick labels were read: a label is
  written at about the ticks' size, a plot's edge or a bar's outline is not text.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from truepix.figures import _ocr
from truepix.figures._numbers import label_text, parse_offset, parse_value

__all__ = ["axis_label", "looks_like_label"]

_MIN_CONFIDENCE = 0.5  # mean character probability of a label kept
_MIN_CONFIDENCE_UNCHECKED = 0.85  # the same, when its height cannot be checked
_HEIGHT_RATIOS = (0.4, 2.0)  # a label's glyph height over the tick labels'
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
_UNIT_SIGNS = frozenset("%°‰µ$€£Å℃Ω")


def looks_like_label(text: str, confidence: float) -> bool:
    """Whether OCR output can be an axis label: sure, in a Latin/Greek/Cyrillic script, with a letter.

    Examples
    --------
    >>> looks_like_label("value [units]", 0.95), looks_like_label("會套會层", 0.9)
    (True, False)
    >>> looks_like_label("-10-505", 0.98), looks_like_label("le6", 0.95), looks_like_label("[%]", 0.9)
    (False, False, True)
    >>> looks_like_label("10−210−1 10°101", 0.93), looks_like_label("0 5 10 15 20 x 25", 0.91)
    (False, False)
    """
    if confidence < _MIN_CONFIDENCE or not text.strip():
        return False
    letters, signs = False, False
    for char in text:
        if char.isspace():
            continue
        if ord(char) >= 0x2E80:  # CJK, kana, hangul, fullwidth forms and beyond
            return False
        category = unicodedata.category(char)
        if category.startswith("L"):
            if not unicodedata.name(char, "").startswith(_SCRIPTS):
                return False
            letters = True
        elif category.startswith("N") and not char.isascii() and not unicodedata.name(char, "").startswith(("SUPERSCRIPT", "SUBSCRIPT")):
            return False
        signs = signs or char in _UNIT_SIGNS
    numbers = len(_NUMBER.findall(text))
    if not (letters or (signs and not numbers)) or numbers >= 3:
        return False
    # an offset text ("1e6", "×10⁻³") or a lone number is no label
    return parse_offset(text) is None and parse_value(text) is None


def axis_label(
    gray: np.ndarray, boxes: list[tuple[int, int, int, int]], *, side: str, tick_height: float | None
) -> str:
    """The label written in ``boxes`` (image boxes of the farther texts beside a side), or "".

    ``side``: which side of the box the text lies on (a label beside the left or
    right side is written bottom to top); ``tick_height``: the tick labels'
    glyph height in pixels, None when none was read.
    """
    if not boxes:
        return ""
    array = np.array(boxes)
    # the first line of text past the tick labels is the label; farther lines (a horizontal
    # bar's tick labels below the x label) are not part of it
    near = {"bottom": array[:, 1], "top": -array[:, 3], "left": -array[:, 2], "right": array[:, 0]}[side]
    thickness = array[:, 3] - array[:, 1] if side in ("top", "bottom") else array[:, 2] - array[:, 0]
    array = array[near <= near.min() + 0.6 * (tick_height or float(np.median(thickness)))]
    union = (int(array[:, 0].min()), int(array[:, 1].min()), int(array[:, 2].max()), int(array[:, 3].max()))
    rotated = side in ("left", "right")
    crop = gray[union[1] : union[3], union[0] : union[2]]
    if not crop.size:
        return ""
    height = crop.shape[1] if rotated else crop.shape[0]  # across the text's direction
    if tick_height and not _HEIGHT_RATIOS[0] * tick_height <= height <= _HEIGHT_RATIOS[1] * tick_height:
        return ""
    if rotated:
        crop = np.ascontiguousarray(np.rot90(crop, -1))
    text, confidence = _ocr.recognize(crop)
    text = label_text(text)
    if tick_height is None and confidence < _MIN_CONFIDENCE_UNCHECKED:
        return ""
    return text if looks_like_label(text, confidence) else ""
