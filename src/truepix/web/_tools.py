"""The page's small tools: "exact save" (a ``.npy`` to a truepix picture) and "inspect" (``tp.info``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from truepix.errors import TruepixError, UnknownFormatError
from truepix.web._uploads import SUFFIXES, describe, load_npy, sniff

__all__ = ["EXACT_FORMATS", "available_formats", "exact_save", "inspect"]

# format offered by "exact save" -> file suffix tp.save picks the codec from
EXACT_FORMATS = {"png": ".png", "tiff": ".tif", "jxl": ".jxl"}

# kinds tp.info describes
_INFO_KINDS = ("png", "tiff", "jxl", "webp")


@cache
def available_formats(probe_dir: Path) -> tuple[str, ...]:
    """The "exact save" formats this installation's :func:`truepix.save` writes.

    Probed once by saving a 2x2 array; a format whose codec is missing is left out.
    """
    from truepix.io import save

    formats = []
    for name, suffix in EXACT_FORMATS.items():
        probe = probe_dir / f"probe{suffix}"
        try:
            save(probe, np.zeros((2, 2), np.uint8))
        except (TruepixError, ImportError):
            continue
        finally:
            probe.unlink(missing_ok=True)
        formats.append(name)
    return tuple(formats)


def exact_save(upload: Path, target_dir: Path, format: str) -> tuple[Path, dict[str, Any]]:
    """Save an uploaded ``.npy`` exactly as a truepix ``format`` file; return it and its info.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> np.save(folder / "in.npy", np.array([[np.nan, -0.0], [1e-300, 7.0]]))
    >>> path, described = exact_save(folder / "in.npy", folder, "png")
    >>> path.name, described["exact"], described["dtype"]
    ('array.png', True, '<f8')
    """
    if format not in available_formats(target_dir):
        offered = ", ".join(available_formats(target_dir))
        msg = f"expected an exact-save format among {offered}, got {format!r}"
        raise UnknownFormatError(msg)
    from truepix.io import save

    array = load_npy(upload)
    target = target_dir / f"array{EXACT_FORMATS[format]}"
    described = save(target, array).to_dict()
    del described["path"]
    return target, described


def inspect(upload: Path) -> dict[str, Any]:
    """``tp.info`` of an uploaded picture, and whether :func:`truepix.load` reads it back.

    Returns a JSON-ready dict: the :class:`~truepix.ImageInfo` fields (no path)
    and ``"loads"``: ``True`` or the one-line reason it does not (a wrong
    checksum, a damaged file ...).

    Examples
    --------
    >>> import tempfile, pathlib, truepix as tp
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.png"
    >>> _ = tp.save(path, np.arange(6, dtype=np.int16).reshape(2, 3))
    >>> described = inspect(path)
    >>> described["dtype"], described["shape"], described["loads"]
    ('<i2', [2, 3], True)
    """
    with upload.open("rb") as file:
        head = file.read(16)
    kind = sniff(head)
    if kind not in _INFO_KINDS:
        got = f"a {kind.upper()} file" if kind else describe(head, upload.stat().st_size)
        msg = f"expected a PNG, TIFF, JPEG XL or WebP file (what tp.info describes), got {got}"
        raise UnknownFormatError(msg)
    named = upload.with_suffix(SUFFIXES[kind])
    if named != upload:
        upload.rename(named)
    from truepix.io import info, load

    described = info(named).to_dict()
    del described["path"]
    try:
        load(named)
    except TruepixError as exc:
        described["loads"] = str(exc).splitlines()[0]
    else:
        described["loads"] = True
    return described
