"""Relative links between reports, in the layout the command line writes under ``--out``:
``les-N-<slug>/les-N-<slug>.<taal>.html`` and ``casus-<id>/casus-<id>.<taal>.html``."""

from __future__ import annotations


def lesson_report_link(nummer: int, slug: str, taal: str) -> str:
    naam = f"les-{nummer}-{slug}"
    return f"../{naam}/{naam}.{taal}.html"


def case_report_link(casus_id: str, taal: str) -> str:
    return f"../casus-{casus_id}/casus-{casus_id}.{taal}.html"
