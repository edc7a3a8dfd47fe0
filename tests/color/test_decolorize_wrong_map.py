"""A picture decoded with the wrong map under noise or JPEG: the adaptive threshold takes
in most pixels, so the numbers come back wrong but quiet -- unless the OffMapWarning
names the catalog map the colors fit far better (``_result.better_map``). Pictures
decoded with their own map (or its reverse) never hear of it."""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image
from tests.color._photographs import camera_256, colormap, pillow_jpeg

import truepix as tp
from truepix.color._decolorize._api import Decolorizer
from truepix.errors import OffMapWarning

#: benchmarks/colormaps.py's maps
MAPS = ("viridis", "jet", "turbo", "rainbow", "magma", "gray", "twilight", "coolwarm",
        "cmocean:thermal", "colorcet:fire")  # fmt: skip
FORMS = ("exact", "noise2", "noise6", "jpeg75", "jpeg50")
BETTER = r"the colors fit '{0}' far better \((\d+\.\d) DN against (\d+\.\d) DN for '{1}'\)"


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    """scikit-image's camera, 128^2, 0-255."""
    import cv2

    return cv2.resize(camera_256(), (128, 128), interpolation=cv2.INTER_AREA)


def _picture(field: np.ndarray, cmap: str, form: str) -> np.ndarray:
    """``field`` (0-255) drawn with ``cmap`` (``cmap(x, bytes=True)``), then degraded:
    seeded Gaussian noise of sigma 2 or 6 DN, or Pillow's JPEG (4:2:0) at q75 or q50."""
    rgb = colormap(cmap)(field / 255.0, bytes=True)[..., :3]
    if form.startswith("noise"):
        noise = np.random.default_rng(1).normal(0.0, float(form[5:]), rgb.shape)
        return np.clip(np.rint(rgb + noise), 0, 255).astype(np.uint8)
    if form.startswith("jpeg"):
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, format="JPEG", quality=int(form[4:]))
        return np.asarray(Image.open(buffer).convert("RGB"))
    return rgb


def _one_line(caught: list) -> str:
    assert len(caught) == 1, [str(w.message) for w in caught]
    text = str(caught[0].message)
    assert "\n" not in text
    return text


@pytest.mark.parametrize(
    ("drawn", "given"), [("viridis", "jet"), ("jet", "viridis"), ("viridis", "turbo"),
                         ("turbo", "jet"), ("magma", "viridis")],
)  # fmt: skip
@pytest.mark.parametrize("form", ["noise6", "jpeg75", "jpeg50"])
def test_a_wrong_map_names_the_right_one(camera, drawn: str, given: str, form: str) -> None:
    picture = _picture(camera, drawn, form)
    pattern = BETTER.format(drawn, given) + f": pass cmap='{drawn}'$"
    with pytest.warns(OffMapWarning, match=pattern) as caught:
        tp.decolorize(picture, cmap=given, vmin=0, vmax=255)
    found = re.search(pattern, _one_line(caught))
    assert found is not None
    fit, given_fit = map(float, found.groups())
    assert fit <= 0.5 * given_fit and given_fit - fit >= 4.0
    # the advice is right: decoded as advised, the picture is quiet and close to the field
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap=drawn, vmin=0, vmax=255)
    assert np.nanmedian(np.abs(values - camera)) < 6.0


@pytest.mark.parametrize("entry", ["decolorize", "values", "decode"])
def test_every_public_entry_warns_alike(camera, entry: str) -> None:
    """The noisy case the trial found (29 % NaN, the rest wrong numbers, no word): every
    entry names the map, and the picture, mostly off jet's colors, comes back NaN
    (``_fills.MOSTLY_OFF``) rather than as numbers."""
    picture = _picture(camera, "viridis", "noise6")
    decoder = tp.Decolorizer("jet", vmin=0, vmax=255)
    with pytest.warns(OffMapWarning, match=BETTER.format("viridis", "jet")) as caught:
        if entry == "decolorize":
            values = tp.decolorize(picture, cmap="jet", vmin=0, vmax=255)
        elif entry == "values":
            values = decoder.values(picture)
        else:
            values = decoder.decode(picture).values
    assert np.isnan(values).mean() > 0.9  # no wrong numbers
    texts = {str(w.message) for w in caught}
    with pytest.warns(OffMapWarning) as again:
        tp.decolorize(picture, cmap="jet", vmin=0, vmax=255)
    assert texts == {str(w.message) for w in again}
    assert caught[0].filename == __file__  # points at the caller's line


@pytest.mark.parametrize("dtype", ["float32", "uint16", "rgba"])
def test_other_pixel_kinds_are_judged_alike(camera, dtype: str) -> None:
    picture = _picture(camera, "viridis", "noise6")
    if dtype == "float32":
        picture = picture.astype(np.float32) / 255
    elif dtype == "uint16":
        picture = picture.astype(np.uint16) * 257
    else:
        picture = np.dstack([picture, np.full(picture.shape[:2], 255, np.uint8)])
    with pytest.warns(OffMapWarning, match=BETTER.format("viridis", "jet")):
        tp.decolorize(picture, cmap="jet", vmin=0, vmax=255)


@pytest.mark.parametrize("cmap", MAPS)
def test_the_right_map_is_quiet(camera, cmap: str) -> None:
    """Each benchmark map, exact, noisy (sigma 2, 6 DN) and JPEG'd (q75, q50), decoded
    with itself and (matplotlib's) with its reverse: no warning (warnings are errors)."""
    given = [cmap] if ":" in cmap else [cmap, cmap + "_r"]
    for form in FORMS:
        picture = _picture(camera, cmap, form)
        for name in given:
            tp.decolorize(picture, cmap=name, vmin=0, vmax=255)
            tp.Decolorizer(name, vmin=0, vmax=255).decode(picture)


@pytest.mark.parametrize(("drawn", "given"), [("gray", "binary"), ("gray", "Greys_r")])
def test_a_map_and_its_reverse_tie(camera, drawn: str, given: str) -> None:
    """Same colors, other direction: nothing fits better (the values run reversed,
    which the picture cannot tell)."""
    for form in ("noise6", "jpeg50"):
        tp.decolorize(_picture(camera, drawn, form), cmap=given, vmin=0, vmax=255)


def test_internal_decodes_are_quiet(camera) -> None:
    """Decolorizer._run (read_figure's, the dask chunks') warns of nothing."""
    import dask.array as da

    picture = _picture(camera, "viridis", "noise6")
    decoder = Decolorizer("jet", vmin=0, vmax=255)
    result = decoder._run(picture, detailed=True)
    lazy = da.from_array(picture, chunks=(64, 64, 3))
    chunked = tp.decolorize(lazy, cmap="jet", vmin=0, vmax=255).compute()
    assert np.array_equal(decoder.decode(lazy).values.compute(), chunked, equal_nan=True)
    assert np.isnan(result.values).mean() > 0.9  # (decoded: mostly off jet's colors)


def test_the_command_line_says_the_option_and_decodes_once(camera, tmp_path, monkeypatch) -> None:
    from truepix.cli.main import cli

    source = tmp_path / "noisy.png"
    Image.fromarray(_picture(camera, "viridis", "noise6")).save(source)
    runs: list[bool] = []
    run = Decolorizer._run

    def counted(self, image, *, detailed):  # type: ignore[no-untyped-def]
        runs.append(detailed)
        return run(self, image, detailed=detailed)

    monkeypatch.setattr(Decolorizer, "_run", counted)
    args = ["decolorize", str(source), str(tmp_path / "v.npy"), "--cmap", "jet",
            "--vmin", "0", "--vmax", "255"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert runs == [True]  # one decode, its warnings read from it
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(lines) == 1, result.stderr
    nan_share = r"warning: \d+(?:\.\d+)?% of the picture's pixels are not colors of 'jet' and came back NaN; "
    assert re.fullmatch(nan_share + BETTER.format("viridis", "jet") + ": pass --cmap viridis",
                        lines[0])  # fmt: skip


@pytest.mark.parametrize(("given", "sigma", "nan_share"), [("afmhot", 0, (0.35, 0.5)),
                                                           ("gist_heat", 3, (0.2, 0.5))])
def test_a_near_twin_that_leaves_a_minority_nan_is_named(given: str, sigma: int, nan_share) -> None:
    """hot decoded as afmhot (exact PNG) or gist_heat (noise sigma 3 DN, below
    SUSPECT_NOISE): 35-49 % NaN, the rest 6-14 % of the range off -- no longer quiet."""
    field = camera_256()
    picture = tp.colorize(field, cmap="hot", vmin=0, vmax=255)[..., :3]
    noise = np.random.default_rng(0).normal(0.0, sigma, picture.shape)
    picture = np.clip(np.rint(picture + noise), 0, 255).astype(np.uint8)
    assert tp.identify_colormap(picture, top=1)[0].name == "hot"
    pattern = r"^(\d+)% of the picture's pixels are not colors of '{0}' and came back NaN; "
    pattern += BETTER.format("hot", given) + ": pass cmap='hot'$"
    with pytest.warns(OffMapWarning) as caught:
        values = tp.decolorize(picture, cmap=given, vmin=0, vmax=255)
    found = re.fullmatch(pattern.format(given), _one_line(caught))
    assert found is not None, _one_line(caught)
    share = np.isnan(values).mean()
    assert nan_share[0] <= share < nan_share[1] and int(found.group(1)) == round(100 * share)
    assert np.nanmean(np.abs(values - field)) > 0.05 * 255  # the numbers were wrong
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tp.decolorize(picture, cmap="hot", vmin=0, vmax=255)  # as advised: quiet


@pytest.mark.parametrize("name", ["viridis", "jet", "coolwarm", "twilight"])
def test_annotations_nan_is_no_wrong_map(name: str, monkeypatch) -> None:
    """Right maps under real annotations (text, lines, a label box: 9-17 % NaN, legit)
    name no other map and no alpha -- even with the NaN-share check at 5 %, far below
    its SUSPECT_OFF, so the check itself, not only its trigger, keeps them quiet."""
    from tests.color.test_decolorize_annotations import _annotated
    from truepix.color._decolorize import _result

    monkeypatch.setattr(_result, "SUSPECT_OFF", 0.05)
    picture = _annotated(name)[0]
    for form in (picture, pillow_jpeg(picture, 75)):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            values = tp.decolorize(form, cmap=name, vmin=0, vmax=1)
        assert np.isnan(values).mean() >= 0.09


@pytest.mark.parametrize(
    ("cmap", "named"), [("coolwarm", "bwr"), ("RdBu_r", "chrisluts:I_Cyan"),
                        ("cividis", "gray"), ("Spectral", "colorbrewer:Accent_4")],
)  # fmt: skip
def test_the_right_map_through_the_web_palette_names_no_other(cmap: str, named: str) -> None:
    """Pillow's web palette (216 colors, 51 DN apart) without dither moves every color up
    to 44 DN: another map that passes nearer its colors by chance was named (trial 47:
    following 'Oranges' for coolwarm gave 38 % error), not the quantization."""
    from skimage import data

    import cv2

    moon = cv2.resize(data.moon(), (192, 192), interpolation=cv2.INTER_AREA) / 255.0
    rgb = colormap(cmap)(moon, bytes=True)[..., :3]
    paletted = Image.fromarray(rgb).convert("P", dither=Image.Dither.NONE)
    picture = np.asarray(paletted.convert("RGB"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert not [w for w in caught if "far better" in str(w.message)], named
    # ... and every pixel answered (what the warning would have said is wrong, is not)
    assert np.isnan(values).mean() <= 0.002
