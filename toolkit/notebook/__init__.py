"""Front end: what notebooks and JupyterLab call (``show``, the ipywidgets forms).

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from .display import show as show
    from .downloads import MIME as MIME
    from .downloads import download_link as download_link
    from .downloads import uploaded as uploaded
    from .logbook_page import LogbookPage as LogbookPage
    from .logbook_page import logbook_form as logbook_form
    from .logbook_page import show_logbook_form as show_logbook_form
    from .messages import message_html as message_html
    from .messages import page_message as page_message
    from .widgets import ProfileForm as ProfileForm
    from .widgets import profile_form as profile_form
    from .widgets import profile_to_yaml as profile_to_yaml
    from .workshop_form import WEET_NIET as WEET_NIET
    from .workshop_form import answers_from_values as answers_from_values
    from .workshop_form import assessment_form as assessment_form

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
