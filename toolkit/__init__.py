"""Warmtelessen: the lessons on resident participation in the Dutch heat transition,
case data, and tailored municipal checklists.

The public functions are imported lazily, so ``import toolkit`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_lessons": "toolkit.lessons",
    "load_lesson": "toolkit.lessons",
    "check_lessons": "toolkit.lessons",
    "Les": "toolkit.lessons",
    "load_case": "toolkit.cases",
    "load_cases": "toolkit.cases",
    "Case": "toolkit.cases",
    "run_notebook": "toolkit.runner",
    "render": "toolkit.render",
    "produce": "toolkit.reports",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .cases import Case, load_case, load_cases  # noqa: F401
    from .lessons import Les, check_lessons, load_lesson, load_lessons  # noqa: F401
    from .render import render  # noqa: F401
    from .reports import produce  # noqa: F401
    from .runner import run_notebook  # noqa: F401


def __getattr__(naam: str) -> Any:
    if naam in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[naam]), naam)
    raise AttributeError(f"module 'toolkit' has no attribute {naam!r}")
