"""One batch run in its own process: ``python -m toolkit.batch_worker`` with the run as JSON on stdin.

Each notebook gets its own process and so its own kernel (never many kernels from one process,
the pattern that makes parallel papermill runs fail at random). The result is one JSON line on
stdout. Exit codes: 0 done, 1 the notebook failed, 75 the kernel did not start (retry once).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def written_since(map_: Path, sinds: float) -> list[str]:
    """The files in ``map_`` written by this run (a checklist notebook writes several)."""
    return sorted(
        str(p) for p in map_.iterdir() if p.is_file() and not p.name.startswith(".") and p.stat().st_mtime >= sinds
    )


def main() -> int:
    from .errors import KernelStartError, UserError
    from .runner import run_notebook

    run = json.loads(sys.stdin.read())
    start = time.perf_counter()
    start_tijd = time.time() - 1
    try:
        resultaat = run_notebook(
            Path(run["notebook"]),
            run["parameters"],
            Path(run["map"]),
            run["bestandsnaam"],
            taal=run.get("taal", "nl"),
            titel=run.get("titel"),
            html=run.get("html", True),
        )
    except KernelStartError as fout:
        print(json.dumps({"status": "mislukt", "fout": str(fout), "duur": time.perf_counter() - start}))
        return 75
    except UserError as fout:
        print(json.dumps({"status": "mislukt", "fout": str(fout), "duur": time.perf_counter() - start}))
        return 1
    bestanden = written_since(Path(run["map"]), start_tijd)
    print(json.dumps({"status": "gelukt", "bestanden": bestanden, "duur": resultaat.duur}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
