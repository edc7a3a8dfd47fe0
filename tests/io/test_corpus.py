"""The PNG/TIFF conformance corpus: every file held to its class (``../shared/corpus/README.md``).

- valid: ``tp.load`` returns the stored samples exactly (oracles: pypng for PNG, the
  first series of ``tifffile.imread`` for TIFF) and ``tp.info`` describes the same array;
- corrupt / malformed: a ``TruepixError`` with a one-line "expected ..., got ..." message
  that quotes no internal exception, allocating far less than the header claims;
- unsupported: a clean refusal that says what is unsupported, not "damaged" or "bomb";
- lenient: a clean refusal, or exactly the oracle's samples (never an empty array).

The classes are read from the corpus README and each folder's README; the per-class counts
are in ``docs/io.md``.
"""

from __future__ import annotations

import io
import re
import tracemalloc
from fnmatch import fnmatch
from pathlib import Path

import numpy as np
import png  # pypng: a pure-Python decoder that returns the stored samples, palette indices apart
import pytest
import tifffile

import truepix as tp
from tests._needs import need
from truepix.errors import (
    CorruptFileError,
    DecompressionBombError,
    TruepixError,
    UnsupportedFileError,
)

_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

# (glob over the path relative to the corpus, class); the first match wins, else "valid"
_CLASSES: list[tuple[str, str]] = [
    ("pngsuite/x*.png", "corrupt"),
    ("png-extra/libpng-crashers/empty_ancillary_chunks.png", "lenient"),
    ("png-extra/libpng-crashers/*", "corrupt"),
    ("png-extra/image-png-bugfixes/x_*.png", "corrupt"),
    ("png-extra/image-png-bugfixes/invalid_palette_index.png", "corrupt"),
    ("png-extra/image-png-bugfixes/cicp_pq.png", "lenient"),
    ("png-extra/image-png-bugfixes/issue#430.png", "lenient"),
    ("png-extra/image-png-fuzz/*", "lenient"),
    ("png-extra/stb-iphone-cgbi/*", "corrupt"),
    ("png-extra/pillow/*", "corrupt"),
    ("png-extra/synthetic/corrupt/*", "corrupt"),
    ("png-extra/synthetic/lenient/*", "lenient"),
    ("tiff/synthetic/malformed/*", "corrupt"),
    ("tiff/golang-image/tiff-testdata/0x0.tiff", "corrupt"),
    ("tiff/golang-image/tiff-testdata/0x1.tiff", "corrupt"),
    ("tiff/golang-image/tiff-testdata/1x0.tiff", "corrupt"),
    ("tiff/pillow/oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif", "corrupt"),
    ("tiff/pillow/libtiff_segfault.tif", "corrupt"),
    ("tiff/pillow/seek_too_large.tif", "corrupt"),
    ("tiff/pillow/tiff_overflow_rows_per_strip.tif", "corrupt"),
    ("tiff/rasterio/corrupt.tif", "corrupt"),
    ("tiff/image-tiff/fuzz_images/*", "lenient"),
    ("tiff/pillow/crash-*.tif", "lenient"),
    ("tiff/libtiff/test_ifd_loop_*.tif", "lenient"),
    ("tiff/pillow/multipage_single_frame_loop.tiff", "lenient"),
    ("tiff/pillow/multipage_multiple_frame_loop.tiff", "lenient"),
    ("tiff/pillow/tiff_wrong_bits_per_sample*.tiff", "lenient"),
    ("tiff/golang-image/invalid-palette-ref.tiff", "lenient"),
    ("tiff/synthetic/lenient/*", "lenient"),
    ("tiff/libtiff/logluv-3c-16b.tiff", "unsupported"),
    ("tiff/image-tiff/libtiffpic/off_l16.tif", "unsupported"),
    ("tiff/image-tiff/libtiffpic/off_luv24.tif", "unsupported"),
    ("tiff/image-tiff/libtiffpic/off_luv32.tif", "unsupported"),
    ("tiff/image-tiff/libtiffpic/text.tif", "unsupported"),
    ("tiff/libtiff/ojpeg_*.tiff", "unsupported"),
    ("tiff/image-tiff/libtiffpic/smallliz.tif", "unsupported"),
    ("tiff/image-tiff/libtiffpic/zackthecat.tif", "unsupported"),
    ("tiff/image-tiff/libtiffpic/ycbcr-cat.tif", "unsupported"),
    ("tiff/image-tiff/libtiffpic/dscf0013.tif", "unsupported"),
    ("tiff/libtiff/deflate-last-strip-extra-data.tiff", "unsupported"),
]
_SUFFIXES = (".png", ".tif", ".tiff")
# what a refusal may allocate (the README's bound is 100 MB)
_MAX_REFUSAL_BYTES = 100 * 2**20
_INTERNAL = re.compile(
    r"Traceback|Error:|object has no attribute|argument \d|UnicodeDecodeError|struct\.error"
)


def classify(relative: str) -> str:
    """The corpus class of a file, from its path relative to the corpus folder."""
    for pattern, kind in _CLASSES:
        if fnmatch(relative, pattern):
            return kind
    return "valid"


def _files() -> list[str]:
    if not _ROOT.is_dir():
        return []
    found = (
        p.relative_to(_ROOT).as_posix()
        for p in _ROOT.rglob("*")
        if p.is_file() and p.suffix.lower() in _SUFFIXES
    )
    return sorted(found)


_FILES = _files()


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; its absence skips the suite, except under ``CI=true`` where it fails."""
    if not _ROOT.is_dir():
        need(
            f"the conformance corpus is not at {_ROOT}",
            how="it is checked out beside the repository (../shared/corpus), never copied into it",
        )
    return _ROOT


def _png_oracle(path: Path) -> np.ndarray:
    """The stored samples as the corpus README defines them, decoded by pypng.

    Ancillary chunks change no stored sample, so they are left out (pypng is strict
    about some of them, e.g. a bKGD before PLTE); tRNS stays for palette images.
    """
    reader = png.Reader(bytes=path.read_bytes())
    chunks = [(kind, body) for kind, body in reader.chunks()]
    header = dict(chunks)[b"IHDR"]
    palette_image = header[9] == 3
    kept = [
        (kind, body)
        for kind, body in chunks
        if kind[:1].isupper() or (kind == b"tRNS" and palette_image)
    ]
    buffer = io.BytesIO()
    png.write_chunks(buffer, kept)
    width, height, rows, meta = png.Reader(bytes=buffer.getvalue()).read()
    planes = meta["planes"]
    dtype = np.uint16 if meta["bitdepth"] > 8 else np.uint8
    samples = np.array(
        [np.asarray(row, dtype=dtype) for row, _ in zip(rows, range(height), strict=False)],
        dtype=dtype,
    ).reshape(height, width, planes)
    if palette_image:
        entries = [tuple(c) for c in meta["palette"]]
        if any(b"tRNS" == kind for kind, _ in kept):
            entries = [c + (255,) * (4 - len(c)) for c in entries]
        return np.array(entries, dtype=np.uint8)[samples[..., 0]]
    return samples[..., 0] if planes == 1 else samples


def _oracle(path: Path) -> np.ndarray:
    if path.suffix.lower() == ".png":
        return _png_oracle(path)
    return np.asarray(tifffile.imread(path))


def _assert_same(loaded: np.ndarray, expected: np.ndarray) -> None:
    assert loaded.dtype == expected.dtype and loaded.shape == expected.shape
    assert loaded.size > 0
    # compare bits: NaN payloads and -0 included
    assert loaded.tobytes() == np.ascontiguousarray(expected).tobytes()


def _assert_clean_refusal(error: BaseException) -> None:
    message = str(error)
    assert isinstance(error, TruepixError), f"{type(error).__name__}: {message}"
    assert "\n" not in message and message.isprintable(), repr(message)
    assert message.startswith("expected "), message
    assert not _INTERNAL.search(message), message


def _load(
    path: Path, *, traced: bool = True
) -> tuple[np.ndarray | None, BaseException | None, int]:
    """The loaded array or the error, and (``traced``) the peak a refusal allocated;
    untraced, the peak is 0: tracemalloc slows every allocation, and a valid or
    unsupported file's test asserts no peak."""
    if not traced:
        try:
            return tp.load(path), None, 0
        except Exception as exc:  # judged by the caller
            return None, exc, 0
    tracemalloc.start()
    try:
        return tp.load(path), None, 0
    except Exception as exc:  # judged by the caller: what kind, which words
        return None, exc, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("relative", _FILES or ["<absent>"])
def test_corpus_file(corpus: Path, relative: str) -> None:
    path = corpus / relative
    kind = classify(relative)
    loaded, error, peak = _load(path, traced=kind in ("corrupt", "lenient"))
    if kind == "valid":
        assert error is None, f"{type(error).__name__}: {error}"
        assert loaded is not None
        _assert_same(loaded, _oracle(path))
        meta = tp.info(path)
        assert meta.foreign and meta.dtype == loaded.dtype and meta.shape == loaded.shape
    elif kind == "corrupt":
        assert error is not None, f"an array of shape {np.shape(loaded)}"
        _assert_clean_refusal(error)
        assert peak < _MAX_REFUSAL_BYTES
    elif kind == "unsupported":
        assert error is not None, "an array"
        _assert_clean_refusal(error)
        assert isinstance(error, UnsupportedFileError), f"{type(error).__name__}: {error}"
        assert "unsupported" in str(error)
        assert not isinstance(error, (CorruptFileError, DecompressionBombError))
        assert not re.search(r"damaged|bomb|corrupt", str(error)), str(error)
    else:  # lenient
        if error is not None:
            _assert_clean_refusal(error)
            assert peak < _MAX_REFUSAL_BYTES
            return
        assert loaded is not None
        _assert_same(loaded, _oracle(path))


def test_classes_cover_the_readmes(corpus: Path) -> None:
    """Every listed pattern names files that exist (a renamed file would fall back to valid)."""
    for pattern, _ in _CLASSES:
        assert any(fnmatch(f, pattern) for f in _FILES), pattern
