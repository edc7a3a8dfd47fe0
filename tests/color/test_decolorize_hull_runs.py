"""``_hull.thin_extremes``'s ray test skips runs of the map's segments whose bounding ball
lies beyond the limit: it answers as testing every segment does (same answers, a 500x400
figure's stage 10 s -> ~1 s)."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

from truepix.color._decolorize import _rays


@pytest.mark.parametrize("cmap", ["viridis", "jet", "twilight"])
def test_ray_runs_answer_as_every_segment(cmap: str) -> None:
    cyclic = cmap == "twilight"
    vertices = mpl.colormaps[cmap](np.linspace(0, 1, 254))[:, :3] * 255
    centers, radii = _rays.runs(vertices, cyclic)
    rng = np.random.default_rng(4)
    n, segments = len(vertices), len(vertices) if cyclic else len(vertices) - 1
    limit2 = 25.0**2
    agree = near = 0
    for _ in range(3000):
        # pixels near the map (within 0-60 DN of a vertex) and flanks anywhere
        own = vertices[rng.integers(len(vertices))] + rng.normal(0, 20, 3)
        flank = rng.uniform(0, 255, 3)
        runs = _rays._ray_meets_map(flank, own, vertices, cyclic, limit2, centers, radii)
        far = flank + _rays._RAY_REACH * (own - flank)
        every = any(
            _rays._segment_gap2(own, far, vertices[i], vertices[(i + 1) % n]) <= limit2
            for i in range(segments)
        )
        agree += runs == every
        near += every
    assert agree == 3000
    assert 300 < near < 2700  # both answers well represented
