"""The Starlette application behind ``truepix serve``: the page, its tools, the figure reader."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from truepix.errors import InputError, TruepixError, UnknownNameError
from truepix.web._figure import (
    WARM,
    FigureSession,
    apply_correction,
    calibration_json,
    difference_png,
    export,
    reading_json,
    rendered_png,
    values_f32,
)
from truepix.web._tools import available_formats, exact_save, inspect
from truepix.web._uploads import SUFFIXES, UploadTooLargeError, check_figure, describe
from truepix.web._workspace import Workspace

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "LOOPBACK_HOSTS", "create_app"]

DEFAULT_MAX_UPLOAD_BYTES = 64 * 2**20
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
STATIC = Path(__file__).parent / "static"

_log = logging.getLogger("truepix.web")

# the page loads nothing from elsewhere; the policy makes the browser enforce it
_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]  # fmt: skip

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port (IPv6 brackets removed).

    Examples
    --------
    >>> host_name("127.0.0.1:8765"), host_name("[::1]:8765"), host_name("LocalHost")
    ('127.0.0.1', '::1', 'localhost')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class _Guard:
    """Security headers on every response; requests refused unless they come from the page.

    The ``Host`` header must name an allowed host (defeats DNS rebinding), and a POST
    must carry ``X-Truepix: 1``, which a cross-site page cannot send without a CORS
    preflight this server never answers -- so other sites cannot upload.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        self.app = app
        self.allowed = {host_name(host) for host in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        refusal = None
        if "*" not in self.allowed and host not in self.allowed:
            refusal = f"expected a request to {' or '.join(sorted(self.allowed))}, got host {host[:60]!r}"
        elif scope["method"] == "POST" and headers.get(b"x-truepix") != b"1":
            refusal = "expected a request from the truepix page (header X-Truepix: 1), got none"
        if refusal is not None:
            await JSONResponse({"error": refusal}, 403)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def read_upload(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise UploadTooLargeError(_too_large(int(declared), limit))
    chunks, received = [], 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit:
            raise UploadTooLargeError(_too_large(received, limit))
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body:
        msg = "expected a file in the upload, got 0 bytes"
        raise InputError(msg)
    return body


def _too_large(size: int, limit: int) -> str:
    return (
        f"expected an upload of at most {limit:,} bytes, got {size:,}"
        f"{' or more' if size == limit + 1 else ''}; start truepix serve with a larger "
        "--max-upload-mb to accept it"
    )


def _error_response(space: Workspace) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handle(request: Request, exc: Exception) -> Response:
        message = space.scrub(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        status = 413 if isinstance(exc, UploadTooLargeError) else 400
        if isinstance(exc, UnknownNameError) and "token" in message:
            status = 404
        return JSONResponse({"error": message}, status)

    return handle


async def _internal_error(request: Request, exc: Exception) -> Response:
    _log.exception("unexpected error serving %s", request.url.path, exc_info=exc)
    message = "the server hit an internal error (a truepix bug); the terminal shows the traceback"
    return JSONResponse({"error": message}, 500)


_MAX_JSON_BYTES = 2**20
_MEDIA = {".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp",
          "csv": "text/csv", "nc": "application/x-netcdf"}  # fmt: skip
_PANEL_VIEWS = {
    "values.f32": (values_f32, "application/octet-stream"),
    "rendered.png": (rendered_png, "image/png"),
    "difference.png": (difference_png, "image/png"),
}


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


def set_calibration(session: FigureSession, calibration: Any) -> None:
    """Replace the session's overrides with an uploaded calibration JSON (checked by truepix.figures)."""
    from truepix.figures import parse_calibration

    session.overrides = [dict(panel) for panel in parse_calibration(calibration)]


def _space(request: Request) -> Workspace:
    space: Workspace = request.app.state.space
    return space


async def page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html")


async def formats(request: Request) -> Response:
    names = await run_in_threadpool(available_formats, _space(request).root)
    return JSONResponse({"exact_save": list(names)})


async def status(request: Request) -> Response:
    return JSONResponse({"figure_reader_warm": WARM.is_set()})


async def colormap_names(request: Request) -> Response:
    from truepix.color import colormaps

    return JSONResponse(await run_in_threadpool(colormaps))


async def inspect_upload(request: Request) -> Response:
    body = await read_upload(request, request.app.state.max_upload_bytes)
    _, folder = _space(request).new()
    upload = folder / "upload"
    upload.write_bytes(body)
    described = await run_in_threadpool(inspect, upload)
    if isinstance(described["loads"], str):
        described["loads"] = _space(request).scrub(described["loads"])
    return JSONResponse(described)


async def exact_save_upload(request: Request) -> Response:
    format = request.query_params.get("format", "png")
    body = await read_upload(request, request.app.state.max_upload_bytes)
    token, folder = _space(request).new()
    upload = folder / "upload.npy"
    upload.write_bytes(body)
    target, described = await run_in_threadpool(exact_save, upload, folder, format)
    upload.unlink()
    described["download"] = f"/api/files/{token}/{target.name}"
    return JSONResponse(described)


async def download(request: Request) -> Response:
    folder = _space(request).folder(request.path_params["token"])
    name = request.path_params["name"]
    files = {path.name: path for path in folder.iterdir() if path.name.startswith("array.")}
    if name not in files:
        msg = f"expected one of the server's files {sorted(files)}, got {name[:40]!r}"
        raise UnknownNameError(msg)
    return FileResponse(files[name], filename=name, media_type="application/octet-stream")


async def read_upload_figure(request: Request) -> Response:
    body = await read_upload(request, request.app.state.max_upload_bytes)
    kind, _ = await run_in_threadpool(check_figure, body)
    token, folder = _space(request).new()
    path = folder / f"figure{SUFFIXES[kind]}"
    path.write_bytes(body)
    session = FigureSession(path)
    await run_in_threadpool(session.read)
    _space(request).attach(token, session)
    return JSONResponse(reading_json(session, f"/api/figure/{token}"))


async def reread(request: Request, change: Callable[[FigureSession, Any], None]) -> Response:
    token = request.path_params["token"]
    session: FigureSession = _space(request).attached(token)
    body = await read_upload(request, _MAX_JSON_BYTES)
    try:
        sent = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        msg = f"expected JSON, got {describe(body)}"
        raise InputError(msg) from None
    await run_in_threadpool(session.update, change, sent)
    return JSONResponse(reading_json(session, f"/api/figure/{token}"))


async def correct(request: Request) -> Response:
    return await reread(request, apply_correction)


async def load_calibration(request: Request) -> Response:
    return await reread(request, set_calibration)


async def figure_file(request: Request) -> Response:
    token, what = request.path_params["token"], request.path_params["what"]
    session: FigureSession = _space(request).attached(token)
    if what == "image":
        return FileResponse(session.path, media_type=_MEDIA[session.path.suffix])
    if what == "calibration.json":
        return Response(calibration_json(session), media_type="application/json",
                        headers=_attachment("calibration.json"))  # fmt: skip
    msg = f"expected 'image' or 'calibration.json', got {what[:40]!r}"
    raise UnknownNameError(msg)


async def panel_file(request: Request) -> Response:
    session: FigureSession = _space(request).attached(request.path_params["token"])
    index, name = request.path_params["index"], request.path_params["name"]
    if name in _PANEL_VIEWS:
        produce, media = _PANEL_VIEWS[name]
        return Response(await run_in_threadpool(produce, session, index), media_type=media)
    stem, _, kind = name.rpartition(".")
    if stem != f"figure_panel{index + 1}":
        msg = f"expected a download named figure_panel{index + 1}.csv/.npy/.nc, got {name[:40]!r}"
        raise UnknownNameError(msg)
    data = await run_in_threadpool(export, session, index, kind)
    return Response(data, media_type=_MEDIA.get(kind, "application/octet-stream"),
                    headers=_attachment(name))  # fmt: skip


def create_app(
    workdir: Path,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    allowed_hosts: Sequence[str] = LOOPBACK_HOSTS,
) -> Starlette:
    """The ASGI application of ``truepix serve``, keeping uploads under ``workdir``.

    Parameters
    ----------
    workdir : pathlib.Path
        An existing, private folder; every file the server writes goes under it,
        in folders named by the server. The caller removes it (``serve`` does, at exit).
    max_upload_bytes : int
        Largest upload accepted, in bytes (HTTP 413 past it, before it is all received).
    allowed_hosts : sequence of str
        ``Host`` headers served; the loopback names by default, which also defeats
        DNS rebinding. ``("*",)`` serves any.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> app = create_app(pathlib.Path(tempfile.mkdtemp()))
    >>> [route.path for route in app.routes][:2]
    ['/', '/api/figure']
    """
    routes = [
        Route("/", page),
        Route("/api/figure", read_upload_figure, methods=["POST"]),
        Route("/api/figure/{token}/correct", correct, methods=["POST"]),
        Route("/api/figure/{token}/calibration", load_calibration, methods=["POST"]),
        Route("/api/figure/{token}/{what}", figure_file),
        Route("/api/figure/{token}/panel/{index:int}/{name}", panel_file),
        Route("/api/formats", formats),
        Route("/api/status", status),
        Route("/api/colormaps", colormap_names),
        Route("/api/inspect", inspect_upload, methods=["POST"]),
        Route("/api/exact-save", exact_save_upload, methods=["POST"]),
        Route("/api/files/{token}/{name}", download),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    space = Workspace(workdir)
    app = Starlette(
        routes=routes,
        middleware=[Middleware(_Guard, allowed_hosts=allowed_hosts)],
        exception_handlers={TruepixError: _error_response(space), Exception: _internal_error},
    )
    app.state.space = space
    app.state.max_upload_bytes = max_upload_bytes
    return app
