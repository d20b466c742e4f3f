"""Where the project's content lives.

The content (lessons, cases, notebooks) sits next to the package in the repository. An installed
copy elsewhere can point to a content folder with the ``WARMTELESSEN_HOME`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The folder holding ``lessons/``, ``cases/`` and ``notebooks/``."""
    env = os.environ.get("WARMTELESSEN_HOME")
    return Path(env).resolve() if env else PACKAGE_DIR.parent


def lessons_dir() -> Path:
    return project_root() / "lessons"


def cases_dir() -> Path:
    return project_root() / "cases"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def templates_dir() -> Path:
    return PACKAGE_DIR / "templates"


def in_project(pad: str | Path) -> Path:
    """A relative path from a notebook parameter, taken from the project folder (JupyterLab runs a
    notebook inside ``notebooks/``, papermill in the project folder: both mean the same place)."""
    pad = Path(pad)
    return pad if pad.is_absolute() else project_root() / pad
