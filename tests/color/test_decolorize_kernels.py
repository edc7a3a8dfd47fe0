"""The decolorize kernels (numba) against their plain-numpy oracle, table-driven."""

from __future__ import annotations

import threading

import matplotlib
import numpy as np
import pytest

from truepix._validate import readonly
from truepix.color._catalog import get
from truepix.color._decolorize import _cells as cells_kernels
from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _histogram as histogram
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize import _oracle as oracle
from truepix.color._decolorize._api import AMBIGUITY_GAP, AMBIGUITY_TOLERANCE, Decolorizer
from truepix.color._decolorize._fields import memo_fields
from truepix.color._decolorize._filter import pilot_wiener
from truepix.color._decolorize._grow import core_groups, grow_similar
from truepix.color._decolorize._palette import Grid, Memo, Polyline, collapse_runs, luma_metric
from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._vertex import _vertex_before, _vertex_walked

# (name, why it is here)
MAPS = [
    ("viridis", "injective, 254 distinct 8-bit colors"),
    ("jet", "piecewise linear with sharp corners"),
    ("gray", "runs of equal 8-bit colors"),
    ("twilight", "cyclic, 510 entries"),
    ("hsv", "cyclic"),
    ("prism", "non-injective: repeats itself"),
    ("tab10", "10 discrete colors"),
]
WEIGHTS = [1.0, 0.1]


def _grid(name: str, weight: float, *, floats: bool = False) -> Grid:
    entry = get(name)
    colors = entry.lut[:, :3] * 255.0 if floats else entry.lut_bytes[:, :3]
    line = Polyline.build(colors, cyclic=entry.cyclic, matrix=luma_metric(weight))
    return Grid(line, gap=AMBIGUITY_GAP, tolerance=AMBIGUITY_TOLERANCE)


def _probe_colors(name: str, rng: np.random.Generator) -> np.ndarray:
    """Random colors, colors near the map, and the map's own colors."""
    table = get(name).lut_bytes[:, :3].astype(np.int64)
    near = table[rng.integers(0, len(table), 3000)] + rng.integers(-9, 10, (3000, 3))
    anywhere = rng.integers(0, 256, (3000, 3))
    return np.clip(np.vstack([table, near, anywhere]), 0, 255).astype(np.uint8)


def _kernel_codes(grid: Grid, pixels: np.ndarray, *, scale: float = 1.0) -> np.ndarray:
    pixels = _pixels(pixels)
    codes = np.empty(len(pixels), np.uint32)
    need = np.zeros(grid.n_axis**3, np.uint8)
    span = float(grid.line.n_bins)
    if pixels.dtype == np.uint8:
        memo = Memo()
        kernels.lookup_u8(pixels, memo.block, memo.pool, True, codes, need)
        cells = np.flatnonzero(need)
        grid.build_cells(cells)  # before search(): building replaces the pool
        memo.allocate(cells)  # ... and allocating the memo's
        search = grid.search()
        kernels.resolve_u8(
            pixels, memo.block, memo.pool, search, search, False, span, codes, memo.block,
            memo.pool,
        )  # fmt: skip
    else:
        kernels.cells_float(pixels, scale, grid.count, grid.n_axis, grid.cell_size, need)
        grid.build(need)
        kernels.decode_float(pixels, scale, True, grid.search(), span, codes)
    return codes


def _pixels(picture: np.ndarray) -> np.ndarray:
    """(P, C) pixels as the decoder hands them to its kernels: C-ordered, read-only.

    numba compiles a kernel once per argument types: a writable or strided array
    here would compile every kernel a second time (~5 s each), beside the decoder's.
    """
    return readonly(np.ascontiguousarray(picture.reshape(-1, picture.shape[-1])))


def _unpack(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    position = np.empty(len(codes))
    residual = np.empty(len(codes), np.float32)
    ambiguous = np.empty(len(codes), bool)
    kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, position, residual, ambiguous)
    return position, residual, ambiguous


@pytest.mark.parametrize("weight", WEIGHTS)
@pytest.mark.parametrize(("name", "why"), MAPS)
def test_projection_matches_brute_force_oracle(name: str, why: str, weight: float) -> None:
    rng = np.random.default_rng(len(name) + int(10 * weight))
    pixels = _probe_colors(name, rng)
    grid = _grid(name, weight)
    position, residual, ambiguous = _unpack(_kernel_codes(grid, pixels))
    want_pos, want_res, want_amb = oracle.project(
        pixels.astype(np.float64), grid.line, gap=AMBIGUITY_GAP, tolerance=AMBIGUITY_TOLERANCE
    )
    n_bins = grid.line.n_bins
    # residuals are stored in quarter DN up to 127.25
    capped = np.minimum(want_res, 127.25)
    np.testing.assert_allclose(residual, capped, atol=0.125 + 1e-6)
    # positions are 22-bit fractions of the map
    diff = np.abs(position * n_bins - want_pos)
    if grid.line.cyclic:
        diff = np.minimum(diff, n_bins - diff)
    assert np.max(diff) <= n_bins / kernels.POS_SCALE
    # ambiguity compares distances to a tolerance: rounding may flip a borderline one
    assert np.mean(ambiguous != want_amb) < 0.001
    if why.startswith("non-injective"):
        assert ambiguous.mean() > 0.2


@pytest.mark.parametrize(("name", "why"), MAPS[:4])
def test_float_pixels_match_oracle_against_the_float_table(name: str, why: str) -> None:
    rng = np.random.default_rng(5)
    entry = get(name)
    pixels = np.vstack([entry.lut[:, :3], rng.random((2000, 3))])
    grid = _grid(name, 1.0, floats=True)
    position, residual, _ = _unpack(_kernel_codes(grid, pixels, scale=255.0))
    want_pos, want_res, _ = oracle.project(
        pixels * 255.0, grid.line, gap=AMBIGUITY_GAP, tolerance=AMBIGUITY_TOLERANCE
    )
    np.testing.assert_allclose(residual, np.minimum(want_res, 127.25), atol=0.125 + 1e-6)
    n_bins = grid.line.n_bins
    diff = np.abs(position * n_bins - want_pos)
    if grid.line.cyclic:
        diff = np.minimum(diff, n_bins - diff)
    assert np.all(diff <= n_bins / kernels.POS_SCALE + 1e-9)
    # the table's own colors sit exactly on their bin centers
    on_table = position[: entry.n_colors] * n_bins
    np.testing.assert_allclose(residual[: entry.n_colors], 0.0)
    assert np.all(np.floor(on_table) <= np.arange(entry.n_colors) + 1)


def test_grid_lists_every_segment_that_can_win() -> None:
    """Brute force over a whole cell: the grid's candidates always contain the best."""
    grid = _grid("jet", 0.1)
    cell_values = np.linspace(0.0, 3.999, 5)  # cell (i, j, k) spans [4i, 4i + 4)
    rng = np.random.default_rng(3)
    for base in rng.integers(0, 64, (40, 3)):
        corner = base * grid.cell_size
        points = np.stack(np.meshgrid(*[corner[k] + cell_values for k in range(3)]), -1)
        points = points.reshape(-1, 3)
        need = np.zeros(grid.n_axis**3, np.uint8)
        need[(base[0] * 64 + base[1]) * 64 + base[2]] = 1
        grid.build(need)
        cell = (base[0] * 64 + base[1]) * 64 + base[2]
        listed = set(grid.pool[grid.start[cell] : grid.start[cell] + grid.count[cell]].tolist())
        metric = points @ grid.line.matrix.T
        rel = metric[:, None, :] - grid.line.seg_a[None]
        t = np.clip(np.einsum("psk,sk->ps", rel, grid.line.seg_d) * grid.line.seg_inv, 0, 1)
        dist2 = np.sum((rel - t[..., None] * grid.line.seg_d[None]) ** 2, axis=-1)
        assert set(np.argmin(dist2, axis=1).tolist()) <= listed


@pytest.mark.parametrize("weight", WEIGHTS)
@pytest.mark.parametrize(("name", "why"), MAPS)
def test_cell_lists_are_those_of_a_search_of_every_segment(
    name: str, why: str, weight: float
) -> None:
    """Cells take their candidates from their coarse cell's: the lists must be exactly
    the segments within d_min(center) + 2 half + slack of the cell's center."""
    grid = _grid(name, weight)
    rng = np.random.default_rng(len(name))
    cells = np.unique(rng.integers(0, grid.n_axis**3, 3000))
    counts, candidates = cells_kernels.cell_candidates(
        cells, grid.line.matrix, grid.line.seg_a, grid.line.seg_d, grid.line.seg_inv,
        grid.n_axis, grid.cell_size, grid.slack,
    )  # fmt: skip
    index = np.stack([cells // grid.n_axis**2, cells // grid.n_axis % grid.n_axis,
                      cells % grid.n_axis], -1)  # fmt: skip
    centers = ((index + 0.5) * grid.cell_size) @ grid.line.matrix.T
    rel = centers[:, None, :] - grid.line.seg_a[None]
    t = np.clip(np.einsum("psk,sk->ps", rel, grid.line.seg_d) * grid.line.seg_inv, 0, 1)
    dist = np.sqrt(np.sum((rel - t[..., None] * grid.line.seg_d[None]) ** 2, axis=-1))
    corners = np.array(np.meshgrid([-1, 1], [-1, 1], [-1, 1])).reshape(3, -1).T
    half = np.max(np.linalg.norm(corners * grid.cell_size / 2 @ grid.line.matrix.T, axis=1))
    limit = dist.min(axis=1) + 2 * half + grid.slack
    lists = np.split(candidates, np.cumsum(counts)[:-1])
    margin = 1e-9 * (1 + limit)  # rounding decides a segment at the very edge
    for listed, d, lim, m in zip(lists, dist, limit, margin, strict=True):
        assert set(np.flatnonzero(d <= lim - m)) <= set(listed.tolist()) <= set(
            np.flatnonzero(d <= lim + m)
        )
        assert np.all(np.diff(listed) > 0)


@pytest.mark.parametrize("cyclic", [False, True])
def test_collapse_runs_puts_each_run_at_the_middle_of_its_bins(cyclic: bool) -> None:
    colors = np.array([[1, 1, 1], [1, 1, 1], [2, 2, 2], [3, 3, 3], [1, 1, 1], [1, 1, 1]])
    vertices, positions = collapse_runs(colors, cyclic=cyclic)
    if cyclic:  # the run 4, 5, 0, 1 wraps: its middle is the seam, position 0 == 6
        assert vertices.tolist() == [[1, 1, 1], [2, 2, 2], [3, 3, 3]]
        assert positions.tolist() == [0.0, 2.5, 3.5]
    else:
        assert vertices.tolist() == [[1, 1, 1], [2, 2, 2], [3, 3, 3], [1, 1, 1]]
        assert positions.tolist() == [1.0, 2.5, 3.5, 5.0]


@pytest.mark.parametrize("name", ["viridis", "jet", "twilight"])
def test_color_at_matches_oracle(name: str) -> None:
    grid = _grid(name, 1.0)
    line = grid.line
    position = np.linspace(0, line.n_bins, 997, endpoint=False)
    want = oracle.color_at(line, position)
    for k, s in enumerate(position):
        got = degraded._color_at(s, line.vertices, line.positions, float(line.n_bins), line.cyclic)
        np.testing.assert_allclose(got, want[k], atol=1e-9)


@pytest.mark.parametrize(("name", "why"), MAPS)
def test_vertex_before_is_searchsorted(name: str, why: str) -> None:
    line = _grid(name, 1.0).line
    rng = np.random.default_rng(4)
    n_bins = float(line.n_bins)
    probes = np.concatenate([
        rng.uniform(-2, n_bins + 2, 2000), line.positions, np.nextafter(line.positions, -1),
        np.nextafter(line.positions, n_bins + 1), [0.0, n_bins, -np.inf, np.inf, np.nan],
    ])  # fmt: skip
    got = [_vertex_before(line.positions, s, n_bins) for s in probes]
    assert np.array_equal(got, np.searchsorted(line.positions, probes, side="right") - 1)



@pytest.mark.parametrize("drift", [0.0, 0.3, 2.0, 9.0])
def test_vertex_before_counts_and_walks_alike(drift: float) -> None:
    """Vertices spread unevenly (merged runs, a cyclic table's padded ends): the
    answer near the guess (counted) and farther off (walked) is searchsorted's."""
    rng = np.random.default_rng(int(drift * 10))
    gaps = rng.uniform(1.0 - min(drift, 0.9), 1.0 + drift, 300)
    positions = np.cumsum(gaps) - 3.0  # (below 0 as interp_table's padded first vertex)
    n_bins = float(positions[-1] + rng.uniform(0.0, 2.0))
    probes = np.concatenate([
        rng.uniform(-5, n_bins + 5, 5000), positions, np.nextafter(positions, -np.inf),
        np.nextafter(positions, np.inf), [-np.inf, np.inf, np.nan, 0.0, n_bins],
    ])  # fmt: skip
    got = [_vertex_before(positions, s, n_bins) for s in probes]
    want = np.searchsorted(positions, probes, side="right") - 1
    assert np.array_equal(got, want)
    assert np.array_equal([_vertex_walked(positions, s, n_bins) for s in probes], want)
    guess = np.clip(probes[:5000] * (len(positions) / n_bins), 0, len(positions) - 1)
    offset = np.asarray(got[:5000]) - guess.astype(np.int64)
    if drift <= 0.3:  # most answers near the guess: the count's path is the one tested
        assert np.mean((offset >= -3) & (offset <= 2)) > 0.5
    if drift >= 2.0:  # ... and the walk's
        assert np.mean((offset < -3) | (offset > 2)) > 0.1

def _field(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    return (
        0.5 + 0.4 * np.sin(x / 5.0) * np.cos(y / 7.0) + 0.03 * rng.random((height, width))
    ).clip(0, 1)


@pytest.mark.parametrize("name", ["viridis", "twilight"])
@pytest.mark.parametrize("holes", [False, True])
def test_chroma_subsampling_test_matches_oracle(name: str, holes: bool) -> None:
    rng = np.random.default_rng(8)
    data = _field(22, 30, rng)
    image = matplotlib.colormaps[name](data, bytes=True)[..., :3]
    grid = _grid(name, 1.0)
    codes = _kernel_codes(grid, image.reshape(-1, 3))
    if holes:
        codes[rng.random(len(codes)) < 0.05] = 0
    position, _, _ = _unpack(codes)
    position = position.reshape(data.shape) * grid.line.n_bins
    noisy = np.clip(image + rng.normal(0, 3, image.shape), 0, 255).astype(np.uint8)
    for picture in (image, noisy):
        got = degraded.chroma_subsampling_test(
            _pixels(picture), 1.0, codes, data.shape[1], kernels.RESIDUAL_MAX_CODE,
            grid.line.vertices, grid.line.positions, float(grid.line.n_bins), grid.line.cyclic,
            1, _YCBCR,
        )  # fmt: skip
        want = oracle.chroma_subsampling_test(picture, position, grid.line, _YCBCR)
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-6)


@pytest.mark.parametrize("name", ["jet", "twilight"])
@pytest.mark.parametrize("shape", [(22, 30), (21, 17)])
def test_chroma_model_residual_matches_oracle(name: str, shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(9)
    data = _field(*shape, rng)
    image = matplotlib.colormaps[name](data, bytes=True)[..., :3].astype(np.int64)
    image[rng.random(shape) < 0.2] = rng.integers(0, 256, 3)  # foreign pixels
    image = np.clip(image + rng.normal(0, 6, image.shape), 0, 255).astype(np.uint8)
    grid = _grid(name, 0.1)
    position, residual, _ = _unpack(_kernel_codes(grid, image.reshape(-1, 3)))
    position[rng.random(len(position)) < 0.03] = np.nan  # no position (transparent)
    line = grid.line
    luma = line.vertices @ _YCBCR[0]
    candidates = np.flatnonzero(residual > 3.0)  # the pixels the kernel judges
    distance = np.empty(len(candidates))
    strong = np.empty(len(candidates), dtype=bool)
    degraded.chroma_model_residual(
        _pixels(image), 1.0, shape[1], position, candidates, line.vertices,
        line.positions, float(line.n_bins), line.cyclic, _YCBCR, 30.0, float(luma.min()),
        float(luma.max()), 10.0, 4.0, distance, strong,
    )  # fmt: skip
    want = oracle.chroma_model_residual(
        image, position.reshape(shape), residual.reshape(shape), 3.0, line, _YCBCR, 30.0,
        (float(luma.min()), float(luma.max())), 10.0, 4.0,
    )  # fmt: skip
    assert len(candidates) > 0.1 * len(position)  # the test has pixels to judge
    np.testing.assert_allclose(distance, want[0].ravel()[candidates], rtol=1e-9, atol=1e-9)
    assert np.array_equal(strong, want[1].ravel()[candidates])
    assert strong.any() and not strong.all()


def test_near_is_a_square_dilation() -> None:
    from scipy import ndimage

    rng = np.random.default_rng(10)
    cores = rng.random((19, 27)) < 0.02
    out = np.zeros(cores.size, dtype=bool)
    degraded.near(np.flatnonzero(cores), 27, 19, 2, out)
    want = ndimage.binary_dilation(cores, np.ones((5, 5), dtype=bool))
    assert np.array_equal(out.reshape(cores.shape), want)


def _candidates(rng: np.random.Generator, *masks: np.ndarray) -> np.ndarray:
    """Sorted flat indices covering ``masks`` and more: the kernels' candidate list."""
    covered = np.logical_or.reduce([m.reshape(-1) for m in masks])
    return np.flatnonzero(covered | (rng.random(covered.size) < 0.1))


@pytest.mark.parametrize("shape", [(23, 31), (40, 9)])
def test_core_groups_match_oracle(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(13)
    cores = rng.random(shape) < 0.25
    distance = rng.uniform(0, 100, shape)
    candidates = _candidates(rng, cores)
    labels = np.empty(len(candidates), dtype=np.int64)
    count = core_groups(
        cores.reshape(-1)[candidates], distance.reshape(-1)[candidates], candidates,
        shape[1], shape[0], 3, 90.0, labels,
    )  # fmt: skip
    full = np.zeros(cores.size, dtype=np.int64)
    full[candidates] = labels
    labels = full
    want = oracle.core_groups(cores, distance, 3, 90.0)
    assert np.array_equal(labels.reshape(shape) > 0, want)
    assert want.any() and (cores & ~want).any()  # groups kept and dropped
    kept = labels[labels > 0]
    assert kept.max() < count
    # one label per 8-connected group: a group's pixels share it, groups do not
    from scipy import ndimage

    parts, _ = ndimage.label(want, structure=np.ones((3, 3)))
    pairs = np.unique(np.stack([parts[want], labels.reshape(shape)[want]]), axis=1)
    assert len(np.unique(pairs[0])) == len(np.unique(pairs[1])) == pairs.shape[1]


@pytest.mark.parametrize("shape", [(23, 31), (40, 9)])
def test_grow_similar_matches_oracle(shape: tuple[int, int]) -> None:
    from scipy import ndimage

    rng = np.random.default_rng(12)
    image = rng.integers(0, 256, (*shape, 3)).astype(np.uint8)
    image[rng.random(shape) < 0.5] = 128  # runs of one luma to grow through
    through = rng.random(shape) < 0.6
    labels, count = ndimage.label(rng.random(shape) < 0.08, structure=np.ones((3, 3)))
    labels[labels == 2] = 0  # a label with no pixels
    candidates = _candidates(rng, through, labels > 0)
    out = np.zeros(len(candidates), dtype=bool)
    grow_similar(
        _pixels(image), 1.0, _YCBCR, candidates,
        labels.reshape(-1).astype(np.int64)[candidates], count + 1,
        through.reshape(-1)[candidates], shape[1], 25.0, out,
    )  # fmt: skip
    want = oracle.grow_similar(image, labels, through, _YCBCR, 25.0)
    grown = np.zeros(labels.size, dtype=bool)
    grown[candidates[out]] = True
    assert np.array_equal(grown.reshape(shape), want)
    assert want.sum() > 2 * (labels > 0).sum()  # the groups grew


def test_off_map_kernels_take_no_candidates() -> None:
    # a JPEG'd picture whose sample had off-map pixels but whose own are all on the map
    image = np.zeros((6, 8, 3), dtype=np.uint8)
    none = np.empty(0, dtype=np.int64)
    line = _grid("jet", 0.1).line
    distance, strong = np.empty(0), np.empty(0, dtype=bool)
    degraded.chroma_model_residual(
        _pixels(image), 1.0, 8, np.full(48, 0.5), none, line.vertices, line.positions,
        float(line.n_bins), line.cyclic, _YCBCR, 30.0, 0.0, 255.0, 10.0, 4.0, distance, strong,
    )  # fmt: skip
    labels = np.empty(0, dtype=np.int64)
    assert core_groups(strong, distance, none, 8, 6, 3, 90.0, labels) == 1
    out = np.empty(0, dtype=bool)
    grow_similar(_pixels(image), 1.0, _YCBCR, none, labels, 1, out, 8, 25.0, out)
    assert len(out) == 0


@pytest.mark.parametrize("cyclic", [False, True])
@pytest.mark.parametrize(("radius", "shape"), [(1, (17, 23)), (2, (17, 23)), (4, (70, 150))])
@pytest.mark.parametrize("holes", [0.1, 0.0005])
def test_plane_wiener_matches_oracle(
    cyclic: bool, radius: int, shape: tuple[int, int], holes: float
) -> None:
    """Small pictures and one that crosses the kernel's bands (32 rows) and blocks (64);
    with many NaN holes (windows of every shape) and with few (mostly full windows,
    which the kernel solves its own way)."""
    rng = np.random.default_rng(radius + 2 * cyclic)
    y, x = np.mgrid[0 : shape[0], 0 : shape[1]] / 23.0
    position = (0.3 + 0.5 * x + 0.2 * y**2 + rng.normal(0, 0.02, x.shape)) % 1.0
    position[rng.random(position.shape) < holes] = np.nan
    noise_by_bin = rng.uniform(1e-4, 8e-4, 50)
    bins = np.clip((np.nan_to_num(position) * 50).astype(int), 0, 49)
    got = np.empty_like(position)
    degraded.plane_wiener(position, noise_by_bin, radius, cyclic, got)
    want = oracle.plane_wiener(position, noise_by_bin[bins], radius=radius, cyclic=cyclic)
    np.testing.assert_allclose(got, want, atol=1e-10)
    assert np.array_equal(np.isnan(got), np.isnan(position))



@pytest.mark.parametrize("cyclic", [False, True])
@pytest.mark.parametrize(("radius", "holes"), [(1, 0.1), (1, 0.0005), (2, 0.1), (4, 0.0005)])
def test_pilot_wiener_matches_oracle(cyclic: bool, radius: int, holes: float) -> None:
    """The second Wiener stage, its pilot the first (``plane_wiener``), across
    twilight-like seams and NaN holes; through a norm it writes data values."""
    rng = np.random.default_rng(radius + 3 * cyclic)
    y, x = np.mgrid[0:19, 0:27] / 23.0
    position = (0.3 + 0.5 * x + 0.2 * y**2 + rng.normal(0, 0.02, x.shape)) % 1.0
    position[rng.random(position.shape) < holes] = np.nan
    noise_by_bin = rng.uniform(1e-4, 8e-4, 50)
    bins = np.clip((np.nan_to_num(position) * 50).astype(int), 0, 49)
    pilot = np.empty_like(position)
    degraded.plane_wiener(position, noise_by_bin, 2, cyclic, pilot)
    got = np.empty_like(position)
    pilot_wiener(position, pilot, noise_by_bin, radius, cyclic, got)
    want = oracle.pilot_wiener(position, pilot, noise_by_bin[bins], radius=radius, cyclic=cyclic)
    np.testing.assert_allclose(got, want, atol=1e-10)
    assert np.array_equal(np.isnan(got), np.isnan(position))
    logged = np.empty_like(position)
    pilot_wiener(position, pilot, noise_by_bin, radius, cyclic, logged, kernels.NORM_LOG, 1.0, 3.0)
    np.testing.assert_allclose(logged, 10.0 ** (1.0 + got * 2.0), rtol=1e-13)

@pytest.mark.parametrize("cyclic", [False, True])
def test_plane_wiener_writes_data_values_through_the_norm(cyclic: bool) -> None:
    rng = np.random.default_rng(4)
    position = np.clip(0.5 + rng.normal(0, 0.05, (40, 70)), 0.0, 0.999)
    position[3, 5] = np.nan
    noise_by_bin = np.full(20, 1e-3)
    filtered = np.empty_like(position)
    degraded.plane_wiener(position, noise_by_bin, 3, cyclic, filtered)
    logged = np.empty_like(position)
    degraded.plane_wiener(position, noise_by_bin, 3, cyclic, logged, kernels.NORM_LOG, 1.0, 3.0)
    np.testing.assert_allclose(logged, 10.0 ** (1.0 + filtered * 2.0), rtol=1e-14)
    linear = np.empty_like(position)
    linear_norm = (kernels.NORM_LINEAR, -5.0, 15.0)
    degraded.plane_wiener(position, noise_by_bin, 3, cyclic, linear, *linear_norm)
    np.testing.assert_allclose(linear, -5.0 + filtered * 20.0, rtol=1e-14)


def test_plane_wiener_keeps_planes_and_smooths_noise() -> None:
    rng = np.random.default_rng(2)
    y, x = np.mgrid[0:40, 0:40] / 40.0
    plane = 0.2 + 0.3 * x + 0.1 * y
    noisy = plane + rng.normal(0, 0.01, plane.shape)
    out = np.empty_like(noisy)
    degraded.plane_wiener(noisy, np.full(10, 1e-4), 2, False, out)
    inner = (slice(2, -2), slice(2, -2))
    assert np.abs(out - plane)[inner].mean() < 0.5 * np.abs(noisy - plane)[inner].mean()
    degraded.plane_wiener(plane, np.full(10, 1e-4), 2, False, out)
    np.testing.assert_allclose(out, plane, atol=1e-12)


@pytest.mark.parametrize("n_codes", [100_003, histogram.SERIAL_HISTOGRAM + 3])  # serial, parallel
def test_residual_histogram_counts_every_code(n_codes: int) -> None:
    rng = np.random.default_rng(4)
    residual_codes = rng.integers(0, kernels.RESIDUAL_MAX_CODE + 1, n_codes).astype(np.uint32)
    codes = (residual_codes << np.uint32(kernels.RESIDUAL_SHIFT)) | rng.integers(
        0, 1 << 22, len(residual_codes)
    ).astype(np.uint32)
    got = histogram.residual_histogram(codes)
    want = np.bincount(residual_codes, minlength=kernels.RESIDUAL_MAX_CODE + 1)
    assert np.array_equal(got, want)


@pytest.mark.parametrize("kind", [kernels.NORM_LINEAR, kernels.NORM_LOG])
def test_codes_to_values_matches_unpacked_fields(kind: int) -> None:
    rng = np.random.default_rng(6)
    residual_codes = rng.integers(0, 40, 5000).astype(np.uint32)
    codes = (residual_codes << np.uint32(kernels.RESIDUAL_SHIFT)) | rng.integers(
        0, 1 << 22, 5000
    ).astype(np.uint32)
    low, high = (-2.0, 3.0) if kind == kernels.NORM_LINEAR else (0.0, 3.0)
    values = np.empty(5000)
    kernels.codes_to_values(codes, 20, kind, low, high, values)
    position, _, _ = _unpack(codes)
    keep = (residual_codes > 0) & (residual_codes <= 20)
    expected = low + position * (high - low)
    if kind == kernels.NORM_LOG:
        expected = 10.0**expected
    assert np.array_equal(np.isnan(values), ~keep)
    np.testing.assert_allclose(values[keep], expected[keep], rtol=1e-12)



@pytest.mark.parametrize("metric", ["rgb", "jpeg"])
def test_memo_fields_are_the_unpacked_codes(metric: str) -> None:
    rng = np.random.default_rng(8)
    rgb = _probe_colors("jet", rng)
    alpha = rng.choice(np.array([0, 200, 255], np.uint8), (len(rgb), 1))
    for pixels in (rgb, np.ascontiguousarray(np.hstack([rgb, alpha]))):
        codes = Decolorizer("jet", vmin=0, vmax=1)._codes(pixels, "u8", 1.0, metric)
        position, residual, ambiguous = (np.empty(len(codes), t) for t in (float, np.float32, bool))
        kernels.codes_to_fields(codes, 30, position, residual, ambiguous)
        decoder = Decolorizer("jet", vmin=0, vmax=1)
        half = pixels[: len(pixels) // 2]
        memo_fields(decoder, half, "u8", metric, 30)  # some colors known, others not
        for _ in range(2):  # projected, then from the memo
            got = memo_fields(decoder, pixels, "u8", metric, 30)
            for field, want in zip(got, (position, residual, ambiguous), strict=True):
                assert np.array_equal(field, want, equal_nan=field.dtype != bool)


def test_memo_fields_scratch_residual_is_the_detailed_one() -> None:
    # not detailed: no ambiguity, and the residual in the memo's buffer, reused
    rng = np.random.default_rng(12)
    pixels = _probe_colors("viridis", rng)
    decoder = Decolorizer("viridis", vmin=0, vmax=1)
    position, residual, ambiguous = memo_fields(decoder, pixels, "u8", "jpeg", 30)
    for _ in range(2):
        got = memo_fields(decoder, pixels, "u8", "jpeg", 30, detailed=False)
        assert got[2] is None and ambiguous is not None
        assert np.array_equal(got[0], position, equal_nan=True)
        assert np.array_equal(got[1], residual) and got[1].dtype == residual.dtype
    again = memo_fields(decoder, pixels, "u8", "jpeg", 30, detailed=False)[1]
    assert np.shares_memory(again, got[1])
    assert not np.shares_memory(memo_fields(decoder, pixels, "u8", "jpeg", 30)[1], again)


def test_memo_scratch_is_kept_up_to_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from truepix.color._decolorize import _palette as palette

    monkeypatch.setattr(palette, "SCRATCH_PIXELS", 100)
    monkeypatch.setattr(palette, "_SCRATCH", threading.local())  # (none kept yet)
    memo = Memo()
    kept = memo.scratch(100)
    assert memo.scratch(100) is kept and kept.dtype == np.float32 and kept.shape == (100,)
    assert memo.scratch(101) is not memo.scratch(101)  # past the cap: fresh each time
    assert memo.scratch(100) is kept
    # one buffer a thread, whichever memo asks (a new decoder: no fresh memory)
    assert Memo().scratch(100) is kept and np.shares_memory(Memo().scratch(60), kept)
    elsewhere: list[np.ndarray] = []
    thread = threading.Thread(target=lambda: elsewhere.append(Memo().scratch(100)))
    thread.start()
    thread.join()
    assert not np.shares_memory(elsewhere[0], kept)


@pytest.mark.parametrize(("name", "overshoot"), [("viridis", 0.0), ("jet", 0.0), ("twilight", 0.0),
                                                ("viridis", 0.2), ("twilight", 0.2)])  # fmt: skip
def test_unmix_matches_oracle(name: str, overshoot: float) -> None:
    rng = np.random.default_rng(9)
    data = _field(20, 26, rng)
    image = matplotlib.colormaps[name](data, bytes=True)[..., :3]
    # 2x2 means: blends of neighbouring map colors
    small = image.reshape(10, 2, 13, 2, 3).mean(axis=(1, 3)).round().astype(np.uint8)
    small[4, 3:9] = (255, 0, 255)  # a line that is no map color
    grid = _grid(name, 1.0)
    codes = _kernel_codes(grid, small.reshape(-1, 3))
    position, residual, _ = _unpack(codes)
    position[rng.random(len(position)) < 0.05] = np.nan
    got = np.empty_like(position)
    got_residual = np.empty(len(position), np.float64)
    degraded.unmix(
        _pixels(small), 1.0, 13, position, residual, 2.0, 9.0, grid.line.vertices,
        grid.line.positions, float(grid.line.n_bins), grid.line.cyclic, overshoot, got,
        got_residual,
    )  # fmt: skip
    want, want_residual = oracle.unmix(
        small, position.reshape(10, 13), residual.reshape(10, 13), grid.line,
        min_residual=2.0, threshold=9.0, overshoot=overshoot,
    )  # fmt: skip
    np.testing.assert_allclose(got.reshape(10, 13), want, atol=1e-9)
    np.testing.assert_allclose(got_residual.reshape(10, 13), want_residual, atol=1e-6)
    changed = (got != position) & ~np.isnan(position)
    assert np.any(changed)
    assert np.all(got_residual[changed] < residual[changed])
    assert np.all(got_residual.reshape(10, 13)[4, 3:9] > 9.0)  # the line stays off the map


@pytest.mark.parametrize(("name", "overshoot", "contrast"), [
    ("jet", 0.0, 3.0), ("viridis", 0.0, 3.0), ("jet", 0.1, 3.0), ("twilight", 0.1, 3.0),
    ("hsv", 0.0, 3.0), ("jet", 0.25, 40.0), ("twilight", 0.25, 40.0)])  # fmt: skip
def test_hull_accept_matches_oracle(name: str, overshoot: float, contrast: float) -> None:
    from truepix.color._decolorize._hull import hull_accept, simplify

    rng = np.random.default_rng(4)
    data = np.clip(_field(24, 28, rng) + 0.15 * rng.random((24, 28)), 0, 1)  # texture
    if name in ("twilight", "hsv"):
        data = (data + 0.5) % 1.0  # across the seam
    image = matplotlib.colormaps[name](data, bytes=True)[..., :3]
    small = image.reshape(12, 2, 14, 2, 3).mean(axis=(1, 3)).round().astype(np.uint8)
    small[5, 2:12] = (255, 255, 255)  # a line no blend of these colors makes
    grid = _grid(name, 1.0)
    position, residual, _ = _unpack(_kernel_codes(grid, small.reshape(-1, 3)))
    line = grid.line
    corners = simplify(line.vertices @ line.matrix.T, line.positions, 1.0)
    got = np.zeros(len(position), dtype=bool)
    hull_accept(
        _pixels(small), 1.0, 14, position, residual.astype(np.float64), 3.0, 3.0, 2, 0.0,
        np.ascontiguousarray(line.vertices[corners] @ line.matrix.T), line.positions[corners],
        line.vertices, line.positions, float(line.n_bins), line.cyclic, line.matrix, 3.0,
        overshoot, contrast, got,
    )  # fmt: skip
    distance = oracle.hull_accept(
        small, position.reshape(12, 14), residual.reshape(12, 14), line, corners,
        threshold=3.0, radius=2, overshoot=overshoot, contrast_threshold=contrast,
    )  # fmt: skip
    got = got.reshape(12, 14)
    assert not got[np.isnan(distance) | np.isinf(distance)].any()
    # Frank-Wolfe stops once a bound decides; near the tolerance it may stay undecided
    clear = np.abs(distance - 3.0) > 0.6
    assert np.array_equal(got[clear], distance[clear] <= 3.0)
    assert got.any() and not got[5, 2:12].any()


def test_hull_distance_matches_nnls() -> None:
    from truepix.color._decolorize._hull import hull_distance

    rng = np.random.default_rng(5)
    for _ in range(200):
        corners = rng.uniform(0, 255, (int(rng.integers(1, 8)), 3))
        point = rng.uniform(-50, 300, 3)
        want = oracle.hull_distance(point, corners)
        for limit in (0.5 * want, 1.5 * want + 0.1):
            got = hull_distance(point, corners, len(corners), limit * limit)
            assert (got <= limit * limit) == (want <= limit)
