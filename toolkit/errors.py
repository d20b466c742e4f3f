"""Errors a user can cause, and how they read.

Every problem a user can cause is reported as one line: ``file: field: what is wrong (what is
allowed)``. The command line prints these lines and exits non-zero; it never shows a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file (or one option), in words a user understands."""

    file: str
    field: str
    message: str
    allowed: str = ""

    def __str__(self) -> str:
        tekst = f"{self.file}: {self.field}: {self.message}" if self.field else f"{self.file}: {self.message}"
        return f"{tekst} ({self.allowed})" if self.allowed else tekst


class UserError(Exception):
    """An error caused by input: reported as one clear line, exit code ``exit_code``."""

    exit_code = 2

    def __init__(self, melding: str | Problem) -> None:
        super().__init__(str(melding))


class ContentError(UserError):
    """Content (lessons, cases) that does not validate; carries every problem found."""

    exit_code = 1

    def __init__(self, problemen: list[Problem]) -> None:
        self.problemen = problemen
        eerste = str(problemen[0]) if problemen else "ongeldige inhoud"
        extra = f" (en nog {len(problemen) - 1} probleem/problemen)" if len(problemen) > 1 else ""
        super().__init__(eerste + extra)


class NotebookError(UserError):
    """A notebook run that failed; names the notebook and the cell that failed."""

    exit_code = 1


def shown_path(pad: Path | str) -> str:
    """A path as shown to the user: relative to the working directory where possible."""
    pad = Path(pad)
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(pad)


class KernelStartError(NotebookError):
    """The kernel did not start or answer: worth one retry in a batch."""
