"""The web app's page *Kennisbank*: read a lesson or a case in the browser, and go to the whole
knowledge-base site when one was built (the app serves it under ``/voila/files/site/``)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from toolkit.base import t
from toolkit.content import kennisbank
from toolkit.domain import case_report, lesson_report
from toolkit.render import render, without_report_files

from .server import app_language, app_site_base


def knowledge_page(taal: str | None = None) -> Any:
    import ipywidgets as w
    from IPython.display import display

    taal = taal or app_language()
    kb = kennisbank()
    lessen = kb.lessons(taal)
    casussen = kb.cases()
    stijl = {"description_width": "8rem"}
    kies_les = w.Dropdown(options=[(f"{les.nummer}. {les.titel}", les.nummer) for les in lessen],
                          value=lessen[0].nummer, description=t("les", taal).capitalize(), style=stijl,
                          layout=w.Layout(width="44rem", max_width="100%"))  # fmt: skip
    kies_casus = w.Dropdown(options=[("—", "")] + [(c.naam, c.id) for c in casussen], value="",
                            description=t("casus", taal).capitalize(), style=stijl,
                            layout=w.Layout(width="44rem", max_width="100%"))  # fmt: skip
    inhoud = w.HTML()

    site_base = app_site_base(taal)

    def show_lesson(_: Any = None) -> None:
        les = next(les for les in lessen if les.nummer == kies_les.value)
        with without_report_files(site_base):
            inhoud.value = str(render("les", "html-fragment", lesson_report(les, kb), taal))

    def show_case(_: Any = None) -> None:
        if not kies_casus.value:
            return

        with without_report_files(site_base):
            rapport = case_report(kb.case(kies_casus.value), taal, kb)
            inhoud.value = str(render("casus", "html-fragment", rapport, taal))

    kies_les.observe(show_lesson, names="value")
    kies_casus.observe(show_case, names="value")
    site = ""
    if site_base:
        site = f'<p class="wl-melding"><a href="{site_base}index.html">{escape(t("app.naar_site", taal))}</a></p>'
    kop = w.HTML(f"<h1>{escape(t('app.pagina_kennisbank', taal))}</h1>"
                 f"<p>{escape(t('app.kennisbank_intro', taal))}</p>{site}")  # fmt: skip
    show_lesson()
    pagina = w.VBox([kop, kies_les, kies_casus, inhoud])
    display(pagina)
    return pagina
