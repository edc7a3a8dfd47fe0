"""Files a version-1 reader would misread say schema version 2; every other file stays 1."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import MetadataError
from truepix.io import _metadata


def _schema(path: Path) -> int:
    with Image.open(path) as image:
        return int(json.loads(image.text[_metadata.KEYWORD])["truepix"])


@pytest.fixture(scope="module")
def data() -> np.ndarray:
    return np.geomspace(1.0, 1000.0, 64).reshape(8, 8)


def test_log_colormap_file_is_version_2_and_a_version_1_reader_refuses_it(
    tmp_path: Path, data: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.png"
    saved = tp.save(path, data, encoding="colormap", cmap="viridis", norm="log")
    assert _schema(path) == 2
    assert np.all(np.abs(tp.load(path) - data) <= saved.max_error)
    monkeypatch.setattr(_metadata, "SCHEMA_VERSION", 1)  # a reader from before the log norm
    with pytest.raises(MetadataError, match="expected truepix metadata schema <= 1, got 2"):
        tp.load(path)


def test_files_without_new_params_stay_version_1(
    tmp_path: Path, data: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_metadata, "SCHEMA_VERSION", 1)
    for encoding, options in [("colormap", {"cmap": "viridis"}), ("linear", {"bits": 16}),
                              ("exact", {})]:  # fmt: skip
        path = tmp_path / f"{encoding}.png"
        saved = tp.save(path, data, encoding=encoding, **options)
        assert _schema(path) == 1
        assert np.all(np.abs(tp.load(path) - data) <= saved.max_error)
