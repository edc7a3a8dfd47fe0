"""NumPy files read by one rule (truepix._files.read_numpy): damage is a CorruptFileError naming the
file, whichever reader meets it -- never numpy's EOFError (click printed a bare "Aborted!")."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import truepix as tp
from truepix._files import read_numpy
from truepix.errors import CorruptFileError, UnknownFormatError

STACK = np.random.default_rng(5).random((3, 4, 5))


def _damaged(folder: Path) -> dict[str, Path]:
    np.save(folder / "good.npy", STACK)
    whole = (folder / "good.npy").read_bytes()
    files = {
        "empty": b"",
        "truncated": whole[: len(whole) // 2],
        "header only": whole[:128],
        "text": b"x" * 300,
        "pickle": pickle.dumps({"a": 1}),
        "zip that is not": b"PK\x03\x04" + b"\0" * 100,
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / f"{name.replace(' ', '_')}.npy"
        paths[name].write_bytes(data)
    np.save(folder / "objects.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    paths["object dtype"] = folder / "objects.npy"
    return paths


READERS: dict[str, Callable[[Path], object]] = {
    "read_numpy": read_numpy,
    "read_numpy mmap": lambda path: read_numpy(path, mmap_mode="r"),
    "pixel_histogram": lambda path: tp.pixel_histogram(path, bins=4, range=(0, 1)),
    "to_dask_array": lambda path: tp.stacks.to_dask_array(path),
    "preview_figure": lambda path: tp.display.preview_figure(path),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_damaged_npy_files_are_corrupt_file_errors(tmp_path: Path, reader: str) -> None:
    for kind, path in _damaged(tmp_path).items():
        with pytest.raises(CorruptFileError) as caught:
            READERS[reader](path)
        message = str(caught.value)
        assert message.startswith("expected") and "\n" not in message, (kind, message)
        assert path.name in message, (kind, message)


def test_good_files_read_as_numpy_does(tmp_path: Path) -> None:
    np.save(tmp_path / "a.npy", STACK)
    np.savez(tmp_path / "one.npz", only=STACK)
    np.save(tmp_path / "zip_named.npy", STACK)
    for path in (tmp_path / "a.npy", tmp_path / "one.npz"):
        got = read_numpy(path)
        assert got.dtype == STACK.dtype and got.shape == STACK.shape
        assert np.array_equal(got, STACK)
    mapped = read_numpy(tmp_path / "a.npy", mmap_mode="r")
    assert isinstance(mapped, np.memmap) and np.array_equal(mapped, STACK)


def test_an_npz_of_several_arrays_is_refused_naming_them(tmp_path: Path) -> None:
    np.savez(tmp_path / "two.npz", a=STACK, b=STACK)
    with pytest.raises(UnknownFormatError, match=r"one array .* got \['a', 'b'\]"):
        read_numpy(tmp_path / "two.npz")


def test_a_missing_file_stays_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_numpy(tmp_path / "none.npy")
