"""What notebooks call to show a report: one call, :func:`show`. Notebooks stay thin.

``show`` goes through :func:`toolkit.reports.registry.produce` with the in-process engine: the notebook a
papermill run executes builds, writes and shows exactly what the in-process path makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import escape

from toolkit.base import in_project
from toolkit.render import render
from toolkit.reports import produce


def show(kind: str, uitvoer: str = "", formats: Sequence[str] = (), **parameters: Any) -> Any:
    """Build the ``kind`` report from ``parameters``, write ``formats`` into ``uitvoer`` (when
    given), show it, and return the report object (e.g. the checklist, for the form below it)."""
    from IPython.display import HTML, display

    gemaakt = produce(kind, parameters, in_project(uitvoer) if uitvoer else None, list(formats), "inproces", False)
    if gemaakt.meta.notes:
        display(HTML("<ul class='problemen'>" + "".join(f"<li>{escape(n)}</li>" for n in gemaakt.meta.notes) + "</ul>"))
    display(HTML(str(render(kind, "html-fragment", gemaakt.obj, gemaakt.params.taal))))
    return gemaakt.obj
