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


def show_harvest(antwoorden: str, taal: str = "nl", anoniem: bool = True, uitvoer: str = "") -> None:
    """Read the responses in ``antwoorden``, show the harvest and write ``oogst.docx`` to ``uitvoer``.
    Problems in response files are listed; the other responses still count."""
    from pathlib import Path

    from IPython.display import HTML, display

    from .fileio import write_bytes_atomic
    from .lessons import load_lessons
    from .paths import in_project
    from .render.workshop import OOGST_DELEN, harvest_docx, render_harvest_part
    from .workshop import harvest, read_responses
    from .workshop_kit import case_names

    gelezen, problemen = read_responses(in_project(antwoorden), taal)
    oogst = harvest(gelezen, anoniem)
    lessen = {les.nummer: les for les in load_lessons(taal)}
    namen = case_names()
    if problemen:
        from markupsafe import escape

        display(HTML("<ul class='problemen'>" + "".join(f"<li>{escape(p)}</li>" for p in problemen) + "</ul>"))
    for deel in OOGST_DELEN:
        display(HTML(render_harvest_part(oogst, deel, lessen, namen, taal)))
    if uitvoer:
        write_bytes_atomic(Path(uitvoer) / f"oogst.{taal}.docx", harvest_docx(oogst, lessen, namen, taal))


def show_logbook_report(db: str, taal: str = "nl", peildatum: str = "", groepen: list[str] | None = None,
                        uitvoer: str = "") -> None:  # fmt: skip
    """Show the logbook report; write the Word report and the resident summary (HTML, Word) to
    ``uitvoer``."""
    from datetime import date

    from IPython.display import HTML, display

    from . import logbook as lb
    from .logbook_report import report
    from .paths import in_project
    from .render.logbook import LOGBOEK_DELEN, render_part, write_files

    verbinding = lb.connect(in_project(db))
    try:
        r = report(verbinding, date.fromisoformat(peildatum) if peildatum else date.today(), groepen or [])
    finally:
        verbinding.close()
    for deel in LOGBOEK_DELEN:
        display(HTML(render_part(r, deel, taal)))
    if uitvoer:
        write_files(r, in_project(uitvoer), taal)
