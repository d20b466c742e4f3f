"""What notebooks call to show a report: one call, :func:`show`. Notebooks stay thin.

``show`` goes through :func:`toolkit.reports.produce` with the in-process engine: the notebook a
papermill run executes builds, writes and shows exactly what the in-process path makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def show(kind: str, uitvoer: str = "", formats: Sequence[str] = (), **parameters: Any) -> Any:
    """Build the ``kind`` report from ``parameters``, write ``formats`` into ``uitvoer`` (when
    given), show it, and return the report object (e.g. the checklist, for the form below it)."""
    from IPython.display import HTML, display
    from markupsafe import escape

    from .paths import in_project
    from .render import render
    from .reports import produce

    gemaakt = produce(kind, parameters, in_project(uitvoer) if uitvoer else None, list(formats), "inproces", False)
    if gemaakt.meta.notes:
        display(HTML("<ul class='problemen'>" + "".join(f"<li>{escape(n)}</li>" for n in gemaakt.meta.notes) + "</ul>"))
    display(HTML(str(render(kind, "html-fragment", gemaakt.obj, gemaakt.params.taal))))
    return gemaakt.obj
