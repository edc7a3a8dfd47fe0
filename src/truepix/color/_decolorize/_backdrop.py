"""A whole figure's flat background, outside its fields, is no data (:func:`backdrop_nan`).

A figure passed whole to :func:`truepix.decolorize` holds its background around the
plot: white paper, or black or white where a figure saved with ``transparent=True`` lost
its alpha (``Image.open(path).convert("RGB")`` keeps the color its transparent pixels
store: matplotlib's white, PNG optimizers' and browsers' black; ``Image.alpha_composite``
over white or black). Where the map holds that color -- gray's white high end, gray's,
magma's, inferno's black low end -- the background decoded within the threshold, to
vmax or vmin where no data was drawn (gray: 47-54 % of a 4 x 3 inch figure with a
colorbar, all at vmax).

A picture of data can hold the same: an astronomer's black sky around stars
(``plt.imsave`` clipped at vmin) is 93 % flat black touching every border. What tells a
figure is its colorbar (:func:`truepix.find_colorbar`) and its fields, rectangles of
non-background pixels the background surrounds: only a flat region of one color that
touches the picture's border, outside every such rectangle, in a picture where a
colorbar is found, is made NaN. The fields' own pixels of that color (a cell at the
map's end beside the frame) keep their values.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

__all__ = ["backdrop_nan", "hidden_backdrop"]

#: Channel distance (DN of 255) within which a pixel is the background's color: exact
#: saves and alpha composites hold it to the DN; JPEG q75 moves a flat background 0-3 DN.
BACKDROP_TOL = 6
#: Share of the picture's outermost rows and columns that must be the one color: a
#: figure's background frames the plot on all four sides (matplotlib's savefig, tight
#: bbox included, keeps 0.1 inch of it); a colormapped field runs its data to the border.
BACKDROP_BORDER = 0.98
#: Share of the picture the background must make, decoded (not NaN): a 4 x 3 inch figure
#: with a colorbar is 47-54 % background, a tight-bbox one 25-30 %; a one-pixel frame
#: around a field (a plot's outline) is not this.
BACKDROP_SHARE = 0.05
#: A field: a connected region of non-background pixels (after an opening of OPENING
#: px, which drops tick labels and lines) filling FIELD_FILL of its bounding box and
#: making FIELD_SHARE of the picture. An imshow or pcolormesh axes fills its box (1.0,
#: a colorbar 0.98-1.0); a star's or a galaxy's disc fills at most pi / 4 of its box.
OPENING, FIELD_FILL, FIELD_SHARE = 5, 0.9, 0.005
#: Pixels a figure is looked for in (every n-th row and column of a larger picture):
#: the background's labels and the fields' opening cost 206 ms on a 1 MP black sky
#: (whose decode is 46 ms) in full, 10 ms on the sample.
FIELD_PIXELS = 1 << 16
#: Pictures smaller than this on a side are not judged (no figure fits).
BACKDROP_MIN = 48


def backdrop_nan(result: Any, picture: np.ndarray) -> Any:
    """``result`` with NaN on a figure's flat background outside its fields (see the
    module's docstring); ``result`` itself where ``picture`` (H, W, 3|4: uint8, uint16
    or float in [0, 1]) is not such a figure; where its background came back NaN (black
    off magma's table) that background is held in ``result.backdrop`` alone, for the
    warnings (:func:`_hidden_only`).

    Examples
    --------
    >>> from truepix.color._decolorize._result import DecolorizeResult
    >>> picture = np.full((60, 60, 3), 255, np.uint8)  # white paper, a gray field
    >>> picture[10:50, 10:40] = np.linspace(0, 255, 40).astype(np.uint8)[:, None, None]
    >>> empty = np.empty(0)
    >>> result = DecolorizeResult(np.ones((60, 60)), empty, empty, 0.0, 1.0, False, False)
    >>> backdrop_nan(result, picture) is result  # (no colorbar: left as it is)
    True
    """
    values = result.values
    if (
        not isinstance(values, np.ndarray) or picture.ndim != 3 or picture.shape[-1] < 3
        or picture.shape[:2] != values.shape or min(values.shape) < BACKDROP_MIN
    ):  # fmt: skip
        return result
    picture = np.asarray(np.ma.getdata(picture))
    scale = (1.0 if picture.dtype.kind == "f" else np.iinfo(picture.dtype).max) / 255
    color = _border_color(picture, scale)
    if color is None:
        return result
    step = max(1, round(np.sqrt(values.size / FIELD_PIXELS)))  # (judged on a sample)
    sampled = _backdrop(picture[::step, ::step], values[::step, ::step], color, scale)
    if sampled is None:
        return _hidden_only(result, picture, color, scale, step)
    fields = _fields(~sampled, step, values.shape)
    if fields is None:
        return result
    from truepix.color._identify._colorbar import find_colorbar

    if find_colorbar(picture[::step, ::step]) is None:  # (a bar of 9+ px at 1 MP: 2+ px)
        return result  # (no figure told: a black sky around stars is data)
    backdrop = _backdrop(picture, values, color, scale)
    if backdrop is None:
        return result
    gone = backdrop & ~fields & ~np.isnan(values)
    values = np.array(values, dtype=np.float64)  # (a copy: the result's may be shared)
    values[gone] = np.nan
    return replace(result, values=values, n_nan=-1, backdrop=gone)


def hidden_backdrop(image: Any, backdrop: np.ndarray) -> Any:
    """``image`` (H, W, 3|4) masked on ``backdrop``, a figure's background made NaN:
    hidden from the off-map warnings as transparent pixels are (a gray figure's black
    background, 53 % of it, drew "gray drawn at alpha=0.07 over #000000")."""
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.shape[: backdrop.ndim] != backdrop.shape or pixels.ndim != backdrop.ndim + 1:
        return image
    mask = np.ma.getmaskarray(image) if isinstance(image, np.ma.MaskedArray) else False
    return np.ma.MaskedArray(pixels, mask=mask | np.broadcast_to(backdrop[..., None], pixels.shape))


def _hidden_only(
    result: Any, picture: np.ndarray, color: np.ndarray, scale: float, step: int
) -> Any:
    """``result`` whose figure background came back NaN (black off magma's, jet's
    table), that background held as ``backdrop`` for the warnings: they took it for
    off-map data ("59 % of the picture's pixels are not colors of 'magma'" on a
    dark_background figure, read right). A light neutral one is hidden there already."""
    from truepix._shares import LIGHT, NEUTRAL

    if color.min() >= LIGHT * scale and np.ptp(color) <= NEUTRAL * scale:
        return result
    values = result.values
    sampled = _backdrop(picture[::step, ::step], values[::step, ::step], color, scale, False)
    fields = None if sampled is None else _fields(~sampled, step, values.shape)
    if fields is None:
        return result
    backdrop = _backdrop(picture, values, color, scale, False)
    if backdrop is None:
        return result
    return replace(result, backdrop=backdrop & ~fields & np.isnan(values))


def _backdrop(
    picture: np.ndarray, values: np.ndarray, color: np.ndarray, scale: float,
    decoded: bool = True,
) -> np.ndarray | None:  # fmt: skip
    """The pixels of ``picture`` within BACKDROP_TOL of ``color`` in regions that touch
    its border (a mask), or None where fewer than BACKDROP_SHARE of them decoded (of
    them at all, where ``decoded`` is False)."""
    from scipy import ndimage

    tol = BACKDROP_TOL * scale
    low, high = color - tol, color + tol
    flat = np.ones(values.shape, bool)
    for channel in range(3):  # (a channel at a time: no float copy of the picture)
        level = picture[..., channel]
        flat &= (level >= low[channel]) & (level <= high[channel])
    if picture.shape[-1] == 4:
        flat &= picture[..., 3] > 0  # (transparent ones are NaN: ``_unseen``)
    counted = flat & ~np.isnan(values) if decoded else flat
    if np.count_nonzero(counted) < BACKDROP_SHARE * values.size:
        return None  # (the common case: the background, if any, came back NaN)
    labels, count = ndimage.label(flat)
    touching = np.zeros(count + 1, bool)  # (the regions that touch the border)
    touching[np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])] = True
    touching[0] = False
    backdrop = touching[labels]
    if np.count_nonzero(backdrop & counted) < BACKDROP_SHARE * values.size:
        return None
    return backdrop


def _border_color(picture: np.ndarray, scale: float) -> np.ndarray | None:
    """The one color (RGB) of BACKDROP_BORDER of ``picture``'s outermost pixels, or None
    (``scale``: the picture's units per 8-bit DN)."""
    corners = picture[[0, 0, -1, -1], [0, -1, 0, -1], :3].astype(np.float32)
    if np.ptp(corners, axis=0).max() > 2 * BACKDROP_TOL * scale:
        return None  # (a figure's four corners are its background: most pictures end here)
    border = np.concatenate(
        [picture[0], picture[-1], picture[1:-1, 0], picture[1:-1, -1]]
    ).astype(np.float32)  # fmt: skip
    if picture.shape[-1] == 4:
        border = border[border[:, 3] > 0]
        if len(border) < BACKDROP_BORDER * 2 * sum(picture.shape[:2]):
            return None
    color = np.median(border[:, :3], axis=0)
    near = np.abs(border[:, :3] - color).max(axis=1) <= BACKDROP_TOL * scale
    return color if np.count_nonzero(near) >= BACKDROP_BORDER * len(border) else None


def _fields(content: np.ndarray, step: int, shape: tuple[int, ...]) -> np.ndarray | None:
    """The bounding boxes (a mask of ``shape``) of ``content``'s rectangles, ``content``
    being every ``step``-th row and column of the picture: its regions, opened by
    OPENING px, filling FIELD_FILL of their box and FIELD_SHARE of the picture; None
    where there is none."""
    from scipy import ndimage

    eroded = ndimage.minimum_filter(content.view(np.uint8), OPENING, mode="constant")
    opened = ndimage.maximum_filter(eroded, OPENING, mode="constant").view(bool)
    labels, _ = ndimage.label(opened)
    fields = np.zeros(shape, bool)
    for index, box in enumerate(ndimage.find_objects(labels), start=1):
        if box is None:
            continue
        area = np.count_nonzero(labels[box] == index)
        if area >= FIELD_SHARE * content.size and area >= FIELD_FILL * labels[box].size:
            rows, cols = box  # (to the sampled rows beside it: its own pixels are kept)
            fields[
                max(0, (rows.start - 1) * step + 1) : rows.stop * step,
                max(0, (cols.start - 1) * step + 1) : cols.stop * step,
            ] = True  # fmt: skip
    return fields if fields.any() else None
