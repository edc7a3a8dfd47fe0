"""Shared test configuration: ``--runslow`` (or ``CI=true``) opts into tests marked ``slow``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

from tests._needs import need_module, under_ci

# derandomize: seeded examples, so a run is repeatable and CI never fails by chance on a
# case no earlier run met (a found case becomes an @example)
settings.register_profile(
    "default", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", deadline=None, derandomize=True, max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.load_profile("ci" if under_ci() else "default")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--runslow", action="store_true", default=False, help="also run tests marked slow"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow") or under_ci():  # CI skips no capability
        return
    skip_slow = pytest.mark.skip(reason="slow: pass --runslow to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


def _maps_for_this_module(module_name: str, maps: Callable[[ModuleType], dict]) -> Iterator:
    """Import ``module_name`` with the maps it registers in matplotlib's registry
    (``maps(module)``: registered name -> Colormap) for one test module only.

    Importing seaborn or colorcet registers their maps once per process; other tests
    walk the registry as "every matplotlib map", so the maps are taken out after the
    module and put back for the next module that asks: under pytest-xdist a worker
    runs any test after any other.
    """
    import matplotlib

    before = set(matplotlib.colormaps)
    module = need_module(module_name)
    for name, cmap in maps(module).items():  # a second module in this process: imported
        if name not in matplotlib.colormaps:
            matplotlib.colormaps.register(cmap, name=name)
    yield module
    for name in set(matplotlib.colormaps) - before:
        matplotlib.colormaps.unregister(name)


@pytest.fixture(scope="module")
def seaborn() -> Iterator:
    """seaborn, with its maps (rocket, vlag, ...) in matplotlib's registry for this module."""
    import matplotlib

    def maps(sns: ModuleType) -> dict:
        found = (c for c in vars(sns.cm).values() if isinstance(c, matplotlib.colors.Colormap))
        return {cmap.name: cmap for cmap in found}

    yield from _maps_for_this_module("seaborn", maps)


@pytest.fixture(scope="module")
def colorcet() -> Iterator:
    """colorcet, with its maps (``cet_fire``, ``cet_CET_L3``, ...) registered for this module."""
    yield from _maps_for_this_module(
        "colorcet", lambda cc: {f"cet_{name}": cmap for name, cmap in cc.cm.items()}
    )
