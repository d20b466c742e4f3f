"""The Jinja environment for HTML output: autoescaping on, templates inside the package."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from toolkit.base import paths, pick, quantity, t, term
from toolkit.content import kennisbank

from . import links
from .markup import inline_html, markdown_html, source_refs


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(paths.templates_dir() / "html"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = t
    env.globals["term"] = term
    env.globals["tag_label"] = lambda vocab, waarde, taal: kennisbank().tag_label(vocab, waarde, taal)
    env.globals["pick"] = pick
    env.globals["quantity"] = quantity
    env.globals["source_refs"] = source_refs
    env.globals["site_link"] = links.site_link
    env.globals["site"] = links
    env.filters["number"] = number
    env.filters["md"] = markdown_html
    env.filters["md_inline"] = inline_html
    return env


def number(waarde: object) -> object:
    """12.0 -> 12, 12.5 -> 12.5; anything else unchanged."""
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    return waarde


def css() -> str:
    """The report style sheet, inlined into every HTML output."""
    return (paths.templates_dir() / "html" / "rapport.css").read_text(encoding="utf-8")


def page(titel: str, taal: str, inhoud: str) -> str:
    """A whole, self-contained HTML page (inline style sheet, nothing to load) around ``inhoud``."""
    return environment().get_template("pagina.html.j2").render(titel=titel, taal=taal, css=css(), inhoud=inhoud)
