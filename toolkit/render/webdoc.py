"""A :class:`~toolkit.render.document.Document` as a web page fragment and as Markdown.

The office writers (Word, ODT, PDF) and these two read the same model, so a report that is built
as a document once says the same words in every format. Everything in the model is text a user may
have typed: it is escaped here (HTML) or marked as plain text (Markdown), never passed on as markup.
"""

from __future__ import annotations

import base64

from markupsafe import escape

from .document import Afbeelding, Alinea, Document, Kop, Lijst, Paragraaf, Tabel
from .markup import markdown_text


def _runs_html(inhoud: Alinea) -> str:
    uit = []
    for deel in inhoud:
        html = str(escape(deel.tekst))
        if deel.vet:
            html = f"<strong>{html}</strong>"
        if deel.cursief:
            html = f"<em>{html}</em>"
        if deel.link:
            html = f'<a href="{escape(deel.link)}">{html}</a>'
        uit.append(html)
    return "".join(uit)


def document_html(doc: Document, titel: bool = True) -> str:
    """The body of ``doc`` as HTML: the title as ``<h1>`` (with ``titel``), a heading of level n
    as ``<h{n+1}>``, tables with a caption-less header row of ``<th scope="col">``, images inline
    as PNG with their alternative text."""
    delen = [f"<h1>{escape(doc.titel)}</h1>"] if titel else []
    for blok in doc.blokken:
        if isinstance(blok, Kop):
            niveau = min(blok.niveau + 1, 6)
            delen.append(f"<h{niveau}>{escape(blok.tekst)}</h{niveau}>")
        elif isinstance(blok, Paragraaf):
            delen.append(f"<p>{_runs_html(blok.inhoud)}</p>")
        elif isinstance(blok, Lijst):
            tag = "ol" if blok.genummerd else "ul"
            items = "".join(f"<li>{_runs_html(i)}</li>" for i in blok.items)
            delen.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(blok, Tabel):
            kop = (
                "<thead><tr>" + "".join(f'<th scope="col">{escape(k)}</th>' for k in blok.kop) + "</tr></thead>"
                if blok.kop
                else ""
            )
            rijen = "".join(
                "<tr>" + "".join("<td>" + "<br>".join(_runs_html(a) for a in cel) + "</td>" for cel in rij) + "</tr>"
                for rij in blok.rijen
            )
            # tabindex: on a phone a wide table scrolls by itself, and a keyboard must reach it too
            delen.append(f'<table tabindex="0">{kop}<tbody>{rijen}</tbody></table>')
        elif isinstance(blok, Afbeelding):
            data = base64.b64encode(blok.png).decode()
            delen.append(f'<figure><img src="data:image/png;base64,{data}" alt="{escape(blok.alt)}"></figure>')
    return "\n".join(delen)


def _runs_md(inhoud: Alinea) -> str:
    uit = []
    for deel in inhoud:
        tekst = markdown_text(deel.tekst) if deel.tekst.strip() else deel.tekst
        if deel.vet:
            tekst = f"**{tekst}**"
        if deel.cursief:
            tekst = f"*{tekst}*"
        if deel.link:
            tekst = f"[{tekst}](<{deel.link}>)"
        uit.append(tekst)
    return "".join(uit)


def _cell_md(cel: tuple[Alinea, ...]) -> str:
    return "<br>".join(_runs_md(a) for a in cel) or " "


def document_markdown(doc: Document) -> str:
    """``doc`` as CommonMark (with pipe tables): the text a user pastes into another document."""
    delen = [f"# {markdown_text(doc.titel)}"]
    for blok in doc.blokken:
        if isinstance(blok, Kop):
            delen.append(f"{'#' * min(blok.niveau + 1, 6)} {markdown_text(blok.tekst)}")
        elif isinstance(blok, Paragraaf):
            delen.append(_runs_md(blok.inhoud))
        elif isinstance(blok, Lijst):
            delen.append(
                "\n".join(f"{f'{n}.' if blok.genummerd else '-'} {_runs_md(i)}" for n, i in enumerate(blok.items, 1))
            )
        elif isinstance(blok, Tabel):
            kop = list(blok.kop) if blok.kop else [" "] * blok.kolommen
            regels = ["| " + " | ".join(markdown_text(k) for k in kop) + " |", "|" + "---|" * len(kop)]
            regels += ["| " + " | ".join(_cell_md(c) for c in rij) + " |" for rij in blok.rijen]
            delen.append("\n".join(regels))
        elif isinstance(blok, Afbeelding):
            delen.append(f"*{markdown_text(blok.alt)}*")
    return "\n\n".join(delen) + "\n"
