"""Run the app on uvicorn: loopback by default, a private temporary folder removed at exit."""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import signal
import sys
import socket
import tempfile
import threading
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path

from truepix.errors import InputError

__all__ = ["check_host", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``).

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, *, allow_remote: bool) -> None:
    """Refuse a non-loopback ``host`` unless ``allow_remote``.

    Examples
    --------
    >>> check_host("127.0.0.1", allow_remote=False)
    >>> check_host("0.0.0.0", allow_remote=False)
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected a loopback --host (127.0.0.1, ::1 or localhost), got '0.0.0.0'; anyone who reaches that address could upload files and read results: pass --allow-remote to serve it anyway
    """
    if not allow_remote and not is_loopback(host):
        msg = (
            f"expected a loopback --host (127.0.0.1, ::1 or localhost), got {host!r}; anyone "
            "who reaches that address could upload files and read results: pass "
            "--allow-remote to serve it anyway"
        )
        raise InputError(msg)


@contextlib.contextmanager
def _exit_on_sigterm() -> Iterator[None]:
    # uvicorn re-raises the signal that stopped it once it has shut down; with the default
    # SIGTERM handler that would kill the process before the temporary folder is removed
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    open_browser: bool = False,
    allow_remote: bool = False,
    max_upload_bytes: int | None = None,
    warm_up: bool = True,
    ready: Callable[[str, Path], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve the page until interrupted (Ctrl+C); the temporary folder is removed at exit.

    Parameters
    ----------
    host, port : str, int
        Address to listen on; ``port=0`` picks a free port.
    open_browser : bool
        Open the page in the default browser once the server listens.
    allow_remote : bool
        Allow a ``host`` that is not a loopback address.
    max_upload_bytes : int, optional
        Largest upload accepted (default 64 MiB).
    warm_up : bool
        Read a small generated figure in the background once the server listens,
        so the first figure dropped is read as fast as the next ones.
    ready : callable, optional
        Called with the page's URL and the temporary folder once the server listens.
    stop : threading.Event, optional
        Setting it stops the server (for running it in a thread).

    Raises
    ------
    InputError
        A non-loopback ``host`` without ``allow_remote``.
    MissingDependencyError
        The ``web`` extra is not installed.
    """
    check_host(host, allow_remote=allow_remote)
    from truepix.errors import require

    require("starlette", "web")
    uvicorn = require("uvicorn", "web")
    from truepix.web._app import DEFAULT_MAX_UPLOAD_BYTES, LOOPBACK_HOSTS, create_app

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    workdir = Path(tempfile.mkdtemp(prefix="truepix-serve-"))
    try:
        try:
            sock.bind((host.strip("[]"), port))
        except OSError as exc:
            msg = (
                f"expected a free port on {host}, got port {port} taken or not allowed "
                f"({exc.strerror}); pass another --port, or --port 0 for any free one"
            )
            raise InputError(msg) from exc
        allowed = ("*",) if allow_remote else (*LOOPBACK_HOSTS, host)
        app = create_app(
            workdir,
            max_upload_bytes=max_upload_bytes or DEFAULT_MAX_UPLOAD_BYTES,
            allowed_hosts=allowed,
        )
        bound = sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{bound}/"
        config = uvicorn.Config(  # type: ignore[attr-defined]
            app, log_level="warning", ws="none", lifespan="off", access_log=False
        )
        server = uvicorn.Server(config)  # type: ignore[attr-defined]

        def announce() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.02)
            if server.started:
                if warm_up:
                    from truepix.web._figure import warm_up as warm

                    threading.Thread(target=warm, daemon=True).start()
                if ready is not None:
                    ready(url, workdir)
                if open_browser:
                    webbrowser.open(url)
            if stop is not None:
                stop.wait()
                server.should_exit = True

        threading.Thread(target=announce, daemon=True).start()
        with _exit_on_sigterm():
            server.run(sockets=[sock])
    finally:
        sock.close()
        shutil.rmtree(workdir, ignore_errors=True)
