"""What a test needs that the project's own files install: missing means fail under CI."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def need(what: str) -> None:
    """A test's requirement is missing: fail under ``CI=true`` (CI installs
    everything a test needs), skip with the reason elsewhere."""
    message = f"{what}; the README's test command installs it"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: {message}")
    pytest.skip(message, allow_module_level=True)


def need_module(name: str) -> ModuleType:
    """``importlib.import_module(name)``, or :func:`need` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        need(f"{name} is not installed")
        raise  # unreachable: need() fails or skips
