"""One document model for every office document the toolkit writes.

A report builds a :class:`Document` (title, language, headings, paragraphs, lists, tables, images)
once; :mod:`toolkit.render.word` writes it as ``.docx``, :mod:`toolkit.render.odf` as ``.odt`` and
:mod:`toolkit.render.pdf` as a tagged PDF. So the three files hold the same content, and a fix to
the layout (A4, column widths, repeated table headers, alternative text) is made once per writer,
not once per report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

#: Printable width of an A4 page with 2 cm margins, in cm (portrait; landscape: 25.7).
BREEDTE_STAAND = 17.0
BREEDTE_LIGGEND = 25.7


#: Characters a document cannot hold (XML 1.0 refuses them, a PDF font has no glyph): control
#: characters other than tab and new line, pasted into a profile or a logbook entry.
_ONLEESBAAR = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\ufffe\\uffff]")


def xml_text(tekst: str) -> str:
    """``tekst`` with a space for each character no document can hold (see :data:`_ONLEESBAAR`;
    Word's line break, pasted, is one of them)."""
    return _ONLEESBAAR.sub(" ", tekst) if _ONLEESBAAR.search(tekst) else tekst


@dataclass(frozen=True)
class Tekst:
    """A run of text: plain, italic or bold, or a link."""

    tekst: str
    cursief: bool = False
    vet: bool = False
    link: str | None = None

    def __post_init__(self) -> None:
        if _ONLEESBAAR.search(self.tekst):
            object.__setattr__(self, "tekst", xml_text(self.tekst))


#: A paragraph: one or more runs.
Alinea = tuple[Tekst, ...]


def alinea(*delen: str | Tekst) -> Alinea:
    """A paragraph from strings (plain) and :class:`Tekst` runs; white space folded."""
    return tuple(Tekst(" ".join(d.split())) if isinstance(d, str) else d for d in delen if d)


def from_markdown(tekst: str) -> list[Alinea]:
    """Paragraphs from a little Markdown (as the lessons are written): ``**vet**``, ``*cursief*``,
    ``[tekst](url)``; blank lines separate paragraphs."""
    parser = MarkdownIt("commonmark")
    alineas: list[Alinea] = []
    for blok in (b for b in tekst.split("\n\n") if b.strip()):
        delen: list[Tekst] = []
        vet = cursief = False
        link: str | None = None
        for token in parser.parseInline(" ".join(blok.split()))[0].children or []:
            if token.type == "strong_open" or token.type == "strong_close":
                vet = token.type == "strong_open"
            elif token.type == "em_open" or token.type == "em_close":
                cursief = token.type == "em_open"
            elif token.type == "link_open":
                link = str(token.attrs.get("href", ""))
            elif token.type == "link_close":
                link = None
            elif token.type in ("text", "code_inline"):
                delen.append(Tekst(token.content, cursief, vet, link))
            elif token.type in ("softbreak", "hardbreak"):
                delen.append(Tekst(" ", cursief, vet, link))
        if delen:
            alineas.append(tuple(delen))
    return alineas


@dataclass(frozen=True)
class Kop:
    """A heading: level 1 (a part) to 3."""

    tekst: str
    niveau: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "tekst", xml_text(self.tekst))


@dataclass(frozen=True)
class Paragraaf:
    inhoud: Alinea


@dataclass(frozen=True)
class Lijst:
    items: tuple[Alinea, ...]
    genummerd: bool = False


#: A table cell: its paragraphs.
Cel = tuple[Alinea, ...]


def cel(*alineas: Alinea | str) -> Cel:
    return tuple(alinea(a) if isinstance(a, str) else a for a in alineas if a)


@dataclass(frozen=True)
class Tabel:
    """A table whose header row repeats on every page. ``gewichten``: the share of the width each
    column wants (the writers give every column at least room for its longest word)."""

    kop: tuple[str, ...] | None
    rijen: tuple[tuple[Cel, ...], ...]
    gewichten: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if self.kop:
            object.__setattr__(self, "kop", tuple(xml_text(k) for k in self.kop))

    @property
    def kolommen(self) -> int:
        return len(self.kop) if self.kop else len(self.rijen[0]) if self.rijen else 0


@dataclass(frozen=True)
class Afbeelding:
    png: bytes
    alt: str  # alternative text, for screen readers and when the image does not load
    breedte_cm: float = 16.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "alt", xml_text(self.alt))


Blok = Kop | Paragraaf | Lijst | Tabel | Afbeelding


@dataclass
class Document:
    """A report as the writers see it. ``titel`` is the first heading and the document's title."""

    titel: str
    taal: str
    blokken: list[Blok] = field(default_factory=list)
    lettergrootte: int = 10
    liggend: bool = False

    def __post_init__(self) -> None:
        self.titel = xml_text(self.titel)

    @property
    def breedte_cm(self) -> float:
        return BREEDTE_LIGGEND if self.liggend else BREEDTE_STAAND

    # --- building --------------------------------------------------------------------------------

    def kop(self, tekst: str, niveau: int = 1) -> Document:
        self.blokken.append(Kop(tekst, niveau))
        return self

    def markdown(self, tekst: str) -> Document:
        """Paragraphs written in a little Markdown (see :func:`from_markdown`)."""
        self.blokken.extend(Paragraaf(a) for a in from_markdown(tekst))
        return self

    def tekst(self, *delen: str | Tekst) -> Document:
        inhoud = alinea(*delen)
        if inhoud:
            self.blokken.append(Paragraaf(inhoud))
        return self

    def lijst(self, items: Sequence[str | Alinea], genummerd: bool = False) -> Document:
        regels = tuple(alinea(i) if isinstance(i, str) else i for i in items)
        if regels:
            self.blokken.append(Lijst(regels, genummerd))
        return self

    def sectie(self, kop: str, items: Sequence[str | Alinea], niveau: int = 1, genummerd: bool = False) -> Document:
        return self.kop(kop, niveau).lijst(items, genummerd)

    def tabel(
        self, kop: Sequence[str] | None, rijen: Sequence[Sequence[Cel | str]], gewichten: Sequence[float] = ()
    ) -> Document:
        cellen = tuple(tuple(cel(c) if isinstance(c, str) else c for c in rij) for rij in rijen)
        if cellen or kop:
            self.blokken.append(Tabel(tuple(kop) if kop else None, cellen, tuple(gewichten)))
        return self

    def afbeelding(self, png: bytes, alt: str, breedte_cm: float = 16.0) -> Document:
        self.blokken.append(Afbeelding(png, alt, min(breedte_cm, self.breedte_cm)))
        return self


# --- column widths ---------------------------------------------------------------------------------

#: Average width of a character at 1 pt font size, in cm (a sans-serif font; bold a little wider),
#: and the padding of a cell on both sides.
_TEKEN_CM = 0.0205
_MARGE_CM = 0.4


def _longest_word(tabel: Tabel, kolom: int) -> int:
    teksten = [tabel.kop[kolom]] if tabel.kop else []
    teksten += [t.tekst for rij in tabel.rijen for a in rij[kolom] for t in a]
    return max((len(w) for tekst in teksten for w in tekst.replace("/", " ").split()), default=1)


#: The widths of the tables of the last documents written (each writer asks for the same table).
_BEREKEND: dict[int, tuple[Tabel, float, float, list[float]]] = {}


def column_widths(tabel: Tabel, breedte_cm: float, lettergrootte: float) -> list[float]:
    """Widths in cm that add up to ``breedte_cm``: every column gets room for its longest word (no
    word is broken in the middle), the rest of the width goes by ``gewichten`` (default: equal)."""
    bekend = _BEREKEND.get(id(tabel))
    if bekend is not None and bekend[0] is tabel and bekend[1:3] == (breedte_cm, lettergrootte):
        return bekend[3]
    breedtes = _widths(tabel, breedte_cm, lettergrootte)
    if len(_BEREKEND) > 256:
        _BEREKEND.clear()
    _BEREKEND[id(tabel)] = (tabel, breedte_cm, lettergrootte, breedtes)
    return breedtes


def _widths(tabel: Tabel, breedte_cm: float, lettergrootte: float) -> list[float]:
    n = tabel.kolommen
    gewichten = list(tabel.gewichten) if len(tabel.gewichten) == n else [1.0] * n
    minimum = [_longest_word(tabel, k) * _TEKEN_CM * lettergrootte * 1.1 + _MARGE_CM for k in range(n)]
    if sum(minimum) >= breedte_cm:  # even the minimum does not fit: shrink in proportion
        return [m * breedte_cm / sum(minimum) for m in minimum]
    # give each column its weight's share, but never less than its minimum
    vast: dict[int, float] = {}
    while True:
        rest = breedte_cm - sum(vast.values())
        over = [k for k in range(n) if k not in vast]
        totaal = sum(gewichten[k] for k in over) or 1.0
        te_smal = [k for k in over if rest * gewichten[k] / totaal < minimum[k]]
        if not te_smal:
            return [vast.get(k, rest * gewichten[k] / totaal) for k in range(n)]
        for k in te_smal:
            vast[k] = minimum[k]
