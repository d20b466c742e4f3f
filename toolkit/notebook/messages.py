"""A toolkit error as a page shows it: in the page's language and in the page's words.

The toolkit's one-line errors are written for the command line: in Dutch, naming a field as the
profile file names it (``profiel: capaciteit_fte: …``). A page names the field by its label
("ambtelijke capaciteit (fte)") and, on a page in English, says the whole line in English. The
messages a visitor can meet on a page (a profile in the form or uploaded, a place that is not
known) are listed here by their shape; a line of another shape keeps its words (and a page in
English puts an English lead before it).
"""

from __future__ import annotations

import re

from markupsafe import escape

from toolkit.base import t
from toolkit.content import field_labels

#: Dutch message shapes (the rest of a line after file and field) and their English text.
_ENGELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), e)
    for p, e in [
        (r"^onbekende gemeente (?P<w>.+?) \(bedoelt u: (?P<s>.+)\?\)$",
         "unknown municipality {w} (did you mean: {s}?)"),
        (r"^onbekende gemeente (?P<w>.+?) \(een gemeentenaam of GM-code\)$",
         "unknown municipality {w} (a municipality's name or GM code)"),
        (r"^meerdere gemeenten heten (?P<w>.+?) \(kies: (?P<s>.+)\)$",
         "several municipalities are called {w} (choose: {s})"),
        (r"^onbekende wijk (?P<w>.+?) in (?P<g>.+?) \(bedoelt u: (?P<s>.+)\?\)$",
         "unknown district {w} in {g} (did you mean: {s}?)"),
        (r"^onbekende wijk (?P<w>.+?) in (?P<g>.+?) \(een wijknaam of WK-code van .+\)$",
         "unknown district {w} in {g} (a district's name or WK code in {g})"),
        (r"^meerdere wijken in (?P<g>.+?) heten (?P<w>.+?) \(kies: (?P<s>.+)\)$",
         "several districts in {g} are called {w} (choose: {s})"),
        (r"^wijk (?P<w>.+?) ligt niet in (?P<g>.+?) \(wel in: (?P<s>.+)\) \(een wijk van .+\)$",
         "district {w} is not in {g} (it is in: {s})"),
        (r"^wijk (?P<w>\S+ \(.+?\)) ligt niet in (?P<g>.+?) maar in (?P<s>.+?) \(een wijk van .+\)$",
         "district {w} is not in {g} but in {s}"),
        (r"^(?P<l>.+?): (?P<w>'.*') is geen getal \(laat het leeg als u het niet weet\)$",
         "{l}: {w} is not a number (leave it empty if you do not know)"),
        (r"^verplicht veld ontbreekt$", "required, but missing"),
        (r"^onbekend veld \(toegestaan: (?P<s>.+)\)$", "unknown field (allowed: {s})"),
        (r"^onbekend veld$", "unknown field"),
        (r"^ongeldige waarde (?P<w>.+?) \(toegestaan: (?P<s>.+)\)$", "invalid value {w} (allowed: {s})"),
        (r"^ongeldige waarde (?P<w>.+)$", "invalid value {w}"),
        (r"^moet een getal zijn, niet (?P<w>.+)$", "must be a number, not {w}"),
        (r"^moet een geheel getal zijn, niet (?P<w>.+?) \(bijv\. 4\)$", "must be a whole number, not {w} (e.g. 4)"),
        (r"^moet tekst zijn, niet (?P<w>.+)$", "must be text, not {w}"),
        (r"^moet ja of nee zijn, niet (?P<w>.+?) \(true of false\)$", "must be yes or no, not {w} (true or false)"),
        (r"^moet een lijst zijn \(bijv\. \[a, b\]\)$", "must be a list (e.g. [a, b])"),
        (r"^moet een groep velden zijn \(sleutel: waarde\)$", "must be a group of fields (key: value)"),
        (r"^te veel: (?P<n>\d+) \(hooguit (?P<m>\d+)\)$", "too many: {n} (at most {m})"),
        (r"^te weinig: (?P<n>\d+) \(minstens (?P<m>\d+)\)$", "too few: {n} (at least {m})"),
        (r"^is te lang \(hooguit (?P<m>\d+) tekens\)$", "is too long (at most {m} characters)"),
        (r"^is leeg \(vul tekst in\)$", "is empty (fill in some text)"),
        (r"^waarde (?P<w>.+?) buiten bereik \((?P<g>.+)\)$", "value {w} out of range ({g})"),
        (r"^aandelen tellen op tot (?P<s>\S+) \(samen hooguit 100\)$",
         "the shares add up to {s} (at most 100 together)"),
        (r"^ongeldig: (?P<w>.+?) \(bijv\. (?P<v>.+)\)$", "invalid: {w} (e.g. {v})"),
        (r"^regel (?P<n>\d+): YAML-fout: sleutel (?P<s>.+) staat twee keer in hetzelfde blok(?: \(geldige YAML\))?$",
         "line {n}: the key {s} appears twice in the same block"),
        (r"^regel (?P<n>\d+): YAML-fout: (?P<w>.+?)(?: \(geldige YAML\))?$", "line {n}: this is not valid YAML ({w})"),
        (r"^geen profiel \(verwacht: velden zoals 'gemeente: Wageningen'\)$",
         "not a profile (expected: fields such as 'gemeente: Wageningen')"),
        (r"^geen tekstbestand \(kies een profiel in YAML, zoals de app het opslaat\)$",
         "not a text file (choose a profile in YAML, as the app saves it)"),
        (r"^geen Excel-bestand \(een actieregister\.xlsx van warmtelessen\)$",
         "not an Excel file (an actieregister.xlsx made by warmtelessen)"),
        (r"^geen ODS-bestand \(een actieregister\.ods van warmtelessen\)$",
         "not an ODS file (an actieregister.ods made by warmtelessen)"),
        (r"^geen actieregister: kolom ontbreekt: (?P<w>.+?) \(kolommen: (?P<s>.+)\)$",
         "not an action register: missing column: {w} (columns: {s})"),
        (r"^geen \.xlsx- of \.ods-bestand \(kies het actieregister van uw checklist\)$",
         "not an .xlsx or .ods file (choose the action register of your checklist)"),
        # the logbook (the app's page Logboek)
        (r"^vul dit in, het is verplicht$", "please fill this in, it is required"),
        (r"^verplicht veld is leeg$", "required, but empty"),
        (r"^ongeldige datum (?P<w>.+) \(JJJJ-MM-DD\)$", "invalid date {w} (YYYY-MM-DD)"),
        (r"^(?P<w>'.*') is geen aantal mensen \(een heel getal van 0 tot (?P<m>\d+), of leeg als het onbekend is\)$",
         "{w} is not a number of people (a whole number from 0 to {m}, or empty if it is not known)"),
        (r"^(?P<n>\d+) is meer dan uitgenodigd \((?P<m>\d+)\)$", "{n} is more than were invited ({m})"),
        (r"^zeg in (?P<w>.+?) hoe dat kwam \(bijv\. inloop zonder uitnodiging\)$",
         "say in {w} how that came about (e.g. a walk-in without invitation)"),
        (r"^noem minstens één partij \(gescheiden door ;\)$", "choose at least one party"),
        (r"^(?P<o>--[a-z]+): geen logboek van warmtelessen \(kies een nieuw bestand of het juiste logboek\)$",
         "{o}: not a logbook of warmtelessen (choose a new file or the right logbook)"),
        (r"^(?P<o>--[a-z]+): geen logboek van warmtelessen \((?P<s>.+)\)$",
         "{o}: not a logbook of warmtelessen ({s})"),
    ]
]  # fmt: skip

#: ``<file>: <field>: <rest>`` where the field is a profile field (``groepen[2].naam``).
_VELD = re.compile(r"^(?P<bestand>[^:]+): (?P<veld>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)?): (?P<rest>.+)$")


def page_message(tekst: str, taal: str, formulier: str = "profiel") -> str:
    """``tekst`` (one line of the toolkit) as a page in ``taal`` shows it. ``formulier`` is the name
    the form's profile has in messages: a page leaves it out (the visitor filled in a form, not a
    file)."""
    delen = [d for d in tekst.split("; ") if d]
    return "; ".join(_one(deel, taal, formulier) for deel in delen)


def _one(tekst: str, taal: str, formulier: str) -> str:
    bestand, veld, rest = "", "", tekst
    if m := _VELD.match(tekst):
        bestand, veld, rest = m["bestand"], m["veld"], m["rest"]
    elif tekst.startswith(f"{formulier}: "):
        rest = tekst.removeprefix(f"{formulier}: ")
    elif taal == "en" and ": " in tekst and _in_english(tekst) is None:  # ``<file>: <message>``
        voor, _, na = tekst.partition(": ")
        if _in_english(na) is not None:
            bestand, rest = voor, na
    if taal == "en":
        rest = _english(rest)
    if veld:
        rest = f"{field_labels([veld], taal)}: {rest}"
    return rest if not bestand or bestand == formulier else f"{bestand}: {rest}"


def _english(rest: str) -> str:
    engels = _in_english(rest)
    return engels if engels is not None else f"{t('app.niet_vertaald', 'en')} {rest}"


def _in_english(rest: str) -> str | None:
    for patroon, engels in _ENGELS:
        if m := patroon.match(rest):
            return engels.format(**{k: _YAML.get(v, v) if k == "w" else v for k, v in m.groupdict().items()})
    return None


#: The reasons a YAML file is refused that the toolkit words itself (libyaml's own are in English).
_YAML = {
    "verwijzing met '*' naar '&' is niet toegestaan (schrijf de waarde voluit)":
        "a reference with '*' to '&' is not allowed (write the value out)",
    "een sleutel moet tekst of een getal zijn": "a key must be text or a number",
}  # fmt: skip


def message_html(tekst: str, fout: bool = False) -> str:
    """A message on a page, the text escaped: a status, or with ``fout`` an alert (read out at once
    by a screen reader); nothing for no text."""
    soort = "wl-melding wl-fout" if fout else "wl-melding"
    return f'<p class="{soort}" role="{"alert" if fout else "status"}">{escape(tekst)}</p>' if tekst else ""
