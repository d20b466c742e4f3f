"""Front end: the ``warmtelessen`` command.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from .dispatch import main as main

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
