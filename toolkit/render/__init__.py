"""Layer 3, the renderers: a report object to bytes, through one registry ``(kind, format) ->
renderer``; charts. Loads no content of its own.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from . import links as links
    from . import word as word
    from .case import actors_svg as actors_svg
    from .case import instruments_svg as instruments_svg
    from .case import timeline_svg as timeline_svg
    from .charts import radar as radar
    from .links import ACTIES_DOC as ACTIES_DOC
    from .links import MATRIX_DOC as MATRIX_DOC
    from .links import SITE_ENV as SITE_ENV
    from .links import actie_doc as actie_doc
    from .links import casus_doc as casus_doc
    from .links import les_doc as les_doc
    from .links import site_base_next_to as site_base_next_to
    from .links import tag_doc as tag_doc
    from .links import wet_doc as wet_doc
    from .links import without_report_files as without_report_files
    from .logbook import export_logbook as export_logbook
    from .logbook import fits_a_list as fits_a_list
    from .logbook import template_files as template_files
    from .logbook import write_logbook_template as write_logbook_template
    from .markup import markdown_text as markdown_text
    from .markup import markdown_without_html as markdown_without_html
    from .registry import Output as Output
    from .registry import Renderer as Renderer
    from .registry import formats as formats
    from .registry import register as register
    from .registry import render as render
    from .registry import render_all as render_all
    from .registry import write_workbook as write_workbook
    from .templating import css as css
    from .templating import environment as environment
    from .templating import page as page
    from .workshop import render_harvest_part as render_harvest_part
    from .write import rendered_files as rendered_files
    from .write import write_file as write_file
    from .write import write_formats as write_formats

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
