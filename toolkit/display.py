"""What notebooks call to show toolkit objects. Notebooks stay thin: one call per cell."""

from __future__ import annotations

from typing import Any


def show(soort: str, obj: Any) -> None:
    """Display ``obj`` as an HTML fragment rendered by the registry."""
    from IPython.display import HTML, display

    from .render import render

    display(HTML(str(render(soort, "html-fragment", obj))))


def show_lesson(nummer: int, taal: str = "nl") -> None:
    """Load lesson ``nummer`` in ``taal`` and display it."""
    from .lessons import load_lesson

    show("les", load_lesson(int(nummer), taal))
