"""A local Dask cluster for the tests that check work runs on workers (several areas use it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def two_workers() -> Iterator[tuple[Any, set[str]]]:
    """Two worker processes of one thread each (no dashboard): the client and the workers' addresses."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client, set(client.scheduler_info()["workers"])
