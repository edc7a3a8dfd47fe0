"""The figure flow: :func:`truepix.read_figure` on an upload, what the page draws, corrections, downloads.

The page never sees the calibration JSON's structure: it sends small
corrections (a box dragged, a colormap picked, a tick value typed), which
:func:`apply_correction` turns into calibration overrides -- only the keys the
user changed, so everything else is still read from the figure.
"""

from __future__ import annotations

import copy
import io
import json
import logging
import math
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from truepix.errors import InputError

__all__ = [
    "WARM",
    "FigureSession",
    "apply_correction",
    "calibration_json",
    "difference_levels",
    "difference_png",
    "export",
    "reading_json",
    "rendered_png",
    "values_f32",
    "warm_up",
]

_log = logging.getLogger("truepix.web")

# set once warm_up has run: the OCR model is loaded and the kernels compiled
WARM = threading.Event()

# largest difference (8-bit levels) the difference picture tells apart; more reads as white
DIFFERENCE_SCALE = 32
_BOXES = ("bbox", "colorbar_bbox")
_BAR_KEYS = ("cmap", "norm", "vmin", "vmax")


@dataclass
class FigureSession:
    """One uploaded figure: its file, the user's overrides, the latest reading."""

    path: Path
    overrides: list[dict[str, Any]] = field(default_factory=list)
    reading: Any = None
    seconds: float = 0.0
    picture: np.ndarray | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def calibration(self) -> dict[str, Any]:
        """The user's overrides as calibration JSON."""
        return {"truepix_calibration": 1, "panels": self.overrides}

    def update(self, change: Any, sent: Any) -> None:
        """Apply ``change(self, sent)`` to the overrides and read again; a refused change leaves all as it was.

        One update at a time per figure: the page may send two before the first is read.
        """
        with self.lock:
            before = copy.deepcopy(self.overrides)
            try:
                change(self, sent)
                self.read()
            except Exception:
                self.overrides = before
                raise

    def read(self) -> None:
        """Read the figure again with the current overrides."""
        from truepix.figures import read_figure

        started = time.perf_counter()
        self.reading = read_figure(self.path, calibration=self.calibration)
        self.seconds = time.perf_counter() - started

    def rgb(self) -> np.ndarray:
        """The figure's pixels, (H, W, 3) uint8 (decoded once)."""
        if self.picture is None:
            from PIL import Image

            with Image.open(self.path) as opened:
                self.picture = np.asarray(opened.convert("RGB"))
        return self.picture


def _finite(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _pixel_centres(axis: Any, coordinates: np.ndarray) -> np.ndarray:
    """Image positions (edge coordinates) of the cells' centres along one axis."""
    if axis.scale is None:
        return np.asarray(coordinates, dtype=np.float64)
    return np.asarray(axis.scale.pixel(coordinates), dtype=np.float64)


def _ticks(panel: Any) -> list[dict[str, Any]]:
    ticks = []
    for name, axis in (("colorbar", panel.colorbar_axis), ("x", panel.x), ("y", panel.y)):
        for index, tick in enumerate(axis.ticks):
            left, top, right, bottom = (int(v) for v in tick.box)
            ticks.append({
                "axis": name, "index": index, "text": tick.text, "value": _finite(tick.value),
                "box": [left, top, right, bottom], "center": [(left + right) / 2, (top + bottom) / 2],
                "position": float(tick.position), "inlier": bool(tick.inlier),
            })  # fmt: skip
    return ticks


def _panel_json(panel: Any, index: int, base: str) -> dict[str, Any]:
    data = panel.data
    attrs = data.attrs
    bar = panel.colorbar
    urls = f"{base}/panel/{index}"
    return {
        "bbox": [float(v) for v in panel.bbox],
        "colorbar": None if bar is None else {"bbox": list(bar.bbox), "orientation": bar.orientation},
        "cmap": panel.cmap or "none found",
        "norm": panel.norm,
        "vmin": _finite(panel.vmin),
        "vmax": _finite(panel.vmax),
        "units": attrs.get("units") or "",
        "max_error": _finite(attrs.get("max_error")),
        "confidence": _finite(panel.confidence),
        "grid": None if panel.grid is None else list(panel.grid),
        "shape": list(data.shape),
        "x": [_finite(v) for v in data["x"].values],
        "y": [_finite(v) for v in data["y"].values],
        "px": _pixel_centres(panel.x, data["x"].values).round(3).tolist(),
        "py": _pixel_centres(panel.y, data["y"].values).round(3).tolist(),
        "ticks": _ticks(panel),
        "values_url": f"{urls}/values.f32",
        "rendered_url": f"{urls}/rendered.png",
        "difference_url": f"{urls}/difference.png",
        "downloads": {kind: f"{urls}/figure_panel{index + 1}.{kind}" for kind in ("csv", "npy", "nc")},
    }


def reading_json(session: FigureSession, base: str) -> dict[str, Any]:
    """What the page draws: panels, boxes, ticks read, coordinates, and where to fetch the rest."""
    reading = session.reading
    height, width = reading.shape
    return {
        "base": base,
        "width": int(width),
        "height": int(height),
        "seconds": session.seconds,
        "image_url": f"{base}/image",
        "calibration_url": f"{base}/calibration.json",
        "overrides": session.calibration,
        "panels": [_panel_json(panel, i, base) for i, panel in enumerate(reading.panels)],
    }


def calibration_json(session: FigureSession) -> str:
    """The calibration JSON that reproduces the page's reading: the user's corrections.

    Loaded by the page or by ``tp.read_figure(figure, calibration=...)``, the
    same corrections on the same figure give the same data, bit for bit; what
    was not corrected is found again. ``FigureReading.calibration`` (every value
    found) is not handed out: on stepped bars (``cmap: "custom"``), bars decoded
    with their own colors and several real figures it does not load back to the
    same data.
    """
    return json.dumps(session.calibration, indent=2)


def _box(value: Any, what: str) -> list[float]:
    try:
        left, top, right, bottom = (float(v) for v in value)
    except (TypeError, ValueError):
        msg = f"expected a {what} [left, top, right, bottom] of 4 numbers, got {value!r:.60}"
        raise InputError(msg) from None
    if not (right > left and bottom > top and all(map(math.isfinite, (left, top, right, bottom)))):
        msg = f"expected a {what} with right > left and bottom > top, got {[left, top, right, bottom]}"
        raise InputError(msg)
    return [left, top, right, bottom]


def _line_through(scale: str, points: tuple[tuple[float, float], tuple[float, float]], at: float) -> float:
    """Value at position ``at`` on the linear/log line through two (position, value) points."""
    (p0, v0), (p1, v1) = points
    if scale == "log":
        return float(10 ** (math.log10(v0) + (at - p0) * (math.log10(v1) - math.log10(v0)) / (p1 - p0)))
    return v0 + (at - p0) * (v1 - v0) / (p1 - p0)


def _tick_anchor(axis: Any, index: int, value: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The typed tick and the agreeing tick farthest from it: two points a scale goes through."""
    if not 0 <= index < len(axis.ticks):
        msg = f"expected a tick index below {len(axis.ticks)}, got {index}"
        raise InputError(msg)
    typed = axis.ticks[index]
    others = [t for i, t in enumerate(axis.ticks) if i != index and t.value is not None]
    agreeing = [t for t in others if t.inlier] or others
    if not agreeing:
        msg = "expected another tick with a value on this axis to anchor the scale, got none; type the range instead"
        raise InputError(msg)
    other = max(agreeing, key=lambda t: abs(t.position - typed.position))
    if abs(other.position - typed.position) < 1:
        msg = "expected two ticks at different positions to anchor the scale, got one position"
        raise InputError(msg)
    return (float(typed.position), value), (float(other.position), float(other.value))


def _correct_tick(override: dict[str, Any], panel: Any, tick: Any) -> None:
    try:
        axis_name, index, value = str(tick["axis"]), int(tick["index"]), float(tick["value"])
    except (KeyError, TypeError, ValueError):
        msg = f"expected a tick correction {{axis, index, value}}, got {tick!r:.80}"
        raise InputError(msg) from None
    axis = {"colorbar": panel.colorbar_axis, "x": panel.x, "y": panel.y}.get(axis_name)
    if axis is None or not math.isfinite(value):
        msg = f"expected a finite value on axis 'colorbar', 'x' or 'y', got {value} on {axis_name!r}"
        raise InputError(msg)
    points = _tick_anchor(axis, index, value)
    scale = axis.scale.scale if axis.scale is not None else "linear"
    if scale == "log" and min(points[0][1], points[1][1]) <= 0:
        msg = f"expected a positive tick value on a log axis, got {value}"
        raise InputError(msg)
    if axis_name != "colorbar":
        override[axis_name] = {"scale": scale, "pixels": [p for p, _ in points],
                               "values": [v for _, v in points]}  # fmt: skip
        return
    if panel.colorbar is None:
        msg = "expected a panel with a colorbar, got none; type vmin and vmax instead"
        raise InputError(msg)
    # vmin and vmax are the values at the bar's ends: its bottom and top (left and right)
    left, top, right, bottom = panel.colorbar.bbox
    low, high = (bottom, top) if panel.colorbar.orientation == "vertical" else (left, right)
    bar = override.setdefault("colorbar", {})
    bar["vmin"] = _line_through(scale, points, low)
    bar["vmax"] = _line_through(scale, points, high)


def apply_correction(session: FigureSession, change: dict[str, Any]) -> None:
    """Fold one correction from the page into the session's overrides.

    ``change`` holds ``panel`` and one or more of: ``bbox`` and
    ``colorbar_bbox`` (``[left, top, right, bottom]``), ``cmap``, ``norm``,
    ``vmin``, ``vmax``, ``tick`` (``{axis, index, value}``: the scale is
    re-anchored on the typed value and the agreeing tick farthest from it).

    Examples
    --------
    >>> from types import SimpleNamespace as found
    >>> session = FigureSession(Path("figure.png"))
    >>> panel = found(vmin=-1.0, vmax=1.0, colorbar=None)
    >>> session.reading = found(panels=[panel, panel])
    >>> apply_correction(session, {"panel": 1, "cmap": "magma", "vmin": 0.5, "vmax": 5})
    >>> session.calibration
    {'truepix_calibration': 1, 'panels': [{}, {'colorbar': {'cmap': 'magma', 'vmin': 0.5, 'vmax': 5.0}}]}
    >>> apply_correction(session, {"panel": 0, "norm": "log"})
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected a positive range for a log scale, got -1.0 .. 1.0
    """
    panels = session.reading.panels
    index = change.get("panel")
    if not isinstance(index, int) or not 0 <= index < len(panels):
        msg = f"expected a panel number below {len(panels)}, got {index!r:.20}"
        raise InputError(msg)
    while len(session.overrides) <= index:
        session.overrides.append({})
    override = session.overrides[index]
    if "bbox" in change:
        override["bbox"] = _box(change["bbox"], "plot area")
    if "colorbar_bbox" in change:
        bar = override.setdefault("colorbar", {})
        bar["bbox"] = [round(v) for v in _box(change["colorbar_bbox"], "colorbar box")]
        found = panels[index].colorbar
        if found is not None:
            bar.setdefault("orientation", found.orientation)
    for key in _BAR_KEYS:
        if key in change:
            override.setdefault("colorbar", {})[key] = _bar_value(key, change[key])
    if "tick" in change:
        _correct_tick(override, panels[index], change["tick"])
    bar = override.get("colorbar", {})
    low, high = bar.get("vmin", panels[index].vmin), bar.get("vmax", panels[index].vmax)
    if bar.get("norm") == "log" and any(v is not None and v <= 0 for v in (low, high)):
        msg = f"expected a positive range for a log scale, got {low} .. {high}"
        raise InputError(msg)


def _bar_value(key: str, value: Any) -> Any:
    if key == "cmap":
        from truepix.color import colormaps

        if value not in colormaps():
            from truepix.errors import UnknownColormapError, did_you_mean

            msg = f"expected a colormap from the catalog, got {value!r:.40};{did_you_mean(str(value), colormaps())}"
            raise UnknownColormapError(msg)
        return value
    if key == "norm":
        if value not in ("linear", "log"):
            msg = f"expected norm 'linear' or 'log', got {value!r:.20}"
            raise InputError(msg)
        return value
    number = float(value) if isinstance(value, (int, float)) else math.nan
    if not math.isfinite(number):
        msg = f"expected a finite number for {key}, got {value!r:.20}"
        raise InputError(msg)
    return number


def _panel(session: FigureSession, index: int) -> Any:
    panels = session.reading.panels
    if not 0 <= index < len(panels):
        msg = f"expected a panel number below {len(panels)}, got {index}"
        raise InputError(msg)
    return panels[index]


def _png(rgba: np.ndarray) -> bytes:
    import imagecodecs

    return bytes(imagecodecs.png_encode(np.ascontiguousarray(rgba), level=1))


def _rendered(panel: Any) -> np.ndarray:
    """The recovered field colored as the figure was: (ny, nx, 4) uint8."""
    from truepix.color import colorize

    values = np.asarray(panel.data.values, dtype=np.float64)
    vmin, vmax = _finite(panel.vmin), _finite(panel.vmax)
    scale = getattr(panel, "value_scale", None)
    if scale is not None and scale.scale in ("twoslope", "symlog", "boundaries", "power", "asinh"):  # back to positions along the map
        values, vmin, vmax = scale.pixel(values), 0.0, 1.0
    if vmin is None or vmax is None or vmin == vmax:  # uncalibrated: fractions of the colormap
        vmin, vmax = 0.0, 1.0
    low, high = min(vmin, vmax), max(vmin, vmax)
    from truepix.figures._report import panel_colormap

    cmap = panel_colormap(panel)  # the catalog map, or the bar's own colors ("colorbar", "custom")
    norm = "log" if panel.norm == "log" and low > 0 else "linear"
    return colorize(values, cmap=cmap, vmin=low, vmax=high, norm=norm)


def rendered_png(session: FigureSession, index: int) -> bytes:
    """PNG of the recovered field, re-rendered with the colormap and range found."""
    return _png(_rendered(_panel(session, index)))


def _figure_at_cells(session: FigureSession, panel: Any) -> np.ndarray:
    """The figure's color at each cell's centre: (ny, nx, 3) uint8."""
    rgb = session.rgb()
    data = panel.data
    columns = np.floor(_pixel_centres(panel.x, data["x"].values)).astype(np.int64)
    rows = np.floor(_pixel_centres(panel.y, data["y"].values)).astype(np.int64)
    columns = np.clip(columns, 0, rgb.shape[1] - 1)
    rows = np.clip(rows, 0, rgb.shape[0] - 1)
    return rgb[rows[:, None], columns[None, :]]


def difference_levels(session: FigureSession, index: int) -> np.ndarray:
    """Per cell, the largest channel difference (8-bit levels) between figure and re-rendering; NaN off data."""
    panel = _panel(session, index)
    rendered = _rendered(panel)
    figure = _figure_at_cells(session, panel)
    levels = np.abs(rendered[..., :3].astype(np.int16) - figure.astype(np.int16)).max(axis=2)
    return np.where(np.isfinite(panel.data.values), levels, np.nan)


def difference_png(session: FigureSession, index: int) -> bytes:
    """PNG of :func:`difference_levels`: black 0 to white ``DIFFERENCE_SCALE`` levels or more."""
    from truepix.color import colorize

    levels = np.minimum(difference_levels(session, index), DIFFERENCE_SCALE)
    return _png(colorize(levels, cmap="gray", vmin=0, vmax=DIFFERENCE_SCALE, bad="magenta"))


def export(session: FigureSession, index: int, kind: str) -> bytes:
    """A panel's data as ``csv`` (x, y, value; one row per cell), ``npy`` or ``nc`` (NetCDF)."""
    panel = _panel(session, index)
    data = panel.data
    if kind == "npy":
        buffer = io.BytesIO()
        np.save(buffer, np.asarray(data.values), allow_pickle=False)
        return buffer.getvalue()
    if kind == "csv":
        return panel.to_csv().encode("ascii")
    if kind == "nc":
        # NetCDF attributes hold numbers and text only
        netcdf = data.copy()
        netcdf.attrs = {k: v if isinstance(v, (int, float, str)) and not isinstance(v, bool) else str(v)
                        for k, v in data.attrs.items() if v is not None}  # fmt: skip
        netcdf.name = netcdf.name or "value"
        return bytes(netcdf.to_netcdf())
    msg = f"expected a download kind csv, npy or nc, got {kind!r:.20}"
    raise InputError(msg)


def values_f32(session: FigureSession, index: int) -> bytes:
    """A panel's values as little-endian float32 bytes, row by row (the page's hover readout)."""
    return np.asarray(_panel(session, index).data.values, dtype="<f4").tobytes()


def warm_up() -> None:
    """Read a small generated figure once, so the first figure a user drops does not wait
    for the OCR model to load and the decoding kernels to compile (tens of seconds on 2 cores).
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from truepix.figures import read_figure

        figure = Figure(figsize=(4, 3), dpi=100)
        image = figure.add_subplot().imshow(np.linspace(0, 10, 48).reshape(6, 8))
        figure.colorbar(image)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        read_figure(np.asarray(canvas.buffer_rgba())[..., :3])
    except Exception:  # best effort: the first real figure then pays the cost
        _log.warning("warming up the figure reader failed", exc_info=True)
    finally:
        WARM.set()
