"""Every option of decolorize, Decolorizer, identify_colormap and find_colorbar refuses
a value it cannot mean with a truepix error of one line, "expected ..., got ...".

The table holds bad values for each parameter the functions' signatures name: a new
parameter without a case here fails :func:`test_every_parameter_has_bad_values`
(trial 46: ``denoise="yes"`` and ``cyclic="x"`` were taken silently, ``cmap=None``
said "got NoneType", and ``vmin=nan`` advised a None that then raised).
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import matplotlib
import numpy as np
import pytest

import truepix as tp

PICTURE = matplotlib.colormaps["viridis"](np.random.default_rng(7).random((16, 16)), bytes=True)
#: Bad values of each parameter; on/off options get strings and numbers, names get
#: names of nothing and objects of no kind.
BAD: dict[str, list[Any]] = {
    "image": [PICTURE[..., :2], "figure.png", PICTURE.astype(np.int32)],
    "cmap": [None, 123, "virdis", np.zeros((10, 2))],
    "vmin": ["0", np.nan, True],
    "vmax": [np.inf, "1"],
    "norm": ["sqrt", 5, None],
    "threshold": [-1, "2", np.nan],
    "denoise": ["yes", 1, "False"],
    "step": [0, "1", np.inf],
    "cyclic": ["x", 0, "True"],
    "alpha": [2, "0.5", True],
    "facecolor": ["notacolor"],
    "top": [0, "5", 2.5],
}
FUNCTIONS = {
    "decolorize": tp.decolorize,
    "Decolorizer": tp.Decolorizer,
    "identify_colormap": tp.identify_colormap,
    "find_colorbar": tp.find_colorbar,
}
#: What each call gets besides the bad value (a decoder's range, alpha for a facecolor).
GOOD = {"cmap": "viridis", "vmin": 0.0, "vmax": 1.0}


def _parameters(function: Any) -> list[str]:
    return [name for name in inspect.signature(function).parameters if name != "self"]


def _call(function_name: str, parameter: str, value: Any) -> None:
    function = FUNCTIONS[function_name]
    names = _parameters(function)
    options = {key: given for key, given in GOOD.items() if key in names}
    if parameter == "facecolor":
        options["alpha"] = 0.5
    image = value if parameter == "image" else PICTURE
    if parameter != "image":
        options[parameter] = value
    if function_name == "Decolorizer":
        decoder = function(options.pop("cmap"), **options)
        decoder.values(image)
    elif function_name == "decolorize":
        function(image, **options)
    else:
        function(image, **options)


CASES = [
    pytest.param(function, parameter, value, id=f"{function}-{parameter}-{value!r}"[:60])
    for function, made in FUNCTIONS.items()
    for parameter in _parameters(made)
    for value in BAD.get(parameter, [])
]


def test_every_parameter_has_bad_values() -> None:
    """Each parameter of the four functions is in the table (its kind is checked)."""
    for function in FUNCTIONS.values():
        assert set(_parameters(function)) <= set(BAD), set(_parameters(function)) - set(BAD)


@pytest.mark.parametrize(("function", "parameter", "value"), CASES)
def test_bad_option_is_refused_in_one_line(function: str, parameter: str, value: Any) -> None:
    with pytest.raises(tp.TruepixError) as raised:
        _call(function, parameter, value)
    message = str(raised.value)
    assert "\n" not in message
    assert re.match(r"expected .+, got ", message), message
    assert "NoneType" not in message and "Traceback" not in message


def test_an_infinite_threshold_is_no_threshold() -> None:
    assert tp.Decolorizer("viridis", vmin=0, vmax=1, threshold=np.inf).threshold == np.inf


def test_on_off_options_take_numpy_bools() -> None:
    """np.bool_ is a bool (what ``array.any()`` gives): taken as True / False."""
    decoder = tp.Decolorizer("viridis", vmin=0, vmax=1, denoise=np.False_, cyclic=np.True_)
    assert decoder.denoise is False and decoder.cyclic is True


def test_cmap_none_says_what_to_pass() -> None:
    with pytest.raises(tp.errors.UnsupportedDtypeError, match=r"^expected a colormap name, "
                       r"Colormap or colorbar, got None; hint: pass a name"):
        tp.decolorize(PICTURE, cmap=None, vmin=0, vmax=1)


def test_non_finite_limit_advises_what_decodes() -> None:
    """The hint names a finite limit, and the call it advises decodes (None would raise:
    a picture has no data range of its own)."""
    with pytest.raises(tp.errors.InputError) as raised:
        tp.decolorize(PICTURE, cmap="viridis", vmin=np.nan, vmax=1)
    assert "leave it None" not in str(raised.value)
    assert "pass the limit the picture was drawn with (e.g. vmin=0, vmax=1)" in str(raised.value)
    values = tp.decolorize(PICTURE, cmap="viridis", vmin=0, vmax=1)
    assert np.isfinite(values).all()
