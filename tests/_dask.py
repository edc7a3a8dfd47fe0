"""A local Dask cluster for the tests that check work runs on workers (several areas use it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def two_workers() -> Iterator[tuple[Any, set[str]]]:
    """Two worker processes of one thread each: the client and the workers' addresses.

    The scheduler's HTTP server takes a free port: distributed starts it on 8787 even
    without a dashboard, and a second cluster there (another test, another session) warns.
    """
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client, set(client.scheduler_info()["workers"])
