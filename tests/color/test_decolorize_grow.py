"""``grow_similar`` (which candidates join a JPEG'd stroke by its luma) against a plain
search in Python: on the calls default decodes make, and by both of its ways (the
searches group by group, and the sweep over the groups by luma)."""

from __future__ import annotations

import io
import warnings

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix._validate import readonly
from truepix.color._decolorize import _grow, _jpeg, _margins
from truepix.errors import OffMapWarning
from truepix.synthetic import smooth_field

matplotlib.use("Agg")


def _plain_grow(
    pixels: np.ndarray, scale: float, ycc: np.ndarray, candidates: np.ndarray,
    labels: np.ndarray, n_groups: int, through: np.ndarray, width: int, tolerance: float,
) -> np.ndarray:  # fmt: skip
    """Per candidate: in a group, or reached from it through ``through`` candidates
    within ``tolerance`` of the group's mean luma -- one search per group."""
    channels = pixels[candidates].T
    luma = (ycc[0, 0] * channels[0] + ycc[0, 1] * channels[1] + ycc[0, 2] * channels[2]) * scale
    slot = {int(p): k for k, p in enumerate(candidates)}
    height = len(pixels) // width
    out = np.zeros(len(candidates), dtype=bool)
    for group in range(1, n_groups):
        members = np.flatnonzero(labels == group)
        if len(members) == 0:
            continue
        total = 0.0
        for k in members:  # in candidate order, as the kernel adds them
            total += luma[k]
        mean = total / len(members)
        reached = set(members.tolist())
        queue = list(reached)
        while queue:
            y, x = divmod(int(candidates[queue.pop()]), width)
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    s = slot.get(yy * width + xx)
                    if s is None or s in reached or not through[s]:
                        continue
                    if not abs(luma[s] - mean) > tolerance:
                        reached.add(s)
                        queue.append(s)
        out[list(reached)] = True
    return out


def _figure(field: np.ndarray, cmap: str) -> np.ndarray:
    """matplotlib's savefig JPEG of the field with contours, text and a colorbar."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=80)
    image = ax.imshow(field, cmap=cmap)
    ax.contour(field, levels=5, colors="k", linewidths=0.8)
    ax.text(5, 12, "T = 25 K", color="w", fontsize=9)
    fig.colorbar(image, ax=ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="jpeg", pil_kwargs={"quality": 75})
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _annotated(rgb: np.ndarray) -> np.ndarray:
    """Pillow's lines and text in colors off the maps, on a copy of the picture."""
    from PIL import ImageDraw

    canvas = Image.fromarray(rgb)
    draw = ImageDraw.Draw(canvas)
    rng = np.random.default_rng(2)
    for k, color in enumerate([(200, 30, 120), (255, 255, 255), (40, 160, 60)] * 2):
        points = [tuple(p) for p in rng.integers(0, rgb.shape[1], (4, 2)).tolist()]
        draw.line(points, fill=color, width=1 + k % 2)
        draw.text(tuple(rng.integers(0, rgb.shape[1] - 40, 2).tolist()), "T = 25 K", fill=color)
    return np.asarray(canvas)


def _pictures() -> list[tuple[np.ndarray, str]]:
    """Small pictures of the kinds decoded: JPEG'd maps, figures, a photo."""
    from skimage import data as skdata

    field = smooth_field((96, 96), seed=np.random.default_rng(4))
    rendered = {
        name: np.ascontiguousarray(matplotlib.colormaps[name](field, bytes=True)[..., :3])
        for name in ("viridis", "magma", "jet", "gray")
    }
    photo = np.asarray(Image.fromarray(skdata.astronaut()).resize((96, 96)))
    return [
        (pillow_jpeg(_annotated(rendered["viridis"]), 75), "viridis"),
        (pillow_jpeg(_annotated(rendered["jet"]), 95, 0), "jet"),
        (pillow_jpeg(_annotated(rendered["gray"]), 50), "gray"),  # a second call, by luma alone
        (_figure(field, "viridis"), "viridis"),
        # (a wrong map's picture, mostly off it, stops before any growing: _fills.MOSTLY_OFF)
        (pillow_jpeg(_annotated(rendered["magma"]), 50), "magma"),
        (pillow_jpeg(rendered["jet"], 50), "turbo"),
        (pillow_jpeg(_annotated(rendered["jet"]), 75), "jet"),
        (pillow_jpeg(photo, 75), "viridis"),  # a photograph: mostly off, no growing either
    ]


@pytest.fixture(scope="module")
def calls() -> list[tuple]:
    """The arguments of every ``grow_similar`` call the decodes make (marks before)."""
    found = []
    real = _jpeg.grow_similar

    def spy(*args: object) -> None:
        found.append(tuple(_copy(a) if isinstance(a, np.ndarray) else a for a in args))
        real(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_jpeg, "grow_similar", spy)
        patch.setattr(_margins, "grow_similar", spy)  # (strokes' growing: grown_within)
        for picture, cmap in _pictures():
            with warnings.catch_warnings():  # wrong maps on purpose: mostly off the map
                warnings.simplefilter("ignore", OffMapWarning)
                tp.decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)
    return found


def _copy(array: np.ndarray) -> np.ndarray:
    """A copy read-only where the original was: numba compiles a kernel once per
    argument types, read-only pixels (the decoder's) and writable ones apart."""
    copy = array.copy()
    copy.flags.writeable = array.flags.writeable
    return copy


@pytest.mark.parametrize("budget", [None, 0], ids=["default", "sweep"])
def test_grow_matches_a_plain_search_on_decodes(calls: list[tuple], budget: int | None) -> None:
    grew = 0
    for *args, before in calls:
        out = before.copy()
        if budget is None:
            _grow.grow_similar(*args, out)
        else:
            _grow._grow(*args, budget, out)
        want = before | _plain_grow(*args)
        assert np.array_equal(out, want)
        grew += int(np.count_nonzero(want) > np.count_nonzero(args[4]))
    tolerances = {call[-2] for call in calls}
    # strokes grew; gray's call (and a figure's strokes beside its margin: _margins.spare)
    assert len(calls) >= 8 and grew >= 4
    assert {_jpeg.JPEG_STROKE_LUMA, _jpeg.JPEG_GRAY_LUMA} <= tolerances


@pytest.mark.parametrize("seed", range(6))
def test_grow_matches_a_plain_search_on_random_pictures(seed: int) -> None:
    """Runs of one luma, many groups, float pixels, and a NaN pixel (within tolerance of
    every group: the searches alone)."""
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(8, 40)), int(rng.integers(8, 40)))
    if seed % 2:
        image = rng.random((*shape, 3))
        scale = 255.0
        if seed == 5:
            image[shape[0] // 2, shape[1] // 2] = np.nan
    else:
        image = (ndimage.uniform_filter(rng.integers(0, 6, (*shape, 3)) * 50.0, 3)).astype(np.uint8)
        scale = 1.0
    through = rng.random(shape) < 0.7
    through[shape[0] // 2, shape[1] // 2] = True
    labels, count = ndimage.label(rng.random(shape) < 0.1, structure=np.ones((3, 3)))
    candidates = np.flatnonzero(through | (labels > 0) | (rng.random(shape) < 0.1))
    args = (
        readonly(image.reshape(-1, 3)), scale, _jpeg._YCBCR, candidates,
        labels.reshape(-1)[candidates].astype(np.int64), count + 1,
        through.reshape(-1)[candidates], shape[1], float(rng.choice([0.0, 12.0, 25.0])),
    )  # fmt: skip
    want = _plain_grow(*args)
    for budget in (-1, 0, 10):  # searches only, the sweep only, both
        out = np.zeros(len(candidates), dtype=bool)
        _grow._grow(*args, budget, out)
        assert np.array_equal(out, want)
