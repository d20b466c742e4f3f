"""Warmtelessen: the lessons on resident participation in the Dutch heat transition,
case data, and tailored municipal checklists.

The public functions are imported lazily, so ``import toolkit`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_EXPORTS = {
    "load_lessons": "toolkit.content.lessons",
    "load_lesson": "toolkit.content.lessons",
    "check_lessons": "toolkit.content.lessons",
    "Les": "toolkit.content.lessons",
    "load_case": "toolkit.content.cases",
    "load_cases": "toolkit.content.cases",
    "Case": "toolkit.content.cases",
    "run_notebook": "toolkit.reports.engine",
    "render": "toolkit.render.registry",
    "produce": "toolkit.reports.registry",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .content.cases import Case, load_case, load_cases  # noqa: F401
    from .content.lessons import Les, check_lessons, load_lesson, load_lessons  # noqa: F401
    from .render.registry import render  # noqa: F401
    from .reports.engine import run_notebook  # noqa: F401
    from .reports.registry import produce  # noqa: F401


def __getattr__(naam: str) -> Any:
    if naam in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[naam]), naam)
    raise AttributeError(f"module 'toolkit' has no attribute {naam!r}")
