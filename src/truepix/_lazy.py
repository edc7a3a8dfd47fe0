"""Lazy public names for a package: import the defining module on first access.

Examples
--------
>>> getattr_, dir_ = lazy_exports("demo", {"dumps": "json", "json": "json"}, {})
>>> getattr_("dumps")([1])
'[1]'
>>> getattr_("json").__name__      # a name equal to its module's last part is the module
'json'
>>> getattr_("nope")
Traceback (most recent call last):
...
AttributeError: module 'demo' has no attribute 'nope'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_exports", "loaded_class"]


def loaded_class(module: str, name: str) -> type | None:
    """Class ``name`` of ``module`` when that module is imported, else None; never imports it.

    Only an imported module can have made objects of its classes, so an
    ``isinstance`` test against them needs no import. A module that another
    thread is still importing is in ``sys.modules`` without all its names:
    None then too (a class not yet defined has made no objects).

    Examples
    --------
    >>> loaded_class("json.decoder", "JSONDecoder").__name__
    'JSONDecoder'
    >>> loaded_class("json.decoder", "NotThere"), loaded_class("no_such_module_here", "X")
    (None, None)
    """
    found = getattr(sys.modules.get(module), name, None)
    return found if isinstance(found, type) else None


def lazy_exports(
    package: str, exports: dict[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for a package exporting ``exports`` (name -> module).

    Values are cached in ``namespace`` (the package's ``globals()``) once imported.
    """

    def __getattr__(name: str) -> Any:
        try:
            module_name = exports[name]
        except KeyError:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg) from None
        module = importlib.import_module(module_name)
        is_module = module_name == name or module_name.endswith("." + name)
        value = module if is_module else getattr(module, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__
