"""The identification tables' disk cache gives back exactly the tables it was given,
and its key follows the catalog (a newly registered matplotlib map changes it)."""

from __future__ import annotations

import dataclasses

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import ListedColormap

from truepix.color._catalog import names
from truepix.color._identify import _match, _tables_cache


@pytest.fixture(scope="module")
def built() -> _match._Tables:
    return _match._build(names())


def test_round_trip_is_exact(built, tmp_path) -> None:
    fields = dataclasses.asdict(built)
    _tables_cache.write("a" * 32, fields, folder=tmp_path)
    stored = _tables_cache.read("a" * 32, folder=tmp_path)
    assert stored is not None
    tables = _match._Tables(**stored)
    assert tables.names == built.names
    assert tables.aliases == built.aliases
    assert tables.turned == built.turned
    for field in ("luts", "rounded", "sizes", "cluster"):
        ours, theirs = getattr(tables, field), getattr(built, field)
        assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
        assert np.array_equal(ours, theirs)


def test_process_tables_equal_a_fresh_build(built) -> None:
    # whether this process read them from the disk or built them
    tables = _match._candidates()
    assert tables.names == built.names and tables.aliases == built.aliases
    assert tables.turned == built.turned
    assert np.array_equal(tables.luts, built.luts)
    assert np.array_equal(tables.cluster, built.cluster)


def test_other_key_or_broken_file_reads_nothing(built, tmp_path) -> None:
    _tables_cache.write("b" * 32, dataclasses.asdict(built), folder=tmp_path)
    assert _tables_cache.read("c" * 32, folder=tmp_path) is None
    (tmp_path / f"identify_tables.{'d' * 32}.npz").write_bytes(b"not a zip file")
    assert _tables_cache.read("d" * 32, folder=tmp_path) is None


def test_new_key_replaces_the_stale_file(built, tmp_path) -> None:
    fields = dataclasses.asdict(built)
    _tables_cache.write("e" * 32, fields, folder=tmp_path)
    _tables_cache.write("f" * 32, fields, folder=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f"identify_tables.{'f' * 32}.npz"]


def test_registering_a_matplotlib_map_changes_the_key() -> None:
    before = _tables_cache.key(names())
    colors = np.random.default_rng(3).random((64, 3))
    matplotlib.colormaps.register(ListedColormap(colors, name="tp_test_cache_map"))
    try:
        assert _tables_cache.key(names()) != before
    finally:
        matplotlib.colormaps.unregister("tp_test_cache_map")
    assert _tables_cache.key(names()) == before


def test_a_map_registered_after_the_first_call_is_found() -> None:
    # as `import seaborn` does after a first identify: the process's tables follow
    # matplotlib's registry, not the registry of their first call
    from matplotlib.colors import LinearSegmentedColormap

    import truepix as tp

    ramp = np.linspace(0.0, 1.0, 256 * 32).reshape(32, 256)
    viridis = matplotlib.colormaps["viridis"](ramp, bytes=True)
    assert tp.identify_colormap(viridis)[0].name == "viridis"
    late = LinearSegmentedColormap.from_list("tp_test_late_map", ["#3b0f45", "#1f9e89", "#f5d21e"])
    matplotlib.colormaps.register(late)
    try:
        picture = late(ramp, bytes=True)
        assert tp.identify_colormap(picture)[0].name == "tp_test_late_map"
    finally:
        matplotlib.colormaps.unregister("tp_test_late_map")
    assert "tp_test_late_map" not in _match._candidates().names
