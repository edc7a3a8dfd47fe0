"""Dask arrays: pixel tiles of full depth, computed on the workers, equal to the oracle."""

from __future__ import annotations

from pathlib import Path

import dask
import dask.array as da
import numpy as np
import pytest
import zarr

import truepix as tp
from tests._dask import two_workers
from truepix.stacks._bins import resolve_bins
from truepix.stacks._engine import PixelCounter
from truepix.stacks._hist_dask import dask_counts, full_depth_tiles, tile_chunks, to_dask_array


def oracle(stack: np.ndarray, bins: object, range_: object = None) -> np.ndarray:
    spec = resolve_bins(bins, range_, stack.dtype, data_range=lambda: (stack.min(), stack.max()))
    counter = PixelCounter(spec, stack.shape[1:], stack.dtype, n_frames=len(stack), backend="numpy")
    counter.add(stack)
    return counter.result()


@pytest.fixture(scope="module")
def stack() -> np.ndarray:
    data = np.random.default_rng(21).gamma(2.0, 0.2, (40, 30, 26)).astype(np.float32)
    data[3, 4, 5] = np.nan
    return data


@pytest.mark.parametrize(
    "chunks",
    [(1, 30, 26), (7, 11, 9), (40, 8, 8), (40, 30, 26)],
    ids=["frames", "mixed", "tiles", "one"],
)
def test_dask_array_of_any_chunking_equals_oracle(
    stack: np.ndarray, chunks: tuple[int, ...]
) -> None:
    array = da.from_array(stack, chunks=chunks)
    with dask.config.set(scheduler="threads"):
        got = tp.pixel_histogram(array, bins=13, range=(0, 1))
    assert got.dtype == np.uint8
    assert np.array_equal(got, oracle(stack, 13, (0, 1)))


def test_dask_range_none_and_edges(stack: np.ndarray) -> None:
    array = da.from_array(stack, chunks=(9, 15, 13))
    with dask.config.set(scheduler="threads"):
        assert np.array_equal(tp.pixel_histogram(array, bins=7), tp.pixel_histogram(stack, bins=7))
        edges = [0.0, 0.1, 0.2, 0.8, np.inf]
        assert np.array_equal(tp.pixel_histogram(array, bins=edges), oracle(stack, edges))
        assert np.array_equal(
            tp.stacks.bin_edges(array, bins=7), tp.stacks.bin_edges(stack, bins=7)
        )


def test_tasks_hold_the_full_depth_in_bounded_tiles(stack: np.ndarray) -> None:
    by_frames = da.from_array(stack, chunks=(1, 30, 26))
    tiles = full_depth_tiles(by_frames, 5)
    assert tiles.chunks[0] == (40,)
    lazy = dask_counts(by_frames, resolve_bins(5, (0, 1), stack.dtype, None))
    assert lazy.chunks[:2] == tiles.chunks[1:] and lazy.chunks[2] == (5,)
    for shape in [(10_000, 1500, 1500), (100, 64, 48), (10**6, 100, 100)]:
        tile_h, tile_w = tile_chunks(shape, 4, 100)
        assert 1 <= tile_h <= shape[1] and 1 <= tile_w <= shape[2]
        assert tile_h * tile_w * shape[0] * 4 <= 64 * 2**20 or tile_h * tile_w == 1


def test_stacks_on_disk_become_dask_arrays_that_read_in_tasks(
    tmp_path: Path, stack: np.ndarray
) -> None:
    np.save(tmp_path / "s.npy", stack)
    store = zarr.create_array(
        tmp_path / "s.zarr", shape=stack.shape, chunks=(5, 30, 26), dtype=stack.dtype
    )
    store[:] = stack
    for k in range(4):
        tp.save(tmp_path / f"part{k}.tif", stack[k * 10 : k * 10 + 10])
    expected = oracle(stack, 9, (0, 1))
    with dask.config.set(scheduler="threads"):
        for source in (tmp_path / "s.npy", tmp_path / "s.zarr", str(tmp_path / "part*.tif")):
            array = to_dask_array(source)
            assert array.shape == stack.shape and array.numblocks[0] in (1, 4)
            assert np.array_equal(tp.pixel_histogram(array, bins=9, range=(0, 1)), expected)


@pytest.mark.slow
def test_distributed_cluster_runs_the_tiles_on_its_workers(
    stack: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import get_task_stream

    from truepix.stacks import _hist_dask

    monkeypatch.setattr(_hist_dask, "TASK_BYTES", 40 * 8 * 600)  # tiles of ~600 pixels

    big = np.concatenate([stack] * 5, axis=1)  # more tiles than workers
    array = da.from_array(big, chunks=(10, 50, 26))
    with two_workers() as (client, workers):
        reports: list[tuple[int, int | None]] = []
        with get_task_stream(client) as stream:
            got = tp.pixel_histogram(
                array, bins=11, range=(0, 1), progress=lambda *done: reports.append(done)
            )
        # fused tasks keep the token in their name ("rechunk-merge-truepix-pixel-histogram-...")
        ran_on = {
            task["worker"] for task in stream.data if "truepix-pixel-histogram" in str(task["key"])
        }
    assert np.array_equal(got, oracle(big, 11, (0, 1)))
    assert ran_on and ran_on <= workers
    # one report per pixel tile, growing to the full depth
    assert len(reports) > 2
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert reports[-1] == (big.shape[0], big.shape[0])
