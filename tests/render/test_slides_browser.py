"""The workshop slides on a projector: every slide passes axe (WCAG 2.1 AA) in Chromium (issue 20:
reveal.js drew the slide number white on grey, a serious contrast violation on every slide)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.reports.registry import produce

AXE_WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_every_slide_passes_axe(tmp_path: Path, browser: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    gemaakt = produce("workshop-kit", {"lessen": [4, 6], "minuten": 90, "gemeente": "Wageningen"}, tmp_path, ["html"],
                      engine="inproces")  # fmt: skip
    (dias,) = [p for p in gemaakt.files if p.name == "dias.html"]
    pagina = browser.new_page()
    pagina.goto(dias.as_uri())
    pagina.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    aantal = pagina.evaluate("Reveal.getTotalSlides()")
    assert aantal >= 6
    gezien = []
    for _ in range(aantal):
        uitslag = Axe().run(pagina, options=AXE_WCAG21_AA)
        gezien += [(v["id"], [n["target"] for n in v["nodes"]]) for v in uitslag.response["violations"]
                   if v["impact"] in ("serious", "critical")]  # fmt: skip
        pagina.evaluate("Reveal.next()")
    pagina.close()
    assert gezien == []
