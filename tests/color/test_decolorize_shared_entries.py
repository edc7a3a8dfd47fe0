"""What docs/decolorize.md and docs/colormaps.md say of colors several entries share."""

from __future__ import annotations

import cv2
import matplotlib
import matplotlib.pyplot
import numpy as np
import pytest

import truepix as tp

# jet's pure blue: entries 29-31 of the float table, 29-32 of the truncated bytes
BLUE = {
    "float": ([0.0, 0.0, 1.0, 1.0], [29, 30, 31]),
    "bytes": ([0, 0, 255, 255], [29, 30, 31, 32]),
}


@pytest.mark.parametrize("form", ["float", "bytes"])
def test_jet_pure_blue_runs_and_the_worst_error_is_half_their_union(form: str) -> None:
    jet = matplotlib.colormaps["jet"]
    color, entries = BLUE[form]
    table = jet(np.arange(256), bytes=form == "bytes")
    assert np.flatnonzero(np.all(table == color, axis=1)).tolist() == entries
    data = np.linspace(1500, 4500, 20001).reshape(1, -1)
    picture = jet(matplotlib.colors.Normalize(1500, 4500)(data), bytes=form == "bytes")
    result = tp.Decolorizer("jet", vmin=1500, vmax=4500).decode(picture)
    error = np.abs(result.values - data) / (3000 / 256)  # in bins
    blue = np.all(picture == np.asarray(color, dtype=picture.dtype), axis=-1)
    bound = len(entries) / 2  # 1.5 bins on the float table, 2 on the truncated bytes
    assert bound - 0.01 <= error[blue].max() <= bound + 1e-6
    assert result.ambiguous[blue].all() and error[~blue].max() <= 0.5 + 1e-3


def test_opencv_maps_give_v_back_unless_two_entries_share_a_color() -> None:
    ramp = np.arange(256, dtype=np.uint8).reshape(1, 256)
    wrong = {}
    for name in ("viridis", "cividis", "pink", "twilight_shifted", "jet", "turbo", "parula"):
        code = getattr(cv2, f"COLORMAP_{name.upper()}")
        picture = cv2.applyColorMap(ramp, code)[..., ::-1]
        values = tp.decolorize(picture, cmap=f"opencv:{name}", vmin=0, vmax=255)[0]
        assert np.abs(values - np.arange(256)).max() <= 0.5 + 1e-3  # half an entry at most
        counted = tp.decolorize(picture, cmap=f"opencv:{name}", vmin=0, vmax=255, step=1)[0]
        wrong[name] = {int(v): float(counted[v]) for v in np.flatnonzero(counted != np.arange(256))}
    assert wrong == {
        "viridis": {112: 113.0, 130: 129.0}, "cividis": {100: 101.0},
        "pink": {157: 156.0, 185: 184.0}, "twilight_shifted": {127: 128.0},
        "jet": {}, "turbo": {}, "parula": {},
    }  # fmt: skip


def _union_spans(table: np.ndarray, *, cyclic: bool) -> dict[int, tuple[float, float]]:
    """Per table entry of a color that entries apart from each other share: the middle
    and the span (bins) of the smallest interval (cyclic: arc) of bins holding them all."""
    n_bins = len(table)
    _, color_of = np.unique(table, axis=0, return_inverse=True)
    color_of = color_of.reshape(-1)
    spans = {}
    for color in np.unique(color_of):
        entries = np.flatnonzero(color_of == color)
        starts = entries if cyclic else entries[:1]
        # each arc starting at an entry and running forward over all of them: the shortest
        lengths = [(((entries - s) % n_bins).max() + 1 if cyclic else entries[-1] + 1 - s, s)
                   for s in starts]  # fmt: skip
        length, start = min(lengths)
        if length == len(entries):
            continue  # one run (one across a cyclic map's seam): decoded as before
        for entry in entries:
            spans[int(entry)] = ((start + length / 2.0) % n_bins, float(length))
    return spans


SHARED = [  # (map, form, cyclic)
    ("flag", "bytes", False), ("flag", "float", False), ("prism", "bytes", False),
    ("prism_r", "rounded", False), ("colorcet:CET_C5", "bytes", True),
    ("colorcet:CET_C4", "rounded", True),
]  # fmt: skip


@pytest.mark.parametrize(("name", "form", "cyclic"), SHARED)
def test_colors_entries_apart_share_decode_to_the_middle_of_their_union(
    name: str, form: str, cyclic: bool
) -> None:
    floats = tp.colorize(np.arange(256).reshape(1, -1) + 0.5, cmap=name, vmin=0, vmax=256)
    entry = matplotlib.colormaps[name] if ":" not in name else None
    if entry is not None:  # matplotlib's own tables, as its users have them
        lut = entry(np.arange(256))
        table = {"float": lut, "bytes": entry(np.arange(256), bytes=True),
                 "rounded": np.round(lut * 255).astype(np.uint8)}[form]  # fmt: skip
    else:  # the catalog's colorize: truncated bytes; the rounded table from its floats
        from truepix.color._catalog import resolve

        table = {"bytes": floats[0], "rounded": resolve(name).lut_rounded}[form]
    picture = np.ascontiguousarray(table[None, :, :3])
    spans = _union_spans(np.round(table[:, :3] * (255 if form == "float" else 1), 6),
                         cyclic=cyclic)  # fmt: skip
    assert len(spans) >= 6  # the map has such colors
    shared = np.zeros(256, dtype=bool)
    shared[list(spans)] = True
    truth = np.arange(256) + 0.5
    for values, ambiguous in (
        (tp.decolorize(picture, cmap=name, vmin=0, vmax=256)[0], None),  # the memo's path
        *[(r.values[0], r.ambiguous[0])
          for r in [tp.Decolorizer(name, vmin=0, vmax=256).decode(picture)]],
    ):  # fmt: skip
        error = np.abs(values - truth)
        if cyclic:
            error = np.minimum(error, 256 - error)
        middles = np.array([spans[k][0] for k in np.flatnonzero(shared)])
        assert np.allclose(values[shared], middles, atol=1e-3)
        bound = np.array([spans[k][1] / 2 for k in np.flatnonzero(shared)])
        assert np.all(error[shared] <= bound - 0.5 + 1e-3)  # within half the union's span
        if ambiguous is not None:
            assert ambiguous[shared].all()


def test_flag_black_as_the_trial_found_it() -> None:
    flag = matplotlib.colormaps["flag"]
    x = np.linspace(0, 1, 4001).reshape(1, -1)
    picture = flag(x, bytes=True)[..., :3]
    black = np.all(picture == 0, axis=-1)
    values = tp.decolorize(picture, cmap="flag", vmin=0, vmax=1)
    # entries 12, 77, 93, 158, 174 and 255: the middle of bins 12..255
    assert np.allclose(values[black], 134.0 / 256, atol=1e-5)
    error = np.abs(values - x) * 256
    assert error[black].max() <= (256 - 12) / 2 + 1e-3
    result = tp.Decolorizer("flag", vmin=0, vmax=1).decode(picture)
    assert result.ambiguous[black].all()
    np.testing.assert_array_equal(result.values, values)


@pytest.mark.parametrize("name", ["viridis", "jet", "gray", "twilight", "turbo", "hsv"])
@pytest.mark.parametrize("form", ["bytes", "float"])
def test_maps_without_such_colors_decode_each_entry_to_its_run(name: str, form: str) -> None:
    from truepix.color._decolorize._palette import collapse_runs

    cmap = matplotlib.colormaps[name]
    n_bins = cmap.N
    table = cmap(np.arange(n_bins), bytes=form == "bytes")
    colors = table[:, :3].astype(np.float64)
    cyclic = name in ("twilight", "hsv")
    vertices, positions = collapse_runs(colors, cyclic=cyclic)
    assert len(np.unique(vertices, axis=0)) == len(vertices)  # no color in two runs
    # each entry's answer: its run's middle, as collapse_runs places it
    run_of = np.array([np.flatnonzero(np.all(vertices == c, axis=1))[0] for c in colors])
    values = tp.decolorize(table, cmap=name, vmin=0, vmax=n_bins)
    result = tp.Decolorizer(name, vmin=0, vmax=n_bins).decode(table)
    for decoded in (values, result.values):
        assert np.allclose(decoded, positions[run_of], atol=1e-3)


@pytest.mark.parametrize(
    "name", ["jet", "gray", "Greys", "copper", "hot", "cubehelix", "rainbow", "nipy_spectral"]
)
def test_exact_render_marks_ambiguous_exactly_the_shared_colors(name: str) -> None:
    """An ``plt.imsave`` PNG of a dense ramp: ``.ambiguous`` is True where several
    entries share the pixel's color and nowhere else -- not on jet's (0, 0, 254),
    entry 28 alone, 1 DN from entries 29-32's pure blue (trial 45: 8 of 2048 marked)."""
    import io

    from PIL import Image

    x = np.tile((np.arange(256 * 8) + 0.5) / (256 * 8), (6, 1))
    buffer = io.BytesIO()
    matplotlib.pyplot.imsave(buffer, x, cmap=name, vmin=0.0, vmax=1.0, format="png")
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    table = matplotlib.colormaps[name](np.arange(256), bytes=True)[:, :3]
    _, inverse, counts = np.unique(table, axis=0, return_inverse=True, return_counts=True)
    shared = (counts[inverse.ravel()] > 1)[np.minimum((x * 256).astype(int), 255)]
    result = tp.Decolorizer(name, vmin=0.0, vmax=1.0).decode(picture)
    assert np.array_equal(result.ambiguous, shared)
