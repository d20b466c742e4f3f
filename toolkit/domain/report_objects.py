"""What a lesson report and a case report show, gathered before rendering.

Renderers load nothing: the report registry builds one of these objects, and every format of the
report (HTML, Markdown, JSON, the notebook's fragment) is rendered from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.content import Case, Cijfer, Kennisbank, Les, case_name, gemeente_figures, kennisbank, wijk_figures


@dataclass(frozen=True)
class LessonReport:
    """A lesson, and the display name of the case it draws its example from."""

    les: Les
    casus_naam: str

    @property
    def taal(self) -> str:
        return self.les.taal


@dataclass(frozen=True)
class CaseReport:
    """A case, the lessons in the report's language, and the public figures of its place."""

    casus: Case
    lessen: dict[int, Les]
    cijfers: list[Cijfer]


def case_figures(casus: Case) -> list[Cijfer]:
    """The public figures for the case's municipality and CBS wijk (none for a fictional case)."""
    k = casus.kenmerken
    cijfers: list[Cijfer] = []
    if k.gemeente.cbs_code != "onbekend":
        cijfers += gemeente_figures(k.gemeente.cbs_code)
    if k.wijk.cbs_code != "onbekend":
        cijfers += wijk_figures(k.wijk.cbs_code)
    return cijfers


def lesson_report(les: Les, kb: Kennisbank | None = None) -> LessonReport:
    """What the report of ``les`` shows. The case's name comes from the knowledge base when the
    case is valid, else from its description file (a lesson report never fails on a broken case)."""
    if not les.casus:
        return LessonReport(les, "")
    geldig = {c.id: c.naam for c in (kb or kennisbank()).cases(met_concepten=True)}
    return LessonReport(les, geldig.get(les.casus) or case_name(les.casus))


def case_report(casus: Case, taal: str, kb: Kennisbank | None = None) -> CaseReport:
    """What the report of ``casus`` in ``taal`` shows."""
    lessen = {les.nummer: les for les in (kb or kennisbank()).lessons(taal)}
    return CaseReport(casus, lessen, case_figures(casus))
