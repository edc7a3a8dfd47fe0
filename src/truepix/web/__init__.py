"""The local web page of ``truepix serve``: a heatmap figure in, its numbers out.

:func:`serve` runs the page on uvicorn, bound to 127.0.0.1 unless told
otherwise; :func:`create_app` is the ASGI application itself (Starlette),
for tests and for mounting elsewhere. Needs the ``web`` extra:
``pip install "truepix[web]"``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["check_host", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from truepix.errors import require

        require("starlette", "web")
        from truepix.web._app import create_app

        return create_app
    if name in ("serve", "check_host"):
        from truepix.web import _server

        return getattr(_server, name)
    msg = f"module 'truepix.web' has no attribute {name!r}"
    raise AttributeError(msg)
