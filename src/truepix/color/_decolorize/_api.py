"""Colormapped pictures back to data: :func:`decolorize` and :class:`Decolorizer`.

Each pixel is matched to the closest point of the colormap drawn as a polyline
through its colors (see ``_decolor_palette``): exact renders land on a table entry
and come back at the center of its bin (the least possible error), degraded
pictures (JPEG, resampling, noise) land between entries and keep that continuous
position. Pixels too far from every colormap color -- annotations, background,
the bad color, transparent pixels -- come back NaN; "too far" adapts to the noise
the picture shows.

What a picture went through is judged on a sample of it, and three steps adapt:

* JPEG keeps luma at full resolution but averages chroma over 2x2 pixels (4:2:0).
  When that model explains the picture's chroma better than the colormap itself
  does (helped by JPEG's 8x8 blocks and lost chroma detail where the fit is loose),
  positions come from a luma-weighted distance instead of plain RGB.
* Resampled and antialiased pictures hold blends of neighbouring colors: a pixel off
  the map that a blend of two neighbours' map colors explains better gets its position.
* Noisy pictures get a locally adaptive Wiener filter of the positions around local
  planes: flat and sloped areas are smoothed, edges and texture kept.

docs/decolorize.md tells the whole story, with measurements.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from truepix._threads import blas_on_caller
from truepix._plot_objects import refuse_plot_object
from truepix.color._catalog import ColormapEntry, resolve
from truepix.color._decolorize import _dask as lazy, _extremes as extremes, _folds as folds
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize import _dither as dithering, _lengths as lengths, _levels as levels
from truepix.color._decolorize import _plan as planning, _resampled as resampled
from truepix.color._decolorize import _reuse as reuse, _seam as seam, _translucent as translucent
from truepix.color._decolorize import _end_lobes as lobes, _shift as shifts, _tables as tables
from truepix.color._decolorize import _shared_tables as shared
from truepix.color._decolorize._fields import memo_fields
from truepix.color._decolorize._inputs import (
    Inverse, as_pixels, as_rows, carried_norm, checked_options, contour_twin, limit, planned,
)  # fmt: skip
from truepix.color._decolorize._palette import Grid, Memo, Polyline, luma_metric
from truepix.color._decolorize._phase420 import aligned, chroma_phase, cut
from truepix.color._decolorize._quantized import palette_filled
from truepix.color._decolorize._posterior import memo_positions, posterior_positions
from truepix.color._decolorize._result import DecolorizeResult, stacked, warn_decoded
from truepix.color._decolorize._unseen import unseen_nan
from truepix.color._decolorize._backdrop import backdrop_nan
__all__ = ["DecolorizeResult", "Decolorizer", "decolorize"]

#: A second match farther than this along the map (in bins) makes a pixel ambiguous,
#: when its distance is within AMBIGUITY_TOLERANCE DN of the best one.
AMBIGUITY_GAP = 2.0
AMBIGUITY_TOLERANCE = 1.5
_U8 = tables.U8  # 8-bit tables: as cmap(x, bytes=True) truncates, as Agg rounds ...


class Decolorizer:
    """Turn pictures made with one colormap and range back into data, fast.

    Building one costs milliseconds; it keeps what it learns about colors between
    calls, so decoding many pictures (or one big one) with the same colormap is
    fastest through one instance. :func:`decolorize`, the one-call form, keeps its
    last 8 (keyed by colormap, limits, norm name and options: ``_reuse``).

    Parameters
    ----------
    cmap : str, Colormap, array_like or Colorbar
        The colormap the picture was made with: a name, a matplotlib ``Colormap``,
        an (N, 3) or (N, 4) table of colors (0..255 integers or floats in [0, 1]) from low to
        high, or a ``Colorbar`` found by :func:`truepix.find_colorbar`.
    vmin, vmax : float, optional
        The data range the colormap spans (matplotlib's ``vmin``/``vmax``). Default:
        the limits of ``norm`` (a matplotlib ``Normalize``) or of ``cmap`` (a
        ``Colorbar`` that knows them); limits given in two places must agree.
    norm : {"linear", "log"} or matplotlib.colors.Normalize
        How data was normalized before coloring: a name, or any matplotlib norm
        (``TwoSlopeNorm``, ``BoundaryNorm`` ...), whose own limits then apply.
    threshold : float, optional
        Residual (DN) past which a pixel may not be a colormap color: NaN, but on JPEG'd
        pictures only where JPEG's model finds a stroke (:attr:`DecolorizeResult.threshold`).
        Default: 2 on exact renders, 3 without measurable noise; on degraded ones the larger of 5
        sigmas (noisy: the noise's reach at 0.01) and 1.25x the residuals' 99th percentile, <= 40.
    denoise : bool, optional
        Smooth noisy positions with an edge-preserving filter. Default: when the
        estimated noise sigma is at least 0.5 DN (never on exact renders).
        Only 2-D pictures are filtered.
    step : float, optional
        The data are multiples of ``step`` (1 for integers): each value is rounded
        to the nearest multiple, so integers rendered with distinct colors come back
        exact.
    cyclic : bool, optional
        The map's ends meet (twilight, hsv); default from the colormap.
    alpha : float, optional
        The map's opacity in (0, 1] when it was drawn translucent (matplotlib's
        ``imshow(..., alpha=0.7)``, ``pcolormesh``, ``contourf``): the picture then
        holds ``alpha * map + (1 - alpha) * facecolor``, composited as Agg does.
    facecolor : matplotlib color, optional
        What the map was drawn over (the axes' ``facecolor``), with ``alpha``;
        default ``"white"``. Translucent pixels (``savefig(transparent=True)``) are
        composited over it first.

    Examples
    --------
    >>> import numpy as np, matplotlib as mpl
    >>> data = np.linspace(0.0, 10.0, 12).reshape(3, 4)
    >>> image = mpl.colormaps["viridis"](data / 10.0, bytes=True)
    >>> decoder = Decolorizer("viridis", vmin=0.0, vmax=10.0)
    >>> bool(np.all(np.abs(decoder.values(image) - data) <= 10.0 / 256))
    True
    """

    def __init__(
        self,
        cmap: Any,
        /,
        *,
        vmin: float | None = None,
        vmax: float | None = None,
        norm: Any = "linear",
        threshold: float | None = None,
        denoise: bool | None = None,
        step: float | None = None,
        cyclic: bool | None = None,
        alpha: float | None = None,
        facecolor: Any = None,
    ) -> None:
        self._map: ColormapEntry = resolve(cmap)
        self.alpha, self.facecolor = translucent.check_alpha(alpha), facecolor
        self._face = translucent.face_bytes(facecolor, alpha)
        self._extremes = extremes.explicit(self._map, self.alpha, self._face)  # over/under
        if self.alpha is not None:  # the table Agg paints: just another table
            self._map = translucent.blended_entry(self._map, self.alpha, self._face)
        vmin = limit("vmin", vmin, getattr(cmap, "vmin", None))
        vmax = limit("vmax", vmax, getattr(cmap, "vmax", None))
        norm = carried_norm(norm, cmap)
        self._norm = Inverse(norm, vmin, vmax, self._map.n_colors, indexed=self._map.indexed)
        self._map = self._norm.painted(self._map)  # a BoundaryNorm's colors: a discrete map
        self._extremes = self._norm.with_extremes(self._extremes)  # a BoundaryNorm's too
        threshold, step, denoise, cyclic = checked_options(threshold, step, denoise, cyclic)
        self.threshold, self.denoise, self.step = threshold, denoise, step
        self.cyclic = self._map.cyclic if cyclic is None else cyclic
        self._gray_like = tables.gray_like(self._map.lut_bytes)  # a gray picture can hold it
        self._opaque = bool(np.all(self._map.lut[:, 3] == 1.0))
        # cmap(x, bytes=True) truncates, Agg's faces round half up, np.round half to even:
        # each table a kind (_bytes[kind]), the distinct ones chosen per picture (_tables)
        self._bytes = tables.byte_tables(self._map, rounded_only=self.alpha is not None)
        self._kinds, self._rounded = tables.distinct_kinds(self._bytes), self._bytes["u8r"]
        self._table_keys: tuple[np.ndarray, ...] | None = None  # see _keys
        # grids and memos grow between kernel passes, under the lock: the table's own,
        # shared by its decoders (``_shared_tables``: a second one starts warm)
        self._grids: dict[tuple[str, str], Grid]
        self._memos: dict[tuple[str, str], Memo]
        self._grids, self._memos, self._lock = shared.tables_for(shared.table_key(self))
        options = dict(vmin=vmin, vmax=vmax, step=step, threshold=threshold, denoise=denoise,
                       cyclic=cyclic, alpha=alpha, facecolor=facecolor)  # fmt: skip
        self._other = lengths.other_length(cmap, norm=norm, **options)  # "matlab:jet": jet(64)
        self._contour = contour_twin(cmap, norm, self._norm, options)  # contourf's levels

    @property
    def cmap(self) -> str:
        """Name of the colormap ("custom" for a color table)."""
        return self._map.name

    @property
    def vmin(self) -> float:
        return self._norm.vmin

    @property
    def vmax(self) -> float:
        return self._norm.vmax

    @property
    def norm(self) -> str:
        return self._norm.name

    def __repr__(self) -> str:
        limits = f"vmin={self.vmin!r}, vmax={self.vmax!r}, norm={self.norm!r}"
        return f"Decolorizer({self.cmap!r}, {limits})"

    # -- public -------------------------------------------------------------------

    def values(self, image: Any, /) -> Any:
        """Data values of ``image`` (float64, NaN where not a colormap color).

        A dask array comes back as a dask array decoded chunk by chunk on the
        workers (``map_blocks``; the channel axis is made one chunk); each chunk is
        judged (noise, JPEG, threshold) on its own pixels.

        Parameters
        ----------
        image : array_like or dask array
            A picture (the one picture rule of :func:`truepix.decolorize`).

        Returns
        -------
        ndarray (dask array for a dask input), float64
            Shape of ``image`` without the channel axis.

        Raises
        ------
        ShapeError
            ``image`` is not (..., H, W, 3|4) RGB(A), (N, 3|4) pixels or (for a
            gray-like map) an (H, W) gray picture, or is 2-D and could be either.
        UnsupportedDtypeError
            Its dtype is not uint8, uint16 or float.
        OutOfRangeError
            Float pixels outside [0, 1].

        Examples
        --------
        >>> import numpy as np, matplotlib as mpl
        >>> image = mpl.colormaps["jet"]([[0.1, 0.5], [0.9, np.nan]], bytes=True)
        >>> np.round(Decolorizer("jet", vmin=0, vmax=1).values(image), 3)
        array([[0.1  , 0.502],
               [0.9  ,   nan]])
        """
        if lazy.is_dask(image):
            return lazy.values_blocks(self, image)
        return warn_decoded(self._run(image, detailed=False), image, self).values

    def __getstate__(self) -> dict[str, Any]:
        # what is learnt about colors (64 MiB a memo) is rebuilt where the decoder goes
        # (there shared by the decoders of its table: __setstate__)
        state = self.__dict__.copy()
        state.update(_grids={}, _memos={}, _lock=None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._grids, self._memos, self._lock = shared.tables_for(shared.table_key(self))

    def residual(self, image: Any, /) -> np.ndarray:
        """Distance (DN) from each pixel to the closest colormap color (float32).

        Parameters
        ----------
        image : array_like or dask array
            A picture (the one picture rule of :func:`truepix.decolorize`).

        Returns
        -------
        ndarray (dask array for a dask input), float32
            Shape of ``image`` without the channel axis; 8-bit DN (0-255 scale).

        Raises
        ------
        ShapeError
            ``image`` is not (..., H, W, 3|4) RGB(A), (N, 3|4) pixels or (for a
            gray-like map) an (H, W) gray picture, or is 2-D and could be either.
        UnsupportedDtypeError
            Its dtype is not uint8, uint16 or float.
        OutOfRangeError
            Float pixels outside [0, 1].

        Examples
        --------
        >>> import numpy as np
        >>> image = np.array([[[68, 1, 84], [128, 128, 128]]], dtype=np.uint8)
        >>> Decolorizer("viridis", vmin=0, vmax=1).residual(image)  # first color, gray
        array([[ 0. , 83.5]], dtype=float32)
        """
        if lazy.is_dask(image):
            return lazy.decode_blocks(self, image).residual
        return self._run(image, detailed=True).residual

    def decode(self, image: Any, /) -> DecolorizeResult:
        """Values with per-pixel residual, ambiguity and the picture's noise estimate.

        Parameters
        ----------
        image : array_like or dask array
            A picture (the one picture rule of :func:`truepix.decolorize`); a
            dask array gives a result of lazy fields (see :class:`DecolorizeResult`).

        Returns
        -------
        DecolorizeResult
            ``.values`` (float64), ``.residual`` (float32), ``.ambiguous``, ``.under``
            and ``.over`` (bool), each the shape of ``image`` without the channel axis, and the
            picture's ``.noise`` and ``.jpeg`` judgement.

        Raises
        ------
        ShapeError
            ``image`` is not (..., H, W, 3|4) RGB(A), (N, 3|4) pixels or (for a
            gray-like map) an (H, W) gray picture, or is 2-D and could be either.
        UnsupportedDtypeError
            Its dtype is not uint8, uint16 or float.
        OutOfRangeError
            Float pixels outside [0, 1].

        Examples
        --------
        >>> import numpy as np, matplotlib as mpl
        >>> x = np.array([[0.0, 0.5, 1.0]])  # prism repeats: 0 and 0.5's colors recur
        >>> decoder = Decolorizer("prism", vmin=0, vmax=1)
        >>> result = decoder.decode(mpl.colormaps["prism"](x, bytes=True))
        >>> result.ambiguous.tolist()  # (1.0's color is entry 255's alone)
        [[True, True, False]]
        """
        if lazy.is_dask(image):
            return lazy.decode_blocks(self, image)
        return warn_decoded(self._run(image, detailed=True), image, self)

    # -- machinery ----------------------------------------------------------------
    def _grid(self, kind: str, metric: str) -> Grid:
        grid = self._grids.get((kind, metric))
        if grid is None:
            colors = self._bytes.get(kind)
            colors = self._map.lut[:, :3] * 255.0 if colors is None else colors
            # (JPEG's luma positions keep the projection's answer: see docs, shared colors)
            matrix, shared = luma_metric(planning.CHROMA_WEIGHTS[metric]), metric == "rgb"
            line = Polyline.build(colors, cyclic=self.cyclic, matrix=matrix, shared=shared)
            grid = Grid(line, gap=AMBIGUITY_GAP, tolerance=AMBIGUITY_TOLERANCE)
            self._grids[(kind, metric)] = grid
        return grid

    def _memo(self, kind: str, metric: str) -> Memo:
        """The answers per 8-bit color of a table and metric (nothing known at first)."""
        if (kind, metric) not in self._memos:
            self._memos[(kind, metric)] = Memo()
        return self._memos[(kind, metric)]

    def _searches(self, kind: str, metric: str, need: np.ndarray) -> tuple[Any, ...]:
        """Build the grid cells flagged in ``need`` and give them memo blocks;
        (search, position search, joint, known memo) for ``resolve_u8``.

        JPEG's answers (``_plan.JPEG_METRICS``) take the position from a luma metric, the residual
        and ambiguity from RGB (its memo holds those): validity means the same on every picture.
        """
        cells = np.flatnonzero(need.view(bool))  # (0/1 bytes: 12x faster than as uint8)
        need[cells] = 0
        if metric not in planning.JPEG_METRICS:
            grid = self._grid(kind, metric)
            grid.build_cells(cells)
            memo = self._memo(kind, metric)
            memo.allocate(cells)
            return grid.search(), grid.search(), False, memo
        for name in ("rgb", planning.JPEG_METRICS[metric]):
            self._grid(kind, name).build_cells(cells)
        known = self._memo(kind, "rgb")
        known.allocate(cells)
        self._memo(kind, metric).allocate(cells)
        luma = self._grid(kind, planning.JPEG_METRICS[metric])
        return self._grid(kind, "rgb").search(), luma.search(), True, known

    def _codes(self, flat: np.ndarray, kind: str, scale: float, metric: str) -> np.ndarray:
        """Packed answers (see ``_decolor_kernels``) for (P, C) pixels."""
        if kind not in _U8 and metric in planning.JPEG_METRICS:
            codes = self._codes(flat, kind, scale, "rgb")
            luma_codes = self._codes(flat, kind, scale, planning.JPEG_METRICS[metric])
            return (codes & ~kernels.POS_MASK) | (luma_codes & kernels.POS_MASK)
        codes, flat = np.empty(len(flat), dtype=np.uint32), kernels.readonly(flat)
        need = np.zeros(Grid.n_axis**3, dtype=np.uint8)
        if kind in _U8:
            memo = self._memo(kind, metric)
            pending = kernels.lookup_u8(flat, memo.block, memo.pool, self._opaque, codes, need)
            if pending:
                search, search_pos, joint, known = self._searches(kind, metric, need)
                kernels.resolve_u8(
                    flat, memo.block, memo.pool, search, search_pos, joint,
                    float(self._map.n_colors), codes, known.block, known.pool,
                )  # fmt: skip
        else:
            grid = self._grid(kind, metric)
            kernels.cells_float(flat, scale, grid.count, grid.n_axis, grid.cell_size, need)
            grid.build(need)
            span = float(grid.line.n_bins)
            kernels.decode_float(flat, scale, self._opaque, grid.search(), span, codes)
        return codes

    def _values_u8(
        self, flat: np.ndarray, kind: str, max_code: int, metric: str, *, positions: bool = False
    ) -> tuple[np.ndarray, int]:
        """Values (or with ``positions``, positions in [0, 1]) of (P, C) uint8 pixels in
        one pass (two for colors never seen), NaN past ``max_code``; how many are NaN."""
        memo = self._memo(kind, metric)
        table = kind
        kind, low, high = self._norm.kind, self._norm.low, self._norm.high
        if positions:  # the identity: 0 + u * (1 - 0) is u to the last bit
            kind, low, high = kernels.NORM_LINEAR, 0.0, 1.0
        values, flat = np.empty(len(flat), dtype=np.float64), kernels.readonly(flat)
        bits = values.view(np.uint64)
        need = np.zeros(Grid.n_axis**3, dtype=np.uint8)
        pending, n_nan = kernels.values_u8(
            flat, memo.block, memo.pool, self._opaque, max_code, kind, low, high, values, bits,
            need)  # fmt: skip
        if pending:
            search, search_pos, joint, known = self._searches(table, metric, need)
            n_nan += kernels.resolve_values_u8(
                flat, memo.block, memo.pool, search, search_pos, joint, float(self._map.n_colors),
                max_code, kind, low, high, values, bits, known.block, known.pool,
            )  # fmt: skip
        return values, n_nan

    @blas_on_caller  # (numpy's products on this thread: no BLAS pool left spinning)
    def _run(self, image: Any, *, detailed: bool) -> DecolorizeResult:
        from truepix._validate import as_picture  # the one picture rule (gray, masks)
        given, (image, rows) = image, as_rows(image, self._gray_like, self.cmap)  # (N, 3|4)
        picture = as_picture(image, stack=True)  # (as the user's type holds it: _gray_levels)
        pixels, kind, scale = as_pixels(picture)
        if pixels.ndim > 3 and min(pixels.shape[-3:-1]) >= 6:  # frames: each a picture
            return stacked([self._run(frame, detailed=detailed) for frame in picture])
        if self._other is not None and self._other.holds(pixels, kind, self._keys()):
            return self._other.made(type(self))._run(given, detailed=detailed)
        if self._contour is not None and self._contour.holds(type(self), self, pixels, scale):
            return self._contour.made(type(self))._run(given, detailed=detailed)
        if self.alpha is not None:  # savefig(transparent=True): the map's bytes and alpha
            pixels = translucent.composited(pixels, scale, self._face)
        elif dithering.dithered(self, pixels, kind):  # error diffusion: read from the local means
            return dithering.decoded(self, pixels, detailed=detailed)
        with self._lock, kernels.threads_for(pixels.size // pixels.shape[-1]):
            pixels, kind, scale, plan = planned(self, pixels, kind, scale, picture)
            shape, phase = pixels.shape[:2], (0, 0)  # (cut from a JPEG at an odd place)
            if not (rows or self._gray_like or plan.exact or plan.sharp) and pixels.ndim == 3:
                phase = chroma_phase(pixels, scale)
            if phase != (0, 0):  # (its 2x2 blocks JPEG's again: ``_phase420``)
                pixels = aligned(pixels, phase)
                plan = planning.make_plan(self, pixels, kind, scale)
            shift, pixels, kind, scale, plan = shifts.undone(self, pixels, kind, scale, plan)
            result = self._decode(pixels, kind, scale, plan, detailed=detailed)
            if not dithering.inner():  # (a dithered picture's pixels: its means answer)
                result = palette_filled(self, result, pixels, kind, plan)  # clusters' means
            result = replace(result, shift=shift)  # (a gamma, TV range ... undone)
        result = planning.without_marks(result, pixels, plan, self)  # margins, cells' numbers: NaN
        result = replace(result, bgr=True) if plan.bgr else result  # (decolorize warns)
        # strokes' edges on the map (around NaN: none where the decode counted none)
        if plan.sharp and kind in _U8 and not rows and result.n_nan != 0:
            tables.flag_strokes(result.values, pixels, self, kind, plan)
            result = replace(result, n_nan=-1)  # (more NaN, not counted)
        result = levels.snapped(self, result, pixels, kind, scale, plan)  # a few colors' levels
        result = lobes.lobed(self, result, pixels, scale, plan)  # cubic lobes past the ends
        result = extremes.censored(self, result, pixels, scale, detailed)  # past the limits
        result = cut(result, phase, shape) if phase != (0, 0) else result
        result = unseen_nan(result, picture)  # (alpha 0: no data, whatever a step filled)
        if not rows and picture.ndim == 3:  # (a whole figure's background: no data)
            result = backdrop_nan(result, picture)
        return result.first() if rows else result

    def _table_kind(self, pixels: np.ndarray) -> str:
        """Which table's bytes the picture holds (``_tables.table_kind``)."""
        return tables.table_kind(pixels, self._keys(), self._kinds) if self._kinds[1:] else "u8"

    def _keys(self) -> tuple[np.ndarray, ...]:
        if self._table_keys is None:  # each distinct table's sorted color keys, made once
            self._table_keys = tables.table_keys(*(self._bytes[k] for k in self._kinds))
        return self._table_keys

    def _decode(
        self, pixels: np.ndarray, kind: str, scale: float, plan: planning.Plan, *, detailed: bool
    ) -> DecolorizeResult:
        # read-only (no copy): one compiled form of the kernels whether the pixels came
        # read-only (as_pixels) or were made anew on the way (read_figure of a JPEG'd
        # figure: 9 kernels compiled a writable form too; see _validate.readonly)
        shape, flat = pixels.shape[:-1], kernels.readonly(pixels.reshape(-1, pixels.shape[-1]))
        fused = self._norm.kind != kernels.NORM_OTHER
        judged = plan.jpeg and plan.off_map  # JPEG: off-map pixels judged against its model
        simple = not (detailed or plan.denoise or plan.unmix or judged or self.step is not None)
        metric = plan.metric  # JPEG: positions from the luma-weighted distance, validity from RGB
        if kind in _U8 and fused and simple:
            values, n_nan = self._values_u8(flat, kind, plan.max_code, metric)
            return DecolorizeResult(
                values.reshape(shape), np.empty(0, np.float32), np.empty(0, bool), plan.noise,
                plan.threshold, jpeg=plan.jpeg, denoised=False, n_nan=n_nan,
            )  # fmt: skip
        line = self._grid(kind, plan.line_metric).line
        residual: np.ndarray | None = None
        ambiguous: np.ndarray | None = None
        if kind in _U8 and fused and not (detailed or plan.unmix or judged):
            # positions straight from the memo in one pass; no residuals asked for
            flat_position = memo_positions(self, flat, kind, plan, metric)
        else:
            # blends and JPEG's model judge every position: a far pixel may be data
            max_code = kernels.RESIDUAL_MAX_CODE if plan.unmix or judged else plan.max_code
            if kind in _U8:  # from the memo (no codes; values(): residual, positions in scratch)
                kept = fused and plan.denoise and plan.dct and plan.white is None  # (fresh values)
                flat_position, residual, ambiguous = memo_fields(
                    self, flat, kind, metric, max_code, detailed=detailed, kept=kept)  # fmt: skip
            else:
                codes = self._codes(flat, kind, scale, metric)
                if fused and simple:
                    values, norm = np.empty(len(codes), dtype=np.float64), self._norm
                    kernels.codes_to_values(codes, plan.max_code, norm.kind, norm.low, norm.high,
                                            values)  # fmt: skip
                    return DecolorizeResult(
                        values.reshape(shape), np.empty(0, np.float32), np.empty(0, bool),
                        plan.noise, plan.threshold, jpeg=plan.jpeg, denoised=False,
                    )  # fmt: skip
                flat_position = np.empty(len(codes), dtype=np.float64)
                residual = np.empty(len(codes), dtype=np.float32)
                ambiguous = np.empty(len(codes), dtype=bool)
                kernels.codes_to_fields(codes, max_code, flat_position, residual, ambiguous)
            if plan.unmix:
                flat_position, residual = resampled.unmixed(
                    flat, scale, shape[1], flat_position, residual, plan, line
                )
            elif judged:
                # (imported here: an exact picture's first call loads none of JPEG's rules)
                from truepix.color._decolorize._ringed import judged_positions

                flat_position = judged_positions(  # (RGB next to ink: ``_ringed``)
                    self, flat, kind, scale, shape, flat_position, residual, plan, line)
            if plan.posterior is not None:  # noisy: the posterior median, not the projection
                flat_position = posterior_positions(self, flat, kind, scale, plan, flat_position)
        flat_position = folds.unfolded(self, flat, kind, scale, plan, flat_position, shape)
        sided, zone, unsure = seam.sided(self, pixels, scale, kind, plan, flat_position)
        position: np.ndarray = sided.reshape(shape)  # (flat_position: the colors' own answers)
        n_nan = -1  # (counted where the values are made here)
        texture = plan.posterior is not None  # (the DCT's blend: noisy table colors only)
        if self._norm.kind == kernels.NORM_OTHER:
            if plan.denoise:
                position = planning.denoise(position, line, plan.smoothing, noise=plan.white,
                                            texture=texture, dct_only=plan.dct)  # fmt: skip
            values = self._norm(position)
        elif plan.denoise and plan.dct and plan.white is None:  # (and counts the NaN)
            values, n_nan = planning.deblocked(position, line, plan.smoothing, self._norm)
        elif plan.denoise:  # the filter writes data values itself
            values = planning.denoise(position, line, plan.smoothing, self._norm,
                                      noise=plan.white, texture=texture, dct_only=plan.dct)
        else:
            # in place when nothing reads the positions again: no fresh 8 bytes a pixel
            values = np.empty_like(position) if detailed else position
            n_nan = kernels.positions_to_values(
                position.reshape(-1), self._norm.kind, self._norm.low, self._norm.high,
                values.reshape(-1),
            )  # fmt: skip
        if self.step is not None:
            values = np.round(values / self.step) * self.step
            n_nan = -1
        return DecolorizeResult(
            values,
            np.empty(0, np.float32) if residual is None else residual.reshape(shape),
            np.empty(0, bool) if ambiguous is None or not detailed else tables.shared_ambiguous(
                self, ambiguous, flat_position, residual, kind, zone, unsure,
                plan.sharp and not plan.jpeg).reshape(shape),
            plan.noise, plan.threshold, jpeg=plan.jpeg, denoised=plan.denoise, n_nan=n_nan,
        )  # fmt: skip


def decolorize(
    image: Any,
    /,
    *,
    cmap: Any,
    vmin: float | None = None,
    vmax: float | None = None,
    norm: Any = "linear",
    threshold: float | None = None,
    denoise: bool | None = None,
    step: float | None = None,
    alpha: float | None = None,
    facecolor: Any = None,
) -> Any:
    """Recover the data behind a colormapped picture.

    Parameters
    ----------
    image : array_like or dask array, (..., 3) or (..., 4)
        uint8 or uint16 RGB(A), or floats in [0, 1] -- including the float RGBA that
        ``cmap(norm(x))`` returns. Pixels with alpha 0 are not data. A 2-D (N, 3|4)
        array is N pixels (``colorize`` of 1-D data); for a gray-like map only when
        each row is a gray pixel (R == G == B; pass an (H, 3|4) gray picture as
        ``np.repeat(a[..., None], 3, -1)``), else an (H, W) gray picture (an error where it
        could be either). A dask array is decoded by chunks; a PIL palette image by its colors.
    cmap : str, Colormap, array_like or Colorbar
        The colormap: a name, a matplotlib ``Colormap``, an (N, 3)/(N, 4) color table
        from low to high, or a ``Colorbar`` found in the picture.
    vmin, vmax : float, optional
        The range the colormap spans; default: the limits ``norm`` or a
        ``Colorbar`` carries (both given and different is an error).
    norm : {"linear", "log"} or matplotlib.colors.Normalize
        The normalization used when coloring; a matplotlib norm brings its limits.
    threshold, denoise, step, alpha, facecolor
        See :class:`Decolorizer`; ``alpha`` (and ``facecolor``) decode a map drawn
        translucent, e.g. ``imshow(data, alpha=0.7)`` on white axes.

    Returns
    -------
    ndarray (dask array for a dask input), float64
        The data, shape of ``image`` without the channel axis; NaN where a pixel
        is not a colormap color (annotations, background, the bad color, alpha 0).

    Raises
    ------
    UnknownColormapError
        ``cmap`` names no catalog map (the message suggests close names).
    InputError
        No data range (neither vmin/vmax nor a norm or Colorbar that carries
        them), limits given twice and different, vmin >= vmax, or a log norm
        with vmin <= 0.
    ShapeError
        ``image`` is not (..., H, W, 3|4) RGB(A), (N, 3|4) pixels or (for a
        gray-like map) an (H, W) gray picture, or is 2-D and could be either.
    UnsupportedDtypeError
        Its dtype is not uint8, uint16 or float, or ``cmap`` is of no known kind.
    OutOfRangeError
        Float pixels outside [0, 1].

    Examples
    --------
    >>> import numpy as np, matplotlib as mpl
    >>> data = np.array([[1500.0, 2000.0], [3000.0, 4500.0]])
    >>> rgba = mpl.colormaps["jet"]((data - 1500) / 3000)      # float RGBA
    >>> decolorize(rgba, cmap="jet", vmin=1500, vmax=4500).round(1)
    array([[1505.9, 1998. ],
           [3005.9, 4494.1]])
    """
    options = {"vmin": vmin, "vmax": vmax, "threshold": threshold, "denoise": denoise,
               "step": step, "alpha": alpha, "facecolor": facecolor}  # fmt: skip
    refuse_plot_object(image)  # a Figure passed for its pixels: told so before any limit
    decoder = reuse.decoder(Decolorizer, cmap, norm=norm, **options)  # the last call's, reused
    if lazy.is_dask(image):
        return decoder.values(image)
    return warn_decoded(decoder._run(image, detailed=False), image, decoder).values
