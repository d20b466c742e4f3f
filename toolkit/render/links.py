"""Links out of a report: to the other reports and to the knowledge-base site.

Reports sit in the layout the command line writes under ``--out``:
``les-N-<slug>/les-N-<slug>.<taal>.html``, ``casus-<id>/casus-<id>.<taal>.html`` … and, after
``warmtelessen site``, the site in ``site/<taal>/``. A report links to its page on the site only
when a site was built next to it: :func:`site_base_next_to` finds it, :func:`linking_to_site` sets it
while a report is rendered, and the papermill runner hands it to the kernel in ``SITE_ENV``.

The site's page names (``lessen/les-4``, ``acties/l4-01`` …) are defined here once; the site pages
(:mod:`toolkit.site.pages`) and the report links both use them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

#: The environment variable through which a notebook kernel learns where the site is.
SITE_ENV = "WARMTELESSEN_SITE"

_site_base: ContextVar[str | None] = ContextVar("site_base", default=None)
_report_files: ContextVar[bool] = ContextVar("report_files", default=True)


def lesson_report_link(nummer: int, slug: str, taal: str) -> str:
    """The lesson's report next to this one; on a page with no report files (the web app), its
    page on the site, or "" (no link)."""
    if not _report_files.get():
        return site_link(les_doc(nummer))
    naam = f"les-{nummer}-{slug}"
    return f"../{naam}/{naam}.{taal}.html"


def case_report_link(casus_id: str, taal: str) -> str:
    if not _report_files.get():
        return site_link(casus_doc(casus_id))
    return f"../casus-{casus_id}/casus-{casus_id}.{taal}.html"


@contextmanager
def without_report_files(site_base: str | None = None) -> Iterator[None]:
    """Render for a page that has no report files next to it (the web app): links to other
    reports go to the site at ``site_base`` instead, or are left out."""
    token = _report_files.set(False)
    try:
        with linking_to_site(site_base):
            yield
    finally:
        _report_files.reset(token)


# --- the site's page names (Sphinx docnames, without .md / .html) ---------------------------------


def les_doc(nummer: int) -> str:
    return f"lessen/les-{nummer}"


def casus_doc(casus_id: str) -> str:
    return f"casussen/{casus_id}"


def actie_doc(actie_id: str) -> str:
    return f"acties/{actie_id.lower()}"


def wet_doc(wet_id: str) -> str:
    return f"wetten/{wet_id}"


def tag_doc(vocab: str, waarde: str) -> str:
    return f"fasen/{vocab}/{waarde}"


MATRIX_DOC = "bewijs"
ACTIES_DOC = "acties/index"


# --- links from a report to the site --------------------------------------------------------------


def site_base_next_to(map_: Path, taal: str) -> str | None:
    """``../site/<taal>/`` when a site in ``taal`` was built next to the report folder ``map_``."""
    return f"../site/{taal}/" if (map_.parent / "site" / taal / "index.html").is_file() else None


@contextmanager
def linking_to_site(base: str | None) -> Iterator[None]:
    """Render with links to the site at ``base`` (relative to the report), or none (``None``)."""
    token = _site_base.set(base)
    try:
        yield
    finally:
        _site_base.reset(token)


def site_link(doc: str) -> str:
    """The link from a report to the site page ``doc``, or ``""`` when no site is next to it."""
    base = _site_base.get() or os.environ.get(SITE_ENV) or ""
    return f"{base}{doc}.html" if base else ""
