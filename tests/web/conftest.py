"""A real ``truepix serve`` (uvicorn on 127.0.0.1, a free port) and a real Chromium for the page tests.

The browser is Debian's ``chromium`` driven by Playwright (no browser download).
Where either is missing the browser tests skip -- except under ``CI=true``, where
they fail: CI installs both from the README's test command.
Screenshots of the main states go to ``screenshots/`` under pytest's temp dir for the run
(``<temp dir>/pytest-of-<user>/pytest-<N>/``, one per xdist worker), so runs at once keep
their own.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests._needs import need
from truepix.web import serve

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Server:
    url: str
    workdir: Path


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """``truepix.web.serve`` itself, in a thread, on 127.0.0.1 and a port the OS picked."""
    started = threading.Event()
    stop = threading.Event()
    found: dict[str, Any] = {}

    def ready(url: str, workdir: Path) -> None:
        found.update(url=url.rstrip("/"), workdir=workdir)
        started.set()

    thread = threading.Thread(
        target=serve, kwargs={"host": "127.0.0.1", "port": 0, "ready": ready, "stop": stop}
    )
    thread.start()
    assert started.wait(30), "the server did not start"
    yield Server(found["url"], found["workdir"])
    stop.set()
    thread.join(30)
    assert not found["workdir"].exists(), "the temporary folder outlived the server"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        need("Debian's chromium is not on PATH")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A fresh page on the server, failing the test on any request that leaves it or any console error."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    foreign: list[str] = []
    errors: list[str] = []
    opened.on("request", lambda r: None if r.url.startswith(server.url) or r.url.startswith(("data:", "blob:")) else foreign.append(r.url))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 4" not in m.text else None)
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto(server.url + "/")
    opened.wait_for_selector("body[data-ready='true']")
    yield opened
    context.close()
    assert foreign == [], f"the page reached outside the server: {foreign}"
    assert errors == [], f"the page logged errors: {errors}"


@pytest.fixture
def shot(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Save a screenshot of the page's current state as a test artifact."""
    folder = tmp_path_factory.getbasetemp() / "screenshots"

    def save(page: Any, name: str) -> Path:
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
