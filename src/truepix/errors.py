"""The exceptions truepix raises.

Every error is a :class:`TruepixError` *and* the built-in exception a caller
would naturally catch, so ``except ValueError`` keeps working::

    TruepixError
    ├── InputError (ValueError)                  bad argument values
    │   ├── EncodingDomainError                  values an encoding cannot hold
    │   ├── ShapeError                           wrong or empty shape
    │   └── OutOfRangeError                      data outside vmin/vmax or a histogram range
    ├── UnsupportedDtypeError (TypeError)        object, str, structured ... dtypes
    ├── UnknownNameError (KeyError)              a misspelt name, with a did-you-mean
    │   ├── UnknownEncodingError
    │   ├── UnknownColormapError
    │   └── UnknownFormatError                   a file suffix no codec handles
    ├── ReadError (OSError)                      a file that cannot be read faithfully
    │   ├── CorruptFileError                     truncated, junk, bad CRC
    │   ├── MetadataError                        truepix metadata that does not parse
    │   ├── IntegrityError                       pixels that do not match their checksum
    │   ├── DecompressionBombError               declared sizes past the limits
    │   └── UnsupportedFileError                 a sound file in a codec truepix cannot decode
    ├── WriteError (OSError)                     a save that could not complete
    │   └── FileExistsError_ (FileExistsError)   ``overwrite=False`` and the file exists
    ├── MissingDependencyError (ImportError)     an optional extra is not installed
    └── UnsupportedInputError (TypeError)        an argument of a kind truepix cannot use

    TruepixWarning (UserWarning)                 something worked, but not as well as asked
    ├── CrowdedLabelsWarning                     text labels too small or too dense to read
    ├── OffMapWarning                            most of a picture is not the colormap's colors
    ├── ColorShiftWarning                        a picture's colors shifted (gamma, TV range)
    ├── ColorbarDoubtWarning                     the bar found may be a strip of a plot
    └── FewColorsWarning                         too few colors to tell colormaps apart

Messages read "expected ..., got ..." followed by a hint.

Examples
--------
>>> from truepix.errors import EncodingDomainError, TruepixError
>>> issubclass(EncodingDomainError, ValueError) and issubclass(EncodingDomainError, TruepixError)
True
>>> str(UnknownEncodingError("expected an encoding name, got 'exct'; did you mean 'exact'?"))
"expected an encoding name, got 'exct'; did you mean 'exact'?"
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "CorruptFileError",
    "ColorShiftWarning",
    "ColorbarDoubtWarning",
    "CrowdedLabelsWarning",
    "FewColorsWarning",
    "DecompressionBombError",
    "EncodingDomainError",
    "FileExistsError_",
    "InputError",
    "IntegrityError",
    "MetadataError",
    "MissingDependencyError",
    "OffMapWarning",
    "OutOfRangeError",
    "ReadError",
    "ShapeError",
    "TruepixError",
    "TruepixWarning",
    "UnknownColormapError",
    "UnknownEncodingError",
    "UnknownFormatError",
    "UnknownNameError",
    "UnsupportedDtypeError",
    "UnsupportedFileError",
    "UnsupportedInputError",
    "WriteError",
    "did_you_mean",
    "require",
]


class TruepixError(Exception):
    """Base class of every error truepix raises on purpose."""


class InputError(TruepixError, ValueError):
    """An argument has a value truepix cannot use."""


class EncodingDomainError(InputError):
    """Values fall outside what an encoding can hold; nothing was written."""


class ShapeError(InputError):
    """An array has a shape the operation does not accept (empty, wrong rank ...)."""


class OutOfRangeError(InputError):
    """Data outside the declared ``vmin``/``vmax`` (or a histogram range)."""


class UnsupportedDtypeError(TruepixError, TypeError):
    """An array's dtype cannot be stored or processed (object, str, structured ...)."""


class UnknownNameError(TruepixError, KeyError):
    """A name looked up in one of truepix's registries does not exist."""

    def __str__(self) -> str:
        # KeyError.__str__ would wrap the message in quotes.
        return str(self.args[0]) if self.args else ""


class UnknownEncodingError(UnknownNameError):
    """No encoding of that name."""


class UnknownColormapError(UnknownNameError):
    """No colormap of that name."""


class UnknownFormatError(UnknownNameError):
    """No codec for that file suffix."""


class ReadError(TruepixError, OSError):
    """A file cannot be read faithfully."""


class CorruptFileError(ReadError):
    """The file is truncated, damaged, or not the format its name says."""


class MetadataError(ReadError):
    """truepix metadata in the file is missing fields, malformed, or inconsistent."""


class IntegrityError(ReadError):
    """The stored samples do not match the checksum recorded when they were saved."""


class DecompressionBombError(ReadError):
    """The file declares a size past truepix's limits, or one its data cannot hold."""


class UnsupportedFileError(ReadError):
    """A legitimate file that uses a codec or layout truepix cannot decode (not a damaged one)."""


class WriteError(TruepixError, OSError):
    """A save could not complete; any existing file was left untouched."""


class FileExistsError_(WriteError, FileExistsError):
    """``overwrite=False`` and the target exists."""


class MissingDependencyError(TruepixError, ImportError):
    """An optional extra is needed; the message names the ``pip install`` to run."""


class UnsupportedInputError(TruepixError, TypeError):
    """An argument is of a kind truepix cannot use (neither array, path nor iterable ...)."""


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """Return a hint naming the closest choices to ``name``, or ``""``.

    Examples
    --------
    >>> did_you_mean("virdis", ["viridis", "magma", "jet"])
    " did you mean 'viridis'?"
    >>> did_you_mean("zzz", ["viridis"])
    ''
    """
    choices = list(choices)
    folded = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(name.lower(), list(folded), n=3, cutoff=0.6)
    if not close:
        return ""
    names = " or ".join(repr(folded[c]) for c in close)
    return f" did you mean {names}?"


def require(module: str, extra: str) -> object:
    """Import an optional module, or raise :class:`MissingDependencyError`.

    Examples
    --------
    >>> require("json", "core").__name__
    'json'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = (
            f"expected the optional package {module!r} to be installed, got ImportError;"
            f' install it with: pip install "truepix[{extra}]"'
        )
        raise MissingDependencyError(msg) from exc


class TruepixWarning(UserWarning):
    """Base class of the warnings truepix emits; filter them all with this class."""


class CrowdedLabelsWarning(TruepixWarning):
    """Labels drawn on a figure are too small or too dense to read."""


class OffMapWarning(TruepixWarning):
    """Most pixels of a decoded picture are not colors of the colormap (a wrong ``cmap``?)."""


class ColorShiftWarning(TruepixWarning):
    """A decoded picture's colors were all moved by one curve per channel (a gamma, TV range
    16-235, a brightness change), which was undone before decoding."""


class ColorbarDoubtWarning(TruepixWarning):
    """The colorbar found stands within other colors, as a strip of a plot does, not on the paper."""


class FewColorsWarning(TruepixWarning):
    """A picture holds too few colors (one or two) to tell colormaps apart."""
