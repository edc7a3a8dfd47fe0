"""Heatmaps drawn with ``alpha``: ``imshow``/``pcolormesh`` figures saved by matplotlib.

The oracle is matplotlib itself: the data binned by its own ``Normalize`` and
the colors its Agg backend paints for a ramp of every table entry under the
same alpha and facecolor. A value may only be off by half the bins whose
entries blend to the same bytes (at low alpha neighbouring entries do).
"""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from tests.color._photographs import fbm

from truepix.color._decolorize import _translucent as translucent
from truepix.color._decolorize._api import Decolorizer, decolorize
from truepix.color._decolorize._result import SUSPECT_NOISE
from truepix.errors import InputError, OffMapWarning

ALPHAS = (0.3, 0.5, 0.7, 0.9)
FACES = ("white", "0.6")
KINDS = ("imshow", "pcolormesh")
HEIGHT, WIDTH = 40, 64
VMIN, VMAX = 0.0, 100.0
N = 256


def _field() -> np.ndarray:
    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    smooth = np.sin(x / 9.0) * np.cos(y / 7.0)
    field = smooth + 0.3 * rng.standard_normal((HEIGHT, WIDTH))
    return VMIN + (field - field.min()) / np.ptp(field) * (VMAX - VMIN)


def _draw(kind: str, data: np.ndarray, alpha: float, face: str, *, transparent: bool = False) -> np.ndarray:
    """One data value a pixel: a figure of exactly the data's size, axes filling it."""
    height, width = data.shape
    fig = Figure(figsize=(width / 100, height / 100), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_facecolor(face)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if kind == "imshow":
        ax.imshow(data, cmap="viridis", alpha=alpha, vmin=VMIN, vmax=VMAX, aspect="auto",
                  interpolation="nearest")  # fmt: skip
    else:
        ax.pcolormesh(data[::-1], cmap="viridis", alpha=alpha, vmin=VMIN, vmax=VMAX)
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", transparent=transparent)
    return np.asarray(Image.open(buffer))


@pytest.fixture(scope="module")
def drawn() -> dict[tuple[str, float, str], tuple[np.ndarray, np.ndarray]]:
    """Each (kind, alpha, face): the figure of the field and matplotlib's ramp of
    the 256 entries (row 0 of a figure of ``arange(256)``)."""
    field = _field()
    ramp = (np.arange(N)[None, :] + 0.5) * (VMAX - VMIN) / N + VMIN
    out = {}
    for kind in KINDS:
        for alpha in ALPHAS:
            for face in FACES:
                table = _draw(kind, np.repeat(ramp, 2, axis=0), alpha, face)[0, :, :3]
                out[(kind, alpha, face)] = (_draw(kind, field, alpha, face), table)
    return out


def _allowed_error(data: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Half the bins of the entries that paint a pixel's color (matplotlib's bins)."""
    norm = mpl.colors.Normalize(VMIN, VMAX)
    entry = np.clip((np.asarray(norm(data)) * N).astype(int), 0, N - 1)
    keys = table.astype(np.int64) @ np.array([65536, 256, 1])
    first = {key: i for i, key in reversed(list(enumerate(keys)))}
    last = {key: i for i, key in enumerate(keys)}
    width = np.array([last[key] - first[key] + 1 for key in keys])
    return width[entry] / 2 * (VMAX - VMIN) / N + 1e-6


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("face", FACES)
def test_tables_are_what_agg_paints(drawn, kind: str, alpha: float, face: str) -> None:
    _, table = drawn[(kind, alpha, face)]
    entry = Decolorizer("viridis", vmin=VMIN, vmax=VMAX, alpha=alpha, facecolor=face)._map
    ours = entry.lut_bytes if kind == "imshow" else entry.lut_rounded
    np.testing.assert_array_equal(ours[:, :3], table)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("face", FACES)
def test_png_decodes_at_the_floor(drawn, kind: str, alpha: float, face: str) -> None:
    picture, table = drawn[(kind, alpha, face)]
    values = decolorize(picture, cmap="viridis", vmin=VMIN, vmax=VMAX, alpha=alpha, facecolor=face)
    error = np.abs(values - _field())
    assert not np.isnan(values).any()
    assert np.all(error <= _allowed_error(_field(), table))


def test_saved_transparent_decodes_alike(drawn) -> None:
    for kind, alpha in (("imshow", 0.7), ("pcolormesh", 0.3)):
        picture = _draw(kind, _field(), alpha, "white", transparent=True)
        assert picture.shape[2] == 4 and 0 < picture[5, 5, 3] < 255  # the map's bytes, alpha
        values = decolorize(picture, cmap="viridis", vmin=VMIN, vmax=VMAX, alpha=alpha)
        opaque = decolorize(drawn[(kind, alpha, "white")][0], cmap="viridis", vmin=VMIN,
                            vmax=VMAX, alpha=alpha)  # fmt: skip
        np.testing.assert_array_equal(values, opaque)
        with pytest.warns(OffMapWarning, match=f"alpha={alpha}"):
            decolorize(picture, cmap="viridis", vmin=VMIN, vmax=VMAX)


def test_jpeg_decodes_like_any_map(drawn) -> None:
    """JPEG q90 of the translucent figure against the same figure drawn opaque:
    alpha 0.7 shrinks the map's colors by 0.7, so JPEG's error weighs 1/0.7 more."""
    errors = {}
    for alpha in (0.7, 1.0):
        picture = _draw("imshow", _field(), alpha, "white")
        buffer = io.BytesIO()
        Image.fromarray(picture[..., :3]).save(buffer, "JPEG", quality=90)
        jpeg = np.asarray(Image.open(buffer))
        values = decolorize(jpeg, cmap="viridis", vmin=VMIN, vmax=VMAX, alpha=alpha)
        assert np.isnan(values).mean() <= 0.002
        errors[alpha] = np.abs(values - _field()) / (VMAX - VMIN)
    assert np.nanmean(errors[0.7]) <= np.nanmean(errors[1.0]) / 0.7 * 1.15
    assert np.nanpercentile(errors[0.7], 99) <= np.nanpercentile(errors[1.0], 99) / 0.7 * 1.15


@pytest.mark.parametrize(
    ("kind", "alpha", "face", "advice"),
    [
        ("imshow", 0.7, "white", "pass alpha=0.7"),
        ("pcolormesh", 0.5, "white", "pass alpha=0.5"),
        ("imshow", 0.5, "0.6", "pass alpha=0.5, facecolor='#999999'"),
        # close enough to the map to decode, posing as noise: warned all the same
        ("imshow", 0.9, "white", "pass alpha=0.9"),
        ("pcolormesh", 0.9, "0.6", "pass alpha=0.9, facecolor='#999999'"),
    ],
)
def test_the_plain_call_says_what_to_pass(drawn, kind, alpha, face, advice) -> None:
    picture, _ = drawn[(kind, alpha, face)]
    with pytest.warns(OffMapWarning) as record:
        decolorize(picture, cmap="viridis", vmin=VMIN, vmax=VMAX)
    message = str(record[0].message)
    assert message.endswith(advice), message
    # and that advice decodes it
    face_given = message.split("facecolor=")[1].strip("'") if "facecolor" in message else None
    values = decolorize(picture, cmap="viridis", vmin=VMIN, vmax=VMAX, alpha=alpha,
                        facecolor=face_given)  # fmt: skip
    assert not np.isnan(values).any()


def test_no_fit_on_pictures_that_decode(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("fitted on a picture that decodes")

    monkeypatch.setattr(translucent, "fitted_blend", refuse)
    picture = mpl.colormaps["viridis"](np.asarray(mpl.colors.Normalize(VMIN, VMAX)(_field())),
                                       bytes=True)  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = decolorize(picture, cmap="viridis", vmin=VMIN, vmax=VMAX)
    assert not np.isnan(values).any()


def test_a_wrong_map_gets_no_alpha_advice(drawn) -> None:
    picture, _ = drawn[("imshow", 0.7, "white")]
    with pytest.warns(OffMapWarning) as record:
        decolorize(picture, cmap="jet", vmin=VMIN, vmax=VMAX)
    assert "identify_colormap" in str(record[0].message)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"alpha": 0.0}, "expected alpha in"),
        ({"alpha": 1.5}, "expected alpha in"),
        ({"alpha": "half"}, "expected alpha in"),
        ({"alpha": 0.5, "facecolor": "nocolor"}, "expected facecolor"),
        ({"alpha": 0.5, "facecolor": (1, 1, 1, 0.5)}, "expected facecolor"),
        ({"facecolor": "white"}, "expected alpha"),
    ],
)
def test_bad_options(options, match) -> None:
    with pytest.raises(InputError, match=match):
        Decolorizer("viridis", vmin=VMIN, vmax=VMAX, **options)


def test_alpha_one_is_the_opaque_map() -> None:
    plain = Decolorizer("viridis", vmin=0, vmax=1)
    opaque = Decolorizer("viridis", vmin=0, vmax=1, alpha=1.0)
    np.testing.assert_array_equal(plain._map.lut_bytes, opaque._map.lut_bytes)


@pytest.mark.parametrize("cmap", ["viridis", "jet", "coolwarm"])
def test_noisy_opaque_pictures_get_no_alpha_advice(cmap) -> None:
    """Gaussian noise of 6 DN and JPEG q30 estimate past the noise that sends a
    picture to the blend fit; the opaque map explains them, so no warning."""
    rng = np.random.default_rng(5)
    norm = mpl.colors.Normalize(VMIN, VMAX)
    picture = mpl.colormaps[cmap](np.asarray(norm(_field())), bytes=True)[..., :3]
    noisy = np.clip(picture + rng.normal(0.0, 6.0, picture.shape), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "JPEG", quality=30)
    noise = Decolorizer(cmap, vmin=VMIN, vmax=VMAX).decode(noisy).noise
    assert noise >= SUSPECT_NOISE  # the check runs
    for degraded in (noisy, np.asarray(Image.open(buffer))):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            decolorize(degraded, cmap=cmap, vmin=VMIN, vmax=VMAX)


@pytest.mark.parametrize(("alpha", "face"), [(0.5, "white"), (0.7, "0.6"), (0.9, "white")])
def test_identify_names_the_map_and_its_alpha(drawn, alpha, face) -> None:
    """Today's ranking named GnBu, Spectral or cmocean:haline (scores ~0.3) for
    viridis drawn translucent; the blend is now found and said."""
    import truepix as tp

    picture, _ = drawn[("imshow", alpha, face)]
    best = tp.identify_colormap(picture, top=3)[0]
    assert best.name == "viridis"
    assert best.alpha == pytest.approx(alpha, abs=0.01)
    gray = 255.0 if face == "white" else 153.0
    assert best.background == pytest.approx((gray, gray, gray), abs=1.0)


def _jpeg_q(picture: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(picture[..., :3])).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


@pytest.mark.parametrize("cmap", ["jet", "hsv", "turbo"])
def test_jpeg_error_on_saturated_maps_runs_no_fit(cmap, monkeypatch) -> None:
    """JPEG q50 of jet, hsv or turbo estimates as noise past SUSPECT_NOISE (its chroma
    error on saturated maps), under SUSPECT_NOISE_JPEG: no blend fit, no catalog search
    (they cost 50 ms per megapixel and named nothing)."""
    from truepix.color._decolorize import _result

    def refuse(*args, **kwargs):
        raise AssertionError("advice searched on a JPEG'd picture of the right map")

    picture = _jpeg_q(mpl.colormaps[cmap](fbm(256, 1), bytes=True), 50)
    result = Decolorizer(cmap, vmin=0, vmax=1).decode(picture)
    assert result.jpeg and _result.SUSPECT_NOISE <= result.noise < _result.SUSPECT_NOISE_JPEG
    monkeypatch.setattr(translucent, "fitted_blend", refuse)
    monkeypatch.setattr(_result, "better_map", refuse)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        decolorize(picture, cmap=cmap, vmin=0, vmax=1)


@pytest.mark.parametrize(
    ("alpha", "face"), [(0.9, "white"), (0.9, "0.6"), (0.95, "white"), (0.95, "0.6")]
)
def test_jpeg_of_a_translucent_map_is_still_advised(alpha, face) -> None:
    """Decoded within the threshold, posing as JPEG's noise: 4.9-22 DN, past and under
    SUSPECT_NOISE_JPEG (0.9 and 0.95 over gray: the blend screen sends them to the fit)."""

    y, x = np.mgrid[0:240, 0:320]
    field = 50 + 45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    picture = _jpeg_q(_draw("imshow", field, alpha, face), 75)
    with pytest.warns(OffMapWarning, match="drawn at alpha=") as record:
        result = Decolorizer("viridis", vmin=VMIN, vmax=VMAX).decode(picture)
    assert result.jpeg and result.noise >= SUSPECT_NOISE
    advised = float(str(record[0].message).split("pass alpha=")[1].split(",")[0])
    assert abs(advised - alpha) <= 0.02


@pytest.mark.parametrize(("drawn", "given"), [("hot", "gist_heat"), ("Spectral", "RdYlBu")])
def test_jpeg_of_a_near_twin_is_named_by_its_share(drawn, given) -> None:
    """A near twin JPEG'd estimates 5.7-8.5 DN of noise and leaves 28-41 % NaN: named."""
    picture = _jpeg_q(mpl.colormaps[drawn](fbm(256, 1), bytes=True), 75)
    with pytest.warns(OffMapWarning, match=f"pass cmap='{drawn}'"):
        decolorize(picture, cmap=given, vmin=0, vmax=1)


@pytest.mark.parametrize("size", [8, 16, 64])
def test_small_translucent_pictures_get_the_alpha_warning(size: int) -> None:
    """An RGBA picture of viridis at alpha 128 came back all NaN with no warning under
    32x32 (too few pixels to judge by their colors); its alpha channel says it at any size."""
    field = np.linspace(0, 1, size * size).reshape(size, size)
    picture = mpl.colormaps["viridis"](field, bytes=True)
    picture[..., 3] = 128
    with pytest.warns(OffMapWarning, match="alpha channel holds 128 of 255.*pass alpha=0.5"):
        values = decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values).all()
    values = decolorize(picture, cmap="viridis", vmin=0, vmax=1, alpha=0.5)  # as advised
    assert not np.isnan(values).any()


@pytest.mark.parametrize(
    ("resize", "scale"),
    [("opencv", 1.5), ("opencv", 2.0), ("pillow", 1.5)],
)
def test_an_upscaled_speckle_field_is_no_blend(resize, scale) -> None:
    """trial41 item 7: an iid speckle field in viridis (plt.imsave), upscaled as a
    display-scaled screenshot (OpenCV linear, Pillow bilinear): its colors are blends
    of neighbours, chords inside the map's curve, which viridis at 0.97-0.98 over black
    fitted loosely. All data, decoded without NaN, and no alpha advice."""
    import cv2
    import matplotlib.pyplot as plt
    from PIL import Image

    data = np.random.default_rng(41).exponential(1.0, (256, 256)).clip(0, 5)
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap="viridis", vmin=data.min(), vmax=data.max(), format="png")
    rgb = np.asarray(Image.open(buffer).convert("RGB"))
    size = int(256 * scale)
    if resize == "opencv":
        picture = cv2.resize(rgb, (size, size), interpolation=cv2.INTER_LINEAR)
    else:
        picture = np.asarray(Image.fromarray(rgb).resize((size, size), Image.BILINEAR))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = decolorize(picture, cmap="viridis", vmin=data.min(), vmax=data.max())
    assert not np.isnan(values).any()
