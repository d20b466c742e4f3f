"""Reports as a person prints them: on A4 no table is wider than the page (in a real browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.content.catalog import case_ids
from toolkit.reports.registry import produce

#: A4 (210 mm) minus the side margins of the style sheet's @page (2 x 16 mm), at 96 px per inch.
A4_BREEDTE = round((210 - 2 * 16) / 25.4 * 96)


def test_no_table_is_wider_than_an_a4_page(browser: Any, tmp_path: Path) -> None:
    bestanden = [f for c in case_ids() for f in produce("casus", {"casus": c}, tmp_path, ["html"], "inproces").files]
    bestanden += produce("vergelijking", {"met_fictief": True, "taal": "en"}, tmp_path, ["html"], "inproces").files
    profiel = {"gemeente": "Wageningen", "wijk": "WK028907"}
    bestanden += produce("checklist", {"profiel": profiel}, tmp_path, ["html"], "inproces").files
    pagina = browser.new_page(viewport={"width": A4_BREEDTE, "height": 1100})
    pagina.emulate_media(media="print")
    te_breed: list[tuple[str, int]] = []
    gebroken: list[tuple[str, str]] = []
    for pad in bestanden:
        pagina.goto(pad.as_uri())
        assert pagina.evaluate("document.querySelectorAll('table').length") > 0, pad.name
        breedtes = pagina.evaluate("[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right)")
        te_breed += [(pad.name, round(b)) for b in breedtes if b > A4_BREEDTE + 1]
        assert pagina.evaluate("document.documentElement.scrollWidth") <= A4_BREEDTE + 1, pad.name
        gebroken += [(pad.name, w) for w in pagina.evaluate(GEBROKEN_WOORDEN)]
    pagina.close()
    assert te_breed == []
    assert gebroken == []  # no word in a table cell is cut over two lines ("Gemeent|e", "202|3")


#: Every word (letters and digits, at most 25 characters: not an address) in a table cell that the
#: browser laid out over more than one line.
GEBROKEN_WOORDEN = """(() => {
  const uit = [];
  for (const cel of document.querySelectorAll('td, th')) {
    const lopen = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
    for (let knoop = lopen.nextNode(); knoop; knoop = lopen.nextNode()) {
      for (const m of knoop.textContent.matchAll(/[\\p{L}\\p{N}]{4,25}/gu)) {
        const r = document.createRange();
        r.setStart(knoop, m.index); r.setEnd(knoop, m.index + m[0].length);
        const regels = new Set([...r.getClientRects()].map(k => Math.round(k.top)));
        if (regels.size > 1) uit.push(m[0]);
      }
    }
  }
  return uit;
})()"""


def test_a_case_report_links_work_without_other_reports_made_first(tmp_path: Path) -> None:
    """Every relative link in a case report lands on a file, though nothing else was made before."""
    import re

    gemaakt = produce("casus", {"casus": case_ids()[0]}, tmp_path, ["html"], "inproces")
    html = gemaakt.files[0].read_text(encoding="utf-8")
    links = set(re.findall(r'href="(\.\./[^"#]+)"', html))
    assert links and all((gemaakt.files[0].parent / link).resolve().is_file() for link in links)
