"""Plot objects passed where a picture's pixels go: :func:`refuse_plot_object`.

A matplotlib Figure, Axes or artist, a plotnine ggplot or a seaborn grid is not a
picture; numpy would make it a 0-d object array ("got shape ()"). The error says how
to draw it into pixels (or, for an artist holding data, where the data already are).
"""

from __future__ import annotations

from typing import Any

from truepix.errors import UnsupportedInputError

__all__ = ["kind_name", "refuse_plot_object"]


def refuse_plot_object(image: Any, /) -> None:
    """Refuse a matplotlib Figure, Axes or artist (or a plotnine ggplot, a seaborn
    FacetGrid ...) passed where a picture's pixels go, saying how to get them (numpy
    would make it a 0-d object array: "got shape ()").

    Raises
    ------
    UnsupportedInputError
        ``image`` is a matplotlib or plotnine plot object, or an object holding a
        matplotlib Figure (a seaborn or xarray FacetGrid).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> refuse_plot_object(fig)
    Traceback (most recent call last):
    ...
    truepix.errors.UnsupportedInputError: expected a picture (an array of pixels), got a matplotlib Figure; draw it into pixels first: fig.canvas.draw(); picture = np.asarray(fig.canvas.buffer_rgba())
    >>> plt.close(fig)
    """
    module, kind = type(image).__module__, type(image).__name__
    draw = "fig.canvas.draw(); picture = np.asarray(fig.canvas.buffer_rgba())"
    if module.startswith("plotnine."):  # a ggplot: drawn by its own draw() into a Figure
        msg = (f"expected a picture (an array of pixels), got a plotnine {kind}; draw it into "
               "pixels first: canvas = matplotlib.backends.backend_agg.FigureCanvasAgg("
               "plot.draw()); canvas.draw(); picture = np.asarray(canvas.buffer_rgba())")
        raise UnsupportedInputError(msg)
    if not module.startswith("matplotlib."):
        # a seaborn FacetGrid / ClusterGrid, an xarray FacetGrid, a pandas plot's holder ...:
        # any object that is no array but holds a matplotlib Figure (trial 55: "got shape ()")
        for name in ("figure", "fig"):
            figure = getattr(image, name, None) if not hasattr(image, "__array__") else None
            if type(figure).__module__.startswith("matplotlib.figure"):
                owner = module.split(".")[0]
                article = "an" if owner[:1] in "aeioux" else "a"  # (an xarray)
                msg = (f"expected a picture (an array of pixels), got {article} {owner} {kind};"
                       f" draw it into pixels first: fig = grid.{name}; {draw}")
                raise UnsupportedInputError(msg)
        return
    figure = getattr(image, "figure", None)
    if figure is not None and figure is not image:
        draw = draw.replace("fig.", f"{kind_name(image)}.figure.")
    msg = f"expected a picture (an array of pixels), got a matplotlib {kind}; "
    if hasattr(image, "get_array") and hasattr(image, "get_clim"):  # AxesImage, QuadMesh, ...
        msg += f"it holds its data already: {kind_name(image)}.get_array(); for its pixels: {draw}"
    else:
        msg += f"draw it into pixels first: {draw}"
    raise UnsupportedInputError(msg)


def kind_name(image: Any) -> str:
    """The name a user's variable for a matplotlib object usually has (``ax``, ``im``)."""
    kind = type(image).__name__
    return {"Axes": "ax", "AxesImage": "im", "QuadMesh": "mesh"}.get(kind, kind.lower())
