"""Axes shared across a facet grid: labels drawn on the outer panels only.

``plt.subplots(sharey=True)``, xarray's ``col=``/``row=`` facets, seaborn's
``FacetGrid`` and plotnine's ``facet_wrap`` draw a row's y tick labels beside
its first panel only (a column's x labels below its last). A panel whose
axis shows no labels, and whose edges along that axis stand where a read
panel's do, shares that panel's scale: both map the same image rows (or
columns) to the same values.
"""

from __future__ import annotations

import numpy as np

from truepix.figures._confidence import combined, scale_doubts
from truepix.figures._model import Panel

__all__ = ["share_axes"]

# the frames of one facet row are drawn at the same rows: their edges agree to the rendering's
# rounding -- and to what finding them in a JPEG adds (a frame a pixel or two in, beside tick
# labels): 2.5 pixels, or 1.5 % of the side on a large picture
_ALIGNED = 2.5
_ALIGNED_SHARE = 0.015


def _unlabelled(panel: Panel, name: str) -> bool:
    axis = getattr(panel, name)
    return axis.scale is None and sum(t.value is not None for t in axis.ticks) < 2


def _donor(panels: list[Panel], k: int, name: str) -> Panel | None:
    """The read panel whose edges along ``name`` stand where panel ``k``'s do, nearest first."""
    ends = (1, 3) if name == "y" else (0, 2)
    box = panels[k].bbox
    aligned = [
        p for j, p in enumerate(panels)
        if j != k and getattr(p, name).scale is not None and getattr(p, name).source == "ticks"
        and all(abs(p.bbox[e] - box[e]) <= max(_ALIGNED, _ALIGNED_SHARE * (box[ends[1]] - box[ends[0]])) for e in ends)
    ]  # fmt: skip
    across = (0, 2) if name == "y" else (1, 3)
    centre = (box[across[0]] + box[across[1]]) / 2.0
    return min(aligned, key=lambda p: abs((p.bbox[across[0]] + p.bbox[across[1]]) / 2.0 - centre), default=None)


def share_axes(panels: list[Panel]) -> None:
    """Give each panel with an unlabelled x or y axis the scale of an aligned panel's (in place).

    The panel's coordinates, axis label, doubts and confidence follow: the
    doubt "coordinates not read" gives way to the shared axis's own.
    """
    for k, panel in enumerate(panels):
        for name in ("y", "x"):
            if not _unlabelled(panel, name):
                continue
            donor = _donor(panels, k, name)
            if donor is None:
                continue
            bar = panel.colorbar_axis if panel.value_scale is not None else None
            before = scale_doubts(bar, panel.x, panel.y)
            shared = getattr(donor, name)
            setattr(panel, name, shared)
            data = panel.data
            pixels = np.asarray(data[name].values, dtype=np.float64)  # an unread axis's coordinates are pixel centres
            panel.data = data = data.assign_coords({name: shared.scale.value(pixels)})
            attrs = data.attrs
            attrs[f"{name}_label"] = attrs.get(f"{name}_label") or donor.data.attrs.get(f"{name}_label", "")
            after = scale_doubts(bar, panel.x, panel.y)
            if combined([], before) > 0:  # the product of the doubts on values and areas, kept
                panel.confidence = panel.confidence / combined([], before) * combined([], after)
            # the doubt texts are "; "-joined and may hold "; " themselves: replaced whole, then rejoined
            texts = attrs.get("doubts", "")
            for text, _ in before:
                texts = texts.replace(text, "")
            kept = [t for t in (part.strip("; ") for part in texts.split("; ; ")) if t]
            attrs["doubts"] = "; ".join(kept + [t for t, _ in after])
            attrs["confidence"] = panel.confidence
