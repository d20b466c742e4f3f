"""Lazy package exports: ``from toolkit.content import load_lessons`` imports only the module that
defines ``load_lessons``, not the whole package.

Every layer package declares its public API once, in its ``if TYPE_CHECKING:`` block, as explicit
re-exports (``from .lessons import load_lessons as load_lessons``; ``from . import paths as paths``
for a module). Type checkers read that block; at run time :func:`lazy_exports` reads the same block
from the package's source and gives the package ``__all__`` and a PEP 562 ``__getattr__``. A name
is imported the first time it is asked for, so ``warmtelessen --help`` or a checklist kernel never
pays for pandas, matplotlib or pydantic models it does not use.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Exports = tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]


def public_api(init_file: str | Path) -> dict[str, str]:
    """Public name -> the submodule that defines it, read from the ``if TYPE_CHECKING:`` block of a
    package's ``__init__.py`` (a submodule exported as itself maps to its own name)."""
    boom = ast.parse(Path(init_file).read_text(encoding="utf-8"))
    api: dict[str, str] = {}
    for knoop in boom.body:
        if isinstance(knoop, ast.If) and isinstance(knoop.test, ast.Name) and knoop.test.id == "TYPE_CHECKING":
            imports = knoop.body
        else:  # an explicit re-export at the top (``from .lazy import lazy_exports as lazy_exports``)
            imports = [knoop]
        for imp in imports:
            if isinstance(imp, ast.ImportFrom) and imp.level == 1:
                for alias in imp.names:
                    if knoop is not imp or alias.asname == alias.name:
                        api[alias.asname or alias.name] = imp.module or alias.name
    return api


def lazy_exports(package: str, init_file: str) -> Exports:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package`` (see the module's docstring)."""
    names = public_api(init_file)

    def __getattr__(naam: str) -> Any:
        try:
            module = names[naam]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {naam!r}") from None
        geladen = importlib.import_module(f"{package}.{module}")
        return geladen if module == naam else getattr(geladen, naam)

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__, sorted(names)
