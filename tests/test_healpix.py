"""healpix_labels: text artists checked against healpy's own pixel centres and projectors."""

from __future__ import annotations

import itertools
import sys
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tests._needs import need_module
from truepix import healpix_labels
from truepix.errors import (
    CrowdedLabelsWarning,
    InputError,
    MissingDependencyError,
    ShapeError,
    TruepixWarning,
    UnknownColormapError,
    UnsupportedDtypeError,
)


@pytest.fixture
def hp() -> ModuleType:
    return need_module("healpy")


def label_texts(fig: Figure) -> list[Any]:
    (map_axes,) = [ax for ax in fig.axes if hasattr(ax, "proj")]
    return list(map_axes.texts)


def positions(fig: Figure) -> dict[int, tuple[float, float]]:
    """Pixel index -> label position, for figures labelled with indices."""
    return {int(text.get_text()): text.get_position() for text in label_texts(fig)}


def reference_projector(hp: ModuleType, projection: str, nside: int, rot: Any) -> Any:
    """A projector built independently of truepix, as healpy's *view functions set it up."""
    projector = {
        "mollweide": hp.projector.MollweideProj,
        "gnomonic": hp.projector.GnomonicProj,
        "cartesian": hp.projector.CartesianProj,
        "orthographic": hp.projector.OrthographicProj,
    }[projection](rot=rot, flipconv="astro")
    if projection == "gnomonic":
        # truepix's default view: 400 pixels, ten HEALPix pixels across
        reso = 10 * hp.nside2resol(nside, arcmin=True) / 400
        projector.set_proj_plane_info(xsize=400, ysize=400, reso=reso)
    elif projection == "orthographic":
        projector.set_proj_plane_info(xsize=800, half_sky=False)
    elif projection == "cartesian":
        projector.set_proj_plane_info(xsize=800, ysize=None, lonra=None, latra=None)
    return projector


@pytest.mark.parametrize(
    ("projection", "nside", "nest", "rot"),
    [
        ("mollweide", 1, False, None),
        ("mollweide", 4, False, None),
        ("mollweide", 4, True, None),
        ("mollweide", 2, False, (90.0, 30.0)),
        ("cartesian", 2, True, None),
        ("orthographic", 4, False, (20.0, -40.0)),
        ("gnomonic", 16, False, (45.0, 10.0)),
        ("gnomonic", 8, True, None),
    ],
)
def test_labels_sit_at_the_pixel_centres_healpy_projects(
    hp: ModuleType, projection: str, nside: int, nest: bool, rot: Any
) -> None:
    npix = hp.nside2npix(nside)
    sky = np.random.default_rng(nside).normal(size=npix)
    fig = healpix_labels(sky, projection=projection, nest=nest, rot=rot, max_labels=None)

    projector = reference_projector(hp, projection, nside, rot)
    x, y = projector.ang2xy(*hp.pix2ang(nside, np.arange(npix), nest=nest))
    (x0, x1, y0, y1) = projector.get_extent()
    with np.errstate(invalid="ignore"):
        visible = np.isfinite(x) & np.isfinite(y) & (x >= x0) & (x <= x1)
        visible &= (y >= y0) & (y <= y1)
    labelled = positions(fig)
    assert sorted(labelled) == np.flatnonzero(visible).tolist()
    assert len(labelled) == len(label_texts(fig))  # one label per pixel
    got = np.array([labelled[pixel] for pixel in sorted(labelled)])
    np.testing.assert_allclose(got, np.column_stack([x[visible], y[visible]]), atol=1e-12)
    if projection == "mollweide":
        assert visible.all()


def test_each_label_lies_inside_its_own_pixel(hp: ModuleType) -> None:
    nside = 4
    fig = healpix_labels(np.arange(hp.nside2npix(nside), dtype=float), nest=True)
    projector = hp.projector.MollweideProj(flipconv="astro")
    for pixel, (x, y) in positions(fig).items():
        theta, phi = projector.xy2ang(x, y)
        assert hp.ang2pix(nside, theta, phi, nest=True) == pixel


def test_bad_pixels_get_no_label(hp: ModuleType) -> None:
    sky = np.arange(48, dtype=np.float32)
    sky[[3, 7]] = np.nan
    sky[11] = hp.UNSEEN
    sky[12] = np.inf
    masked = np.ma.masked_array(sky, mask=np.isin(np.arange(48), [20, 21]))
    for labels in ("index", "value"):
        fig = healpix_labels(masked, labels=labels)
        assert len(label_texts(fig)) == 48 - 6
    assert not {3, 7, 11, 12, 20, 21} & set(positions(healpix_labels(masked)))


def test_all_bad_map_draws_without_labels_in_the_given_range(hp: ModuleType) -> None:
    fig = healpix_labels(np.full(12, hp.UNSEEN), vmin=-2, vmax=3)
    assert label_texts(fig) == []
    assert fig.axes[1].get_xlim() == pytest.approx((-2, 3))


@pytest.mark.parametrize(
    ("labels", "fmt", "expected"),
    [
        ("value", None, lambda v, i: f"{v:.3g}"),
        ("value", "{:+.1f}", lambda v, i: f"{v:+.1f}"),
        ("value", lambda v: f"{v * 100:.0f}%", lambda v, i: f"{v * 100:.0f}%"),
        ("index", "#{}", lambda v, i: f"#{i}"),
        (np.array([f"p{i}" for i in range(48)]), None, lambda v, i: f"p{i}"),
        (np.arange(48) * 10, "{:d}", lambda v, i: f"{i * 10:d}"),
    ],
)
def test_label_text(hp: ModuleType, labels: Any, fmt: Any, expected: Any) -> None:
    nside = 2
    sky = np.random.default_rng(5).uniform(-2, 2, 48)
    fig = healpix_labels(sky, labels=labels, fmt=fmt)
    projector = hp.projector.MollweideProj(flipconv="astro")
    x, y = projector.ang2xy(*hp.pix2ang(nside, np.arange(48)))
    texts = label_texts(fig)
    assert len(texts) == 48
    for text in texts:
        # identify the pixel by position, then check what is written there
        pixel = int(np.argmin(np.hypot(x - text.get_position()[0], y - text.get_position()[1])))
        assert text.get_text() == expected(sky[pixel], pixel)


def test_label_color_contrasts_with_the_pixel(hp: ModuleType) -> None:
    sky = np.zeros(12)
    sky[0] = 1.0  # yellow in viridis
    fig = healpix_labels(sky, vmin=0, vmax=1)
    colors = {int(t.get_text()): t.get_color() for t in label_texts(fig)}
    assert colors[0] == "black" and colors[1] == "white"  # viridis: yellow / dark purple
    fixed = healpix_labels(sky, color="red")
    assert {t.get_color() for t in label_texts(fixed)} == {"red"}


def test_auto_font_size_keeps_labels_apart(hp: ModuleType) -> None:
    nside = 4
    fig = healpix_labels(np.arange(hp.nside2npix(nside), dtype=float))
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [text.get_window_extent(renderer) for text in label_texts(fig)]
    overlapping = [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
    assert overlapping == []
    assert max(text.get_fontsize() for text in label_texts(fig)) <= 10


def test_too_small_labels_warn(hp: ModuleType) -> None:
    with pytest.warns(CrowdedLabelsWarning, match=r"3072 labels \(nside=16\) drawn at") as caught:
        healpix_labels(np.arange(hp.nside2npix(16), dtype=float))
    assert issubclass(caught[0].category, TruepixWarning)
    assert issubclass(caught[0].category, UserWarning)
    # a bigger figure makes the same labels readable: no warning (warnings are errors here)
    healpix_labels(np.arange(hp.nside2npix(8), dtype=float), figsize=(17, 11))


def test_explicit_font_size_that_overlaps_warns(hp: ModuleType) -> None:
    with pytest.warns(CrowdedLabelsWarning, match="overlap their neighbours"):
        healpix_labels(np.arange(192.0), fontsize=30)
    fig = healpix_labels(np.arange(12.0), fontsize=12)
    assert {t.get_fontsize() for t in label_texts(fig)} == {12.0}


def test_more_labels_than_max_labels_is_refused(hp: ModuleType) -> None:
    with pytest.raises(InputError, match="expected at most max_labels=3072 labels, got 12288"):
        healpix_labels(np.zeros(hp.nside2npix(32)))
    with pytest.raises(InputError, match="max_labels=10"):
        healpix_labels(np.zeros(48), max_labels=10)
    # only the labels that would be drawn count: 46 valid pixels fit max_labels=46
    sky = np.zeros(48)
    sky[:2] = np.nan
    assert len(label_texts(healpix_labels(sky, max_labels=46))) == 46


def test_figure_is_not_managed_by_pyplot(hp: ModuleType, tmp_path: Any) -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = healpix_labels(np.arange(12.0), title="twelve", unit="K")
    assert isinstance(fig, Figure)
    assert plt.get_fignums() == before
    assert fig.axes[0].get_title() == "twelve"
    assert fig.axes[1].get_xlabel() == "K"
    fig.savefig(tmp_path / "labels.png")
    assert (tmp_path / "labels.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_default_title_and_colorbar_range(hp: ModuleType) -> None:
    fig = healpix_labels(np.linspace(-3, 5, 48), nest=True)
    assert fig.axes[0].get_title() == "HEALPix map, nside=2, NESTED"
    assert fig.axes[1].get_xlim() == pytest.approx((-3, 5))
    ranged = healpix_labels(np.linspace(-3, 5, 48), vmin=0, vmax=1)
    assert ranged.axes[1].get_xlim() == pytest.approx((0, 1))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"labels": "indx"}, InputError, "did you mean 'index'"),
        ({"labels": np.arange(5)}, ShapeError, r"shape \(12,\), got shape \(5,\)"),
        ({"projection": "molweide"}, InputError, "did you mean 'mollweide'"),
        ({"cmap": "virdis"}, UnknownColormapError, "did you mean 'viridis'"),
        ({"cmap": 3}, UnsupportedDtypeError, "expected a colormap name"),
        ({"vmin": 2, "vmax": 1}, InputError, "expected vmin <= vmax"),
        ({"vmax": np.nan}, InputError, "expected a finite vmax"),
        ({"labels": "value", "fmt": "{:d}"}, InputError, "expected fmt to format the label"),
        ({"fmt": 5}, InputError, "expected fmt to be a format string or a function"),
    ],
)
def test_bad_options(
    hp: ModuleType, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        healpix_labels(np.linspace(0.5, 1.5, 12), **kwargs)


@pytest.mark.parametrize(
    ("hpx_map", "error", "message"),
    [
        (np.zeros(13), ShapeError, r"12 \* nside\*\*2 pixels, got shape \(13,\)"),
        (np.zeros((2, 12)), ShapeError, r"got shape \(2, 12\)"),
        (np.zeros(0), ShapeError, r"got shape \(0,\)"),
        (np.zeros(12, np.complex64), UnsupportedDtypeError, "got dtype complex64"),
        (np.array(["a"] * 12), UnsupportedDtypeError, "got dtype <U1"),
    ],
)
def test_bad_maps(
    hp: ModuleType, hpx_map: np.ndarray, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        healpix_labels(hpx_map)


def test_without_healpy_the_error_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "healpy", None)  # makes `import healpy` fail
    with pytest.raises(MissingDependencyError, match=r'pip install "truepix\[healpix\]"') as caught:
        healpix_labels(np.arange(12.0))
    assert isinstance(caught.value, ImportError)


@pytest.mark.parametrize("n_valid", [1, 2])
def test_one_or_two_valid_pixels(hp: ModuleType, n_valid: int) -> None:
    sky = np.full(12, hp.UNSEEN)
    sky[3 : 3 + n_valid] = [7.0, 9.0][:n_valid]
    fig = healpix_labels(sky, labels="value", fmt="{:g}")
    texts = fig.axes[0].texts
    assert [t.get_text() for t in texts] == ["7", "9"][:n_valid]
    theta, phi = hp.pix2ang(1, np.arange(3, 3 + n_valid))
    x, y = hp.projector.MollweideProj(flipconv="astro").ang2xy(theta, phi)
    np.testing.assert_allclose([t.get_position() for t in texts], np.column_stack([x, y]))
    # one value spans value +- 0.5, as np.histogram widens a constant range
    expected = (6.5, 7.5) if n_valid == 1 else (7.0, 9.0)
    assert fig.axes[1].get_xlim() == pytest.approx(expected)


@pytest.mark.parametrize("fill", ["unseen", "nan", "masked"])
def test_no_valid_pixel_is_a_clear_error(hp: ModuleType, fill: str) -> None:
    sky: Any = {
        "unseen": np.full(12, hp.UNSEEN),
        "nan": np.full(12, np.nan),
        "masked": np.ma.masked_all(12),
    }[fill]
    with pytest.raises(InputError, match=r"at least one valid pixel, got none of 12.*vmin and"):
        healpix_labels(sky)
    with pytest.raises(InputError, match="at least one valid pixel"):
        healpix_labels(sky, vmin=0)


def test_masked_pixels_get_no_label(hp: ModuleType) -> None:
    sky = np.ma.masked_less(np.arange(12.0), 4)
    fig = healpix_labels(sky)
    assert [t.get_text() for t in fig.axes[0].texts] == [str(i) for i in range(4, 12)]


def test_catalog_colormaps_beyond_matplotlib(hp: ModuleType) -> None:
    from truepix.color import catalog

    fig = healpix_labels(np.linspace(0, 1, 12), cmap="cmocean:thermal")
    colormap = fig.axes[0].get_images()[0].cmap
    np.testing.assert_array_equal(
        colormap(np.linspace(0, 1, 256), bytes=True), catalog["cmocean:thermal"].lut_bytes
    )
