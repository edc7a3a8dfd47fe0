"""Atomic file replacement: write a temporary file beside the target, then rename.

A failure at any point -- an encoder error, a full disk, an interrupt --
leaves an existing file untouched and no temporary file behind. The data are
flushed to the disk (fsync) before the rename, and the folder after it, so that
a crash or power cut right after a save leaves the old file or the new one,
never an empty or partly written one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from truepix.errors import FileExistsError_, WriteError

__all__ = ["write_atomic"]


def _creation_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, write: Callable[[BinaryIO], None], *, overwrite: bool) -> None:
    """Call ``write(file)`` on a temporary file and move it to ``path`` only if it succeeds.

    What :func:`truepix.save` and the ``truepix`` commands write files with: the
    temporary file sits beside ``path``, is flushed to disk, then renamed (or,
    with ``overwrite=False``, hard-linked so a file that appeared meanwhile is
    never clobbered).

    Parameters
    ----------
    path
        The file to create or replace; its folder must exist.
    write
        Called once with the open binary file; whatever it raises propagates
        and leaves ``path`` as it was.
    overwrite
        Replace an existing ``path`` (False refuses).

    Returns
    -------
    None

    Raises
    ------
    WriteError
        The folder of ``path`` does not exist.
    FileExistsError_
        ``overwrite=False`` and ``path`` exists.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.bin"
    >>> write_atomic(target, lambda f: f.write(b"new"), overwrite=True)
    >>> def fail(f):
    ...     f.write(b"half")
    ...     raise RuntimeError("disk full")
    >>> write_atomic(target, fail, overwrite=True)
    Traceback (most recent call last):
    ...
    RuntimeError: disk full
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'new', ['a.bin'])
    """
    directory = path.parent
    if not directory.is_dir():
        msg = f"expected an existing folder to save into, got {str(directory)!r}; create it first"
        raise WriteError(msg)
    if not overwrite and path.exists():
        msg = f"expected {str(path)!r} not to exist (overwrite=False), got an existing file"
        raise FileExistsError_(msg)
    mode = path.stat().st_mode & 0o7777 if path.exists() else _creation_mode()
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(descriptor)
    try:
        with open(temporary, "wb") as file:  # a named file: tifffile wants a name
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        if overwrite:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if the target appeared meanwhile: no clobbering
            except FileExistsError as exc:
                msg = f"expected {str(path)!r} not to exist (overwrite=False), got an existing file"
                raise FileExistsError_(msg) from exc
            os.unlink(temporary)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(directory)


def _sync_folder(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on folders
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
