"""What :func:`truepix.read_figure` returns, and the calibration JSON that overrides it.

Calibration JSON (version 1), every key optional in an override::

    {
      "truepix_calibration": 1,
      "panels": [
        {
          "bbox": [left, top, right, bottom],           # plot area, image pixels
          "colorbar": {
            "bbox": [left, top, right, bottom],         # the colored part of the bar
            "orientation": "vertical" | "horizontal",
            "cmap": "viridis",                          # a truepix colormap name
            "norm": "linear" | "log" | "twoslope" | "symlog" | "power" | "asinh",
            "vmin": 0.0, "vmax": 1.0,                   # values at the bar's low and high ends
            "vcenter": 0.0,                             # twoslope: the value at the map's middle
            "linthresh": 1.0,                           # symlog: linear within +-linthresh
            "gamma": 0.5,                               # power (PowerNorm): its exponent
            "linear_width": 1.0,                        # asinh (AsinhNorm): its linear_width
            "origin": 0.0                               # log/asinh from there (astropy's
                                                        #  Log/AsinhStretch: <= vmin); absent: 0
          } | null,
          "x": {"scale": "linear" | "log", "pixels": [p0, p1], "values": [v0, v1]} | null,
          "y": {"scale": "linear" | "log", "pixels": [p0, p1], "values": [v0, v1]} | null,
                                                        # (twoslope: three pixels and values;
                                                        #  symlog: a "linthresh" key)
          "grid": [ny, nx] | null                       # cells of the data; null: per pixel
        }
      ]
    }

Pixel positions are edge coordinates: pixel ``j`` spans ``[j, j + 1)``.
Panels are matched by their order (left to right, top to bottom); a
calibration with more panels than were found adds them.
"""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.errors import InputError
from truepix.figures._calibration_check import check_panels
from truepix.figures._labels import Tick
from truepix.figures._numbers import precision
from truepix.figures._scale import AxisScale

__all__ = ["AxisReading", "FigureReading", "Panel", "parse_calibration"]

CALIBRATION_VERSION = 1


def _minor_marks_agree(scale: AxisScale, minor: Any, /) -> bool:
    """Whether a log scale's minor tick marks (four or more) all stand where it puts 2-9 times a power of ten.

    Two labels (``10⁰``, ``10¹``) check nothing of a scale; the eight minor
    ticks matplotlib draws between them, at ``log10(2) ... log10(9)`` of the
    decade, do.

    Examples
    --------
    >>> scale = AxisScale("log", (400.0, 50.0), (1.0, 10.0))
    >>> marks = 400.0 - 350.0 * np.log10(np.arange(2, 10))
    >>> _minor_marks_agree(scale, marks), _minor_marks_agree(scale, np.linspace(90, 360, 8))
    (True, False)
    """
    marks = np.asarray(minor, dtype=np.float64)
    if scale.scale != "log" or len(marks) < 4:
        return False
    ends = np.sort(scale.value(np.array([marks.min(), marks.max()])))
    if not np.all(np.isfinite(ends)) or ends[0] <= 0:
        return False
    decades = range(int(np.floor(np.log10(ends[0]))) - 1, int(np.ceil(np.log10(ends[1]))) + 1)
    predicted = scale.pixel(np.array([m * 10.0**k for k in decades for m in range(2, 10)]))
    distance = np.abs(marks[:, None] - predicted[None, :]).min(axis=1)
    return bool(np.all(distance <= 1.5))


@dataclass
class AxisReading:
    """One axis (x, y or a colorbar's) as read: its scale and the ticks behind it.

    Attributes
    ----------
    scale : AxisScale or None
        Value at every pixel position; None when no labels could be read.
    ticks : list of Tick
        The labels read, with the position each stands for.
    marks : numpy.ndarray
        Positions of the tick marks found (edge coordinates along the axis).
    residual : float or None
        RMS distance (pixels) of the agreeing labels from the fitted scale.
    label : str
        The axis label as read ("" when none).
    offset : tuple or None
        ``("scale", factor)`` or ``("shift", amount)`` read from an offset text.
    source : str
        ``"ticks"``, ``"calibration"`` or ``"pixels"`` (no scale: image pixel indices).
    residuals : numpy.ndarray
        Per numbered label, in the order of ``ticks``: its distance (pixels)
        from where the fitted scale puts its value (inf: the scale cannot).
    unread_offset : bool
        A text stands where the axis's offset text (``1e-6``, ``×10³``) goes
        but was not read as one: the values may lack its factor.
    guess : str
        Where part of the scale is not read but estimated (a two-slope
        bar's unlabelled half), what was estimated and why ("" when nothing).
    minor : numpy.ndarray
        Positions of the shorter tick marks found (a log axis's minor ticks).
    inside : bool
        The labels stand on tick marks drawn inside the bar, across both its
        edges (plotnine's and ggplot2's legend bar), none outside.
    """

    scale: AxisScale | None = None
    ticks: list[Tick] = field(default_factory=list)
    marks: np.ndarray = field(default_factory=lambda: np.zeros(0))
    residual: float | None = None
    label: str = ""
    offset: tuple[str, float] | None = None
    source: str = "pixels"
    residuals: np.ndarray = field(default_factory=lambda: np.zeros(0))
    unread_offset: bool = False
    guess: str = ""
    minor: np.ndarray = field(default_factory=lambda: np.zeros(0))
    inside: bool = False

    @property
    def agreement(self) -> float:
        """Share of the labels read that the scale agrees with (0 without a scale)."""
        numbers = [t for t in self.ticks if t.value is not None]
        if self.scale is None or not numbers:
            return 1.0 if self.source == "calibration" else 0.0
        return sum(t.inlier for t in numbers) / len(numbers)

    @property
    def quality(self) -> float:
        """How far to trust the scale, in [0, 1]: 1 only for a well-supported fit.

        The product of: the share of labels that agree (:attr:`agreement`);
        how many agree (two labels check nothing: 0.5, three or more: 1;
        two on a log scale whose minor tick marks stand where it puts 2-9
        times each power of ten: 1);
        the fit's RMS residual (1 up to a pixel, or up to what the labels'
        rounding allows, then ``1 / (1 + excess)``);
        and whether the agreeing labels stand on tick marks (0.5 with none
        on marks, 1 with all); 0.8 for a ``boundaries`` scale, whose labels
        no progression cross-checks. A calibration given is trusted (1).

        Examples
        --------
        >>> AxisReading().quality, AxisReading(source="calibration").quality
        (0.0, 1.0)
        """
        if self.source == "calibration":
            return 1.0
        agreeing = [t for t in self.ticks if t.value is not None and t.inlier]
        if self.scale is None or not agreeing:
            return 0.0
        count = min(1.0, (len(agreeing) - 1) / 2.0)
        if count < 1.0 and _minor_marks_agree(self.scale, self.minor):
            count = 1.0
        # a residual within what the labels' own rounding allows (``12%`` for 12.5) is no misfit
        slack = [
            abs(float(self.scale.pixel(t.value + precision(t.text))) - float(self.scale.pixel(t.value - precision(t.text)))) / 2.0
            for t in agreeing
            if t.value is not None
        ]
        slack = [v for v in slack if np.isfinite(v)]  # a log scale has no pixel for values <= 0
        allowed = max(1.0, float(np.median(slack))) if slack else 1.0
        fit = 1.0 / (1.0 + max(0.0, (self.residual or 0.0) - allowed))
        snapped = 0.5 + 0.5 * sum(t.snapped for t in agreeing) / len(agreeing)
        # each label decides its own piece of a boundaries scale: no progression checks it
        alone = 0.8 if self.scale.scale == "boundaries" else 1.0
        return float(self.agreement * count * fit * snapped * alone * (0.5 if self.curved else 1.0))

    @property
    def curved(self) -> bool:
        """Whether the labels the scale disagrees with bend away from it at one end (a norm it does not model).

        Two or more disagreeing labels, all at one end of the axis, each
        further from the scale than the one before: PowerNorm, AsinhNorm and
        the like, whose labels no linear, log, symlog or two-slope scale
        explains. A misread label disagrees alone, or not at an end.

        Examples
        --------
        >>> AxisReading().curved
        False
        """
        ticks = [t for t in self.ticks if t.value is not None]
        if len(ticks) != len(self.residuals):
            return False
        numbered = [(t.position, t.inlier, r) for t, r in zip(ticks, self.residuals, strict=True)]
        if self.scale is None or len(numbered) < 4 or sum(not inlier for _, inlier, _ in numbered) < 2:
            return False
        numbered.sort(key=lambda n: n[0])
        for run in (numbered, numbered[::-1]):  # disagreeing labels first, from one end
            out = [n for n in run if not n[1]]
            first = [n for n in run[: len(out)] if not n[1]]
            if len(first) == len(out) and all(a[2] >= b[2] for a, b in itertools.pairwise(out)):
                return True
        return False


@dataclass
class Panel:
    """One plot area of a figure and the data read from it.

    Attributes
    ----------
    bbox : tuple of float
        ``(left, top, right, bottom)`` of the plot area in image pixels (edge
        coordinates of the frame's lines' centres).
    colorbar : Colorbar or None
        The colorbar that belongs to this plot.
    data : xarray.DataArray
        Values with ``y``/``x`` coordinates, NaN where the plot shows no data;
        attributes ``cmap``, ``norm``, ``vmin``, ``vmax``, ``units``,
        ``x_label``, ``y_label``, ``max_error``, ``confidence`` and
        ``doubts`` (why the confidence was lowered, ``"; "``-joined; "" when
        nothing was doubted).
    x, y, colorbar_axis : AxisReading
        How each axis was read.
    cmap : str or None
        The colormap's catalog name (``"colorbar"`` when the bar's own colors
        were used because no catalog map fits).
    grid : tuple of int or None
        ``(ny, nx)`` cells of the data when a cell grid was found.
    confidence : float
        In [0, 1], from the factors of the doubts named in
        ``data.attrs["doubts"]`` alone -- below 1 only with a doubt that says
        why: the smallest of the scales' (bar, x, y: a scale read less than
        surely costs its :attr:`AxisReading.quality`, an x or y axis not read 0.5 (its
        coordinates are pixel indices; the values are unaffected)) times the
        product of the others: the checks of :mod:`truepix.figures._checks` (bar colors going on
        past its box, a bar not one color across, values falling along the
        bar, ends no label states on a short bar); 0 when no colormap was
        found or no range was read.
    interior : tuple of int
        ``(top, bottom, left, right)`` pixel rows/columns inside the frame
        that were decoded (``image[top:bottom, left:right]``).
    pixel_values : numpy.ndarray
        float64, one value per screen pixel of the interior (``data`` before
        the cell grid is applied).
    value_scale : AxisScale or None
        Position along the colormap (0..1) -> value, as read (None when the
        bar's range is unknown: values are then positions along the map).
    """

    bbox: tuple[float, float, float, float]
    colorbar: Colorbar | None
    data: Any
    x: AxisReading
    y: AxisReading
    colorbar_axis: AxisReading
    cmap: str | None
    norm: str
    vmin: float | None
    vmax: float | None
    grid: tuple[int, int] | None
    confidence: float
    interior: tuple[int, int, int, int] = (0, 0, 0, 0)
    pixel_values: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)), repr=False)
    value_scale: AxisScale | None = None

    def to_csv(self) -> str:
        """The data in long form: a ``x,y,value`` header, then one row per cell.

        Rows go along x first, top row of the array first; values are written
        with 17 significant digits (float64 round-trips), NaN as ``nan``.

        Returns
        -------
        str
            CSV text, rows ending in ``\\n``.

        Examples
        --------
        >>> import numpy as np, xarray as xr
        >>> data = xr.DataArray(np.array([[1.5, np.nan]]), coords={"y": [10.0], "x": [0.0, 2.0]},
        ...                     dims=("y", "x"))
        >>> print(Panel((0, 0, 2, 1), None, data, *[None] * 3, "viridis", "linear", 0.0, 2.0,
        ...             None, 1.0).to_csv(), end="")
        x,y,value
        0,10,1.5
        2,10,nan
        """
        import io

        y, x = np.meshgrid(self.data["y"].values, self.data["x"].values, indexing="ij")
        values = np.asarray(self.data.values, np.float64)
        table = np.column_stack([x.ravel(), y.ravel(), values.ravel()])
        text = io.StringIO()
        np.savetxt(text, table, fmt="%.17g", delimiter=",", header="x,y,value", comments="")
        return text.getvalue()

    def calibration(self) -> dict[str, Any]:
        """This panel in the calibration JSON form."""
        bar = None
        if self.colorbar is not None:
            bar = {
                "bbox": list(self.colorbar.bbox),
                "orientation": self.colorbar.orientation,
                # the bar's own colors (no catalog map fits) are read again from the bar
                "cmap": None if self.cmap in ("custom", "colorbar") else self.cmap,
                "norm": self.norm,
                "vmin": self.vmin,
                "vmax": self.vmax,
            }
            scale = self.value_scale
            if scale is not None and scale.scale == "twoslope":
                bar["vcenter"] = scale.values[1]
            if scale is not None and scale.linthresh is not None:
                bar["linthresh"] = scale.linthresh
            if scale is not None and scale.gamma is not None:
                bar["gamma"] = scale.gamma
            if scale is not None and scale.linear_width is not None:
                bar["linear_width"] = scale.linear_width
            if scale is not None and scale.origin is not None:
                bar["origin"] = scale.origin
            if scale is not None and scale.scale == "boundaries":  # fractions along the bar and their values
                bar["levels"] = {"fractions": list(scale.pixels), "values": list(scale.values)}
        return {
            "bbox": [float(v) for v in self.bbox],
            "colorbar": bar,
            "x": None if self.x.scale is None else self.x.scale.to_dict(),
            "y": None if self.y.scale is None else self.y.scale.to_dict(),
            "grid": None if self.grid is None else list(self.grid),
        }


@dataclass
class FigureReading:
    """Everything :func:`truepix.read_figure` found in a figure.

    Attributes
    ----------
    panels : list of Panel
        Plot areas, left to right, top to bottom.
    colorbars : list of Colorbar
        Every colorbar found, whether or not a panel took it.
    shape : tuple of int
        ``(height, width)`` of the figure.
    image : numpy.ndarray
        (H, W, 3) uint8, the figure as read (transparency over white), in sRGB.
    color_profile : str or None
        The name of the ICC profile (a Mac screenshot's ``'Display P3'``) the file's
        colors were converted to sRGB from before reading; None when the file had
        none or sRGB's, or the figure was given as an array.
    """

    panels: list[Panel]
    colorbars: list[Colorbar]
    shape: tuple[int, int]
    image: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 3), np.uint8), repr=False)
    color_profile: str | None = None

    @property
    def calibration(self) -> dict[str, Any]:
        """What was found, as calibration JSON (edit it and pass it back)."""
        return {
            "truepix_calibration": CALIBRATION_VERSION,
            "panels": [panel.calibration() for panel in self.panels],
        }

    def to_json(self) -> str:
        """:attr:`calibration` as a JSON string."""
        return json.dumps(self.calibration, indent=2)

    def write_report(self, path: Any, /) -> Any:
        """Write the report picture (PNG) of this reading: :func:`truepix.figures.write_report`.

        Parameters
        ----------
        path : str or path-like
            Where to write the PNG (written atomically, replacing a file there).

        Returns
        -------
        pathlib.Path
            The path written.

        Raises
        ------
        WriteError
            When the file cannot be written.

        Examples
        --------
        >>> import numpy as np, tempfile, pathlib
        >>> empty = FigureReading([], [], (40, 60), np.full((40, 60, 3), 255, np.uint8))
        >>> empty.write_report(pathlib.Path(tempfile.mkdtemp()) / "r.png").name
        'r.png'
        """
        from truepix.figures._report import write_report

        return write_report(self, path)

    def __repr__(self) -> str:
        return f"FigureReading(panels={len(self.panels)}, colorbars={len(self.colorbars)}, shape={self.shape})"


def parse_calibration(calibration: Any, /) -> list[dict[str, Any]]:
    """Calibration panels from a dict, a JSON string, a path-like to JSON, or a FigureReading.

    The one reader of calibration JSON: :func:`truepix.read_figure`'s
    ``calibration=``, the command line's ``--calibration`` and the web page
    all use it.

    Parameters
    ----------
    calibration : dict, str, bytes, path-like, FigureReading or None
        Calibration JSON (version 1, see :mod:`truepix.figures`) as an object,
        its text, or a path to a file of it; a FigureReading gives its own
        :attr:`FigureReading.calibration`; None gives no panels.

    Returns
    -------
    list of dict
        One override per panel, in panel order.

    Raises
    ------
    InputError
        When the text is not JSON, the file cannot be read, the object has no
        ``panels`` list of objects, the version is not 1, or a value has the
        wrong type (``{"vmin": "low"}``).

    Examples
    --------
    >>> parse_calibration('{"panels": [{"grid": [3, 4]}]}')
    [{'grid': [3, 4]}]
    """
    if calibration is None:
        return []
    if isinstance(calibration, os.PathLike):
        calibration = os.fspath(calibration)
    if isinstance(calibration, FigureReading):
        return calibration.calibration["panels"]
    data = calibration
    if isinstance(calibration, (str, bytes)):
        text = calibration.decode() if isinstance(calibration, bytes) else calibration
        if not text.lstrip().startswith("{"):
            try:
                with open(text, encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                msg = f"expected calibration JSON or a path to it, got {calibration!r:.60}"
                raise InputError(msg) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            msg = f"expected calibration JSON, got text that is not JSON: {text[:60]!r}"
            raise InputError(msg) from None
    if not isinstance(data, dict) or not isinstance(data.get("panels", []), list):
        msg = f"expected a calibration object with a 'panels' list, got {type(data).__name__}"
        raise InputError(msg)
    version = data.get("truepix_calibration", CALIBRATION_VERSION)
    if version != CALIBRATION_VERSION:
        msg = f"expected calibration version {CALIBRATION_VERSION}, got {version!r}"
        raise InputError(msg)
    panels = data.get("panels", [])
    if not all(isinstance(p, dict) for p in panels):
        msg = "expected every calibration panel to be an object, got another type"
        raise InputError(msg)
    check_panels(panels)
    return panels
