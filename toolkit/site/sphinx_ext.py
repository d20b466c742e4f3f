"""The knowledge base's Sphinx extension: offline search that ignores accents, and named
navigation toggles.

Sphinx's own offline search (``searchindex.js``, loaded with a script tag, so it works from
``file://``) stems words with the Snowball stemmer of the page's language. Dutch writes
*energiecoöperatie* and, just as often, *energiecooperatie*: the stemmers here fold accents away,
in the index (Python) and in the query (JavaScript), so both spellings find the same pages.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from markupsafe import Markup
from sphinx.search import languages
from sphinx.search.en import SearchEnglish
from sphinx.search.nl import SearchDutch

_FOLD_JS = """
window.Stemmer = class {{
  constructor() {{ this.stemmer = new {naam}(); }}
  stemWord(woord) {{ return this.stemmer.stemWord(woord.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")); }}
}};
"""


def fold_accents(woord: str) -> str:
    """'coöperatie' -> 'cooperatie' (accents dropped, letters kept)."""
    return "".join(c for c in unicodedata.normalize("NFD", woord) if not unicodedata.combining(c))


def _stemmer_js(bestand: str, naam: str) -> str:
    """Sphinx's own Snowball stemmer for a language, wrapped so the query is folded first."""
    import sphinx

    map_ = __import__("pathlib").Path(sphinx.__file__).parent / "search" / "minified-js"
    code: str = (
        (map_ / "base-stemmer.js").read_text(encoding="utf-8") + "\n" + (map_ / bestand).read_text(encoding="utf-8")
    )
    return code + _FOLD_JS.format(naam=naam)


class FoldingDutch(SearchDutch):
    js_stemmer_rawcode = ""
    js_stemmer_code = _stemmer_js("dutch-stemmer.js", "DutchStemmer")

    def stem(self, word: str) -> str:
        return super().stem(fold_accents(word))


class FoldingEnglish(SearchEnglish):
    js_stemmer_rawcode = ""
    js_stemmer_code = _stemmer_js("english-stemmer.js", "EnglishStemmer")

    def stem(self, word: str) -> str:
        return super().stem(fold_accents(word))


# From ``file://`` a browser may not fetch other pages, so the search page shows no snippet there
# (it would only log errors); from a web server it does.
_NO_SNIPPETS_FROM_FILES = 'if (location.protocol === "file:") DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;'


def _named_toggles(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The theme's side navigation opens a branch with a ``<summary>`` holding only an icon: give
    it a name a screen reader can say (WCAG 4.1.2)."""
    maak = context.get("generate_toctree_html")
    if maak is None:
        return
    naam = _TOGGLE_NAME.get(app.config.language, _TOGGLE_NAME["en"])

    def met_namen(*args: Any, **kwargs: Any) -> Any:
        html = maak(*args, **kwargs)
        if hasattr(html, "find_all"):  # the theme hands the template a BeautifulSoup (it may cache it)
            for summary in html.find_all("summary"):
                summary["aria-label"] = naam
            return html
        # str() first: Markup.replace would escape the tags it is given and find nothing
        return Markup(str.replace(str(html), "<summary>", f'<summary aria-label="{naam}">'))

    context["generate_toctree_html"] = met_namen


_TOGGLE_NAME = {"nl": "Onderdelen tonen of verbergen", "en": "Show or hide the sub-pages"}


def _main_entries_name_the_page(app: Any, doctree: Any, docname: str) -> None:
    """A main index entry (``!woord``) says what the whole page is about (a case page names the
    kinds of group that act in it): the search then finds the page itself, once and at the top,
    not a second hit for a point near its title."""
    from sphinx import addnodes

    for node in doctree.findall(addnodes.index):
        node["entries"] = [(soort, waarde, "" if hoofd == "main" else doel, hoofd, sleutel)
                           for soort, waarde, doel, hoofd, sleutel in node["entries"]]  # fmt: skip


class _Loaded:
    """A search-index "format" that hands back an index already read."""

    def __init__(self, frozen: Any) -> None:
        self.frozen = frozen

    def load(self, _stream: Any) -> Any:
        return self.frozen


def _keep_index_entries() -> None:
    """Sphinx reads the previous search index back on a rebuild, but not its index entries: after
    a rebuild that leaves a case page alone, that page would lose its search terms (and its place at
    the top). Read them back as well."""
    from sphinx.search import IndexBuilder

    laden = IndexBuilder.load
    if getattr(laden, "warmtelessen", False):
        return

    def load(self: Any, stream: Any, format: Any) -> None:
        vorm = self.formats[format] if isinstance(format, str) else format
        frozen = vorm.load(stream)
        laden(self, stream, _Loaded(frozen))
        docs = frozen["docnames"]
        for woord, plekken in frozen.get("indexentries", {}).items():
            for doc, doel, hoofd in plekken:
                lijst = self._index_entries.setdefault(docs[doc], [])
                if (woord, doel, "main" if hoofd else "") not in lijst:
                    lijst.append((woord, doel, "main" if hoofd else ""))

    snoei = IndexBuilder.prune

    def prune(self: Any, docnames: Any) -> None:  # and forget them for a page that is gone or rebuilt
        houden = set(docnames)
        snoei(self, houden)
        for doc in [d for d in self._index_entries if d not in houden]:
            del self._index_entries[doc]

    load.warmtelessen = True  # type: ignore[attr-defined]
    IndexBuilder.load = load  # type: ignore[method-assign]
    IndexBuilder.prune = prune  # type: ignore[method-assign]


def setup(app: Any) -> dict[str, Any]:
    languages["nl"] = FoldingDutch
    languages["en"] = FoldingEnglish
    _keep_index_entries()
    app.add_js_file(None, body=_NO_SNIPPETS_FROM_FILES)
    app.connect("html-page-context", _named_toggles, priority=900)  # after the theme sets the function
    app.connect("doctree-resolved", _main_entries_name_the_page)  # before the page goes into the search index
    return {"parallel_read_safe": True, "parallel_write_safe": True}
