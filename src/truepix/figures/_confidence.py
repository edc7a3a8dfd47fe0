"""What each axis's reading costs the confidence, named.

A panel's confidence comes from its doubts' factors alone (:func:`combined`):
the smallest of its scales' (bar, x, y: the least sure scale bounds the
reading) times the product of the others'. A factor below 1 comes with the text
that says why, so "the x coordinates were not read" is told apart from "the
values may be wrong". Each axis that was read less than surely (its
:attr:`~truepix.figures._model.AxisReading.quality` below 1), or not at all,
adds one doubt here.
"""

from __future__ import annotations

import re

import numpy as np

from truepix.figures._model import AxisReading

__all__ = ["NOT_READ", "axis_doubts", "combined", "scale_doubts"]

# an unread x or y axis: the values are as good, but the data's coordinates are pixel indices
NOT_READ = 0.5


def _why_unread(axis: AxisReading) -> str:
    words = [t.text.strip() for t in axis.ticks if t.value is None and t.text.strip()]
    if not axis.ticks and len(axis.marks):
        return "tick marks but no label read beside them: labels hidden (an axis shared with a panel not aligned with this one?), rotated, drawn over each other or cut off?"
    if not axis.ticks:
        return "no tick labels found beside it"
    if sum(t.value is not None for t in axis.ticks) < 2 and words:
        kind = "dates?" if any(re.search(r"\d{1,4}[-/:.]\d", w) for w in words) else "categories?"
        return f"its labels are not numbers ({kind}: {', '.join(repr(w) for w in words[:3])})"
    return "its labels fit no linear or log scale"


def _reasons(axis: AxisReading) -> list[str]:
    numbered = [t for t in axis.ticks if t.value is not None]
    agreeing = [t for t in numbered if t.inlier]
    reasons = []
    if len(agreeing) < len(numbered):
        reasons.append(f"{len(numbered) - len(agreeing)} of {len(numbered)} labels disagree with it (misread?)")
    if len(agreeing) == 2:
        reasons.append("two labels only: nothing cross-checks them")
    if axis.residual is not None and axis.residual > 1.0:
        reasons.append(f"labels stand {axis.residual:.1f} px off it")
    if agreeing and not all(t.snapped for t in agreeing):
        reasons.append("labels not on tick marks")
    if axis.scale is not None and axis.scale.scale == "boundaries":
        reasons.append("each label sets its own step (no progression checks it)")
    if axis.curved:
        reasons.append("the labels bend away from it at one end (a norm not modelled?)")
    return reasons


def axis_doubts(axis: AxisReading, name: str) -> list[tuple[str, float]]:
    """The doubt an axis's reading adds, with its factor: none for a sure one.

    ``name``: ``"x"``, ``"y"`` or ``"colorbar"``. An unread x or y axis costs
    :data:`NOT_READ`; one read less than surely costs its quality.

    Examples
    --------
    >>> axis_doubts(AxisReading(), "x")
    [('x coordinates not read (no tick labels found beside it): x holds pixel indices; the values are unaffected', 0.5)]
    >>> axis_doubts(AxisReading(source="calibration"), "y")
    []
    """
    quality = axis.quality
    if quality >= 1.0:
        return []
    if axis.scale is None:
        if name == "colorbar":
            return []  # the panel says so: its values are positions along the colormap
        what = f"{name} coordinates not read ({_why_unread(axis)}): {name} holds pixel indices; the values are unaffected"
        return [(what, NOT_READ)]
    reasons = _reasons(axis) or ["its labels support it only in part"]
    what = "the colorbar's scale" if name == "colorbar" else f"the {name} axis's scale"
    return [(f"{what} is trusted {quality:.2f}: {'; '.join(reasons)}", quality)]


def combined(doubts: list[tuple[str, float]], scales: list[tuple[str, float]]) -> float:
    """The confidence the doubts leave: the smallest scale factor times the product of the other doubts' factors.

    Examples
    --------
    >>> combined([("a bar end cut", 0.3)], [("x not read", 0.5), ("y trusted 0.8", 0.8)])
    0.15
    >>> combined([], [])
    1.0
    """
    return float(min((f for _, f in scales), default=1.0) * np.prod([f for _, f in doubts]))


def scale_doubts(bar: AxisReading | None, x: AxisReading, y: AxisReading) -> list[tuple[str, float]]:
    """The doubts of a panel's three scales: the colorbar's (None: given, or no bar), x's and y's."""
    return (axis_doubts(bar, "colorbar") if bar is not None else []) + axis_doubts(x, "x") + axis_doubts(y, "y")
