"""The colormap catalog: every map truepix knows, by one unambiguous name.

Three sources, each loaded only when one of its maps is asked for:

``matplotlib``
    every colormap registered in :data:`matplotlib.colormaps` (its own
    ``_r`` variants included), under its matplotlib name: ``"viridis"``.
``cmap:<namespace>``
    the families of the `cmap <https://cmap-docs.readthedocs.io>`_ package
    (colorcet, cmocean, crameri, cmasher, colorbrewer, ...), under cmap's
    namespaced name: ``"cmocean:thermal"``. The table is the one matplotlib
    uses for that map (``cmap.Colormap(name).to_mpl()``). cmap's
    ``matplotlib`` namespace is left out: those maps are matplotlib's own.
``opencv``
    OpenCV's ``COLORMAP_*`` tables as ``"opencv:jet"`` (OpenCV's jet is not
    matplotlib's). OpenCV is not a dependency: the tables ship as data,
    built by ``tools/build_opencv_colormaps.py``. ``applyColorMap`` paints value
    v with entry v, so these maps are *indexed*: entry k stands for k / (N - 1).
``matlab``
    MATLAB's maps as MATLAB draws them (``"matlab:jet"``, ``"matlab:parula"``,
    ``"matlab:jet_64"`` for the 64-entry tables): see ``_matlab``. The ``cmap``
    package's ``matlab`` namespace is left out: its tables are matplotlib's.

Any name followed by ``_r`` is the reversed map. The tables are the ones the
sources draw with, never copied into Python literals.

Examples
--------
>>> from truepix.color._catalog import catalog, get
>>> entry = get("viridis")
>>> entry.lut.shape, entry.lut_bytes.dtype, entry.source
((256, 4), dtype('uint8'), 'matplotlib')
>>> "opencv:jet" in catalog, "virdis" in catalog
(True, False)
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np

from truepix._lazy import loaded_class
from truepix._validate import described
from truepix.errors import UnknownColormapError, UnsupportedDtypeError

__all__ = [
    "ColormapCatalog",
    "ColormapEntry",
    "catalog",
    "colormaps",
    "get",
    "names",
    "resolve",
]

# Maps whose two ends meet; cmap's own category says it for its maps.
_CYCLIC_MATPLOTLIB = frozenset({"twilight", "twilight_shifted", "hsv"})
_CYCLIC_OPENCV = frozenset({"hsv", "twilight", "twilight_shifted"})
# Fewer entries than this and a map is a set of distinct colors (tab10, Set1,
# colorbrewer's 3..12-class maps, and get_cmap(name, 8) -- a LinearSegmentedColormap
# that paints 8 colors alone), not a continuous ramp.
_DISCRETE_BELOW = 64
_TRANSPARENT = (0.0, 0.0, 0.0, 0.0)

_lock = threading.Lock()


def _readonly(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class ColormapEntry:
    """One colormap: its table and what it is.

    Attributes
    ----------
    name : str
        The catalog name (``"viridis"``, ``"cmocean:thermal_r"``, ``"opencv:jet"``),
        or a description for maps given as objects or color arrays.
    lut : numpy.ndarray
        (N, 4) float64 RGBA in [0, 1]: the table matplotlib indexes with
        ``floor(x * N)``. Read-only.
    lut_bytes : numpy.ndarray
        (N, 4) uint8: what matplotlib draws with ``bytes=True``, i.e.
        ``(lut * 255).astype(np.uint8)`` (truncation, not rounding). Read-only.
    lut_rounded : numpy.ndarray
        (N, 4) uint8: the table rounded half up, ``floor(lut * 255 + 0.5)``, as
        Agg paints the faces of pcolormesh, pcolor and contourf (its ``rgba8``
        conversion) and MATLAB writes pictures. Read-only.
    source : str
        ``"matplotlib"``, ``"cmap:<namespace>"``, ``"opencv"`` or ``"array"``.
    cyclic : bool
        Whether the two ends of the map are meant to meet (twilight, hsv, ...).
    discrete : bool
        Whether the map is a short list of distinct colors (tab10, Set1 ...)
        rather than a continuous ramp.
    under, over, bad : numpy.ndarray
        (4,) float64 RGBA for values below 0, above 1 and invalid values;
        matplotlib's defaults are the first color, the last color and
        transparent black.
    indexed : bool
        Entry k stands for the value k / (N - 1) (OpenCV's ``applyColorMap``)
        rather than for matplotlib's bin ``[k, k + 1) / N``.

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> jet = get("jet")
    >>> jet.lut_bytes[0].tolist(), jet.n_colors, jet.cyclic
    ([0, 0, 127, 255], 256, False)
    """

    name: str
    lut: np.ndarray
    source: str
    cyclic: bool = False
    discrete: bool = False
    under: np.ndarray = None  # type: ignore[assignment]  # None: matplotlib's default
    over: np.ndarray = None  # type: ignore[assignment]
    bad: np.ndarray = None  # type: ignore[assignment]
    indexed: bool = False
    lut_bytes: np.ndarray = field(init=False, repr=False)
    lut_rounded: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lut = _readonly(np.array(self.lut, dtype=np.float64, order="C"))
        object.__setattr__(self, "lut", lut)
        # matplotlib truncates: (lut * 255).astype(uint8), so 0.999 -> 254.
        object.__setattr__(self, "lut_bytes", _readonly((lut * 255).astype(np.uint8)))
        rounded = np.floor(lut * 255 + 0.5).astype(np.uint8)
        object.__setattr__(self, "lut_rounded", _readonly(rounded))
        defaults = {"under": lut[0], "over": lut[-1], "bad": _TRANSPARENT}
        for attr, default in defaults.items():
            value = getattr(self, attr)
            rgba = np.array(default if value is None else value, dtype=np.float64)
            object.__setattr__(self, attr, _readonly(rgba))

    @property
    def n_colors(self) -> int:
        """Number of entries N of the table."""
        return int(self.lut.shape[0])

    def reversed(self) -> ColormapEntry:
        """The same map drawn from high to low (the ``_r`` variant).

        For catalog maps prefer ``get(name + "_r")``: matplotlib resamples
        reversed segment maps, which can differ from ``lut[::-1]`` in the last bit.
        """
        name = self.name[:-2] if self.name.endswith("_r") else self.name + "_r"
        return ColormapEntry(
            name,
            self.lut[::-1],
            self.source,
            cyclic=self.cyclic,
            discrete=self.discrete,
            under=self.over,
            over=self.under,
            bad=self.bad,
            indexed=self.indexed,
        )

    def __repr__(self) -> str:
        return (
            f"ColormapEntry(name={self.name!r}, n_colors={self.n_colors}, "
            f"source={self.source!r}, cyclic={self.cyclic}, discrete={self.discrete})"
        )


# ---------------------------------------------------------------- sources


def _matplotlib_names() -> list[str]:
    import matplotlib

    return list(matplotlib.colormaps)


@functools.cache
def _cmap_names() -> dict[str, str]:
    """cmap's namespaced names -> namespace, without its copies of matplotlib maps."""
    from cmap import Catalog

    registered = set(_matplotlib_names())
    result: dict[str, str] = {}
    for name in sorted(Catalog().unique_keys(prefer_short_names=False)):
        namespace, _, short = name.partition(":")
        if (namespace == "matplotlib" and short in registered) or namespace == "matlab":
            continue  # matplotlib's own maps (cmap's "matlab" ones are matplotlib's too)
        result[name] = namespace
    return result


@functools.cache
def _opencv_tables() -> dict[str, np.ndarray]:
    with resources.files("truepix.color").joinpath("data/opencv.npz").open("rb") as handle:
        with np.load(handle) as data:
            return {
                f"opencv:{key}": _readonly(np.array(data[key], dtype=np.uint8))
                for key in data.files
                if not key.startswith("__")
            }


def _from_matplotlib(colormap: Any, name: str, source: str, cyclic: bool) -> ColormapEntry:
    # Integer input indexes the table directly: the public way to read it whole.
    index = np.arange(colormap.N)
    rgba = np.asarray(colormap(index), dtype=np.float64)
    return ColormapEntry(
        name,
        rgba,
        source,
        cyclic=cyclic,
        discrete=colormap.N < _DISCRETE_BELOW,  # (get_cmap(name, 8): 8 colors, listed or not)
        under=np.asarray(colormap.get_under(), dtype=np.float64),
        over=np.asarray(colormap.get_over(), dtype=np.float64),
        bad=np.asarray(colormap.get_bad(), dtype=np.float64),
    )


def _load_matplotlib(name: str) -> ColormapEntry:
    import matplotlib

    base = name.removesuffix("_r")
    return _from_matplotlib(
        matplotlib.colormaps[name], name, "matplotlib", base in _CYCLIC_MATPLOTLIB
    )


def _load_cmap(name: str, reverse: bool) -> ColormapEntry:
    from cmap import Colormap

    colormap = Colormap(name)
    mpl = _cmap_to_matplotlib(colormap)
    if reverse:
        mpl = mpl.reversed()
    entry = _from_matplotlib(
        mpl,
        name + ("_r" if reverse else ""),
        f"cmap:{_cmap_names()[name]}",
        colormap.category == "cyclic",
    )
    if colormap.category == "qualitative" and not entry.discrete:
        entry = dataclasses.replace(entry, discrete=True)
    return entry


def _cmap_to_matplotlib(colormap: Any) -> Any:
    """``colormap.to_mpl()``: the same table, without converting color by color.

    cmap's own conversion hands matplotlib's ``from_list`` its color stops one
    ``Color`` object at a time, each converted on its own; the segment data
    ``from_list`` makes of them -- (position, value, value) per channel -- come
    straight from the stops' positions and color array. The tests compare the two
    for every map of the catalog.
    """
    import matplotlib.colors as mcolors

    stops = colormap.color_stops
    rgba = np.asarray(stops.color_array, dtype=np.float64)
    converted: mcolors.Colormap
    if colormap.interpolation == "nearest":
        converted = mcolors.ListedColormap(rgba, name=colormap.name)
    else:
        positions = np.asarray(stops.stops, dtype=np.float64)
        segments: Any = {
            channel: np.column_stack([positions, rgba[:, k], rgba[:, k]])
            for k, channel in enumerate(("red", "green", "blue", "alpha"))
        }
        converted = mcolors.LinearSegmentedColormap(colormap.name, segments, N=256)
    bad = colormap.nan_color if colormap.bad_color is None else colormap.bad_color
    return converted.with_extremes(bad=bad, over=colormap.over_color, under=colormap.under_color)


def _load_opencv(name: str, reverse: bool) -> ColormapEntry:
    table = _opencv_tables()[name]
    rgba = np.concatenate([table, np.full((len(table), 1), 255, np.uint8)], axis=1)
    if reverse:
        rgba = rgba[::-1]
    # b / 255 * 255 truncates back to b for every byte, so lut_bytes == table.
    return ColormapEntry(
        name + ("_r" if reverse else ""),
        rgba / 255.0,
        "opencv",
        cyclic=name.removeprefix("opencv:") in _CYCLIC_OPENCV,
        indexed=True,
    )


def _load_matlab(name: str, reverse: bool) -> ColormapEntry | None:
    from truepix.color import _matlab

    table = _matlab.table(name)
    if table is None:
        return None
    rgba = np.column_stack([table, np.ones(len(table))])
    short = name.removeprefix("matlab:").removesuffix("_64")
    return ColormapEntry(
        name + ("_r" if reverse else ""), rgba[::-1] if reverse else rgba, "matlab",
        cyclic=short == "hsv", discrete=short in _matlab.DISCRETE,
    )  # fmt: skip


_loaded: dict[str, ColormapEntry] = {}


def _load(name: str) -> ColormapEntry | None:
    """The entry for an exact catalog name, or None (unknown names are not cached)."""
    entry = _loaded.get(name)
    if entry is None:
        entry = _load_uncached(name)
        if entry is not None:
            _loaded[name] = entry
    return entry


def _load_uncached(name: str) -> ColormapEntry | None:
    from truepix.color._mpl_tables import matplotlib_entry

    entry = matplotlib_entry(name, _load_matplotlib)  # built-in maps: no matplotlib import
    if entry is not None or ":" not in name:
        return entry
    base, reverse = (name[:-2], True) if name.endswith("_r") else (name, False)
    if name.startswith("opencv:"):
        if base in _opencv_tables():
            return _load_opencv(base, reverse)
        return None
    if name.startswith("matlab:"):
        return _load_matlab(name, False) or _load_matlab(base, reverse)
    for candidate, flip in ((name, False), (base, reverse)):
        if candidate in _cmap_names():
            return _load_cmap(candidate, flip)
    from truepix.color._aliases import cmap_aliases

    for candidate, flip in ((name, False), (base, reverse)):
        canonical = cmap_aliases().get(candidate.lower())
        if canonical is not None:
            return _load_cmap(canonical, flip)
    return None


# ---------------------------------------------------------------- public lookups


def names() -> list[str]:
    """Every catalog name, sorted case-insensitively.

    matplotlib's names include the ``_r`` variants it registers; for the
    other sources any listed name plus ``"_r"`` also works.

    Examples
    --------
    >>> from truepix.color._catalog import names
    >>> all_names = names()
    >>> len(all_names) >= 300, "viridis" in all_names, "opencv:turbo" in all_names
    (True, True, True)
    """
    from truepix.color import _matlab

    everything = [*_matplotlib_names(), *_cmap_names(), *_opencv_tables(), *_matlab.names()]
    return sorted(everything, key=lambda n: (n.lower(), n))


def colormaps() -> list[str]:
    """List the names of every colormap truepix knows (at least 300).

    matplotlib's registered maps keep their names (``"viridis"``,
    ``"jet_r"``); the `cmap` package's families are namespaced
    (``"cmocean:thermal"``, ``"crameri:batlow"``, ``"colorcet:CET_L1"``) and
    OpenCV's tables are ``"opencv:<name>"``. Any name plus ``"_r"`` is the
    reversed map. Every name works as ``cmap=`` throughout truepix.

    Returns
    -------
    list of str
        Sorted case-insensitively.

    Examples
    --------
    >>> import truepix as tp
    >>> names = tp.colormaps()
    >>> len(names) >= 300
    True
    >>> [n for n in names if n.startswith("opencv:")][:3]
    ['opencv:autumn', 'opencv:bone', 'opencv:cividis']
    """
    return names()


def _unknown(name: str) -> UnknownColormapError:
    from truepix.color._aliases import cmap_aliases

    choices = [*names(), *cmap_aliases()]  # "colorcet:fir" -> "colorcet:fire" too
    # "thermal" should point at "cmocean:thermal": match the part after the colon first.
    same_short = [c for c in choices if c.partition(":")[2].lower() == name.lower()]
    if same_short:
        hint = " did you mean " + " or ".join(repr(c) for c in same_short[:3]) + "?"
    else:
        from truepix.errors import did_you_mean

        hint = did_you_mean(name, choices)
    if not hint:
        hint = " see truepix.colormaps() for the names."
    return UnknownColormapError(f"expected a colormap name, got {name!r};{hint}")


def get(name: str, /) -> ColormapEntry:
    """Look up a colormap by catalog name.

    Parameters
    ----------
    name : str
        A name from :func:`names`, optionally followed by ``_r``. A name that
        differs from a catalog name only in case is accepted when that is unique.

    Returns
    -------
    ColormapEntry

    Raises
    ------
    UnknownColormapError
        (a ``KeyError``) for names not in the catalog, with a did-you-mean.

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> get("cmocean:thermal").source
    'cmap:cmocean'
    >>> get("opencv:jet").lut_bytes[0, :3].tolist()  # OpenCV's jet starts darker
    [0, 0, 128]
    >>> get("jte")
    Traceback (most recent call last):
    ...
    truepix.errors.UnknownColormapError: expected a colormap name, got 'jte'; did you mean 'jet'?
    """
    if not isinstance(name, str):
        msg = f"expected a colormap name (str), got {type(name).__name__}"
        raise UnsupportedDtypeError(msg)
    with _lock:
        entry = _load(name)
        if entry is None:
            folded = [c for c in names() if c.lower() == name.lower()]
            if len(folded) == 1:
                entry = _load(folded[0])
            elif name.lower().endswith("_r"):
                folded = [c for c in names() if c.lower() == name[:-2].lower()]
                if len(folded) == 1:
                    entry = _load(folded[0] + "_r")
    if entry is None:
        raise _unknown(name)
    return entry


def _from_colors(colors: Any, name: str) -> ColormapEntry:
    from truepix.color._color_arrays import color_table

    return ColormapEntry(name, color_table(colors), "array")


def resolve(cmap: Any, /) -> ColormapEntry:
    """Turn anything that names or holds a colormap into a :class:`ColormapEntry`.

    Parameters
    ----------
    cmap : str, ColormapEntry, matplotlib Colormap, cmap.Colormap, Colorbar or array
        A catalog name; a matplotlib ``Colormap`` object (its own under, over
        and bad colors are kept); a ``cmap.Colormap``; a
        :class:`~truepix.Colorbar` found in a picture (the catalog map it was
        drawn from when its colors fit one closely, else its own colors); or
        an (N, 3) / (N, 4) array of colors, uint8 or other integers (0..255;
        integers that are all 0 or 1 are read as matplotlib reads them, floats)
        or float (in [0, 1]), from low to high.

    Returns
    -------
    ColormapEntry

    Examples
    --------
    >>> import numpy as np, matplotlib
    >>> from truepix.color._catalog import resolve
    >>> resolve(matplotlib.colormaps["magma"]).name
    'magma'
    >>> resolve(np.array([[0, 0, 0], [255, 255, 255]], np.uint8)).lut_bytes.tolist()
    [[0, 0, 0, 255], [255, 255, 255, 255]]
    >>> resolve([[68, 1, 84], [253, 231, 37]]).lut_bytes[:, :3].tolist()  # a list of ints
    [[68, 1, 84], [253, 231, 37]]
    """
    if isinstance(cmap, ColormapEntry):
        return cmap
    if isinstance(cmap, str):
        return get(cmap)
    # Only an imported module can have made the object: no import needed to test.
    colormap_class = loaded_class("matplotlib.colors", "Colormap")
    if colormap_class is not None and isinstance(cmap, colormap_class):
        if not hasattr(cmap, "N") or getattr(cmap, "n_variates", 1) != 1:
            msg = f"expected a one-variable colormap, got {type(cmap).__name__}"
            raise UnsupportedDtypeError(msg)
        base = str(cmap.name).removesuffix("_r")
        return _from_matplotlib(cmap, str(cmap.name), "matplotlib", base in _CYCLIC_MATPLOTLIB)
    cmap_class = loaded_class("cmap", "Colormap")  # imported by another thread: maybe not yet
    if cmap_class is not None and isinstance(cmap, cmap_class):
        return _from_matplotlib(cmap.to_mpl(), str(cmap.name), "cmap", cmap.category == "cyclic")
    if callable(getattr(cmap, "colormap_entry", None)) and hasattr(cmap, "colors"):
        # A Colorbar (less a triangle's rows): its catalog map's exact table, else its colors
        bar = cmap.inner() if callable(getattr(cmap, "inner", None)) else cmap
        entry = bar.colormap_entry()  # (spread by their places: a gray copy's runs are uneven)
        colors = bar.even_colors() if callable(getattr(bar, "even_colors", None)) else bar.colors
        made = entry if entry is not None else _from_colors(colors, "colorbar")
        return bar.extended(made) if callable(getattr(bar, "extended", None)) else made
    if isinstance(cmap, (list, tuple, np.ndarray)):
        return _from_colors(cmap, "custom")
    msg = (
        f"expected a colormap name, Colormap or colorbar, got {described(cmap)}; hint: pass a name"
        " ('viridis'; truepix.identify_colormap(picture) finds it), a matplotlib Colormap,"
        " a Colorbar or an (N, 3) color array"
    )
    raise UnsupportedDtypeError(msg)


class ColormapCatalog(Mapping[str, ColormapEntry]):
    """Read-only mapping of catalog names to :class:`ColormapEntry`.

    Lookups follow the Mapping contract: a missing name raises a ``KeyError``
    (:class:`~truepix.errors.UnknownColormapError`, with a did-you-mean), so
    ``in`` and ``.get`` work. Any listed name plus ``_r`` is also a key.

    Examples
    --------
    >>> from truepix.color._catalog import catalog
    >>> catalog["crameri:batlow"].source
    'cmap:crameri'
    >>> catalog.get("no-such-map") is None
    True
    """

    def __getitem__(self, name: str) -> ColormapEntry:
        if not isinstance(name, str):
            raise UnknownColormapError(f"expected a colormap name (str), got {name!r}")
        return get(name)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            get(name)
        except UnknownColormapError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(names())

    def __len__(self) -> int:
        return len(names())

    def __repr__(self) -> str:
        return f"<ColormapCatalog of {len(self)} colormaps>"


catalog = ColormapCatalog()
