"""The server's temporary folder: one sub-folder per upload, named by the server, bounded in count."""

from __future__ import annotations

import re
import secrets
import shutil
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from truepix.errors import UnknownNameError

__all__ = ["Workspace"]

_TOKEN = re.compile(r"[0-9a-f]{32}")


class Workspace:
    """Upload folders under ``root``, each named by a random token the server made.

    Client-supplied names never reach the file system: a token that is not 32
    hex digits, or that this server did not hand out, is unknown. Only the
    ``keep`` most recent uploads are kept; older folders are removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> space = Workspace(pathlib.Path(tempfile.mkdtemp()), keep=1)
    >>> first, folder = space.new()
    >>> space.folder(first) == folder
    True
    >>> second, _ = space.new()
    >>> folder.exists(), space.folder(second).exists()
    (False, True)
    >>> space.folder("../../etc")
    Traceback (most recent call last):
    ...
    truepix.errors.UnknownNameError: expected an upload token this server handed out, got '../../etc'
    """

    def __init__(self, root: Path, *, keep: int = 64) -> None:
        self.root = root
        self.keep = keep
        self._folders: OrderedDict[str, Path] = OrderedDict()
        self._attached: dict[str, Any] = {}
        self._lock = threading.Lock()

    def new(self) -> tuple[str, Path]:
        """A fresh, empty folder and its token."""
        token = secrets.token_hex(16)
        folder = self.root / token
        folder.mkdir()
        with self._lock:
            self._folders[token] = folder
            while len(self._folders) > self.keep:
                old_token, old = self._folders.popitem(last=False)
                self._attached.pop(old_token, None)
                shutil.rmtree(old, ignore_errors=True)
        return token, folder

    def folder(self, token: str) -> Path:
        """The folder of ``token``; :class:`~truepix.errors.UnknownNameError` if unknown."""
        with self._lock:
            folder = self._folders.get(token) if _TOKEN.fullmatch(token) else None
            if folder is not None:
                self._folders.move_to_end(token)
        if folder is None:
            msg = f"expected an upload token this server handed out, got {token[:40]!r}"
            raise UnknownNameError(msg)
        return folder

    def attach(self, token: str, thing: Any) -> None:
        """Keep ``thing`` with the upload ``token`` (dropped when its folder is)."""
        with self._lock:
            self._attached[token] = thing

    def attached(self, token: str) -> Any:
        """What :meth:`attach` kept for ``token``; :class:`~truepix.errors.UnknownNameError` if none."""
        self.folder(token)
        with self._lock:
            if token in self._attached:
                return self._attached[token]
        msg = f"expected an upload token of a figure, got {token[:40]!r}"
        raise UnknownNameError(msg)

    def scrub(self, message: str) -> str:
        """``message`` with this server's folder names replaced by "the upload"."""
        return re.sub(re.escape(str(self.root)) + r"[^\s'\"]*", "the upload", message)
