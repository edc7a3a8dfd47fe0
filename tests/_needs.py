"""What a test needs that the project's own files install: missing means fail under CI.

Under ``CI=true`` (any value of ``CI`` but empty, ``0``, ``false`` or ``no``) no test
of a capability skips: a missing requirement fails (:func:`need`), and tests marked
``slow`` run as with ``--runslow`` (``tests/conftest.py``). Elsewhere only a module that
is not installed, or a file or program that is not there, skips; an installed module
that fails to import is an error everywhere.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def under_ci() -> bool:
    """``CI`` set (``true``, ``1``, ``yes`` ...; not empty, ``0``, ``false`` or ``no``):
    the run that must test every capability (``.ci/run``). Services spell it
    differently; a spelling taken for "not CI" would turn failures back into skips."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def need(what: str, *, how: str = "the README's test command installs it") -> None:
    """A test's requirement is missing: fail under ``CI=true`` (CI installs
    everything a test needs), skip with the reason elsewhere."""
    message = f"{what}; {how}"
    if under_ci():
        pytest.fail(f"CI={os.environ['CI']}: {message}")
    pytest.skip(message, allow_module_level=True)


def need_module(name: str) -> ModuleType:
    """``importlib.import_module(name)``, or :func:`need` when it is not installed.

    Only a module that is not there is a missing requirement: one that is installed
    and fails to import (a broken wheel, a missing system library) raises its error
    everywhere, as any other failure, rather than skipping."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is None or name.split(".")[0] != error.name.split(".")[0]:
            raise  # the module is there; something it imports is not
        need(f"{name} is not installed")
        raise  # unreachable: need() fails or skips
