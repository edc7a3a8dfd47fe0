"""Published figures (``../shared/real_figures``): what a reader sees on them must be read.

The figures come without their arrays; what is asserted is what anyone reads off
the picture -- the colorbar's printed labels.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import truepix as tp
from tests._needs import need

_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "real_figures"


@pytest.mark.parametrize("name", ["spl_imshow_rdbu_bilinear", "spl_pcolor_rdbu"])
def test_labels_beside_a_bar_with_inward_ticks_are_read_whole(name):
    # matplotlib 1.x's classic style: tick marks inside the bar, labels 2 px from its
    # outline. The labels' first glyphs were taken for tick marks past a blank column
    # and cut off ("5.0" read as ".0"), so no scale fitted
    path = _ROOT / f"{name}.png"
    if not path.is_file():
        need(f"the real figures are not at {_ROOT}", how="they are checked out beside the repository")
    panel = tp.read_figure(path).panels[0]
    ticks = panel.colorbar_axis.ticks
    assert [t.text for t in ticks] == ["5.0", "4.5", "4.0", "3.5", "3.0", "2.5", "2.0", "1.5"]
    assert all(t.inlier for t in ticks)
    assert panel.vmin == pytest.approx(1.27, abs=0.03) and panel.vmax == pytest.approx(5.37, abs=0.03)
