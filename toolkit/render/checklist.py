"""Renderers for a checklist: HTML (fragment and page), Markdown, JSON, Word and Excel.

Everything a user typed (names, notes) is data here: Jinja autoescapes it in HTML, Markdown gets
``<``, ``>`` and ``&`` as entities, JSON escapes them, and Word and Excel store plain text.
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

from toolkit.base import append_row, format_date, number, pick, quantity, t, term, value_label
from toolkit.domain import KOLOMMEN, OVER, STATUSSEN, Bewijs, Checklist, ChecklistActie, Voortgang

from . import word
from .markup import markdown_text
from .registry import register
from .templating import environment, page

#: The progress of an action that no register mentions.
OPEN: Voortgang = {"status": "open", "deadline": None, "opmerkingen": ""}


def evidence_source(bewijs: Bewijs, taal: str) -> str:
    """The case a claim comes from; a fictional case says so (only a fictional checklist shows it)."""
    naam = bewijs["casus_naam"]
    return f"{naam} ({t('fictief_bewijs', taal)})" if bewijs["fictief"] and "fictief" not in naam else naam


def _lesson_numbers(c: Checklist) -> list[int]:
    """The lessons that have actions in this checklist, in order."""
    return sorted({a["les"] for a in c["acties"]})


def _title(c: Checklist) -> str:
    ctx = c["context"]
    return f"{t('checklist_voor', c['taal'])} {ctx['gemeente']}" + (f", {ctx['wijk']}" if ctx.get("wijk") else "")


@register("checklist", "html-fragment")
def checklist_fragment(c: Checklist, taal: str) -> str:
    return (
        environment()
        .get_template("checklist.html.j2")
        .render(c=c, deadline_text=deadline_text, profiel_rijen=_profile_rows(c))
    )


@register("checklist", "html")
def checklist_page(c: Checklist, taal: str) -> str:
    return page(_title(c), c["taal"], checklist_fragment(c, taal))


@register("checklist", "json")
def to_json(c: Checklist, taal: str | None = None) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, ``<``/``>``/``&`` escaped (HTML-safe).
    The same profile gives byte-identical JSON on every path (papermill or in-process)."""
    tekst = json.dumps(c, ensure_ascii=False, indent=2, sort_keys=True)
    return tekst.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def _profile_value(veld: str, waarde: Any, taal: str) -> str:
    """One value of the profile in words, in ``taal``: labels for fixed values, numbers as the
    reader writes them; names the user typed as they are."""
    if isinstance(waarde, bool) or waarde is None:
        return value_label(veld, str(waarde).lower() if waarde is not None else "onbekend", taal)
    if isinstance(waarde, int | float):
        return number(waarde, taal)
    if veld in {"gemeente", "wijk", "notities"}:
        return str(waarde)
    return value_label(veld, str(waarde), taal)


def _profile_rows(c: Checklist) -> list[tuple[str, str]]:
    """The profile as (label, value in words) rows in the checklist's language: no field names."""
    taal = c["taal"]
    rijen: list[tuple[str, str]] = []
    for sleutel, waarde in c["profiel"].items():
        if sleutel == "groepen" and isinstance(waarde, list):
            tekst = (
                "; ".join(
                    f"{g['naam']} ({value_label('groepen.soort', g['soort'], taal)}, "
                    f"{t('actief', taal)}: {_profile_value('groepen.actief', g['actief'], taal)})"
                    for g in waarde
                )
                or "—"
            )
        elif isinstance(waarde, dict):
            tekst = ", ".join(
                f"{term('veld', f'{sleutel}.{k}', taal)}: {_profile_value(f'{sleutel}.{k}', v, taal)}"
                for k, v in waarde.items()
            )
        elif isinstance(waarde, list):
            tekst = ", ".join(_profile_value(sleutel, w, taal) for w in waarde) or "—"
        else:
            tekst = _profile_value(sleutel, waarde, taal)
        label = term("veld", sleutel, taal)
        rijen.append((label[:1].upper() + label[1:], tekst))
    return rijen


def _progress_lines(c: Checklist) -> list[str]:
    """Progress in words: per lesson, in total, and the actions past their deadline."""
    taal = c["taal"]
    v = c["voortgang"]
    regels = [
        f"{t('les', taal)} {les}: {x['gedaan']} / {x['acties']} {t('gedaan', taal)}"
        for les, x in sorted(v["per_les"].items())
    ]
    regels.append(f"{t('totaal', taal)}: {v['totaal']['gedaan']} / {v['totaal']['acties']} {t('gedaan', taal)}")
    if v["te_laat"]:
        regels.append(f"{t('te_laat', taal)}: " + ", ".join(f"{x['id']} ({x['deadline']})" for x in v["te_laat"]))
    else:
        regels.append(t("geen_te_laat", taal))
    return regels


def start_here(c: Checklist) -> list[ChecklistActie]:
    """The actions of *Begin hier*, in order (each has its ``waarom_nu``)."""
    per_id = {a["id"]: a for a in c["acties"]}
    return [per_id[i] for i in c.get("begin_hier", []) if i in per_id]


def deadline_text(a: ChecklistActie, taal: str) -> str:
    """``Uiterlijk: 1 januari 2027`` (with the doubt when the date is not certain); "" without a deadline."""
    if "deadline" not in a:
        return ""
    datum = format_date(date.fromisoformat(a["deadline"]), taal)
    return f"{t('deadline_wet', taal)}: {datum}" + (f" ({t('onzeker', taal)})" if a.get("deadline_onzeker") else "")


@register("checklist", "md")
def checklist_markdown(c: Checklist, taal: str) -> str:
    regels = [f"# {markdown_text(_title(c))}", "", t("checklist_uitleg", taal), ""]
    if start_here(c):
        regels += [f"## {t('begin_hier', taal)}", "", t("begin_hier_uitleg", taal), ""]
        regels += [f"{i}. **{markdown_text(a['tekst'])}** ({a['id']})  \n   {markdown_text(a.get('waarom_nu', ''))}"
                   for i, a in enumerate(start_here(c), start=1)]  # fmt: skip
        regels.append("")
    regels += [f"## {t('uw_situatie', taal)}", ""]
    for sleutel, waarde in _profile_rows(c):
        regels.append(f"- **{sleutel}**: {markdown_text(waarde)}")
    regels += ["", f"## {t('cijfers_profiel', taal)}", ""]
    for x in c["context"]["cijfers"]:
        label = pick(x, "label", taal)
        waarde = quantity(x["waarde"], x["eenheid"], taal)
        regels.append(f"- {markdown_text(x['gebied'])}, {label}: {waarde} ({x['jaar']}, {x['bron']})")
    if c.get("voortgang"):
        regels += ["", f"## {t('voortgang', taal)} ({c['voortgang']['peildatum']})", ""]
        regels += [f"- {regel}" for regel in _progress_lines(c)]
    for nummer in _lesson_numbers(c):
        acties = [a for a in c["acties"] if a["les"] == nummer]
        if not acties:
            continue
        regels += ["", f"## {t('les', taal)} {nummer}. {acties[0]['les_titel']}", ""]
        for a in acties:
            vink = "x" if a.get("voortgang", {}).get("status") == "gedaan" else " "
            meta = f"({t(a['prioriteit'], taal)}, {term('eigenaar', a['eigenaar'], taal)}, {a['id']})"
            regels.append(f"- [{vink}] **{markdown_text(a['tekst'])}** {meta}")
            regels.append(f"  {markdown_text(a['waarom'])}")
            regels.append(f"  *{t('waarom_opgenomen', taal)}: {markdown_text('; '.join(a['aanleiding']))}*")
            if deadline_text(a, taal):
                regels.append(f"  **{deadline_text(a, taal)}**")
            for w in a.get("wettelijk_kader", []):
                regels.append(
                    f"  {t('wet.kader', taal)}: {markdown_text(w['titel'])} — {markdown_text(w['status_tekst'])}"
                )
            if a.get("logboek"):
                regels.append(f"  {t('logboek_actie', taal)}: {a['logboek']}")
            for b in a["bewijs"]:
                regels.append(f"  - {markdown_text(evidence_source(b, taal))}: {markdown_text(b['claim'])}")
    if c["uitgesloten"]:
        regels += ["", f"## {t('uitgesloten', taal)}", ""]
        regels += [f"- {u['id']}: {markdown_text(u['reden'])}" for u in c["uitgesloten"]]
    return "\n".join(regels) + "\n"


@register("checklist", "docx")
def checklist_docx(c: Checklist, taal: str) -> bytes:
    doc = word.document(_title(c), t("checklist_uitleg", taal), lettergrootte=10)
    if start_here(c):
        doc.add_heading(t("begin_hier", taal), level=1)
        doc.add_paragraph(t("begin_hier_uitleg", taal))
        word.table(doc, ["#", t("actie", taal)], [[str(i), [(a["tekst"], False), (a.get("waarom_nu", ""), True)]]
                                                  for i, a in enumerate(start_here(c), start=1)])  # fmt: skip
    doc.add_heading(t("uw_situatie", taal), level=1)
    word.table(doc, None, [list(r) for r in _profile_rows(c)])
    if c["context"]["cijfers"]:
        doc.add_heading(t("cijfers_profiel", taal), level=1)
        word.table(
            doc,
            [t(k, taal) for k in ("gebied", "kenmerk", "waarde", "bron")],
            [
                [
                    x["gebied"],
                    pick(x, "label", taal),
                    quantity(x["waarde"], x["eenheid"], taal),
                    f"{x['bron']}, {x['jaar']}",
                ]
                for x in c["context"]["cijfers"]
            ],
        )
    if c.get("voortgang"):
        word.section(doc, f"{t('voortgang', taal)} ({c['voortgang']['peildatum']})", _progress_lines(c))
    for nummer in _lesson_numbers(c):
        acties = [a for a in c["acties"] if a["les"] == nummer]
        doc.add_heading(f"{t('les', taal)} {nummer}. {acties[0]['les_titel']}", level=1)
        rijen: list[list[word.Cel]] = []
        for a in acties:
            actie = [(a["tekst"], False), (a["waarom"], True)]
            actie.append((f"{t('waarom_opgenomen', taal)}: {'; '.join(a['aanleiding'])}", False))
            if deadline_text(a, taal):
                actie.append((deadline_text(a, taal), False))
            actie += [(f"{t('wet.kader', taal)}: {w['titel']} — {w['status_tekst']}", False)
                      for w in a.get("wettelijk_kader", [])]  # fmt: skip
            if a.get("logboek"):
                actie.append((f"{t('logboek_actie', taal)}: {a['logboek']}", False))
            actie += [(f"{evidence_source(b, taal)}: {b['claim']}", False) for b in a["bewijs"]]
            vink = "☒" if a.get("voortgang", {}).get("status") == "gedaan" else "☐"
            fasen = ", ".join(term("fase", f, taal) for f in a["fasen"])
            rijen.append([vink, actie, t(a["prioriteit"], taal), term("eigenaar", a["eigenaar"], taal), fasen])
        word.table(doc, ["✓"] + [t(k, taal) for k in ("actie", "prioriteit", "eigenaar", "fasen")], rijen)
    return word.to_bytes(doc)


@register("checklist", "xlsx")
def checklist_xlsx(c: Checklist, taal: str) -> bytes:
    """The action register: one row per action; status as a dropdown; frozen header; filters.
    Every text cell is stored as text (see :mod:`toolkit.render.sheets`)."""

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    boek = Workbook()
    blad = boek.worksheets[0]
    blad.title = "Acties"
    append_row(blad, KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
        cel.fill = PatternFill("solid", fgColor="F6F3EF")
    for a in c["acties"]:
        v = a.get("voortgang", OPEN)
        deadline = date.fromisoformat(v["deadline"]) if v["deadline"] else None
        append_row(
            blad,
            [a["id"], a["les"], a["tekst"], a["prioriteit"], a["eigenaar"], ", ".join(a["fasen"]),
             v["status"], deadline, v["opmerkingen"],
             "; ".join(f"{w['titel']} ({w['status_tekst']})" for w in a.get("wettelijk_kader", []))],
        )  # fmt: skip
    laatste = blad.max_row
    keuzes = DataValidation(type="list", formula1='"' + ",".join(STATUSSEN) + '"', allow_blank=True)
    keuzes.error = "Kies: " + ", ".join(STATUSSEN)
    keuzes.errorTitle = "Status"
    blad.add_data_validation(keuzes)
    keuzes.add(f"G2:G{max(laatste, 2) + 200}")
    datums = DataValidation(type="date", allow_blank=True)
    blad.add_data_validation(datums)
    datums.add(f"H2:H{max(laatste, 2) + 200}")
    for rij in blad.iter_rows(min_row=2, min_col=8, max_col=8):
        for cel in rij:
            cel.number_format = "yyyy-mm-dd"
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = f"A1:{get_column_letter(len(KOLOMMEN))}{laatste}"
    for kolom, breedte in zip("ABCDEFGHIJ", (8, 5, 70, 10, 12, 28, 10, 12, 40, 40), strict=True):
        blad.column_dimensions[kolom].width = breedte
    for rij in blad.iter_rows(min_row=2, min_col=3, max_col=3):
        for cel in rij:
            cel.alignment = Alignment(wrap_text=True, vertical="top")
    if start_here(c):  # right after the register: the actions to start with, and why now
        begin = boek.create_sheet(t("begin_hier", taal), 1)
        append_row(begin, ["#", "id", t("actie", taal), t("waarom_nu", taal)])
        for cel in begin[1]:
            cel.font = Font(bold=True)
        for i, a in enumerate(start_here(c), start=1):
            append_row(begin, [i, a["id"], a["tekst"], a.get("waarom_nu", "")])
        for kolom, breedte in zip("ABCD", (4, 8, 70, 50), strict=True):
            begin.column_dimensions[kolom].width = breedte
        for rij in begin.iter_rows(min_row=2, min_col=3, max_col=4):
            for cel in rij:
                cel.alignment = Alignment(wrap_text=True, vertical="top")
    if c.get("voortgang"):
        voortgang = boek.create_sheet("Voortgang")
        append_row(voortgang, [t("voortgang", taal), c["voortgang"]["peildatum"]])
        for regel in _progress_lines(c):
            append_row(voortgang, [regel])
    over = boek.create_sheet(OVER)  # which checklist this register belongs to (checked when read back)
    append_row(over, ["gemeente", c["context"]["gemeente"]])
    append_row(over, ["wijk", c["context"].get("wijk") or ""])
    profiel = boek.create_sheet("Profiel")
    append_row(profiel, [t("veld", taal), t("waarde", taal)])
    for sleutel, waarde in _profile_rows(c):
        append_row(profiel, [sleutel, waarde])
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
