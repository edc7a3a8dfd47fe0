"""``truepix serve`` over plain HTTP: safety, the exact-save and inspect tools, the command line."""

from __future__ import annotations

import json
import re
import signal
import struct
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

import truepix as tp
from tests._pngs import png_declaring
from truepix.cli.main import cli
from truepix.web._app import STATIC

Server = Any  # the conftest's server fixture: .url, .workdir


def request(
    server: Server, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    sent = {"X-Truepix": "1"} if body is not None else {}
    sent.update(headers or {})
    call = urllib.request.Request(server.url + path, data=body, headers=sent)
    try:
        with urllib.request.urlopen(call, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def error_of(answer: tuple[int, dict[str, str], bytes]) -> str:
    message: str = json.loads(answer[2])["error"]
    assert "\n" not in message and "Traceback" not in message
    return message


def npy_bytes(array: np.ndarray, tmp_path: Path) -> bytes:
    path = tmp_path / "upload.npy"
    np.save(path, array)
    return path.read_bytes()


def test_page_loads_nothing_from_elsewhere(server: Server) -> None:
    status, headers, body = request(server, "/")
    assert status == 200 and headers["content-security-policy"].startswith("default-src 'self'")
    for path in [STATIC / "index.html", *STATIC.glob("*.js"), *STATIC.glob("*.css")]:
        text = path.read_text()
        assert not re.search(r"https?://|//cdn|@import", text.replace("http://www.w3.org/2000/svg", "")), path
    assert b'src="/static/app.js"' in body


def test_requests_from_elsewhere_are_refused(server: Server) -> None:
    status, _, _ = request(server, "/api/formats", headers={"Host": "evil.example:80"})
    assert status == 403  # a DNS-rebound name
    call = urllib.request.Request(server.url + "/api/inspect", data=b"x")  # no X-Truepix header
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(call, timeout=30)
    with refused.value:
        assert refused.value.code == 403


@pytest.mark.parametrize("dtype", ["float64", ">f4", "int64", "complex64", "bool", "uint16"])
def test_exact_save_round_trips(server: Server, tmp_path: Path, dtype: str) -> None:
    rng = np.random.default_rng(3)
    array = (rng.standard_normal((9, 13, 2)) * 1000).astype(dtype)
    if array.dtype.kind == "f":
        array[0, 0, 0], array[1, 1, 1] = np.nan, -0.0
    _, _, formats = request(server, "/api/formats")
    for format in json.loads(formats)["exact_save"]:
        status, _, body = request(server, f"/api/exact-save?format={format}", npy_bytes(array, tmp_path))
        assert status == 200, body
        described = json.loads(body)
        assert described["exact"] and "path" not in described
        status, headers, data = request(server, described["download"])
        assert status == 200 and "attachment" in headers["content-disposition"]
        saved = tmp_path / described["download"].rsplit("/", 1)[1]
        saved.write_bytes(data)
        loaded = tp.load(saved)
        assert loaded.dtype == array.dtype and loaded.shape == array.shape
        assert loaded.tobytes() == array.tobytes()


def test_exact_save_refuses_what_is_not_a_numeric_npy(server: Server, tmp_path: Path) -> None:
    answer = request(server, "/api/exact-save?format=png", b"PK\x03\x04 a zip file")
    assert answer[0] == 400 and error_of(answer).startswith("expected a .npy file")
    answer = request(server, "/api/exact-save?format=png", npy_bytes(np.array(["a", "b"]), tmp_path))
    assert answer[0] == 400 and "numeric" in error_of(answer)
    truncated = npy_bytes(np.zeros((100, 100)), tmp_path)[:-10]
    answer = request(server, "/api/exact-save?format=png", truncated)
    assert answer[0] == 400 and "truncated" in error_of(answer)
    answer = request(server, "/api/exact-save?format=gif", npy_bytes(np.zeros(3), tmp_path))
    assert answer[0] == 400 and "format" in error_of(answer)


def test_npy_declaring_a_huge_array_is_refused_before_reading(server: Server) -> None:
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100), }"
    header += " " * (118 - len(header)) + "\n"
    bomb = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + b"\0" * 64
    answer = request(server, "/api/exact-save?format=png", bomb)
    assert answer[0] == 400 and "TRUEPIX_MAX_DECODED_BYTES" in error_of(answer)


def test_inspect_matches_tp_info(server: Server, tmp_path: Path) -> None:
    path = tmp_path / "depth.png"
    tp.save(path, np.linspace(1, 80, 60).reshape(6, 10), encoding="kitti-depth")
    status, _, body = request(server, "/api/inspect", path.read_bytes())
    described = json.loads(body)
    oracle = tp.info(path).to_dict()
    del oracle["path"]
    assert status == 200 and described.pop("loads") is True and described == oracle


def test_inspect_of_a_foreign_and_a_tampered_file(server: Server, tmp_path: Path) -> None:
    from PIL import Image

    foreign = tmp_path / "photo.png"
    Image.fromarray(np.full((5, 7, 3), 200, np.uint8)).save(foreign)
    described = json.loads(request(server, "/api/inspect", foreign.read_bytes())[2])
    assert described["foreign"] and described["shape"] == [5, 7, 3] and described["dtype"] == "|u1"

    path = tmp_path / "field.tif"
    tp.save(path, np.arange(64, dtype=np.float32).reshape(8, 8), compression=0)
    data = bytearray(path.read_bytes())
    stored = np.arange(64, dtype=np.float32).tobytes()
    start = bytes(data).index(stored)
    data[start + 40] ^= 0xFF  # one byte of the pixels changed after saving
    described = json.loads(request(server, "/api/inspect", bytes(data))[2])
    assert described["loads"].startswith("expected stored samples with CRC-32")
    assert str(server.workdir) not in described["loads"]  # no server path shown


def test_inspect_describes_every_format_tp_info_reads(server: Server, tmp_path: Path) -> None:
    picture = np.random.default_rng(2).integers(0, 256, (6, 9, 3), dtype=np.uint8)
    for suffix in (".png", ".tif", ".jxl", ".webp"):
        path = tmp_path / f"picture{suffix}"
        tp.save(path, picture)
        status, _, body = request(server, "/api/inspect", path.read_bytes())
        described = json.loads(body)
        oracle = tp.info(path).to_dict()
        del oracle["path"]
        assert status == 200 and described.pop("loads") is True and described == oracle, suffix


def test_inspect_refuses_other_files_with_one_line(server: Server, tmp_path: Path) -> None:
    from PIL import Image

    jpeg = tmp_path / "photo.jpg"
    Image.fromarray(np.zeros((8, 8, 3), np.uint8)).save(jpeg)
    answer = request(server, "/api/inspect", jpeg.read_bytes())
    assert answer[0] == 400 and error_of(answer).endswith("got a JPEG file")
    answer = request(server, "/api/inspect", b"%PDF-1.7 not an image")
    assert error_of(answer) == (
        "expected a PNG, TIFF, JPEG XL or WebP file (what tp.info describes), got 21 bytes "
        "starting b'%PDF-1.7 not an '"
    )


def test_figure_bombs_and_junk_are_refused_before_decoding() -> None:
    from truepix.errors import CorruptFileError, DecompressionBombError, UnknownFormatError
    from truepix.web._uploads import check_figure

    with pytest.raises(DecompressionBombError, match="compressed bytes"):
        check_figure(png_declaring(10000, 10000))  # 300 MB from 69 bytes: past deflate's ratio
    with pytest.raises(DecompressionBombError, match="at most 178,956,970 pixels"):
        check_figure(png_declaring(60000, 60000))  # past Pillow's own limit too
    with pytest.raises(CorruptFileError, match="does not decode"):
        check_figure(png_declaring(64, 64))  # too little data for its size
    with pytest.raises(UnknownFormatError, match="PNG, JPEG or WebP"):
        check_figure(b"GIF89a" + bytes(100))


def test_uploads_over_the_byte_limit_are_refused(tmp_path: Path) -> None:
    import threading

    from truepix.web import serve

    found: dict[str, Any] = {}
    started, stop = threading.Event(), threading.Event()
    thread = threading.Thread(target=serve, kwargs={
        "port": 0, "max_upload_bytes": 1000, "stop": stop,
        "ready": lambda url, workdir: (found.update(url=url.rstrip("/")), started.set())})  # fmt: skip
    thread.start()
    try:
        assert started.wait(30)
        small = type("Small", (), {"url": found["url"]})
        answer = request(small, "/api/inspect", bytes(5000))
        assert answer[0] == 413
        assert error_of(answer) == (
            "expected an upload of at most 1,000 bytes, got 5,000; start truepix serve with "
            "a larger --max-upload-mb to accept it"
        )
    finally:
        stop.set()
        thread.join(30)


def test_serve_refuses_a_remote_host_without_allow_remote() -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "expected a loopback --host" in result.output and "--allow-remote" in result.output


def test_serve_on_a_taken_port_says_so() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"expected a free port on 127.0.0.1, got port {port} taken" in result.output


def test_serve_without_the_web_extra_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import fails as if not installed
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert result.exit_code == 1 and 'pip install "truepix[web]"' in result.output


@pytest.mark.parametrize("stop_with", [signal.SIGINT, signal.SIGTERM])
def test_serve_command_runs_and_removes_its_folder(stop_with: signal.Signals) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "truepix.cli", "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        try:
            assert process.stdout is not None and process.stderr is not None
            line = process.stdout.readline()
            found = re.match(r"truepix serve: (http://127\.0\.0\.1:\d+)/  \(uploads in (\S+),", line)
            assert found, line + process.stderr.read()
            url, workdir = found[1], Path(found[2])
            with urllib.request.urlopen(url + "/", timeout=30) as response:
                assert b"truepix" in response.read()
            assert workdir.is_dir()
            process.send_signal(stop_with)
            assert process.wait(30) == 0, process.stderr.read()
            assert not workdir.exists()
        finally:
            if process.poll() is None:
                process.kill()
