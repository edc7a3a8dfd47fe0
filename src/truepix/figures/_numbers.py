"""Tick-label text to numbers: what matplotlib, seaborn and plotnine write.

Handles Unicode minus (U+2212) and dashes, thousands separators, decimal
commas (``0,5``: where a label's comma can only be one, every label's is), percent
signs, scientific notation (``1e-3``, ``2.5E+04``), powers of ten written
with a caret by :mod:`truepix.figures._labels` when it saw a raised,
smaller exponent (``10^-1``), superscript digits (``10⁻¹``) and
multiplication signs (``2×10^3``). Offset texts (``1e6``, ``×10⁻³``,
``+1.5e3``) are told apart from labels by :func:`parse_offset`.
"""

from __future__ import annotations

import math
import re

import numpy as np

__all__ = [
    "SI_PREFIXES", "decimal_comma", "is_power", "label_text", "parse_offset", "parse_value", "precision", "readings",
    "round_within", "unit_suffix",
]

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_DASHES = str.maketrans({"−": "-", "–": "-", "—": "-", "‐": "-", "‒": "-", "﹣": "-", "－": "-"})
# characters OCR confuses with digits in tick labels
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5", "Z": "2"})
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_POWER = re.compile(rf"^([-+])?(?:({_NUMBER})[×xX*·])?10\^\(?([-+]?\d+)\)?$")
# a superscript zero that OCR reads as a degree sign or an ordinal: "10°" beside "10¹"
_ZERO_EXPONENT = re.compile(r"^([-+−]?10)[°º˚o]$")
# SI prefixes as EngFormatter writes them ("5 MHz", "500 µs", "1 k"), with what OCR reads for µ
SI_PREFIXES = {"y": -24, "z": -21, "a": -18, "f": -15, "p": -12, "n": -9, "µ": -6, "μ": -6, "u": -6,
       "m": -3, "k": 3, "K": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}  # fmt: skip
# a µ read as p: the other reading is tried where the labels' progression asks for it
_SI_OTHER = {"p": -6}
# units whose first letter is no prefix: "5 Pa" is 5 pascal
_WHOLE_UNITS = frozenset({"Pa", "mol", "min", "cd", "mi", "mph", "nmi", "Gy", "Mx", "ft", "yd", "au", "kt"})
_UNITS = frozenset({"Hz", "s", "V", "A", "W", "K", "g", "B", "J", "N", "Pa", "Ω", "eV", "b", "bit"})
_SUFFIXED = re.compile(rf"^({_NUMBER})([^\d\W]{{1,4}}|Ω)$")
# degrees: a latitude or longitude (cartopy's and users' formatters: "30°N", "120°W", "0°"), a temperature ("10°C")
_DEGREES = re.compile(rf"^({_NUMBER})[°º˚]([NSEWCF]?)$")
_HEMISPHERES = {"N": ("°N", 1.0), "S": ("°N", -1.0), "E": ("°E", 1.0), "W": ("°E", -1.0)}


def _normalize(text: str) -> str:
    # a dash after the number is the tick mark beside a left axis's label (plotnine's "12.5-"), no sign
    text = re.sub(r"(?<=[\d.%])-+$", "", text.strip().translate(_DASHES))
    if re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹]", text):
        head, _, tail = text.partition("10")
        if tail and all(c in "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺" for c in tail):
            text = f"{head}10^{tail}"
    text = text.translate(_SUPERSCRIPTS)
    text = text.replace("$", "").replace("{", "").replace("}", "").replace(" ", "")
    return text.lstrip("€£¥") if re.match(r"^[€£¥][-+]?\d", text) else text


def is_power(text: str, /) -> bool:
    """Whether a label is written as a power of ten (``10^k``, ``10⁻¹``, ``−10³``), as on log axes.

    Examples
    --------
    >>> [is_power(t) for t in ["10^2", "−10³", "10°", "100", "2×10^3"]]
    [True, True, True, False, False]
    """
    text = _normalize(text)
    match = _POWER.match(text)
    return bool(match and not match.group(2)) or bool(_ZERO_EXPONENT.match(text))


def decimal_comma(text: str, /) -> bool:
    """Whether a label's comma can only be a decimal separator (``0,25``, ``1,5``, ``1234,5``).

    One comma between digits, not followed by a group of three or following
    a lone zero (``0,250``): no thousands separator stands so.

    Examples
    --------
    >>> [decimal_comma(t) for t in ["0,2", "−1,5%", "0,250", "1,000", "12,50", "1,000,000", "1.5"]]
    [True, True, True, False, True, False, False]
    """
    match = re.fullmatch(r"[-+]?(\d+),(\d+)%?", _normalize(text))
    if match is None:
        return False
    head, tail = match.groups()
    return len(tail) != 3 or head == "0" or len(head) > 3


def parse_value(text: str, /, *, powers: bool = False, comma: bool | None = None) -> float | None:
    """The number a tick label shows, or None when it shows none.

    ``powers``: the axis is labelled in powers of ten, so ``10°`` is ``10⁰``
    (a superscript zero read as a degree sign). ``comma``: whether a single
    comma is the decimal separator (the axis's labels say so: ``1,000`` is
    then one); by default only where it cannot be a thousands separator
    (:func:`decimal_comma`).

    Examples
    --------
    >>> [parse_value(t) for t in ["−0.25", "1,000", "40%", "1e-3", "10^-2", "10⁻¹", "2×10^3", "−10³"]]
    [-0.25, 1000.0, 40.0, 0.001, 0.01, 0.1, 2000.0, -1000.0]
    >>> parse_value("x [m]") is None, parse_value("10°"), parse_value("10°", powers=True), parse_value("-10^O")
    (True, 10.0, 1.0, -1.0)
    >>> [parse_value(t) for t in ["30°N", "30°S", "120° W", "0°", "-5°C"]]
    [30.0, -30.0, -120.0, 0.0, -5.0]
    >>> parse_value("−0,5"), parse_value("1,000", comma=True), parse_value("2,5×10^3"), parse_value("12.5-")
    (-0.5, 1.0, 2500.0, 12.5)
    """
    text = _normalize(text)
    if powers and _ZERO_EXPONENT.match(text):
        text = _ZERO_EXPONENT.sub(r"\1^0", text)
    if text.endswith("%"):
        text = text[:-1]
    single = re.match(r"^([-+]?\d+),(\d+)(?![\d,])", text)
    if single and (comma or (comma is None and decimal_comma(single.group(0)))):
        text = f"{single.group(1)}.{single.group(2)}{text[single.end():]}"
    elif re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?", text):
        text = text.replace(",", "")
    match = _POWER.match(text)
    if match:
        sign = -1.0 if match.group(1) == "-" else 1.0
        mantissa = float(match.group(2)) if match.group(2) else 1.0
        exponent = int(match.group(3))
        return sign * mantissa * 10.0**exponent if abs(exponent) < 300 else None
    if not re.fullmatch(_NUMBER, text):
        fixed = text.translate(_LOOKALIKES)
        if fixed != text and _POWER.match(fixed):  # "10^O": a superscript zero read as a letter
            return parse_value(fixed, powers=powers)
        if fixed == text or not re.fullmatch(_NUMBER, fixed):
            suffixed = _suffixed(text)
            return suffixed[0][0] if suffixed else None
        text = fixed
    value = float(text)
    return value if math.isfinite(value) else None


def _suffixed(text: str) -> list[tuple[float, str]]:
    """Readings of a number followed by an SI prefix and a unit (normalized text), likeliest first."""
    # "℃"; a degree sign taken for a raised zero ("0°" read "O^0": no power of ten but 10^0 is)
    text = text.replace("°℃", "°C").replace("℃", "°C").replace("°℉", "°F").replace("℉", "°F")
    raised = re.match(r"^([-+]?[\dOo.]+)\^[0oO°]([NSEWCF]?)$", text)
    if raised and raised.group(1).lstrip("-+") != "10":
        text = f"{raised.group(1).translate(_LOOKALIKES)}°{raised.group(2)}"
    degrees = _DEGREES.match(text)
    if degrees:  # south and west of zero are negative: 30°S is -30 °N
        unit, sign = _HEMISPHERES.get(degrees.group(2), ("°" + degrees.group(2), 1.0))
        return [(sign * float(degrees.group(1)) + 0.0, unit)]
    text = re.sub(r"\^(?=\D)", "", text)  # "500μ^s": an s taken for a raised exponent
    zero = re.match(r"^([-+]?)[Oo]([^\d\W]{1,4})$", text)  # "OHz", "OK": a zero read as a letter
    if zero and (zero.group(2)[0] in SI_PREFIXES or zero.group(2) in _UNITS or zero.group(2).lower() in _UNITS):
        text = f"{zero.group(1)}0{zero.group(2)}"
    match = _SUFFIXED.match(text)
    if match is None:
        return []
    value, suffix = float(match.group(1)), match.group(2)
    out: list[tuple[float, str]] = []
    if suffix[0] in SI_PREFIXES and suffix not in _WHOLE_UNITS:
        out += [(value * 10.0 ** SI_PREFIXES[suffix[0]], suffix[1:])]
        if suffix[0] in _SI_OTHER:
            out += [(value * 10.0 ** _SI_OTHER[suffix[0]], suffix[1:])]
    out.append((value, suffix))
    return [(float(f"{v:.12g}"), unit) for v, unit in out if math.isfinite(v)]


def unit_suffix(text: str, /) -> str:
    """The letters written after a label's number (``MHz`` of ``5 MHz``), or ``""``.

    Examples
    --------
    >>> unit_suffix("5 MHz"), unit_suffix("$50k"), unit_suffix("0.5"), unit_suffix("15C")
    ('MHz', 'k', '', 'C')
    """
    readings_ = _suffixed(_normalize(text))
    return readings_[-1][1] if readings_ else ""


def readings(text: str, /) -> list[tuple[float, str]]:
    """Every way to read a tick label: ``(value, unit)``, likeliest first; empty when it shows no number.

    EngFormatter writes an SI prefix and a unit after the number (``5 MHz``,
    ``500 µs``, ``1 k``); a currency sign before it is dropped (``$50k``).
    A prefix letter may be a unit of its own (``5 m``: 5 metres or 0.005),
    and OCR reads µ as ``u`` or ``p``: the labels' progression picks.

    Examples
    --------
    >>> readings("5 MHz"), readings("$50k"), readings("500 µs")
    ([(5000000.0, 'Hz'), (5.0, 'MHz')], [(50000.0, '$'), (50.0, 'k')], [(0.0005, 's'), (500.0, 'µs')])
    >>> readings("30°S"), readings("120°E"), readings("10°C"), readings("45°"), readings("O^0"), readings("7.5°℃")
    ([(-30.0, '°N')], [(120.0, '°E')], [(10.0, '°C')], [(45.0, '°')], [(0.0, '°')], [(7.5, '°C')])
    >>> readings("2 m"), readings("3 Pa"), readings("1,000"), readings("x"), readings("OHz"), readings("OS")
    ([(0.002, ''), (2.0, 'm')], [(3.0, 'Pa')], [(1000.0, '')], [], [(0.0, 'Hz')], [(5.0, ''), (0.0, 'S')])
    """
    plain = parse_value(text)
    if plain is None:
        return []
    suffixed = _suffixed(_normalize(text))
    # "OS": 05 with its letters taken for digits, or 0 s
    out = suffixed if suffixed and suffixed[0][0] == plain else [(plain, ""), *(r for r in suffixed if r[0] != plain)]
    currency = re.match(r"^\s*[-+−]?\s*([$€£¥])\s*[\d.]", text)
    if currency and text.count("$") < 2:  # "$50k"; "$10^3$" is mathtext
        out = [(value, unit or currency.group(1)) for value, unit in out]
    return out


def precision(text: str, /) -> float:
    """Half a unit of a label's last digit: how far the value shown may be from the tick's.

    Formatters round (PercentFormatter writes 12.5 as ``12%``); powers of ten are exact.

    Examples
    --------
    >>> [precision(t) for t in ["12%", "2.50", "−0.5", "10^2", "1e-3", "0,25"]]
    [0.5, 0.005, 0.05, 0.0, 0.0, 0.005]
    """
    text = _normalize(text).rstrip("%")
    if decimal_comma(text):
        text = text.replace(",", ".")
    if "^" in text or "e" in text.lower():
        return 0.0
    _, dot, decimals = text.partition(".")
    digits = len(decimals) if dot else 0
    return 0.5 * 10.0**-digits


def label_text(text: str, /) -> str:
    """An axis or colorbar label as OCR read it, with its letter x told from a multiplication sign.

    The OCR reads an italic or lone ``x`` ("x (km)") as ``×``; a multiplication
    sign in a label only stands before a power of ten (``×10⁻³``, ``2×10^3``),
    so a ``×`` before anything else is the letter.

    Examples
    --------
    >>> label_text("× (km)"), label_text("×(km)"), label_text("flux ×10⁻³"), label_text("2 × 10^3 m")
    ('x (km)', 'x(km)', 'flux ×10⁻³', '2 × 10^3 m')
    """
    return re.sub(r"×(?!\s*10)", "x", text)


def parse_offset(text: str, /) -> tuple[str, float] | None:
    """An axis's offset text: ``("scale", 1e-3)`` for ``×10⁻³``/``1e-3``, ``("shift", 1500.0)`` for ``+1.5e3``.

    Examples
    --------
    >>> parse_offset("×10⁻³"), parse_offset("le6"), parse_offset("+1.5e3"), parse_offset("0.5")
    (('scale', 0.001), ('scale', 1000000.0), ('shift', 1500.0), None)
    """
    text = _normalize(text)
    if text[:1] in "lI|":  # "1e6" read as "le6"
        text = "1" + text[1:]
    shift = text.startswith(("+", "-")) and "e" in text.lower()
    if shift:
        value = parse_value(text)
        return None if value is None else ("shift", value)
    match = re.fullmatch(r"[×xX*]?10\^?([-+]?\d+)", text) or re.fullmatch(
        r"1[eE]([-+]?\d+)", text
    )
    if match:
        return "scale", 10.0 ** int(match.group(1))
    return None


def round_within(value: float, worth: float) -> float:
    """The roundest value (a multiple of a power of ten, or of half one) within ``worth`` of ``value``.

    A knee or centre no label states is as round as the labels' precision allows.

    Examples
    --------
    >>> round_within(1.013, 0.04), round_within(0.496, 0.01), round_within(0.43712, 0.0001)
    (1.0, 0.5, 0.4371)
    """
    if worth <= 0 or not np.isfinite(value):
        return value
    top = int(np.ceil(np.log10(max(abs(value), worth)))) + 1
    for k in range(top, int(np.floor(np.log10(worth))) - 1, -1):
        for grid in (10.0**k, 5.0 * 10.0 ** (k - 1)):
            rounded = float(np.round(value / grid) * grid)
            if abs(rounded - value) <= worth:
                return float(f"{rounded:.12g}") + 0.0
    return value
