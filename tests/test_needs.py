"""tests/_needs.py: under CI a missing requirement fails, and nothing but a missing
requirement skips elsewhere (a skip never stands in for a capability)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._needs import need_module, under_ci

_MISSING = "truepix_no_such_module"


def _set_ci(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    """``CI`` set to ``value``, or unset (None)."""
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)


@pytest.mark.parametrize("value", ["true", "True", "1", "yes"])
def test_every_spelling_of_ci_fails_a_missing_module(monkeypatch, value: str) -> None:
    _set_ci(monkeypatch, value)
    assert under_ci()
    with pytest.raises(pytest.fail.Exception, match=f"{_MISSING} is not installed"):
        need_module(_MISSING)


@pytest.mark.parametrize("value", [None, "", "false", "0"])
def test_outside_ci_a_missing_module_skips(monkeypatch, value: str | None) -> None:
    _set_ci(monkeypatch, value)
    assert not under_ci()
    with pytest.raises(pytest.skip.Exception, match=f"{_MISSING} is not installed"):
        need_module(_MISSING)


@pytest.mark.parametrize("value", [None, "true"])
def test_an_installed_module_that_fails_to_import_is_an_error(
    monkeypatch, tmp_path: Path, value: str | None
) -> None:
    # a broken install (a dependency or system library missing) is no missing capability
    (tmp_path / "truepix_broken_probe.py").write_text(f"import {_MISSING}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _set_ci(monkeypatch, value)
    with pytest.raises(ModuleNotFoundError, match=_MISSING):
        need_module("truepix_broken_probe")


def test_an_installed_module_is_returned() -> None:
    assert need_module("json").dumps([1]) == "[1]"
