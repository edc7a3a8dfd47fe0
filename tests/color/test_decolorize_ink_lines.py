"""Contour lines whose blend with the field lands on the map, told by their one ink.

matplotlib's 1-px contours (and text) over an axes-filling ``imshow`` of a smooth
field, saved by ``savefig`` as JPEG q75 (4:2:0): white over twilight's dark middle
blends to twilight's own lavender, magenta over magma's pinks stays within 8 DN of
JPEG's model, black over turbo's dark end. Per pixel they pass for data; as thin luma
ridges chained along the field's level, drawn in one ink over several levels, they
are strokes (``_decolorize._lines``). Stroke pixels are those the annotation moved
more than 12 DN; data pixels those it left alone. A photograph's own thin lines (a
helmet's rim, the camera's tripod) take their color from the map and stay data.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import colormap, contour_figure, contour_flags
from truepix import Decolorizer

matplotlib.use("Agg")

# (map, stroke color, cyclic): stroke pixels flagged at least, data pixels lost at
# most (%). Measured (benchmarks/_drawn_annotations.py): twilight white 48.9 / 0.90
# -> 80.6 / 0.92, magma magenta 0.0 / 0.00 -> 26.8 / 0.01, turbo black 84.0 / 1.09
# -> 90.2 / 1.11; with the inked strokes (``_inked``) twilight white 86.0 / 0.92, magma
# magenta 55.6 / 0.19, turbo black 91.0 / 1.11.
CASES = [
    ("twilight", "#ffffff", True, 70.0, 1.15),  # (1.10 % with _fringes' fringes)
    ("magma", "#c81e78", False, 45.0, 0.25),
    ("turbo", "#000000", False, 88.0, 1.3),
]


@pytest.mark.parametrize(("name", "color", "cyclic", "flagged", "lost"), CASES)
def test_contours_of_one_ink_are_flagged(
    name: str, color: str, cyclic: bool, flagged: float, lost: float
) -> None:
    stroke_flagged, data_lost = contour_flags(name, color, cyclic)
    assert stroke_flagged >= flagged
    assert data_lost <= lost


# The all-data pictures whose thin lines chain as contours do (benchmarks/
# decolorize_trial/contour_ridges.py, 256^2): turbo's camera (its tripod, dark over
# sky and grass) and rainbow's and jet's astronaut (a helmet's rim); 151-496 px
# each before the ink had to lie off the map and away from the map's luma peak.
@pytest.mark.parametrize(
    ("name", "photo", "quality"),
    [("turbo", "camera", 95), ("rainbow", "astronaut", 90), ("jet", "astronaut", 95)],
)
def test_photographs_thin_lines_stay_data(name: str, photo: str, quality: int) -> None:
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = data.camera() / 255.0 if photo == "camera" else rgb2gray(data.astronaut())
    field = resize(image, (256, 256), order=1, anti_aliasing=True)
    rng = np.random.default_rng(len(photo))
    field = np.clip(field + rng.uniform(-0.5, 0.5, field.shape) / 255.0, 0.0, 1.0)
    cmap = matplotlib.colormaps[name]
    rgb = np.ascontiguousarray(cmap(field, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)  # 4:2:0
    picture = np.asarray(Image.open(buffer))
    decoder = Decolorizer(cmap, vmin=0.0, vmax=1.0)
    assert np.isnan(decoder.values(picture)).mean() <= 0.0005


@pytest.mark.parametrize(("name", "color", "cyclic"), [(c[0], c[1], c[2]) for c in CASES])
def test_sampled_gate_grows_the_gates_own_chains(
    name: str, color: str, cyclic: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The all-data screen (LINES_SAMPLE) grows, from the pixels it samples, exactly the
    # chains the gate finds among all the candidates, and reaches a long one on a figure.
    from truepix.color._decolorize import _jpeg
    from truepix.color._decolorize import _lines as lines
    from truepix.color._decolorize._plan import _YCBCR

    calls = []
    monkeypatch.setattr(_jpeg, "ink_lines", lambda *args: calls.append(args) or np.zeros(0))
    decoder = Decolorizer(colormap(name), cyclic=cyclic, vmin=0.0, vmax=1.0)
    decoder.values(contour_figure(name, color, True))
    flat, scale, width, residual, candidates, off_map, *_ = calls[-1]
    height, weights = len(off_map) // width, _YCBCR[0] * scale
    chroma = np.ascontiguousarray(_YCBCR[1:] * scale)
    departures = lines._inked_departures(flat, weights, width, height, candidates, residual)
    ridge = np.abs(departures) >= lines.LINES_RIDGE
    chains = lines._candidate_chains(
        flat, weights, chroma, width, residual, candidates[ridge], departures[ridge],
        lines.LINES_LINK,
        lines.LINES_FIELD, lines.LINES_GATE_LONG,
    )  # fmt: skip
    for sample in (1, lines.LINES_SAMPLE):
        sampled = lines._sampled_chains(
            flat, weights, chroma, width, height, candidates, residual, sample, lines.LINES_LINK,
            lines.LINES_FIELD, lines.LINES_GATE_LONG,
        )  # fmt: skip
        assert len(sampled) >= 1
        for row in sampled:
            assert np.any(np.all(np.isclose(chains, row), axis=1))
