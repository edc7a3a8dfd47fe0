"""Light strokes whose luma lies inside the map's, told from data by two models.

matplotlib's light gray (#bfbfbf) contours and text over an axes-filling ``imshow`` of
Spectral, saved as JPEG q75 (4:2:0): the gray reads, by its luma, as Spectral's light
orange or green, and 4:2:0 averages its chroma with the field's, so JPEG's model of the
map explains it as data. Once ``_lines.ink_lines`` keeps the ink, ``_inked`` asks each
pixel whether the ink laid over the field around explains it better than the map does;
where no chain holds the ink off the map (coolwarm's middle is a light gray), the
candidates' luma shows it.
Stroke pixels are those the annotation moved more than 12 DN; data pixels those it left
alone (``contour_flags``).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import colormap, contour_flags
from truepix import Decolorizer
from truepix.color._decolorize import _fringes, _ink_blends, _jpeg

matplotlib.use("Agg")


# (map, stroke pixels flagged at least, data pixels lost at most; %). Measured: Spectral
# 27.8 / 0.0 -> 50.8 / 0.0 (``ink_lines`` keeps the ink) -> 68.3 / 0.07 (the line's
# antialiased edge, INKED_EDGE_ALPHA), coolwarm 11.2 / 0.2 -> 33.3 / 0.2 (its chains hold
# no ink off the map: the candidates' luma peak is one) -> 34.7 / 0.17 -> 59.4 / 0.20
# (the ink near the peak whose stroke claims most, INKED_PEAK_SHIFTS).
@pytest.mark.parametrize(
    ("name", "flagged", "lost"), [("Spectral", 63.0, 0.15), ("coolwarm", 54.0, 0.3)]
)
def test_light_gray_contours_are_flagged(name: str, flagged: float, lost: float) -> None:
    stroke_flagged, data_lost = contour_flags(name, "#bfbfbf", False)
    assert stroke_flagged >= flagged
    assert data_lost <= lost


# A 1-px line's antialiasing spreads it over two pixels of opacity 0.2-0.6, which the
# opacity INKED_ALPHA leaves as data; beside the stroke's pixels they join it
# (INKED_EDGE_ALPHA). (map, color, cyclic, flagged at least, flagged without the edge at
# most, data lost at most; %). Measured, without -> with the edge: Spectral's pale gray
# 58.2 / 0.008 -> 78.9 / 0.020, RdBu_r's light gray 45.2 / 0.007 -> 62.9 / 0.019,
# twilight's gray 55.9 / 0.52 -> 64.9 / 0.55 (benchmarks/_stroke_screen.py has them all).
# Spectral's pale gray was also taken for a resized picture (its blends spared the data
# beside the lines) until _edges.EDGE_INK_SHARE: 72.5 -> 83.1 / 0.49 since.
@pytest.mark.parametrize(
    ("name", "color", "cyclic", "flagged", "without", "lost"),
    [("Spectral", "#d9d9d9", False, 78.0, 76.0, 0.6),
     ("RdBu_r", "#bfbfbf", False, 57.0, 50.0, 0.12),  # (0.11 with _fringes)
     ("twilight", "#808080", True, 60.0, 59.0, 0.7)],
)  # fmt: skip
def test_a_lines_antialiased_edge_is_flagged(
    name: str, color: str, cyclic: bool, flagged: float, without: float, lost: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from truepix.color._decolorize import _inked

    stroke_flagged, data_lost = contour_flags(name, color, cyclic)
    assert stroke_flagged >= flagged
    assert data_lost <= lost
    monkeypatch.setattr(_inked, "INKED_EDGE_ALPHA", 2.0)  # (no opacity reaches it)
    monkeypatch.setattr(_fringes, "FRINGE_CONTRAST", np.inf)  # (nor the fringes')
    monkeypatch.setattr(_ink_blends, "INK_STEPS", 0)  # (nor the lines' blends')
    assert contour_flags(name, color, cyclic)[0] <= without


def _photograph(name: str, photo: str, quality: int) -> np.ndarray:
    """scikit-image's camera or astronaut (256^2, dithered) in ``name``, JPEG 4:2:0."""
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = data.camera() / 255.0 if photo == "camera" else rgb2gray(data.astronaut())
    field = resize(image, (256, 256), order=1, anti_aliasing=True)
    rng = np.random.default_rng(len(photo))
    field = np.clip(field + rng.uniform(-0.5, 0.5, field.shape) / 255.0, 0.0, 1.0)
    rgb = np.ascontiguousarray(colormap(name)(field, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


# The diverging maps at q75, and turbo's camera at q95, whose candidates' luma peaks as an
# ink's would (turbo's yellow-green, where 4:2:0 moves data: 16 % of them within 4 DN)
# but the stroke claims 1.8 % of the pixels there (INKED_CLAIM, INKED_CLAIM_LEAST).
@pytest.mark.parametrize(
    ("name", "photo", "quality"),
    [(name, photo, 75) for name in ("Spectral", "coolwarm", "RdYlBu")
     for photo in ("camera", "astronaut")] + [("turbo", "camera", 95)],
)  # fmt: skip
def test_photographs_gain_no_holes(
    name: str, photo: str, quality: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # All data: the rule finds no ink there, and the answer is the one without it.
    picture = _photograph(name, photo, quality)
    holes = np.isnan(Decolorizer(colormap(name), vmin=0.0, vmax=1.0).values(picture))
    monkeypatch.setattr(_jpeg, "inked_strokes", lambda *args: None)
    before = np.isnan(Decolorizer(colormap(name), vmin=0.0, vmax=1.0).values(picture))
    assert np.array_equal(holes, before)
    assert holes.mean() <= 0.002


def test_a_peak_whose_stroke_claims_little_is_data(monkeypatch: pytest.MonkeyPatch) -> None:
    # turbo's camera (q95): the luma peak is taken for an ink, and its stroke would flag
    # data, which the claim (INKED_CLAIM) turns down -- and, the picture taken for resized,
    # the field's own pixels at the peak's luma (INKED_PEAK_FIELD: 0.77 of theirs).
    from truepix.color._decolorize import _inked, _peak_blends

    picture = _photograph("turbo", "camera", 95)
    monkeypatch.setattr(_inked, "INKED_CLAIM", 0.0)
    monkeypatch.setattr(_inked, "INKED_CLAIM_LEAST", 0.0)
    holes = np.isnan(Decolorizer(colormap("turbo"), vmin=0.0, vmax=1.0).values(picture))
    assert holes.mean() <= 0.002
    monkeypatch.setattr(_inked, "INKED_PEAK_FIELD", 0.0)
    # (the claim's pixels are blends of the camera's map colors around them too, in short
    # pieces: ``_peak_blends`` turns it down as well, and is kept out here)
    monkeypatch.setattr(_peak_blends, "PEAK_BLENDS", np.inf)
    holes = np.isnan(Decolorizer(colormap("turbo"), vmin=0.0, vmax=1.0).values(picture))
    assert holes.mean() > 0.002


# coolwarm's light gray (191 DN) is a ridge over its dark fields and a valley over its
# pale middle: JPEG's blur leaves the candidates' luma in two modes (180-189, 195-205)
# and the peak at 200 DN, off the ink; the ink near it whose stroke claims the most
# pixels is the stroke's. Measured 34.7 % flagged at the peak alone, 59.4 % searched.
def test_a_peak_between_two_modes_finds_its_ink(monkeypatch: pytest.MonkeyPatch) -> None:
    from truepix.color._decolorize import _inked

    assert contour_flags("coolwarm", "#bfbfbf", False)[0] >= 54.0
    monkeypatch.setattr(_inked, "INKED_PEAK_SHIFTS", ())
    assert contour_flags("coolwarm", "#bfbfbf", False)[0] <= 40.0



# A stroke is as many pixels whatever the canvas: the screen's figure at 1000x1000 (waves
# scaled, lines as thin; benchmarks/_stroke_screen.py --size 1000x1000) holds its strokes
# in a 2.7x smaller share of the picture. The candidates' luma peak asked 1 % of it
# (INKED_PEAK_PIXELS: 10000 pixels, 4845 there) and a claim of 8 % of the pixels at the
# ink's luma (INKED_CLAIM; 5.4 % there: the field at that luma grows with the area).
# Measured, pale gray on RdBu_r, flagged / silently wrong / data lost, %: 57.9 / 31.4 /
# 0.04 -> 78.8 / 11.7 / 0.04 (74.3 / 13.2 at 400x300). Since _gray_inks follows light ink
# along strokes it has found (strokes3), this picture's strokes are 85.0 % flagged, 70.6 %
# with the share rule: the pixel counts still add 14 points.
@pytest.mark.slow  # (three 1 MP figures, two 1 MP decodes: 17 s of CPU)
def test_a_large_figure_keeps_its_strokes(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.color._photographs import contour_figure
    from truepix.color._decolorize import _inked

    size = (1000, 1000)
    clean = contour_figure("RdBu_r", None, False, size=size).astype(np.float64)
    drawn = contour_figure("RdBu_r", "#d9d9d9", False, size=size).astype(np.float64)
    picture = contour_figure("RdBu_r", "#d9d9d9", True, size=size)
    moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
    stroke, untouched = moved > 12.0, moved == 0
    holes = np.isnan(Decolorizer(colormap("RdBu_r"), vmin=0.0, vmax=1.0).values(picture))
    kept = holes[stroke].mean()
    assert kept >= 0.80
    assert holes[untouched].mean() <= 0.001
    monkeypatch.setattr(_inked, "INKED_PEAK_COUNT", np.inf)  # (a share of the picture)
    holes = np.isnan(Decolorizer(colormap("RdBu_r"), vmin=0.0, vmax=1.0).values(picture))
    assert holes[stroke].mean() <= kept - 0.10


# The claim grows as the picture's side shrinks (INKED_CLAIM x sqrt(INKED_CLAIM_PIXELS /
# pixels), below INKED_CLAIM_PIXELS too): the contour figure shrunk to 160x120 ... 96x72
# still keeps its light gray strokes by the peak (their claims 28-40 %, 0.20-0.33
# asked), as flagged as before the claim grew (44-50 %).
@pytest.mark.parametrize("size", [(160, 120), (120, 90), (96, 72)])
def test_a_small_figure_keeps_its_strokes(size: tuple[int, int]) -> None:
    from tests.color._photographs import contour_flags

    assert contour_flags("coolwarm", "#bfbfbf", False, size=size)[0] >= 40.0


# The same content decides the same way at every size: JPEG's candidates on data grow
# with the area, so the peak's pixel floor does too past INKED_PEAK_AREA. Candidates as
# jet's terrain at q90 leaves them (benchmarks/decolorize_trial/trial43/t8_big_alldata.py:
# 0.1 % of the pixels, a third of them within 4 DN of one luma; 1200 pixels there at
# 12 MP sent it to judge strokes, 1.8 s of 2.6, where 1 and 3 MP never went) show no
# ink at 1, 3 or 12 MP; a stroke's peak (0.5 % of the picture) is one at all three.
@pytest.mark.parametrize("n_pixels", [1_000_000, 3_000_000, 12_000_000])
def test_the_peak_decides_alike_at_every_size(n_pixels: int) -> None:
    from truepix.color._decolorize import _inked

    rng = np.random.default_rng(11)

    def candidates(share: float, at_peak: float) -> np.ndarray:
        n = int(share * n_pixels)
        peak = rng.normal(172.0, 1.5, int(at_peak * n))
        return np.concatenate([peak, rng.uniform(0.0, 255.0, n - len(peak))])

    assert _inked._peak_ink(candidates(0.001, 0.35), n_pixels) is None
    found = _inked._peak_ink(candidates(0.02, 0.25), n_pixels)
    assert found is not None and abs(found - 172.0) <= 2.0
