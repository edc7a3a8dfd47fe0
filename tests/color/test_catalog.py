"""The colormap catalog against the libraries that draw the maps."""

from __future__ import annotations

import cmap
import cv2
import matplotlib
import numpy as np
import pytest

import truepix as tp
from truepix.color import _catalog
from truepix.color._catalog import ColormapEntry, catalog, get, resolve
from truepix.errors import InputError, ShapeError, UnknownColormapError, UnsupportedDtypeError

MATPLOTLIB_NAMES = list(matplotlib.colormaps)
CMAP_NAMES = list(_catalog._cmap_names())
# one map of every cmap namespace keeps the default run fast; --runslow checks them all
CMAP_SAMPLE = sorted({name.partition(":")[0]: name for name in CMAP_NAMES}.values())
OPENCV_CODES = {
    name.removeprefix("COLORMAP_").lower(): getattr(cv2, name)
    for name in dir(cv2)
    if name.startswith("COLORMAP_")
}


def _mpl_table(colormap: matplotlib.colors.Colormap) -> tuple[np.ndarray, np.ndarray]:
    index = np.arange(colormap.N)
    return colormap(index), colormap(index, bytes=True)


def test_catalog_lists_at_least_300_unique_names_from_every_source() -> None:
    names = tp.colormaps()
    assert len(names) >= 300
    assert len(set(names)) == len(names)
    sources = {get(name).source.partition(":")[0] for name in names[::7]}
    assert {"matplotlib", "cmap", "opencv"} <= sources
    assert set(MATPLOTLIB_NAMES) <= set(names)
    assert {f"opencv:{name}" for name in OPENCV_CODES} <= set(names)
    assert len(catalog) == len(names)
    assert list(catalog) == names


@pytest.mark.parametrize("name", MATPLOTLIB_NAMES)
def test_matplotlib_tables_are_matplotlibs(name: str) -> None:
    entry = get(name)
    lut, lut_bytes = _mpl_table(matplotlib.colormaps[name])
    assert entry.source == "matplotlib"
    assert entry.lut.dtype == np.float64
    np.testing.assert_array_equal(entry.lut, lut)
    np.testing.assert_array_equal(entry.lut_bytes, lut_bytes)
    np.testing.assert_array_equal(entry.under, matplotlib.colormaps[name].get_under())
    np.testing.assert_array_equal(entry.over, matplotlib.colormaps[name].get_over())
    np.testing.assert_array_equal(entry.bad, matplotlib.colormaps[name].get_bad())


def _check_cmap(name: str) -> None:
    expected = cmap.Colormap(name).to_mpl()
    for suffix, mpl in (("", expected), ("_r", expected.reversed())):
        entry = get(name + suffix)
        lut, lut_bytes = _mpl_table(mpl)
        assert entry.name == name + suffix
        assert entry.source == f"cmap:{name.partition(':')[0]}"
        np.testing.assert_array_equal(entry.lut, lut)
        np.testing.assert_array_equal(entry.lut_bytes, lut_bytes)


@pytest.mark.parametrize("name", CMAP_SAMPLE)
def test_cmap_tables_are_what_matplotlib_draws_with(name: str) -> None:
    _check_cmap(name)


@pytest.mark.slow
def test_every_cmap_table_is_what_matplotlib_draws_with() -> None:
    for name in CMAP_NAMES:
        _check_cmap(name)


@pytest.mark.parametrize("name", sorted(OPENCV_CODES))
def test_opencv_tables_are_what_apply_color_map_paints(name: str) -> None:
    ramp = np.arange(256, dtype=np.uint8).reshape(16, 16)
    painted = cv2.applyColorMap(ramp, OPENCV_CODES[name])[..., ::-1]
    entry = get(f"opencv:{name}")
    assert entry.source == "opencv"
    np.testing.assert_array_equal(entry.lut_bytes[ramp, :3], painted)
    np.testing.assert_array_equal(entry.lut_bytes[:, 3], 255)
    # lut_bytes keeps matplotlib's truncation semantics for the float table
    np.testing.assert_array_equal((entry.lut * 255).astype(np.uint8), entry.lut_bytes)
    reversed_entry = get(f"opencv:{name}_r")
    np.testing.assert_array_equal(reversed_entry.lut_bytes, entry.lut_bytes[::-1])


def test_opencv_jet_is_not_matplotlib_jet() -> None:
    assert not np.array_equal(get("opencv:jet").lut_bytes, get("jet").lut_bytes)


@pytest.mark.parametrize(
    ("name", "cyclic"),
    [
        ("twilight", True),
        ("twilight_shifted_r", True),
        ("hsv", True),
        ("viridis", False),
        ("opencv:hsv", True),
        ("opencv:jet", False),
        ("crameri:romaO", True),
        ("crameri:batlow", False),
    ],
)
def test_cyclic_flags(name: str, cyclic: bool) -> None:
    assert get(name).cyclic is cyclic


@pytest.mark.parametrize(
    ("name", "discrete"),
    [
        ("tab10", True),
        ("Set1_r", True),
        ("colorbrewer:Blues_3", True),
        ("glasbey:glasbey", True),
        ("viridis", False),
        ("flag", False),
        ("cmocean:thermal", False),
    ],
)
def test_discrete_flags(name: str, discrete: bool) -> None:
    assert get(name).discrete is discrete


def test_tables_are_read_only() -> None:
    entry = get("viridis")
    with pytest.raises(ValueError, match="read-only"):
        entry.lut[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        entry.lut_bytes[0, 0] = 1


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("virdis", "'viridis'"),
        ("jte", "'jet'"),
        ("thermal", "'cmocean:thermal'"),
        ("opencv:jte", "'opencv:jet'"),
    ],
)
def test_unknown_names_get_a_did_you_mean(name: str, suggestion: str) -> None:
    with pytest.raises(UnknownColormapError, match=f"got {name!r}; did you mean {suggestion}"):
        get(name)
    with pytest.raises(KeyError):
        catalog[name]
    assert name not in catalog
    assert catalog.get(name) is None


def test_lookups_follow_the_mapping_contract() -> None:
    assert "viridis" in catalog
    assert "cmocean:thermal_r" in catalog
    assert "Viridis" in catalog  # unique case-insensitive match
    assert catalog["VIRIDIS"].name == "viridis"
    assert 3 not in catalog
    with pytest.raises(KeyError):
        catalog[3]  # type: ignore[index]
    with pytest.raises(UnsupportedDtypeError):
        get(3)  # type: ignore[arg-type]


def test_resolve_keeps_a_colormap_objects_extremes() -> None:
    mpl = matplotlib.colormaps["plasma"].with_extremes(under="red", over="blue", bad="white")
    entry = resolve(mpl)
    np.testing.assert_array_equal(entry.under, [1, 0, 0, 1])
    np.testing.assert_array_equal(entry.over, [0, 0, 1, 1])
    np.testing.assert_array_equal(entry.bad, [1, 1, 1, 1])
    np.testing.assert_array_equal(entry.lut, get("plasma").lut)
    assert resolve(entry) is entry


def test_resolve_accepts_cmap_objects() -> None:
    entry = resolve(cmap.Colormap("cmocean:deep"))
    np.testing.assert_array_equal(entry.lut, get("cmocean:deep").lut)


def test_resolve_accepts_color_arrays() -> None:
    colors = np.array([[0, 0, 0], [128, 64, 32], [255, 255, 255]], dtype=np.uint8)
    entry = resolve(colors)
    np.testing.assert_array_equal(entry.lut_bytes[:, :3], colors)
    np.testing.assert_array_equal(entry.lut_bytes[:, 3], 255)
    float_entry = resolve(colors / 255.0)
    np.testing.assert_array_equal(float_entry.lut_bytes, entry.lut_bytes)
    # floats truncate to bytes like matplotlib's bytes=True
    mpl = matplotlib.colors.ListedColormap([[0.999, 0.5, 0.0]] * 2)
    np.testing.assert_array_equal(
        resolve([[0.999, 0.5, 0.0]] * 2).lut_bytes, mpl(np.arange(2), bytes=True)
    )
    # a Python list of 0..255 ints (int64) is bytes; ints that are all 0 or 1 are read
    # as matplotlib reads them, floats in [0, 1]
    np.testing.assert_array_equal(resolve(colors.tolist()).lut_bytes, entry.lut_bytes)
    blue_red = [[0, 0, 1], [1, 0, 0]]
    np.testing.assert_array_equal(
        resolve(blue_red).lut_bytes,
        matplotlib.colors.ListedColormap(blue_red)(np.arange(2), bytes=True),
    )


@pytest.mark.parametrize(
    ("colors", "error"),
    [
        (np.zeros((1, 3)), ShapeError),
        (np.zeros((5, 2)), ShapeError),
        (np.zeros(5), ShapeError),
        (np.full((4, 3), 1.5), InputError),
        (np.full((4, 3), np.nan), InputError),
        (np.full((4, 3), 256, dtype=np.int64), InputError),
        ([[0, 0, 0], [-1, 0, 0]], InputError),
        (np.zeros((4, 3), dtype=complex), UnsupportedDtypeError),
        (object(), UnsupportedDtypeError),
    ],
)
def test_resolve_rejects_what_is_not_a_colormap(colors: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="expected"):
        resolve(colors)


def test_entry_reversed_swaps_ends() -> None:
    entry = get("opencv:jet")
    flipped = entry.reversed()
    assert flipped.name == "opencv:jet_r"
    np.testing.assert_array_equal(flipped.lut, entry.lut[::-1])
    np.testing.assert_array_equal(flipped.under, entry.over)
    assert isinstance(flipped, ColormapEntry)
    assert flipped.reversed().name == "opencv:jet"


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("colorcet:fire", "colorcet:CET_L3"),
        ("colorcet:bmy", "colorcet:CET_L8"),
        ("colorcet:kbc", "colorcet:CET_L6"),
        ("colorcet:gray", "colorcet:CET_L1"),
        ("colorcet:coolwarm", "colorcet:CET_D1"),
        ("colorcet:rainbow", "colorcet:CET_R1"),
        ("colorcet:Fire_r", "colorcet:CET_L3_r"),
    ],
)
def test_family_aliases_resolve_as_the_cmap_package_does(alias: str, canonical: str) -> None:
    """A family's own names for its maps (colorcet's descriptive ones) are the same
    tables, the way ``cmap.Colormap`` resolves them."""
    entry = get(alias)
    assert entry.name == canonical
    assert np.array_equal(entry.lut_bytes, get(canonical).lut_bytes)
    reference = cmap.Colormap(alias.removesuffix("_r").lower())
    assert reference.name.lower() == canonical.removesuffix("_r").lower()
    assert alias not in tp.colormaps()  # listed once, under the catalog name
    with pytest.raises(UnknownColormapError, match="colorcet:fire"):
        get("colorcet:fir")


def test_the_docs_quote_the_catalogs_size() -> None:
    """README and docs state the number ``len(tp.colormaps())`` gives in a fresh
    interpreter (a package imported before it, such as seaborn, registers its own maps
    with matplotlib, and the catalog lists them too: 12 more with seaborn)."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    fresh = [sys.executable, "-c", "import truepix as tp; print(len(tp.colormaps()))"]
    count = int(subprocess.run(fresh, capture_output=True, text=True, check=True).stdout)
    quoted = {
        "README.md": r"lists (\d+) maps",
        "docs/colormaps.md": r"^(\d+) maps \(",
        "docs/web.md": r"the catalog of (\d+) names",
    }
    for name, pattern in quoted.items():
        numbers = re.findall(pattern, (root / name).read_text(), flags=re.MULTILINE)
        assert numbers and all(int(n) == count for n in numbers), (name, numbers, count)
