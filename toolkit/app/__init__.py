"""Front end: the web app and the live workshop served by Voilà.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from .checklist import checklist_page as checklist_page
    from .kennisbank import knowledge_page as knowledge_page
    from .live import trainer_page as trainer_page
    from .logboek import logbook_page as logbook_page
    from .server import ENV as ENV
    from .server import LOOPBACK as LOOPBACK
    from .server import OPRUIMEN as OPRUIMEN
    from .server import VOORRAAD as VOORRAAD
    from .server import Pagina as Pagina
    from .server import address as address
    from .server import app_pages as app_pages
    from .server import check_port as check_port
    from .server import free_port as free_port
    from .server import serve as serve

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
