"""One registry of renderers: (kind of object, format) -> function.

Each renderer turns a toolkit object (a lesson, a case, a checklist …) into the text or bytes of one
output format. Notebooks, the command line and batch runs all go through :func:`render`, so a
format looks the same whichever path made it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import UserError

Renderer = Callable[..., str | bytes]
_REGISTRY: dict[tuple[str, str], Renderer] = {}


def register(soort: str, formaat: str) -> Callable[[Renderer], Renderer]:
    """Decorator: register ``func`` as the renderer of ``soort`` objects to ``formaat``."""

    def wrap(func: Renderer) -> Renderer:
        _REGISTRY[(soort, formaat)] = func
        return func

    return wrap


def formats(soort: str) -> list[str]:
    """The formats available for ``soort``."""
    _load_builtin(soort)
    return sorted(f for s, f in _REGISTRY if s == soort)


def render(soort: str, formaat: str, obj: Any, **opties: Any) -> str | bytes:
    """Render ``obj`` (of kind ``soort``) as ``formaat``."""
    _load_builtin(soort)
    try:
        func = _REGISTRY[(soort, formaat)]
    except KeyError:
        raise UserError(
            f"--formats: onbekend formaat {formaat!r} voor {soort} (toegestaan: {', '.join(formats(soort))})"
        ) from None
    return func(obj, **opties)


#: The module that registers the renderers of each kind of object.
_MODULES = {
    "les": "lesson",
    "casus": "case",
    "checklist": "checklist",
    "vergelijking": "compare",
    "agenda": "workshop",
    "handout": "workshop",
    "zelfscan-formulier": "workshop",
}


def _load_builtin(soort: str) -> None:
    # Imported lazily, per kind: a checklist kernel never pays for pandas or matplotlib.
    import importlib

    if soort in _MODULES:
        importlib.import_module(f"{__name__}.{_MODULES[soort]}")
