"""identify_colormap on whole figures that name a map wrongly or drop its direction.

Trial 58: a ``sns.heatmap(annot=True)`` of a correlation matrix in RdBu_r, JPEG'd, was
named ``RdGy`` (0.88) -- its white paper is a color of RdGy and not of RdBu (whose light
middle is ``f7f7f7``), and its black digits a color of the gray maps -- and decoded by that
name 20 % off. A figure named from its colorbar drawn high-to-low is ``RdBu`` reversed,
and decoding it by the bare name turned its numbers upside down: ``ColormapMatch.cmap``
is the name to decode by.
"""

from __future__ import annotations

import io
import json

import matplotlib
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

import truepix as tp

matplotlib.use("Agg")


def _correlations() -> np.ndarray:
    rng = np.random.default_rng(58)
    xs = rng.normal(size=(200, 10))
    xs[:, 1] += xs[:, 0]
    xs[:, 5] -= 0.8 * xs[:, 3]
    xs[:, 9] += 0.5 * xs[:, 7]
    return np.corrcoef(xs.T)


def _read(buffer: io.BytesIO) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))


def _annotated_heatmap(sns, cmap: str, quality: int) -> np.ndarray:
    """A 300 x 250 px ``sns.heatmap(annot=True)`` with its colorbar, saved as JPEG."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2.5), dpi=100)
    sns.heatmap(_correlations(), cmap=cmap, vmin=-1, vmax=1, annot=True, fmt=".2f",
                annot_kws={"fontsize": 6}, ax=ax)  # fmt: skip
    buffer = io.BytesIO()
    fig.savefig(buffer, format="jpeg", pil_kwargs={"quality": quality})
    plt.close(fig)
    return _read(buffer)


@pytest.mark.parametrize(("cmap", "quality"), [("RdBu_r", 85), ("vlag", 75)])
def test_an_annotated_heatmap_figure_is_named_by_its_cells_not_its_paper_and_digits(
    seaborn, cmap: str, quality: int
) -> None:
    # before: RdGy 0.86 (RdBu_r) and colorbrewer:Greys_8 0.89 (vlag), no doubt
    best = tp.identify_colormap(_annotated_heatmap(seaborn, cmap, quality), top=3)[0]
    assert cmap.removesuffix("_r") in (best.name, *best.aliases)
    # its JPEG'd bar is found only in part: the direction is not claimed
    assert not best.direction_known or best.cmap == cmap


def _shrunk_figure(cmap: str, scale: float, resample: int) -> np.ndarray:
    """``imshow`` with its colorbar saved at 144 dpi, then resized as a screenshot is."""
    import matplotlib.pyplot as plt

    y, x = np.mgrid[0:60, 0:90] / 60.0
    fig, ax = plt.subplots(figsize=(4, 3))
    fig.colorbar(ax.imshow(np.sin(3 * x) * np.cos(2 * y) + x, cmap=cmap, aspect="auto"), ax=ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=144)
    plt.close(fig)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    size = (round(image.width * scale), round(image.height * scale))
    return np.asarray(image.resize(size, resample))


@pytest.mark.parametrize("cmap", ["RdBu_r", "viridis"])
def test_a_shrunk_figure_is_decoded_by_the_name_with_its_direction(cmap: str) -> None:
    best = tp.identify_colormap(_shrunk_figure(cmap, 0.5, Image.BICUBIC), top=1)[0]
    assert best.direction_known  # named from its bar
    assert best.cmap == cmap  # 'RdBu' reversed: decode by 'RdBu_r', not by best.name


def test_the_cli_reports_a_figures_direction_from_its_bar(tmp_path) -> None:
    from truepix.cli.main import cli

    path = tmp_path / "figure.png"
    Image.fromarray(_shrunk_figure("RdBu_r", 0.5, Image.BICUBIC)).save(path)
    result = CliRunner().invoke(cli, ["identify", str(path), "--json", "--top", "1"])
    assert result.exit_code == 0, result.output
    (best,) = json.loads(result.stdout)
    assert best["direction_known"] is True and best["cmap"] == "RdBu_r"
    table = CliRunner().invoke(cli, ["identify", str(path), "--top", "1"])
    assert "yes" in table.stdout and "a picture's colors do not say" not in table.stdout
