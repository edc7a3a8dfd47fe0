"""What a test needs that the project's own files install: missing means fail under CI.

Under ``CI=true`` no test of a capability skips: a missing requirement fails
(:func:`need`), and tests marked ``slow`` run as with ``--runslow``
(``tests/conftest.py``).
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def under_ci() -> bool:
    """``CI=true``: the run that must test every capability (``.ci/run``)."""
    return os.environ.get("CI", "").lower() == "true"


def need(what: str, *, how: str = "the README's test command installs it") -> None:
    """A test's requirement is missing: fail under ``CI=true`` (CI installs
    everything a test needs), skip with the reason elsewhere."""
    message = f"{what}; {how}"
    if under_ci():
        pytest.fail(f"CI=true: {message}")
    pytest.skip(message, allow_module_level=True)


def need_module(name: str) -> ModuleType:
    """``importlib.import_module(name)``, or :func:`need` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        need(f"{name} is not installed")
        raise  # unreachable: need() fails or skips
