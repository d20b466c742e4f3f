"""Markdown and source markers to safe HTML.

Raw HTML in content is never passed through: markdown-it runs with ``html=False``, so anything a
user typed that looks like a tag is shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from toolkit.base import OWN_SYNTHESIS, SOURCE_REF, split_ids, t


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def source_refs(ids: Iterable[str], bron_index: Mapping[str, int], anker: str = "bron") -> Markup:
    """Superscript links ``[1, 3]`` to the numbered source list (anchors ``#<anker>-N``)."""
    nummers = sorted({bron_index[i] for i in ids if i in bron_index})
    links = ", ".join(f'<a href="#{anker}-{n}">{n}</a>' for n in nummers)
    return Markup(f'<sup class="bron">[{links}]</sup>') if nummers else Markup("")


def markers_to_html(html: str, bron_index: Mapping[str, int], taal: str) -> str:
    """Replace ``[bron: a, b]`` by numbered links and ``[eigen synthese]`` by a label."""
    html = SOURCE_REF.sub(lambda m: source_refs(split_ids(m.group(1)), bron_index), html)
    label = escape(t("eigen_synthese", taal))
    return OWN_SYNTHESIS.sub(f'<span class="synthese">{label}</span>', html)


def markdown_html(tekst: str, bron_index: Mapping[str, int] | None = None, taal: str = "nl") -> Markup:
    """Block Markdown to HTML, with source markers resolved."""
    return Markup(markers_to_html(_md().render(tekst), bron_index or {}, taal))


def inline_html(tekst: str, bron_index: Mapping[str, int] | None = None, taal: str = "nl") -> Markup:
    """Inline Markdown (one bullet, one title) to HTML, with source markers resolved."""
    return Markup(markers_to_html(_md().renderInline(tekst), bron_index or {}, taal))


_MD_TEKENS = re.compile(r"([\\`*_\[\]<>&#|])")


def markdown_text(tekst: object) -> str:
    """Plain text (a name, a note, a claim) in Markdown: shown as the text it is, never as HTML or
    markup. Characters that mean something in Markdown get a backslash (CommonMark)."""
    return _MD_TEKENS.sub(r"\\\1", " ".join(str(tekst).split()))


def markdown_without_html(tekst: str) -> str:
    """Markdown from a content file with any raw HTML shown as text (``<`` and ``>`` escaped)."""
    return tekst.replace("<", "\\<").replace(">", "\\>")
