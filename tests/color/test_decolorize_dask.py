"""Dask arrays: a mosaic of colormapped tiles decoded chunk by chunk on the workers."""

from __future__ import annotations

import pickle

import dask.array as da
import matplotlib
import numpy as np
import pytest

from tests._dask import two_workers
from truepix.color._decolorize._api import Decolorizer, decolorize


def _mosaic() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(41)
    y, x = np.mgrid[0:96, 0:128]
    data = 0.5 + 0.4 * np.sin(x / 9) * np.cos(y / 13) + 0.05 * rng.random(x.shape)
    return data, matplotlib.colormaps["turbo"](data, bytes=True)


def test_dask_array_is_decoded_per_chunk_like_numpy() -> None:
    data, picture = _mosaic()
    tiles = da.from_array(picture, chunks=(32, 64, 2))  # channels split: rechunked
    lazy = decolorize(tiles, cmap="turbo", vmin=0, vmax=1)
    assert isinstance(lazy, da.Array) and lazy.shape == data.shape and lazy.dtype == np.float64
    got = lazy.compute(scheduler="threads")
    assert np.array_equal(got, decolorize(picture, cmap="turbo", vmin=0, vmax=1))
    assert np.max(np.abs(got - data)) <= 1 / 256
    assert lazy.numblocks == (3, 2)


def test_decolorizer_pickles_without_its_memos() -> None:
    decoder = Decolorizer("turbo", vmin=0, vmax=1)
    _, picture = _mosaic()
    expected = decoder.values(picture)
    copy = pickle.loads(pickle.dumps(decoder))
    assert len(pickle.dumps(decoder)) < 1_000_000
    assert np.array_equal(copy.values(picture), expected)


@pytest.mark.slow
def test_local_cluster_decodes_the_tiles_on_its_workers() -> None:
    from distributed import get_task_stream

    data, picture = _mosaic()
    tiles = da.from_array(picture, chunks=(48, 64, 4))
    with two_workers() as (client, workers):
        with get_task_stream(client) as stream:
            got = decolorize(tiles, cmap="turbo", vmin=0, vmax=1).compute()
        ran = [task for task in stream.data if "truepix-decolorize" in str(task["key"])]
    assert len(ran) >= 4  # one task per tile at least (fused tasks keep the name)
    assert {task["worker"] for task in ran} <= workers
    assert np.array_equal(got, decolorize(picture, cmap="turbo", vmin=0, vmax=1))


_READS: list[tuple[int, ...]] = []


def _read(block: np.ndarray) -> np.ndarray:
    """A tile 'read' by a worker; counted, so the test sees when the graph runs."""
    if block.size:  # dask calls it on an empty block to learn the output's type
        _READS.append(block.shape)
    return block


@pytest.mark.slow
def test_decode_is_lazy_and_runs_per_tile_on_a_local_cluster() -> None:
    """decolorize, values, residual and decode build graphs; nothing is read or
    decoded until compute, and then each tile is decoded on a worker."""
    import dask
    from distributed import Client, LocalCluster

    data, picture = _mosaic()
    decoder = Decolorizer("turbo", vmin=0, vmax=1)
    expected = decoder.decode(picture)
    _READS.clear()
    with (
        LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        Client(cluster),
    ):
        tiles = da.from_array(picture, chunks=(48, 64, 4)).map_blocks(_read, dtype=np.uint8)
        lazy_values = decolorize(tiles, cmap="turbo", vmin=0, vmax=1)
        lazy_residual = decoder.residual(tiles)
        result = decoder.decode(tiles)
        assert _READS == []  # nothing computed yet
        assert isinstance(result.values, da.Array) and isinstance(result.noise, da.Array)
        assert result.values.numblocks == (2, 2) and result.residual.dtype == np.float32
        values, residual, ambiguous, noise, jpeg, decoded = dask.compute(
            lazy_values, lazy_residual, result.ambiguous, result.noise, result.jpeg,
            result.values,
        )  # fmt: skip
    assert len(_READS) >= 4
    assert np.array_equal(values, expected.values) and np.array_equal(decoded, expected.values)
    assert np.array_equal(residual, expected.residual)
    assert np.array_equal(ambiguous, expected.ambiguous)
    assert float(noise) == expected.noise == 0.0 and not bool(jpeg)
    assert np.max(np.abs(values - data)) <= 1 / 256


def test_gray_dask_picture_needs_a_gray_map() -> None:
    from truepix.errors import ShapeError

    gray = matplotlib.colormaps["gray"](np.linspace(0, 1, 64).reshape(8, 8), bytes=True)[..., 0]
    lazy = decolorize(da.from_array(gray, chunks=4), cmap="gray", vmin=0, vmax=1)
    assert np.array_equal(lazy.compute(), decolorize(gray, cmap="gray", vmin=0, vmax=1))
    with pytest.raises(ShapeError, match="cmap 'viridis'"):
        decolorize(da.from_array(gray, chunks=4), cmap="viridis", vmin=0, vmax=1)


def _jpeg_tiles() -> tuple[np.ndarray, list[list[np.ndarray]]]:
    """A 2x2 mosaic of 48x64 jet tiles, each JPEG'd q85 on its own (Pillow), and its tiles."""
    import io

    from PIL import Image

    data, _ = _mosaic()
    rows = []
    for i in range(2):
        row = []
        for j in range(2):
            part = data[i * 48 : (i + 1) * 48, j * 64 : (j + 1) * 64]
            rgb = matplotlib.colormaps["jet"](part, bytes=True)[..., :3]
            buffer = io.BytesIO()
            Image.fromarray(rgb).save(buffer, format="JPEG", quality=85)
            row.append(np.asarray(Image.open(buffer).convert("RGB")))
        rows.append(row)
    return np.concatenate([np.concatenate(row, axis=1) for row in rows]), rows


def test_two_lazy_decodes_computed_together_keep_their_own_values() -> None:
    import dask

    data, _ = _mosaic()
    pictures = [matplotlib.colormaps["viridis"](x, bytes=True) for x in (data, data[::-1])]
    lazy = [
        decolorize(da.from_array(p, chunks=(48, 64, 4)), cmap="viridis", vmin=0, vmax=1)
        for p in pictures
    ]  # fmt: skip
    first, second = dask.compute(*lazy, scheduler="sync")
    assert np.max(np.abs(first - data)) <= 1 / 256
    assert np.max(np.abs(second - data[::-1])) <= 1 / 256


def test_a_shipped_decoder_is_unpickled_once_per_process() -> None:
    from truepix.color._decolorize import _dask

    decoder = Decolorizer("jet", vmin=0, vmax=1)
    shipped = _dask._Shipped(decoder)
    first = pickle.loads(pickle.dumps(shipped))
    assert pickle.loads(pickle.dumps(shipped)) is first  # tasks on a worker share it
    assert first.decoder is not decoder and first.decoder.cmap == "jet"
    other = pickle.loads(pickle.dumps(_dask._Shipped(Decolorizer("jet", vmin=0, vmax=2))))
    assert other is not first and other.decoder.vmax == 2.0


def _decoders_held() -> int:
    from truepix.color._decolorize import _dask

    return len(_dask._ARRIVED)


@pytest.mark.slow
def test_jpeg_tiles_on_a_local_cluster_match_numpy_tile_by_tile() -> None:
    """Each worker decodes its tiles with one decoder; every tile's values are the
    numpy call's on that tile, to the bit."""
    mosaic, rows = _jpeg_tiles()
    expected = np.block([[decolorize(tile, cmap="jet", vmin=0, vmax=1) for tile in row]
                         for row in rows])  # fmt: skip
    tiles = da.from_array(mosaic, chunks=(48, 64, 3))
    with two_workers() as (client, _):
        got = decolorize(tiles, cmap="jet", vmin=0, vmax=1).compute()
        held = client.run(_decoders_held)
    assert np.array_equal(got, expected, equal_nan=True)
    assert set(held.values()) <= {0, 1}  # one decoder per worker, not one per tile


def test_dithered_chunks_make_a_dithered_result() -> None:
    """A web-dithered picture (Pillow's ``convert("P")``) in dask chunks: each chunk is
    decoded as dithered, and the result says so, as the numpy decode of one does."""
    from PIL import Image

    y, x = np.mgrid[0:128, 0:128]
    data = 0.5 + 0.4 * np.sin(x / 11) * np.cos(y / 17)
    exact = matplotlib.colormaps["viridis"](data, bytes=True)[..., :3]
    picture = np.asarray(Image.fromarray(exact).convert("P").convert("RGB"))
    decoder = Decolorizer("viridis", vmin=0, vmax=1)
    assert decoder.decode(picture).dithered
    assert all(decoder.decode(picture[:, lo : lo + 64]).dithered for lo in (0, 64))
    result = decoder.decode(da.from_array(picture, chunks=(128, 64, 3)))
    values, dithered, jpeg = da.compute(result.values, result.dithered, result.jpeg,
                                        scheduler="threads")  # fmt: skip
    assert bool(dithered) and not bool(jpeg)
    assert np.nanmax(np.abs(values - data)) < 0.1


@pytest.mark.parametrize("dtype", [np.int64, np.int16, np.bool_])
def test_a_dask_picture_of_a_wrong_dtype_is_refused_at_the_call(dtype) -> None:
    """trial 49: a dask int64 picture was accepted and failed only at ``.compute()``;
    the numpy call refuses it up front, and so does the dask one now."""
    from truepix.errors import UnsupportedDtypeError

    picture = da.from_array(np.zeros((64, 64, 3), dtype), chunks=(32, 32, 3))
    for call in (
        lambda: decolorize(picture, cmap="viridis", vmin=0, vmax=1),
        lambda: Decolorizer("viridis", vmin=0, vmax=1).decode(picture),
    ):
        with pytest.raises(UnsupportedDtypeError, match=f"got dtype {np.dtype(dtype)};"):
            call()
    good = decolorize(picture.astype(np.uint8), cmap="viridis", vmin=0, vmax=1)
    assert good.shape == (64, 64)
