"""The public surface as a new user meets it: one rule per question, over every public function.

* every public function that takes an array either honours a masked array's
  mask (and the test proves it did) or refuses it with the reason -- never
  drops it silently; a function added without an entry here fails;
* every public function's docstring has Parameters, Returns, Raises (naming
  truepix's error classes) and Examples;
* ``tp.color``, ``tp.io``, ``tp.display`` ... are attributes in a fresh
  interpreter, for every subpackage.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pytest

import truepix as tp
import truepix.errors
from tests._needs import need_module

RNG = np.random.default_rng(17)


def masked_field() -> np.ma.MaskedArray:
    data = RNG.normal(size=(12, 16))
    mask = np.zeros(data.shape, bool)
    mask[2:5, 3:9] = True
    data[mask] = 1e6  # a value that would show if the mask were dropped
    return np.ma.masked_array(data, mask)


def masked_picture() -> tuple[np.ma.MaskedArray, np.ndarray]:
    data = np.linspace(0, 1, 12 * 16).reshape(12, 16)
    rgba = tp.colorize(data, cmap="viridis", vmin=0, vmax=1)
    mask = np.zeros(rgba.shape, bool)
    mask[0:3, 0:5] = True  # whole pixels
    return np.ma.masked_array(rgba, mask), mask[..., 0]


def refused(call: Callable[[Any], Any], value: Any) -> None:
    with pytest.raises(truepix.errors.TruepixError, match="masked array") as caught:
        call(value)
    assert "expected" in str(caught.value)


# ---------------------------------------------------------------- honoured


def check_colorize() -> None:
    field = masked_field()
    rgba = tp.colorize(field, cmap="viridis")
    assert (rgba[field.mask] == 0).all()  # the bad color: transparent
    expected = matplotlib.colormaps["viridis"](
        matplotlib.colors.Normalize(field.min(), field.max())(field), bytes=True
    )
    np.testing.assert_array_equal(rgba, expected)


def check_to_display() -> None:
    field = masked_field()
    shown = tp.to_display(field)
    assert np.isnan(shown[field.mask]).all()
    assert np.nanmax(shown) == 1.0 and shown[~field.mask].max() == 1.0  # 1e6 left out


def check_decolorize() -> None:
    picture, hidden = masked_picture()
    values = tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    assert values.shape == hidden.shape
    assert np.isnan(values[hidden]).all() and not np.isnan(values[~hidden]).any()
    decoder = tp.Decolorizer("viridis", vmin=0, vmax=1)
    np.testing.assert_array_equal(decoder.values(picture), values)
    assert np.isnan(decoder.decode(picture).values[hidden]).all()
    assert decoder.residual(picture).shape == hidden.shape


def check_identify_colormap() -> None:
    picture, hidden = masked_picture()
    # the hidden pixels become magenta: if they counted, no map would fit exactly
    picture.data[hidden] = (255, 0, 255, 255)
    best = tp.identify_colormap(picture, top=1)[0]
    assert best.name == "viridis" and best.score == 1.0


def check_pixel_histogram() -> None:
    stack = np.ma.masked_greater(RNG.random((40, 3, 4)), 0.8)
    counts = tp.pixel_histogram(stack, bins=4, range=(0, 1))
    expected = np.histogram(stack[:, 1, 2].compressed(), bins=4, range=(0, 1))[0]
    np.testing.assert_array_equal(counts[1, 2], expected)
    edges = tp.stacks.bin_edges(stack, bins=4)
    assert edges[-1] == stack.max() <= 0.8


def check_pixel_histogram_class() -> None:
    hist = tp.stacks.PixelHistogram(bins=2, range=(0, 2))
    hist.add(np.ma.masked_equal([[0.5, 1.5]], 1.5))
    assert hist.counts.tolist() == [[[1, 0], [0, 0]]]


def check_equalize() -> None:
    field = masked_field()
    out = tp.equalize(field)
    np.testing.assert_array_equal(np.ma.getmaskarray(out), field.mask)
    np.testing.assert_allclose(
        out.compressed(), tp.equalize(field.data, mask=~field.mask)[~field.mask]
    )


def check_healpix_labels() -> None:
    need_module("healpy")
    sky = np.ma.masked_less(np.arange(12.0), 4)
    fig = tp.healpix_labels(sky)
    assert [t.get_text() for t in fig.axes[0].texts] == [str(i) for i in range(4, 12)]


def check_preview_figure() -> None:
    field = masked_field()
    fig = tp.display.preview_figure(field)
    drawn = fig.axes[0].images[0].get_array()
    np.testing.assert_array_equal(np.ma.getmaskarray(drawn), field.mask)
    assert fig.axes[0].images[0].norm.vmax < 1e6


# ---------------------------------------------------------------- refused, with the reason


def check_save() -> None:
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "x.tif"
    refused(lambda value: tp.save(path, value), masked_field())
    assert not path.exists()


def check_find_colorbar() -> None:
    picture, _ = masked_picture()
    refused(tp.find_colorbar, picture)


def check_pixel_histogram_figure() -> None:
    counts = np.ma.masked_equal(np.ones((2, 3, 4), np.uint8), 0)
    refused(
        lambda value: tp.display.pixel_histogram_figure(value, np.arange(5.0), pixel=(0, 0)), counts
    )


MASKED: dict[str, Callable[[], None]] = {
    "truepix.colorize": check_colorize,
    "truepix.to_display": check_to_display,
    "truepix.decolorize": check_decolorize,
    "truepix.Decolorizer": check_decolorize,
    "truepix.identify_colormap": check_identify_colormap,
    "truepix.pixel_histogram": check_pixel_histogram,
    "truepix.stacks.bin_edges": check_pixel_histogram,
    "truepix.stacks.PixelHistogram": check_pixel_histogram_class,
    "truepix.equalize": check_equalize,
    "truepix.healpix_labels": check_healpix_labels,
    "truepix.display.preview_figure": check_preview_figure,
    "truepix.save": check_save,
    "truepix.find_colorbar": check_find_colorbar,
    "truepix.display.pixel_histogram_figure": check_pixel_histogram_figure,
}

# Public callables that take no array (paths, names, options, results, errors).
NO_ARRAY = {
    "truepix.load", "truepix.info", "truepix.colormaps", "truepix.ImageInfo",
    "truepix.Colorbar", "truepix.ColormapMatch", "truepix.DecolorizeResult",
    "truepix.TruepixError", "truepix.color.get_norm", "truepix.color.ColormapEntry",
    "truepix.display.matplotlib_colormap", "truepix.stacks.to_dask_array",
    "truepix.io.write_atomic",
}  # fmt: skip
# Public callables another area owns whose masked-input rule is not settled yet.
NOT_YET = {"truepix.read_figure", "truepix.FigureReading", "truepix.Panel"}


def public_callables() -> Iterator[tuple[str, Any]]:
    """Every function and class in the ``__all__`` of truepix and its library subpackages."""
    seen: set[int] = set()
    for module_name in ("truepix", *(f"truepix.{name}" for name in LIBRARY_PACKAGES)):
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if id(obj) in seen or inspect.ismodule(obj):
                continue
            if inspect.isclass(obj) and issubclass(obj, BaseException | Warning):
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                seen.add(id(obj))
                yield f"{module_name}.{name}", obj


LIBRARY_PACKAGES = ("color", "display", "stacks", "io")


@pytest.mark.parametrize("name", sorted(MASKED))
def test_masked_input_is_honoured_or_refused_with_the_reason(name: str) -> None:
    MASKED[name]()


def test_every_public_function_that_takes_an_array_has_a_masked_rule() -> None:
    names = {name for name, _ in public_callables()}
    missing = names - set(MASKED) - NO_ARRAY - NOT_YET
    assert not missing, f"public callables with no masked-input rule here: {sorted(missing)}"


# ---------------------------------------------------------------- docstrings

SECTIONS = ("Parameters", "Returns", "Raises", "Examples")
ERROR_NAMES = set(truepix.errors.__all__)

# Public functions of other areas whose docstrings lack a section today; each
# is a strict xfail, so completing one fails here until it leaves this list.
INCOMPLETE_DOCSTRINGS: set[str] = set()  # names whose owner still owes the sections


def public_functions() -> Iterator[tuple[str, Any]]:
    """Functions, and the public methods of classes that compute (not result records)."""
    for name, obj in public_callables():
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj) and not hasattr(obj, "__dataclass_fields__"):
            for attr, value in vars(obj).items():
                if inspect.isfunction(value) and not attr.startswith("_"):
                    yield f"{name}.{attr}", value


def docstring_case(name: str) -> Any:
    if name in INCOMPLETE_DOCSTRINGS:
        return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="owner's docstring"))
    return name


@pytest.mark.parametrize("name", [docstring_case(n) for n, _ in public_functions()])
def test_docstring_has_the_sections_and_names_truepix_errors(name: str) -> None:
    function = dict(public_functions())[name]
    doc = inspect.getdoc(function) or ""
    takes = [p for p in inspect.signature(function).parameters if p != "self"]
    # a function of no arguments has nothing to describe and no input to refuse
    sections = SECTIONS if takes else [s for s in SECTIONS if s not in ("Parameters", "Raises")]
    missing = [s for s in sections if f"\n{s}\n{'-' * len(s)}" not in f"\n{doc}"]
    assert not missing, f"{name}: no {missing} section"
    if not takes:
        return
    raises = doc.split("\nRaises\n------\n", 1)[1].split("\n\n")[0]
    assert set(raises.replace(",", " ").split()) & ERROR_NAMES, f"{name}: Raises names no error"


# ---------------------------------------------------------------- fresh interpreter


def subpackages() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(tp.__path__)
        if info.ispkg and not info.name.startswith("_")
    )


def test_every_subpackage_is_an_attribute_in_a_fresh_interpreter() -> None:
    names = subpackages()
    assert {"color", "display", "io", "stacks"} <= set(names)
    code = "import truepix as tp\n" + "".join(f"tp.{name}\n" for name in names)
    code += "import sys; print(sorted(m for m in sys.modules if m.startswith('numba')))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"  # and reaching them compiles nothing


def test_import_truepix_is_light() -> None:
    code = "import truepix, sys; print(sorted(m.split('.')[0] for m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(eval(done.stdout))
    assert not loaded & {"numba", "matplotlib", "dask", "healpy", "numpy"}


# ---------------------------------------------------------------- one colormap resolver

CATALOG_NAME = "cmocean:thermal"  # a map matplotlib does not register


def thermal_table() -> np.ndarray:
    return tp.color.catalog[CATALOG_NAME].lut_bytes


def drawn_table(image: Any) -> np.ndarray:
    return image.cmap(np.linspace(0, 1, 256), bytes=True)


def cmap_colorize() -> None:
    rgba = tp.colorize(np.linspace(0, 1, 256), cmap=CATALOG_NAME, vmin=0, vmax=1)
    np.testing.assert_array_equal(rgba, thermal_table())


def cmap_decolorize() -> None:
    data = np.linspace(0, 1, 256)[None]
    picture = tp.colorize(data, cmap=CATALOG_NAME, vmin=0, vmax=1)
    values = tp.decolorize(picture, cmap=CATALOG_NAME, vmin=0, vmax=1)
    assert np.abs(values - data).max() <= 1 / 256


def cmap_healpix_labels() -> None:
    need_module("healpy")
    fig = tp.healpix_labels(np.linspace(0, 1, 12), cmap=CATALOG_NAME)
    np.testing.assert_array_equal(drawn_table(fig.axes[0].get_images()[0]), thermal_table())


def cmap_preview_figure() -> None:  # truepix show
    fig = tp.display.preview_figure(np.linspace(0, 1, 20).reshape(4, 5), cmap=CATALOG_NAME)
    np.testing.assert_array_equal(drawn_table(fig.axes[0].images[0]), thermal_table())


def cmap_pixel_histogram_figure() -> None:  # truepix hist --plot-pixel
    counts = np.ones((1, 1, 4), np.uint8)
    fig = tp.display.pixel_histogram_figure(counts, np.arange(5.0), pixel=(0, 0), cmap=CATALOG_NAME)
    colors = [bar.get_facecolor() for bar in fig.axes[0].patches]
    expected = tp.display.matplotlib_colormap(CATALOG_NAME)((np.arange(4) + 0.5) / 4)
    np.testing.assert_allclose(colors, expected)


@pytest.mark.parametrize(
    "check",
    [
        cmap_colorize,
        cmap_decolorize,
        cmap_healpix_labels,
        cmap_preview_figure,
        cmap_pixel_histogram_figure,
    ],
)
def test_a_catalog_name_beyond_matplotlib_works_everywhere(check: Callable[[], None]) -> None:
    check()


def test_an_unknown_name_gets_the_same_error_everywhere() -> None:
    calls = [
        lambda: tp.colorize([0.0], cmap="thermall"),
        lambda: tp.display.preview_figure(np.zeros((2, 2)), cmap="thermall"),
        lambda: tp.display.matplotlib_colormap("thermall"),
    ]
    messages = set()
    for call in calls:
        with pytest.raises(truepix.errors.UnknownColormapError) as caught:
            call()
        messages.add(str(caught.value))
    assert len(messages) == 1 and "did you mean" in messages.pop()


# ---------------------------------------------------------------- public names only

ROOT = Path(__file__).resolve().parents[1]

# Files whose owners are changing them this hour, allowed for now (listed in
# the lead's report); take an entry out once its file uses public names only.
PRIVATE_IMPORTS_ALLOWED = {
    "benchmarks/figures.py",  # none today; its owner is rewriting it
}


def private_imports(path: Path) -> list[str]:
    """``truepix.<pkg>._name`` modules or ``_names`` imported from truepix's packages.

    Outside the package (benchmarks, tools) top-level internals such as
    ``truepix._validate`` count too; inside it (the CLI) they are the package's
    own shared helpers.
    """
    inside = ROOT / "src" in path.parents
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] != "truepix" or parts[:2] == ["truepix", "cli"]:
                continue
            private = [p for p in parts[1:] if p.startswith("_")]
            if private and not (inside and parts[1].startswith("_")):
                found.append(module)
    return found


def test_cli_benchmarks_and_tools_import_only_public_names() -> None:
    files = [
        *sorted((ROOT / "src" / "truepix" / "cli").glob("*.py")),
        *sorted((ROOT / "benchmarks").glob("*.py")),
        *sorted((ROOT / "tools").glob("*.py")),
    ]
    found = {str(p.relative_to(ROOT)): private_imports(p) for p in files}
    offenders = {name: f for name, f in found.items() if f and name not in PRIVATE_IMPORTS_ALLOWED}
    assert not offenders, f"private imports: {offenders}"


def test_private_import_finder_sees_every_form(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "import truepix.stacks._histogram\n"
        "from truepix.io._atomic import write_atomic\n"
        "from truepix.color import _catalog\n"
        "from truepix._synthetic import fractal_field\n"
        "def f():\n    from truepix.io import write_atomic, save\n"
        "import truepix.cli._common\nfrom truepix.synthetic import depth_map\n"
    )
    assert private_imports(source) == [
        "truepix.stacks._histogram",
        "truepix.io._atomic",
        "truepix.io._atomic.write_atomic",
        "truepix.color._catalog",
        "truepix._synthetic",
        "truepix._synthetic.fractal_field",
    ]
