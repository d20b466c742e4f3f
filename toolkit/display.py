"""What notebooks call to show toolkit objects. Notebooks stay thin: one call per cell."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .cases import Case


def show(soort: str, obj: Any) -> None:
    """Display ``obj`` as an HTML fragment rendered by the registry."""
    from IPython.display import HTML, display

    from .render import render

    display(HTML(str(render(soort, "html-fragment", obj))))


def show_lesson(nummer: int, taal: str = "nl") -> None:
    """Load lesson ``nummer`` in ``taal`` and display it."""
    from .lessons import load_lesson

    show("les", load_lesson(int(nummer), taal))


def show_case(casus_id: str, taal: str = "nl", deel: str | None = None) -> None:
    """Display one part of a case report (or all parts). Parts: ``toolkit.render.case.DELEN``."""
    from IPython.display import HTML, display

    from .render.case import DELEN, render_part

    casus = _cached_case(casus_id)
    for naam in [deel] if deel else DELEN:
        display(HTML(render_part(casus, naam, taal)))


@lru_cache(maxsize=8)
def _cached_case(casus_id: str) -> Case:
    """A notebook shows a case in several cells: read and check its files once."""
    from .cases import load_case

    return load_case(casus_id)


def show_checklist(checklist: dict[str, Any]) -> None:
    """Display a checklist (the dict from :func:`toolkit.checklist.make`)."""
    show("checklist", checklist)


def show_comparison(casussen: list[str] | None, lessen: list[int] | None, taal: str = "nl", uitvoer: str = "") -> None:
    """Compute the comparison tables, write them as CSV and XLSX to ``uitvoer``, show the report."""
    from IPython.display import HTML, display

    from .compare import select, tables, write_tables
    from .lessons import load_lessons
    from .render.compare import DELEN, render_part

    gekozen, lesnummers = select(casussen or None, lessen or None)
    tabellen = tables(gekozen, lesnummers, taal)
    if uitvoer:
        from pathlib import Path

        write_tables(tabellen, Path(uitvoer))
    titels = {les.nummer: les.titel for les in load_lessons(taal)}
    for deel in DELEN:
        display(HTML(render_part(tabellen, deel, taal, titels)))
