"""Layer 4, the reports: parameter models and the one registry of report kinds, the papermill engine, batch runs.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from . import batch as batch
    from .registry import SPECS as SPECS
    from .registry import CasusParams as CasusParams
    from .registry import ChecklistParams as ChecklistParams
    from .registry import ExportParams as ExportParams
    from .registry import KitParams as KitParams
    from .registry import LesParams as LesParams
    from .registry import LogboekParams as LogboekParams
    from .registry import OogstParams as OogstParams
    from .registry import Produced as Produced
    from .registry import ReportParams as ReportParams
    from .registry import VergelijkingParams as VergelijkingParams
    from .registry import VerslagParams as VerslagParams
    from .registry import build as build
    from .registry import check_formats as check_formats
    from .registry import get_spec as get_spec
    from .registry import parse as parse
    from .registry import parse_formats as parse_formats
    from .registry import produce as produce
    from .registry import validate_params as validate_params

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
