"""The colormap as a polyline: what the decolorize kernels search.

matplotlib maps a normalized value x to bin ``k = floor(x * N)`` and paints it with
table entry k. Entry k therefore stands for the bin center ``s = k + 0.5`` (positions
are counted in bins, ``u = s / N`` in [0, 1]). Runs of equal consecutive colors
(gray has 232 distinct 8-bit colors out of 256) collapse into one vertex at the
center of the run, so a pixel of that color comes back in the middle of the bins
that share it -- the least-error answer. A color that entries apart from each other
share (flag's black at entries 12, 77 ... 255, prism's repeats, a cyclic gray map
folding back onto itself) is a vertex at each of its runs, and a pixel of exactly
that color comes back in the middle of the union of their bins (``seg_exact``, see
:func:`shared_middles`). Consecutive vertices are joined by
segments, and a color between two vertices gets a position between theirs: that is
what resampled, JPEG'd or noisy pictures need. Cyclic maps close the loop.

Distances are measured after a linear map ``A`` of RGB (see :func:`luma_metric`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix._threads import split_rows
from truepix.color._decolorize import _cells as cells_kernels

__all__ = ["Grid", "Memo", "Polyline", "collapse_runs", "luma_metric", "shared_middles"]

_LUMA = np.array([0.299, 0.587, 0.114])
#: Fewest positions ``Polyline.colors_at`` looks up in one numba pass (``_interp``):
#: fewer (a decode's samples, the plain JPEG path) keep ``np.interp`` and load no kernel.
INTERP_LEAST = 16384


def luma_metric(chroma_weight: float) -> np.ndarray:
    """The 3x3 map A with ``|A d|^2 = luma(d)^2 + chroma_weight * |chroma(d)|^2``.

    Luma is the unit vector along BT.601 luma (what JPEG keeps at full resolution);
    chroma is everything orthogonal to it. ``chroma_weight = 1`` is plain RGB distance.

    Examples
    --------
    >>> np.allclose(luma_metric(1.0), np.eye(3))
    True
    """
    unit = _LUMA / np.linalg.norm(_LUMA)
    along = np.outer(unit, unit)
    return along + np.sqrt(chroma_weight) * (np.eye(3) - along)


@dataclass(frozen=True)
class Polyline:
    """Vertices and segments of a colormap in the metric space.

    Attributes
    ----------
    n_bins : int
        Entries of the colormap table (N); positions run over [0, N].
    cyclic : bool
        The last color joins the first.
    vertices : ndarray, (M, 3) float64
        Distinct consecutive colors, in DN (0-255), RGB.
    positions : ndarray, (M,) float64
        Position of each vertex, in bins.
    matrix : ndarray, (3, 3) float64
        The metric map A.
    seg_a, seg_d, seg_inv, seg_s, seg_ds : ndarray
        Per segment: start point and direction in metric space, 1/|direction|^2,
        start position and position increment (bins).
    seg_exact : ndarray, (S, 2) float64
        Per segment, the answer (bins) for a color exactly at its start and end vertex
        when other vertices share that color (:func:`shared_middles`); NaN otherwise.
    """

    n_bins: int
    cyclic: bool
    vertices: np.ndarray
    positions: np.ndarray
    matrix: np.ndarray
    seg_a: np.ndarray
    seg_d: np.ndarray
    seg_inv: np.ndarray
    seg_s: np.ndarray
    seg_ds: np.ndarray
    seg_exact: np.ndarray

    @classmethod
    def build(
        cls, colors: np.ndarray, /, *, cyclic: bool, matrix: np.ndarray, shared: bool = True
    ) -> Polyline:
        """Build from an (N, 3) table of colors in DN (uint8 or float); without ``shared``,
        a color several runs share comes back where the projection finds it (one run's
        middle) rather than in the middle of their union."""
        colors = np.asarray(colors, dtype=np.float64)
        n_bins = len(colors)
        vertices, positions = collapse_runs(colors, cyclic=cyclic)
        # (a new decoder builds a line per metric: its np.unique of rows only where asked)
        if shared:
            exact = shared_middles(colors, vertices, cyclic=cyclic)
        else:
            exact = np.full(len(vertices), np.nan)
        metric = vertices @ matrix.T
        if cyclic and len(vertices) > 1:
            ends = np.vstack([metric[1:], metric[:1]])
            end_pos = np.concatenate([positions[1:], positions[:1] + n_bins])
            starts, start_pos = metric, positions
            seg_exact = np.stack([exact, np.roll(exact, -1)], axis=1)
        else:
            ends, end_pos = metric[1:], positions[1:]
            starts, start_pos = metric[:-1], positions[:-1]
            seg_exact = np.stack([exact[:-1], exact[1:]], axis=1)
        if len(starts) == 0:
            # One color only: a zero-length segment, every match lands on it.
            starts, ends = metric, metric
            start_pos, end_pos = positions, positions
            seg_exact = np.full((1, 2), np.nan)
        direction = ends - starts
        length2 = np.einsum("ij,ij->i", direction, direction)
        seg_inv = np.divide(1.0, length2, out=np.zeros_like(length2), where=length2 > 0)
        return cls(
            n_bins=n_bins,
            cyclic=cyclic,
            vertices=vertices,
            positions=positions,
            matrix=np.ascontiguousarray(matrix, dtype=np.float64),
            seg_a=np.ascontiguousarray(starts),
            seg_d=np.ascontiguousarray(direction),
            seg_inv=seg_inv,
            seg_s=np.ascontiguousarray(start_pos, dtype=np.float64),
            seg_ds=np.ascontiguousarray(end_pos - start_pos, dtype=np.float64),
            seg_exact=np.ascontiguousarray(seg_exact, dtype=np.float64),
        )

    def colors_at(self, at: np.ndarray, /) -> np.ndarray:
        """The polyline's colors (..., 3), DN, at positions ``at`` (bins, any shape;
        taken around the cycle on a cyclic map; NaN gives NaN)."""
        if np.size(at) >= INTERP_LEAST:  # (one numba pass, the same bits)
            from truepix.color._decolorize._interp import colors_at_many

            return colors_at_many(at, self.positions, self.vertices, self.n_bins, self.cyclic)
        period = self.n_bins if self.cyclic else None
        return np.stack(
            [np.interp(at, self.positions, self.vertices[:, c], period=period) for c in range(3)],
            -1,
        )

    def speed_by_bin(self) -> np.ndarray:
        """Metric distance per bin of the polyline at each bin's center, (N,), read-only:
        made once per line (a warm decoder's JPEG decode asks each time: 0.15 ms)."""
        kept = self.__dict__.get("_speed_by_bin")
        if kept is not None:
            return kept
        seg_speed = np.sqrt(np.einsum("ij,ij->i", self.seg_d, self.seg_d))
        seg_speed = seg_speed / np.where(self.seg_ds > 0, self.seg_ds, 1.0)
        centers = np.arange(self.n_bins) + 0.5
        if self.cyclic:
            centers = np.where(centers < self.seg_s[0], centers + self.n_bins, centers)
        index = np.searchsorted(self.seg_s, centers, side="right") - 1
        kept = seg_speed[np.clip(index, 0, len(self.seg_s) - 1)]
        kept.flags.writeable = False
        object.__setattr__(self, "_speed_by_bin", kept)  # (frozen: not a field)
        return kept


def collapse_runs(colors: np.ndarray, /, *, cyclic: bool) -> tuple[np.ndarray, np.ndarray]:
    """Merge runs of equal consecutive colors; return vertices and their positions (bins).

    A run of entries ``k..m`` becomes one vertex at position ``(k + m + 1) / 2``, the
    middle of the bins it covers. On a cyclic map a run may wrap around the seam;
    its position is then taken modulo N.

    Examples
    --------
    >>> colors = np.array([[0, 0, 0], [0, 0, 0], [9, 9, 9], [5, 5, 5]])
    >>> vertices, positions = collapse_runs(colors, cyclic=False)
    >>> vertices.tolist(), positions.tolist()
    ([[0, 0, 0], [9, 9, 9], [5, 5, 5]], [1.0, 2.5, 3.5])
    """
    n_bins = len(colors)
    new_run = np.ones(n_bins, dtype=bool)
    new_run[1:] = np.any(colors[1:] != colors[:-1], axis=1)
    first = np.flatnonzero(new_run)
    last = np.append(first[1:] - 1, n_bins - 1)
    vertices = colors[first]
    positions = (first + last + 1) / 2.0
    if cyclic and len(first) > 1 and np.array_equal(colors[0], colors[-1]):
        # The first and last runs are one run across the seam.
        length = (last[0] + 1) + (n_bins - first[-1])
        positions[0] = (first[-1] + length / 2.0) % n_bins
        vertices = vertices[:-1]
        positions = positions[:-1]
        order = np.argsort(positions, kind="stable")
        vertices, positions = vertices[order], positions[order]
    return vertices, positions


def shared_middles(colors: np.ndarray, vertices: np.ndarray, /, *, cyclic: bool) -> np.ndarray:
    """Per vertex, the middle (bins) of the union of the bins of every table entry of its
    color when that color is several vertices (runs apart); NaN for the others.

    On a map with ends, the union's span is ``[first entry, last entry + 1)``: its
    middle errs at most half that span. On a cyclic map it is the shortest arc
    covering the entries (the complement of the widest gap between them), and the
    middle is taken modulo N.

    Examples
    --------
    >>> colors = np.array([[0, 0, 0], [9, 9, 9], [0, 0, 0], [5, 5, 5]])
    >>> shared_middles(colors, collapse_runs(colors, cyclic=False)[0], cyclic=False).tolist()
    [1.5, nan, 1.5, nan]
    >>> shared_middles(colors, collapse_runs(colors, cyclic=True)[0], cyclic=True).tolist()
    [1.5, nan, 1.5, nan]
    >>> colors = np.array([[0, 0, 0], [9, 9, 9], [5, 5, 5], [0, 0, 0], [7, 7, 7]])
    >>> shared_middles(colors, collapse_runs(colors, cyclic=True)[0], cyclic=True).tolist()
    [4.5, nan, nan, 4.5, nan]
    """
    middles = np.full(len(vertices), np.nan)
    n_bins = len(colors)
    # float tables repeat a color to the last bits or so (flag's entries 4 and 166)
    colors, vertices = np.round(colors, 6), np.round(vertices, 6)
    # equal rows grouped by a sort of the rows (np.unique's axis=0 sorts them as
    # structured items, ~0.3 ms a 256-color map): any row of a group stands for it
    order = np.lexsort(vertices.T[::-1])
    ordered = vertices[order]
    starts = np.ones(len(vertices), dtype=bool)
    starts[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    inverse = np.empty(len(vertices), dtype=np.intp)
    inverse[order] = np.cumsum(starts) - 1
    counts = np.bincount(inverse)
    first = order[starts]
    for group in np.flatnonzero(counts > 1):
        entries = np.flatnonzero(np.all(colors == vertices[first[group]], axis=1))
        if cyclic:
            # the widest gap between entries (start to start, around the seam) is
            # left out: the arc runs from the entry after it to the one before it
            # (of equal gaps, the seam's first: an arc that does not wrap)
            gaps = np.diff(np.append(entries, entries[0] + n_bins))
            widest = len(gaps) - 1 - int(np.argmax(gaps[::-1]))
            start = entries[(widest + 1) % len(entries)]
            end = entries[widest] + 1 + (n_bins if widest + 1 < len(entries) else 0)
            middle = ((start + end) / 2.0) % n_bins
        else:
            middle = (entries[0] + entries[-1] + 1) / 2.0
        middles[inverse == group] = middle
    return middles


class Grid:
    """Candidate segments per cell of a 64**3 grid over RGB, built on demand.

    ``count[cell]`` is 0 until the cell is built (a built cell lists one segment at
    least), then the length of its list in ``pool``, from offset ``start[cell]``.
    Cells are built between kernel passes, from one thread, so the kernels only ever
    read a consistent state. Both arrays start as zeros, whose pages the system maps
    only where cells are used (a filled 64**3 table is 1-2 MiB of fresh pages a map).
    """

    n_axis = 64
    cell_size = 256.0 / n_axis

    def __init__(self, line: Polyline, /, *, gap: float, tolerance: float) -> None:
        self.line = line
        self.gap = float(gap)
        self.tolerance = float(tolerance)
        # the cells list segments this far past the best one: the ambiguity test's
        self.slack = self.tolerance
        n_cells = self.n_axis**3
        self.start = np.zeros(n_cells, dtype=np.int64)
        self.count = np.zeros(n_cells, dtype=np.int32)
        self.pool = np.empty(0, dtype=np.int32)

    def search(self) -> tuple[Any, ...]:
        """What the kernels' projection needs, in its order (after any :meth:`build`).

        The polyline (metric matrix and segments), the grid (cell starts, counts and
        the candidate pool, cells per axis, cell size), the period of a cyclic map
        (0 otherwise), the ambiguity test's gap (bins) and tolerance (DN) and the
        answers for exact colors several runs share (``Polyline.seg_exact``).
        """
        line = self.line
        period = float(line.n_bins) if line.cyclic else 0.0
        return (
            line.matrix, line.seg_a, line.seg_d, line.seg_inv, line.seg_s, line.seg_ds,
            self.start, self.count, self.pool, self.n_axis, self.cell_size, period,
            self.gap, self.tolerance, line.seg_exact,
        )  # fmt: skip

    def build(self, need: np.ndarray, /) -> None:
        """Build the cells flagged (1) in ``need`` (uint8) and clear the flags."""
        cells = np.flatnonzero(need.view(bool))  # (0/1 bytes: 12x faster than as uint8)
        need[cells] = 0
        self.build_cells(cells)

    def build_cells(self, cells: np.ndarray, /) -> None:
        """Build the given cells (flat indices); built ones stay as they are."""
        cells = cells[self.count[cells] == 0]
        if len(cells) == 0:
            return
        # (bands of cells on numba's threads: a cell's list is the same whichever band
        # builds it; a cold JPEG'd megapixel's 3 000-9 000 cells, two grids, took 2.5-5.5 ms
        # of one thread, serial kernels: see ``cell_candidates``)
        built: dict[int, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}
        split_rows(self._build_band, len(cells), cells, built)
        parts, offset = [self.pool], len(self.pool)
        for band in sorted(built):
            for chunk, counts, candidates in built[band]:
                self.start[chunk] = offset + np.concatenate([[0], np.cumsum(counts)[:-1]])
                self.count[chunk] = counts
                parts.append(candidates)
                offset += len(candidates)
        self.pool = np.concatenate(parts)

    def _build_band(self, cells: np.ndarray, built: dict, start: int, stop: int) -> None:
        """The lists of ``cells[start:stop]`` as (cells, counts, candidates) into ``built``."""
        line, parts = self.line, []
        # bounded batches: the kernel keeps an (n_cells, n_segments) scratch table
        batch = max(1, 2_000_000 // max(1, len(line.seg_a)))
        for first in range(start, stop, batch):
            chunk = cells[first : min(first + batch, stop)].astype(np.int64)
            counts, candidates = cells_kernels.cell_candidates(
                chunk, line.matrix, line.seg_a, line.seg_d, line.seg_inv,
                self.n_axis, self.cell_size, self.slack,
            )  # fmt: skip
            parts.append((chunk, counts, candidates))
        built[start] = parts


#: The most pixels whose scratch residuals a thread keeps between calls (8 MB).
SCRATCH_PIXELS = 1 << 21
#: Each thread's scratch (``Memo.scratch``): one buffer for all its decoders
_SCRATCH = threading.local()


def _kept(n: int, dtype: type) -> np.ndarray:
    """This thread's scratch of ``dtype`` (see ``Memo.scratch``), ``n`` items."""
    if n > SCRATCH_PIXELS:
        return np.empty(n, dtype=dtype)
    name = f"buffer_{np.dtype(dtype).name}"
    buffer = getattr(_SCRATCH, name, None)
    if buffer is None or len(buffer) < n:
        buffer = np.empty(n, dtype=dtype)
        setattr(_SCRATCH, name, buffer)
    return buffer if len(buffer) == n else buffer[:n]


class Memo:
    """Packed answers (see ``_decolor_kernels``) per 8-bit color, 0 while unknown.

    Stored per grid cell: a cell's 4x4x4 colors share a block of ``BLOCK`` codes,
    made for the cells pictures use (``block[cell]``: its index, -1 before). A
    JPEG'd megapixel holds 3 000 - 10 000 cells: 1-3 MB of blocks, where a table of
    all 2**24 colors is 64 MiB of fresh memory (~140 ms of page faults on a
    virtual machine) scattered over as many pages as the picture has colors.
    Blocks are made between kernel passes, from one thread, together with the grid
    cells their answers need, so a cell with a block is always built.
    """

    BLOCK = 64

    def __init__(self) -> None:
        self.block = np.full(Grid.n_axis**3, -1, dtype=np.int32)
        self.pool = np.empty(0, dtype=np.uint32)
        self.n_blocks = 0

    def scratch(self, n: int, /) -> np.ndarray:
        """A float32 array of ``n`` items, the same memory on every call from a thread
        for ``n`` up to SCRATCH_PIXELS (fresh above), whichever memo asks.

        For a pass's residuals that nothing reads after the decode (``_fields``):
        fresh memory costs page faults, and on a megapixel the heap then grew and
        shrank by that much on each decode (glibc), faulting its other arrays in
        again as well: 2 200 faults, 6-7.5 of 25-29 ms of a warm JPEG q75 decode (CPU,
        one thread), 10 faults with the buffer kept. Kept per thread, not per memo: a
        new decoder's first decode (a map seen first, ``decolorize``'s cache) finds it
        faulted in already (1 000 faults a megapixel), and a cache of decoders holds
        one buffer, not one each. A decode uses it from start to end on one thread
        (decoders are locked; none decodes inside another's decode).
        """
        return _kept(n, np.float32)

    def position_scratch(self, n: int, /) -> np.ndarray:
        """:meth:`scratch`'s float64 twin, for positions that nothing reads after the
        decode (a JPEG'd picture's, which the DCT filter turns into fresh values):
        ~500 faults of a warm JPEG q75 megapixel's 1 000 (viridis, one thread)."""
        return _kept(n, np.float64)

    def allocate(self, cells: np.ndarray, /) -> None:
        """Give each of ``cells`` (flat indices) that has none a block of zeros."""
        cells = cells[self.block[cells] < 0]
        if len(cells) == 0:
            return
        n_blocks = self.n_blocks + len(cells)
        used, BLOCK = self.n_blocks * self.BLOCK, self.BLOCK
        if n_blocks * BLOCK > len(self.pool):
            # room to grow, never touched until blocks are made there (its pages cost
            # nothing until then), and only the blocks made copied: filled whole, the
            # headroom of a cold JPEG'd megapixel's memos (grown from the plan's sample to
            # the picture's cells) and its copy made 430 of turbo's 3 330 page faults
            pool = np.empty(max(n_blocks + n_blocks // 2, 256) * BLOCK, dtype=np.uint32)
            pool[:used] = self.pool[:used]
            self.pool = pool
        # written through when made: a zero page read first and written later costs a
        # second fault
        self.pool[used : n_blocks * BLOCK].fill(0)
        self.block[cells] = np.arange(self.n_blocks, n_blocks, dtype=np.int32)
        self.n_blocks = n_blocks
