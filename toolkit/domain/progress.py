"""Progress from a team's action register (``actieregister.xlsx``): statuses, deadlines, overdue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from toolkit.base import UnreadableSheet, UserError, fold, read_sheets, shown_path, t
from toolkit.content import kennisbank

STATUSSEN = ("open", "bezig", "gedaan", "n.v.t.")
KOLOMMEN = ("id", "les", "actie", "prioriteit", "eigenaar", "fase", "status", "deadline", "opmerkingen",
            "wettelijk_kader")  # fmt: skip


#: The sheet that says which checklist a register belongs to, and its rows.
OVER = "Over"
OVER_RIJEN = ("gemeente", "wijk")
#: The key :func:`read_register` stores the register's owner under (not an action id).
EIGENAAR = "__voor__"


#: The key under which :func:`read_register` lists the cells it could not read (not an action id).
NIET_GELEZEN = "__niet_gelezen__"


def column_label(kolom: str, taal: str) -> str:
    """The header of a register column as the team sees it ("Wettelijk kader"); read back as well
    as the key itself."""
    return t(f"register.kolom.{kolom}", taal)


def _header_keys() -> dict[str, str]:
    """Every header text a register may have (key or label, any language, any case) -> key."""
    namen: dict[str, str] = {}
    for kolom in KOLOMMEN:
        for naam in (kolom, column_label(kolom, "nl"), column_label(kolom, "en")):
            namen[fold(naam).strip()] = kolom
    return namen


def _sheets(pad: Path, naam: str) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every sheet of an ``.xlsx`` or ``.ods`` register."""
    try:
        return read_sheets(pad)
    except FileNotFoundError:
        raise UserError(f"{naam}: --voortgang: bestand bestaat niet") from None
    except UnreadableSheet as fout:
        if fout.grens:
            raise UserError(f"{naam}: --voortgang: {fout.reden}", fout.grens.in_language) from None
        if pad.suffix.lower() == ".ods":
            raise UserError(f"{naam}: --voortgang: geen ODS-bestand (een actieregister.ods van warmtelessen)") from None
        raise UserError(f"{naam}: --voortgang: geen Excel-bestand (een actieregister.xlsx van warmtelessen)") from None


def read_register(
    pad: Path, naam: str | None = None, samengevoegd: Mapping[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    """Statuses, deadlines and notes per action id from an action register written by the toolkit
    (``.xlsx`` or ``.ods``; and, under :data:`EIGENAAR`, the municipality and wijk it was made for,
    when it says so).

    ``naam`` is how the file is named in messages (an upload's own name). A file that is not such a
    register is refused in one line. A status typed in another case or with spaces (``Gedaan ``)
    counts; a cell that still cannot be read is named under :data:`NIET_GELEZEN` and its row is
    left as it was (open), instead of refusing the whole file. A row with the id of an action that
    was merged into another (``samengevoegd``, default: ``lessons/acties/samengevoegd.yaml``) counts
    for that action: see :func:`map_merged_ids`.
    """

    naam = naam or shown_path(pad)
    bladen = _sheets(pad, naam)
    rijen = iter(bladen.get("Acties") or next(iter(bladen.values()), []))
    namen = _header_keys()
    kop = [namen.get(fold(str(k)).strip(), "") if k is not None else "" for k in next(rijen, ())]
    ontbrekend = [k for k in ("id", "status", "deadline") if k not in kop]
    if ontbrekend:
        raise UserError(
            f"{naam}: --voortgang: geen actieregister: kolom ontbreekt: {', '.join(ontbrekend)} "
            f"(kolommen: {', '.join(KOLOMMEN)})"
        )
    index = {k: kop.index(k) for k in KOLOMMEN if k in kop}
    uit: dict[str, dict[str, Any]] = {}
    niet_gelezen: list[str] = []

    def cel(kolom: str, nummer: int) -> str:
        return f"{get_column_letter(index[kolom] + 1)}{nummer}"

    for nummer, rij in enumerate(rijen, start=2):
        actie_id = rij[index["id"]] if index["id"] < len(rij) else None
        if actie_id is None or str(actie_id).strip() == "":
            continue
        ruw = rij[index["status"]] if index["status"] < len(rij) else None
        status = " ".join(str(ruw or "open").split()).lower()
        if status not in STATUSSEN:
            toegestaan = ", ".join(STATUSSEN)
            niet_gelezen.append(f"cel {cel('status', nummer)}: status {str(ruw)!r} (toegestaan: {toegestaan})")
            status = "open"
        deadline = rij[index["deadline"]] if index["deadline"] < len(rij) else None
        if isinstance(deadline, datetime):
            deadline = deadline.date()
        elif isinstance(deadline, str) and deadline.strip():
            try:
                deadline = date.fromisoformat(deadline.strip()[:10])
            except ValueError:
                niet_gelezen.append(f"cel {cel('deadline', nummer)}: deadline {deadline!r} (een datum, JJJJ-MM-DD)")
                deadline = None
        elif not isinstance(deadline, date):
            deadline = None
        opmerking = rij[index["opmerkingen"]] if "opmerkingen" in index and index["opmerkingen"] < len(rij) else None
        uit[str(actie_id).strip()] = {
            "status": status,
            "deadline": deadline.isoformat() if deadline else None,
            "opmerkingen": str(opmerking) if opmerking is not None else "",
        }
    if OVER in bladen:
        over = {str(r[0]): r[1] for r in bladen[OVER] if r and len(r) > 1 and r[0] in OVER_RIJEN}
        uit[EIGENAAR] = {"gemeente": over.get("gemeente") or "", "wijk": over.get("wijk") or "", "bestand": naam}
    uit = map_merged_ids(uit, kennisbank().samengevoegd if samengevoegd is None else samengevoegd)
    if niet_gelezen:
        uit[NIET_GELEZEN] = {"bestand": naam, "cellen": niet_gelezen}
    return uit


#: From least to most done: a merged action is only as far as its least advanced part.
_VOLGORDE = ("open", "bezig", "gedaan")


def map_merged_ids(register: dict[str, dict[str, Any]], samengevoegd: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Rows of old ids count for the action they were merged into, which gets ``voorheen`` (the old
    ids). Several rows for one action: the least advanced status (``n.v.t.`` only when all are), the
    earliest deadline, and every note."""
    groepen: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for actie_id, rij in register.items():
        groepen.setdefault(samengevoegd.get(actie_id, actie_id), []).append((actie_id, rij))
    uit: dict[str, dict[str, Any]] = {}
    for actie_id, rijen in groepen.items():
        oud = [o for o, _ in rijen if o != actie_id]
        if not oud:
            uit[actie_id] = rijen[0][1]
            continue
        statussen = [r["status"] for _, r in rijen if r["status"] != "n.v.t."]
        deadlines = sorted(r["deadline"] for _, r in rijen if r["deadline"])
        uit[actie_id] = {
            "status": min(statussen, key=_VOLGORDE.index) if statussen else "n.v.t.",
            "deadline": deadlines[0] if deadlines else None,
            "opmerkingen": " | ".join(r["opmerkingen"] for _, r in rijen if r["opmerkingen"]),
            "voorheen": sorted(oud),
        }
    return uit


def get_column_letter(nummer: int) -> str:
    """``1`` -> ``A``, ``27`` -> ``AA`` (the column names of a spreadsheet)."""
    letters = ""
    while nummer:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def register_owner(register: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    return register.get(EIGENAAR)


def check_register_fits(naam: str, register: dict[str, dict[str, Any]], checklist: Mapping[str, Any]) -> None:
    """A register made for another municipality or wijk, or that shares no action with this
    checklist, is refused with one line (its statuses would land on the wrong actions)."""

    eigenaar = register_owner(register)
    context = checklist["context"]
    hier = (context["gemeente"], context.get("wijk") or "")
    if eigenaar is not None and (fold(eigenaar["gemeente"]), fold(eigenaar["wijk"])) != tuple(map(fold, hier)):
        daar = ", ".join(x for x in (eigenaar["gemeente"], eigenaar["wijk"]) if x)
        raise UserError(
            f"{naam}: --voortgang: dit register hoort bij {daar}, niet bij {', '.join(x for x in hier if x)} "
            "(maak de checklist met het profiel van dat register, of begin met het nieuwe register)"
        )
    ids = {k for k in register if k not in (EIGENAAR, NIET_GELEZEN)}
    if ids and not ids & {a["id"] for a in checklist["acties"]}:
        raise UserError(f"{naam}: --voortgang: geen enkele actie van dit register staat in deze checklist "
                        "(is het het register van een ander profiel?)")  # fmt: skip


def summarise(acties: Sequence[Mapping[str, Any]], peildatum: date) -> dict[str, Any]:
    """Share done per lesson and overall (n.v.t. does not count), and overdue deadlines."""
    per_les: dict[str, dict[str, Any]] = {}
    te_laat: list[dict[str, Any]] = []
    totaal = gedaan = 0
    for actie in acties:
        v = actie["voortgang"]
        les = per_les.setdefault(str(actie["les"]), {"acties": 0, "gedaan": 0, "aandeel_gedaan": 0.0})
        if v["status"] != "n.v.t.":
            les["acties"] += 1
            totaal += 1
            if v["status"] == "gedaan":
                les["gedaan"] += 1
                gedaan += 1
        if v["deadline"] and v["status"] not in ("gedaan", "n.v.t.") and date.fromisoformat(v["deadline"]) < peildatum:
            te_laat.append({"id": actie["id"], "deadline": v["deadline"], "status": v["status"]})
    for les in per_les.values():
        les["aandeel_gedaan"] = round(les["gedaan"] / les["acties"], 3) if les["acties"] else 0.0
    return {
        "peildatum": peildatum.isoformat(),
        "per_les": per_les,
        "totaal": {"acties": totaal, "gedaan": gedaan, "aandeel_gedaan": round(gedaan / totaal, 3) if totaal else 0.0},
        "te_laat": te_laat,
    }
