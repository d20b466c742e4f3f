"""The web app's page *Logboek*: the logbook form of :mod:`toolkit.notebook` on the logbook the
app was started with (``warmtelessen app --logboek PAD``, passed to the kernel in :data:`ENV`)."""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.notebook import LogbookPage, show_logbook_form

from .server import ENV, app_language


def logbook_path() -> Path:
    """The logbook the app was started with (``--logboek``), or ``logboek.sqlite`` here."""
    return Path(os.environ.get(ENV["logboek"]) or "logboek.sqlite").absolute()


def logbook_page(taal: str | None = None, pad: Path | None = None) -> LogbookPage:
    """Show the page (in a Voilà kernel). Returns the page (its widgets are attributes)."""
    return show_logbook_form(pad or logbook_path(), taal or app_language())
