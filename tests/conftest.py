"""Shared test configuration: ``--runslow`` (or ``CI=true``) opts into tests marked ``slow``."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def seaborn():
    """seaborn, with its maps (rocket, vlag, ...) in matplotlib's registry for this module only.

    Importing seaborn registers its maps once per process; other tests walk the
    registry as "every matplotlib map", so the maps are taken out after the module
    and put back for the next module that asks: under pytest-xdist a worker runs
    any test after any other.
    """
    import matplotlib

    before = set(matplotlib.colormaps)
    sns = need_module("seaborn")
    for cmap in vars(sns.cm).values():  # a second module in this process: imported already
        if isinstance(cmap, matplotlib.colors.Colormap) and cmap.name not in matplotlib.colormaps:
            matplotlib.colormaps.register(cmap)
    yield sns
    for name in set(matplotlib.colormaps) - before:
        matplotlib.colormaps.unregister(name)
