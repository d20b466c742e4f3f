"""Front end: the knowledge base as a static Sphinx site.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from .build import build_site as build_site
    from .build import site_summary as site_summary

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
