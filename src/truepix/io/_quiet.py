"""Keep a library's log lines about a file quiet while truepix reads it.

tifffile logs what it drops or falls back on, and imagecodecs passes libpng's
warnings ("IDAT: Too much image data", "Interlace handling should be turned on")
to its logger, which Python prints on stderr when no handler is set: a line per
file, 10,000 for a folder of frames. truepix checks the structure itself and says
what is wrong in its exceptions, so these lines are dropped -- on the threads that
are inside a truepix read only, so the application's own use of the libraries
keeps its logs.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

__all__ = ["QuietLogger"]


class QuietLogger(logging.Filter):
    """A filter on one logger that drops its records inside :meth:`quiet` on this thread.

    Examples
    --------
    >>> quiet = QuietLogger("truepix.example")
    >>> with quiet.quiet():
    ...     logging.getLogger("truepix.example").warning("dropped")
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.local = threading.local()
        logging.getLogger(name).addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(self.local, "depth", 0)

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Drop the logger's records on this thread while the block runs (re-entrant)."""
        self.local.depth = getattr(self.local, "depth", 0) + 1
        try:
            yield
        finally:
            self.local.depth -= 1
