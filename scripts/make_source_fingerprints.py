"""Write hashed 7-word fingerprints of the domain sources, for the 'own words' test.

The tests must not read ``../shared`` and the project must not ship the source texts, so we ship
only one-way hashes of every run of 7 words. The own-words tests (``tests/content/``,
``tests/site/``) check that no lesson
contains any of them. Re-run by hand when the domain texts change:

    .venv/bin/python scripts/make_source_fingerprints.py ../shared/domain/*.{txt,md}
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.base.own_words import fingerprints  # noqa: E402

DOEL = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bron_vingerafdrukken.txt"


def main(bestanden: list[str]) -> None:
    alle: set[str] = set()
    for naam in bestanden:
        alle |= fingerprints(Path(naam).read_text(encoding="utf-8"))
    DOEL.write_text("\n".join(sorted(alle)) + "\n", encoding="utf-8")
    print(f"{len(alle)} vingerafdrukken uit {len(bestanden)} bestanden naar {DOEL}")


if __name__ == "__main__":
    main(sys.argv[1:])
