"""``colormap``: a viewable heatmap picture that loads back as values.

The samples are exactly what ``plt.imsave(path, data, cmap=..., vmin=...,
vmax=...)`` writes: RGBA bytes of ``colorize(data)`` (matplotlib's colors to
the bit), NaN transparent. The file records the colormap's 8-bit table, so
``load`` turns each color back into the centre of the data interval that
paints that color -- no colormap lookup at load time, no decolorizer: the
picture is exact, so an exact color -> interval table suffices.

The stated ``max_error`` is half the widest such interval among the colors
in the picture: half a bin (``(vmax - vmin) / 2N``) for a map whose colors
are all distinct, more where a map repeats an 8-bit color (gray's
truncation merges neighbouring bins; a cyclic map like hsv starts and ends
on the same color, which makes its two ends indistinguishable).

``norm="log"`` colors ``log(x)`` (matplotlib's ``LogNorm``; recorded as
``params["norm"]``): bins are equal in ``log(x)``, a color stands for the
geometric centre of its interval, and the bound is that of the top interval,
``vmax * (1 - exp(-w / 2))`` for intervals ``w`` wide in ``log(x)``.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from truepix.encodings._base import (
    BaseEncoding,
    Encoded,
    EncodeOptions,
    Shape,
    count_clipped,
    float_output_dtype,
    rounding_slack,
    value_range,
)
from truepix.errors import InputError, MetadataError, ShapeError

__all__ = ["COLORMAP", "ColormapEncoding", "color_intervals", "own_extremes"]


def _codes(rgba: np.ndarray) -> np.ndarray:
    """One uint32 per RGBA color (R in the top byte)."""
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    return rgba.view(">u4").reshape(rgba.shape[:-1]).astype(np.uint32)


def color_intervals(lut_bytes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each distinct color of a table: its code and the bins it covers.

    Returns ``(codes, first, last)``: sorted uint32 color codes and, for each,
    the lowest and highest bin index painted with it.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.encodings._colormap import color_intervals
    >>> lut = np.array([[0, 0, 0, 255], [0, 0, 0, 255], [9, 9, 9, 255]], np.uint8)
    >>> codes, first, last = color_intervals(lut)
    >>> first.tolist(), last.tolist()
    ([0, 2], [1, 2])
    """
    codes = _codes(lut_bytes)
    unique, inverse = np.unique(codes, return_inverse=True)
    index = np.arange(len(codes))
    first = np.full(len(unique), len(codes), dtype=np.int64)
    last = np.full(len(unique), -1, dtype=np.int64)
    np.minimum.at(first, inverse, index)
    np.maximum.at(last, inverse, index)
    return unique, first, last


def own_extremes(entry: Any) -> dict[str, np.ndarray]:
    """A map's under/over/bad colors (RGBA bytes) that are its own: not its end colors
    (under, over) nor transparent (bad). They are recorded and decoded as the ends
    and NaN, so none may be a table color or another of them.

    Examples
    --------
    >>> import dataclasses
    >>> from truepix.color._catalog import get
    >>> entry = dataclasses.replace(get("viridis"), under=(1.0, 0.0, 0.0, 1.0))
    >>> {name: color.tolist() for name, color in own_extremes(entry).items()}
    {'under': [255, 0, 0, 255]}
    """
    lut = entry.lut_bytes
    defaults = {"under": lut[0], "over": lut[-1]}
    own = {}
    for name in ("under", "over", "bad"):
        color = (np.asarray(getattr(entry, name), dtype=np.float64) * 255).astype(np.uint8)
        if (name == "bad" and color[3] != 0) or (name != "bad" and not np.array_equal(
            color, defaults[name]
        )):  # fmt: skip
            own[name] = color
    table = set(_codes(lut).tolist())
    seen: set[int] = set()
    for name, color in own.items():
        code = int(_codes(color[None])[0])
        if code in table or code in seen or color[3] == 0:
            msg = (
                f"expected {name} color apart from the map's colors and its other extremes,"
                f" got {color.tolist()} (RGBA bytes) for {entry.name!r}"
            )
            raise InputError(msg)
        seen.add(code)
    return own


class ColormapEncoding(BaseEncoding):
    """Values as the colors of a colormap: the picture ``plt.imsave`` makes.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.encodings._colormap import COLORMAP
    >>> x = np.linspace(0.0, 1.0, 12).reshape(3, 4)
    >>> encoded = COLORMAP.encode(x, cmap="rainbow")
    >>> encoded.samples.shape, encoded.samples.dtype.name
    ((3, 4, 4), 'uint8')
    >>> y = COLORMAP.decode(encoded.samples, encoded.params, dtype=x.dtype, shape=x.shape)
    >>> bool(np.all(np.abs(y - x) <= encoded.max_error)), round(encoded.max_error, 5)
    (True, 0.00195)
    """

    name: ClassVar[str] = "colormap"
    summary: ClassVar[str] = "heatmap RGBA (plt.imsave), error <= half a color bin"
    stored_dtype: ClassVar[str | None] = "uint8"
    options: ClassVar[frozenset[str]] = frozenset({"bits", "vmin", "vmax", "cmap", "clip", "norm"})

    @staticmethod
    def extremes(cmap: Any) -> dict[str, np.ndarray]:
        """The under/over/bad colors of ``cmap`` the file records (:func:`own_extremes`);
        InputError when one is a table color (the file could not tell them apart)."""
        from truepix.color._catalog import resolve

        return own_extremes(resolve(cmap))

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        from truepix.color._catalog import resolve
        from truepix.color._colorize import colorize

        bits, cmap = options.bits, options.cmap
        if bits not in (None, 8):
            msg = f"expected bits=8 (or None) for encoding 'colormap', got {bits!r}"
            raise InputError(msg)
        out_dtype = self.output_dtype(array.dtype)
        if array.ndim not in (1, 2) or array.size == 0:
            msg = (
                f"expected a non-empty 1-D or 2-D array for encoding 'colormap', got shape"
                f" {array.shape}; hint: save each channel separately"
            )
            raise ShapeError(msg)
        entry = resolve("viridis" if cmap is None else cmap)
        if np.any(entry.lut_bytes[:, 3] == 0):
            msg = f"expected an opaque colormap, got {entry.name!r} with transparent colors"
            raise InputError(msg)
        values = np.asarray(array, dtype=np.float64)
        norm = "linear" if options.norm is None else options.norm
        if norm not in ("linear", "log"):
            msg = f"expected norm 'linear' or 'log' for encoding 'colormap', got {norm!r}"
            raise InputError(msg)
        if norm == "log":  # the range of the positive values: LogNorm's own
            positive = np.where(values > 0, values, np.nan)
            low, high = value_range(positive, options.vmin, options.vmax)
            if not low > 0:
                msg = f"expected vmin > 0 for norm 'log', got vmin={low!r}"
                raise InputError(msg)
        else:
            low, high = value_range(values, options.vmin, options.vmax)
        nan = np.isnan(values)
        clipped = count_clipped(
            values,
            low,
            high,
            clip=options.clip,
            encoding=self.name,
            hint="widen vmin/vmax or pass clip=True",
        )
        own = own_extremes(entry)
        data: np.ndarray = array
        if options.clip and not own.keys() & {"under", "over"}:
            # floats keep their precision (matplotlib bins float32 in float32)
            data = np.clip(array if array.dtype.kind == "f" else values, low, high)
        samples = colorize(data, cmap=entry, vmin=low, vmax=high, norm=norm)
        if "bad" not in own:
            samples[nan] = 0  # transparent, whatever the map's bad color
        n_colors = entry.n_colors
        params: dict[str, Any] = {
            "cmap": entry.name,
            "vmin": low,
            "vmax": high,
            "n_colors": n_colors,
            "lut": entry.lut_bytes.tobytes().hex(),
            "clipped": clipped,
        }
        if norm == "log":
            params["norm"] = "log"
        params.update({name: color.tobytes().hex() for name, color in own.items()})
        codes, first, last = color_intervals(entry.lut_bytes)
        used = np.isin(codes, np.unique(_codes(samples[~nan]))) if (~nan).any() else codes < 0
        widest = int((last - first + 1)[used].max()) if used.any() else 1
        # The bin of a value is computed in the data's float precision
        # (matplotlib normalizes float32 in float32): allow that rounding too.
        eps = float(np.finfo(np.result_type(array.dtype, np.float32)).eps)
        norm_slack = 4 * eps * (abs(low) + abs(high))
        if norm == "log":  # the top interval is the widest in x
            half = widest * np.log(high / low) / n_colors / 2
            spread = high * -np.expm1(-half) + 8 * eps * high * max(1.0, np.log(high / low))
        else:
            spread = widest * (high - low) / n_colors / 2
        max_error = spread + norm_slack + rounding_slack(max(abs(low), abs(high)), out_dtype)
        return Encoded(samples, params, max_error)

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
    ) -> np.ndarray:
        try:
            n_colors = int(params["n_colors"])
            lut = np.frombuffer(bytes.fromhex(params["lut"]), dtype=np.uint8).reshape(n_colors, 4)
            low, high = float(params["vmin"]), float(params["vmax"])
        except (KeyError, ValueError, TypeError) as exc:
            msg = f"expected colormap parameters (n_colors, lut, vmin, vmax), got {params!r}"
            raise MetadataError(msg) from exc
        if samples.shape != (*shape, 4) or samples.dtype != np.uint8:
            msg = f"expected {(*shape, 4)} uint8 samples, got {samples.shape} {samples.dtype}"
            raise MetadataError(msg)
        codes, first, last = color_intervals(lut)
        # each color stands for the centre of the data interval it paints
        middle = (first + last + 1) / 2 / n_colors
        if params.get("norm", "linear") == "log":  # the centre in log(x)
            centres = np.exp(np.log(low) + middle * np.log(high / low))
        else:
            centres = low + middle * (high - low)
        picture = _codes(samples)
        slot = np.clip(np.searchsorted(codes, picture), 0, len(codes) - 1)
        values = centres[slot]
        values[(codes[slot] != picture) | (samples[..., 3] == 0)] = np.nan
        # colors of its own: under and over stand for the ends (as clip does), bad for NaN
        for name, value in (("under", low), ("over", high), ("bad", np.nan)):
            if name in params:
                color = np.frombuffer(bytes.fromhex(str(params[name])), dtype=np.uint8)
                values[picture == _codes(color[None])[0]] = value
        return values.astype(float_output_dtype(dtype), copy=False)


COLORMAP = ColormapEncoding()
