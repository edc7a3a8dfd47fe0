"""``colorize``: data to an RGBA picture of exactly the data's shape.

The colors are matplotlib's, bit for bit: ``colorize(data, cmap=name,
vmin=a, vmax=b)`` equals
``matplotlib.colormaps[name](matplotlib.colors.Normalize(a, b)(data), bytes=True)``
for every registered map, every dtype and every value, including
out-of-range (under/over colors), NaN and masked values (the bad color).
No figure, no resampling, no interpolation.

Two deliberate differences, both where matplotlib surprises:

* ``vmin``/``vmax`` left out are the range of the *valid finite* data;
  matplotlib takes ``min``/``max`` of everything, so one NaN makes its whole
  picture transparent.
* NaN is always "bad". matplotlib draws a NaN with the lowest color when
  ``vmin == vmax`` or when a masked array also has masked entries, and with
  the color of the last interval (or "over") under a ``BoundaryNorm``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix._lazy import loaded_class
from truepix._validate import check_range, finite_range
from truepix.color._catalog import ColormapEntry, resolve
from truepix.color._norms import MatplotlibNorm, Norm, get_norm, norm_dtype
from truepix.errors import InputError, UnsupportedDtypeError

__all__ = ["colorize", "colorize_entries", "colorize_normalized"]


def _color_bytes(spec: Any, default: np.ndarray, label: str) -> np.ndarray:
    """An RGBA color spec as matplotlib turns it into bytes (truncating)."""
    if spec is None:
        rgba = default
    else:
        from matplotlib.colors import to_rgba

        try:
            rgba = np.asarray(to_rgba(spec), dtype=np.float64)
        except (ValueError, TypeError) as exc:
            msg = (
                f"expected {label} to be a color ('red', '#ff000080', (1, 0, 0, 0.5) ...),"
                f" got {spec!r}"
            )
            raise InputError(msg) from exc
    return (np.asarray(rgba, dtype=np.float64) * 255).astype(np.uint8)


def _as_data(data: Any) -> np.ndarray | np.ma.MaskedArray:
    array = data if isinstance(data, np.ma.MaskedArray) else np.asarray(data)
    if array.dtype.kind not in "biuf":
        msg = (
            f"expected real numbers (bool, int, uint or float), got dtype {array.dtype};"
            " hint: take .real or np.abs() of complex data first"
        )
        raise UnsupportedDtypeError(msg)
    return array


def colorize_normalized(normalized: np.ndarray, lut_ext: np.ndarray) -> np.ndarray:
    """Colors for normalized values: the kernel (no validation).

    ``lut_ext`` is (N + 3, 4) uint8: the N table colors, then under, over and
    bad. Mirrors ``Colormap._get_rgba_and_mask``: bin ``floor(x * N)`` computed
    in the dtype of ``normalized`` (float32 data stays float32), 1.0 in the top
    bin, x < 0 under, x >= 1 over, NaN bad.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._colorize import colorize_normalized
    >>> lut_ext = np.arange(5 * 4, dtype=np.uint8).reshape(5, 4)  # N = 2
    >>> colorize_normalized(np.array([0.2, 1.0, -0.1, 1.5, np.nan]), lut_ext)[:, 0].tolist()
    [0, 4, 8, 12, 16]
    """
    n = lut_ext.shape[0] - 3
    with np.errstate(over="ignore", invalid="ignore"):
        # a Python int keeps float32 (and float16) data in its own precision
        scaled = np.asarray(normalized * n)
        scaled[scaled == n] = n - 1
        index = scaled.astype(np.intp)  # NaN and huge values are replaced below
    index[scaled < 0] = n
    index[scaled >= n] = n + 1
    index[np.isnan(scaled)] = n + 2
    return _take(lut_ext, index)


def colorize_entries(entries: np.ndarray, invalid: np.ndarray, lut_ext: np.ndarray) -> np.ndarray:
    """Colors for table entries, as a norm such as ``BoundaryNorm`` answers them.

    matplotlib's colormap call indexes its table with integers directly:
    entry k < 0 is under, k >= N over, invalid (masked, NaN) data bad.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._colorize import colorize_entries
    >>> lut_ext = np.arange(5 * 4, dtype=np.uint8).reshape(5, 4)  # N = 2
    >>> entries = np.array([0, 1, -1, 2, 0])
    >>> colorize_entries(entries, entries == 9, lut_ext)[:, 0].tolist()
    [0, 4, 8, 12, 0]
    """
    n = lut_ext.shape[0] - 3
    index = np.asarray(entries).astype(np.intp)
    index[entries < 0] = n
    index[entries >= n] = n + 1
    index[invalid] = n + 2
    return _take(lut_ext, index)


def _take(lut_ext: np.ndarray, index: np.ndarray) -> np.ndarray:
    # one uint32 per RGBA color: a flat take is several times faster than a row take
    packed = np.ascontiguousarray(lut_ext, dtype=np.uint8).view(np.uint32).reshape(-1)
    colors = np.asarray(packed.take(index)).reshape(*index.shape, 1)
    return colors.view(np.uint8)  # (..., 1) uint32 -> (..., 4) uint8


def colorize(
    data: Any,
    /,
    *,
    cmap: Any = "viridis",
    vmin: float | None = None,
    vmax: float | None = None,
    norm: Any = "linear",
    bad: Any = None,
    under: Any = None,
    over: Any = None,
) -> np.ndarray:
    """Color data with a colormap: an RGBA picture of exactly the data's shape.

    Bit-identical to ``matplotlib.colormaps[cmap](norm(data), bytes=True)`` for
    every matplotlib norm (``Normalize(vmin, vmax)`` for ``norm="linear"``,
    ``LogNorm`` for ``"log"``) -- no figure, no resampling. A norm that answers
    colormap entries (``BoundaryNorm``) indexes the table directly, as in
    matplotlib: ``BoundaryNorm(b, ncolors=6)`` draws the map's first 6 colors.

    Parameters
    ----------
    data : array_like
        Real numbers of any shape: bool, integers, floats, or a masked array
        (masked values get the ``bad`` color).
    cmap : str, matplotlib Colormap, or (N, 3) / (N, 4) array
        A name from :func:`truepix.colormaps`, a colormap object (its own
        under/over/bad colors are kept) or a list of colors.
    vmin, vmax : float, optional
        Data values drawn with the first and the last color. Left out: the
        range of the valid finite data (positive data for ``norm="log"``).
    norm : {"linear", "log"} or matplotlib.colors.Normalize
        How data maps onto the colormap.
    bad, under, over : color, optional
        Colors for invalid values (NaN, masked, <= 0 with ``log``), values
        below ``vmin`` and above ``vmax``. matplotlib's defaults: transparent,
        the first color, the last color.

    Returns
    -------
    numpy.ndarray
        ``data.shape + (4,)`` uint8 RGBA.

    Raises
    ------
    UnknownColormapError
        For a colormap name not in the catalog (with a did-you-mean).
    InputError
        For ``vmin > vmax``, non-finite limits, ``vmin <= 0`` with a log norm,
        or a color that does not parse.
    UnsupportedDtypeError
        For complex, string or object data.

    See Also
    --------
    truepix.decolorize : the way back.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> rgba = tp.colorize(np.array([[0.0, 0.5], [1.0, np.nan]]), cmap="viridis", vmin=0, vmax=1)
    >>> rgba.shape, rgba.dtype
    ((2, 2, 4), dtype('uint8'))
    >>> rgba[0, 0].tolist(), rgba[1, 1].tolist()  # lowest color; NaN is transparent
    ([68, 1, 84, 255], [0, 0, 0, 0])
    >>> tp.colorize([1.0, 10.0, 100.0], cmap="gray", norm="log", vmin=1, vmax=100)[:, 0].tolist()
    [0, 128, 255]
    """
    array = _as_data(data)
    check_range(vmin, vmax)
    entry: ColormapEntry = resolve(cmap)
    norm_object = _make_norm(array, norm, vmin, vmax)
    lut_ext = np.concatenate(
        [
            entry.lut_bytes,
            _color_bytes(under, entry.under, "under")[None],
            _color_bytes(over, entry.over, "over")[None],
            _color_bytes(bad, entry.bad, "bad")[None],
        ]
    )
    if isinstance(norm_object, MatplotlibNorm):
        answer, invalid = norm_object.answer(array)
        if answer.dtype.kind in "iub":  # table entries (BoundaryNorm), as matplotlib takes them
            return colorize_entries(answer, invalid, lut_ext)
        normalized = norm_object.positions(answer, invalid)
    else:
        normalized = norm_object.forward(array)
    return colorize_normalized(np.asarray(normalized), lut_ext)


def _make_norm(array: Any, norm: Any, vmin: Any, vmax: Any) -> Norm:
    needs_range = vmin is None or vmax is None
    normalize_class = loaded_class("matplotlib.colors", "Normalize")
    if needs_range and normalize_class is not None and isinstance(norm, normalize_class):
        vmin = norm.vmin if vmin is None else vmin
        vmax = norm.vmax if vmax is None else vmax
        needs_range = vmin is None or vmax is None
    if needs_range:
        norm_dtype(np.ma.getdata(array).dtype)  # reject bad dtypes before scanning
        log = _is_log(norm)
        # matplotlib's autoscale, but of the valid finite data only (one NaN
        # would make its picture transparent); no such value: a unit range
        found = finite_range(array, positive=log)
        low, high = found if found is not None else ((1, 10) if log else (0, 1))
        vmin = low if vmin is None else vmin
        vmax = high if vmax is None else vmax
    return get_norm(norm, vmin, vmax)


def _is_log(norm: Any) -> bool:
    if isinstance(norm, str):
        return norm == "log"
    log_class = loaded_class("matplotlib.colors", "LogNorm")
    return log_class is not None and isinstance(norm, log_class)
