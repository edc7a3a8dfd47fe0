"""Dask arrays: a mosaic of colormapped tiles decoded chunk by chunk on the workers."""

from __future__ import annotations

import pickle

import dask.array as da
import matplotlib
import numpy as np
import pytest

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
    from distributed import Client, LocalCluster, get_task_stream

    data, picture = _mosaic()
    tiles = da.from_array(picture, chunks=(48, 64, 4))
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        workers = set(client.scheduler_info()["workers"])
        with get_task_stream(client) as stream:
            got = decolorize(tiles, cmap="turbo", vmin=0, vmax=1).compute()
        ran = [task for task in stream.data if "truepix-decolorize" in str(task["key"])]
    assert len(ran) >= 4  # one task per tile at least (fused tasks keep the name)
    assert {task["worker"] for task in ran} <= workers
    assert np.array_equal(got, decolorize(picture, cmap="turbo", vmin=0, vmax=1))
