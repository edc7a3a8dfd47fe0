"""Every panel of a resized multi-panel screenshot, across layouts, scales and filters.

The sweep of test_read_figure_panels' new-user trial (a 2x2 screenshot resized 0.75x
with Pillow read as three panels): a file of its own, so that pytest-xdist's
``--dist loadfile`` can run it on the other worker.
"""

from __future__ import annotations

import pytest

from tests.figures._panels import _FILTERS, _areas_of, _matched, _resized, _subplots


@pytest.mark.slow
@pytest.mark.parametrize("resample", list(_FILTERS))
@pytest.mark.parametrize("scale", [0.5, 0.66, 0.75, 0.9])
@pytest.mark.parametrize(("rows", "columns"), [(1, 2), (2, 2), (2, 3)])
@pytest.mark.parametrize("shared", [True, False])
def test_resized_screenshots_keep_every_panel_across_layouts(rows, columns, shared, scale, resample):
    # one data seed per case, varied across cases: three each made this the suite's
    # longest test
    seed = (rows * 7 + columns * 5 + int(shared) + int(scale * 100) + len(resample)) % 3
    rgb, truth = _resized(_subplots(rows, columns, seed, shared), scale, resample)
    found, _ = _areas_of(rgb)
    assert _matched(found, truth), (seed, found, truth)
