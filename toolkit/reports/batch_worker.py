"""One batch run in its own process: ``python -m toolkit.reports.batch_worker`` with the run as JSON on stdin.

Each notebook gets its own process and so its own kernel (never many kernels from one process,
the pattern that makes parallel papermill runs fail at random). The result is one JSON line on
stdout. Exit codes: 0 done, 1 the run failed, 75 the kernel did not start (retry once).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from toolkit.base import KernelStartError, WarmteError

from .engine import run_notebook
from .registry import SPECS, produce

KERNEL_START_FOUT = 75


def written_since(map_: Path, sinds: float) -> list[str]:
    """The files in ``map_`` written by this run (a checklist notebook writes several)."""
    return sorted(
        str(p) for p in map_.iterdir() if p.is_file() and not p.name.startswith(".") and p.stat().st_mtime >= sinds
    )


def main() -> int:
    run = json.loads(sys.stdin.read())  # the fields of toolkit.reports.batch.Run
    start = time.perf_counter()
    start_tijd = time.time() - 1
    try:
        map_ = Path(run["map"])
        if run["soort"] in SPECS:
            # a batch keeps the executed notebook of every run, as its record
            formats = None if run.get("formats") is None else list(dict.fromkeys([*run["formats"], "ipynb"]))
            gemaakt = produce(run["soort"], run["parameters"], map_, formats, "papermill", subfolder=False)
            bestanden = sorted(str(p) for p in gemaakt.files)
        else:  # a notebook of its own, run as it is
            run_notebook(Path(run["notebook"]), run["parameters"], map_, run["bestandsnaam"],
                         taal=run.get("taal", "nl"), titel=run.get("titel"), html=run.get("html", True))  # fmt: skip
            bestanden = written_since(map_, start_tijd)
    except KernelStartError as fout:
        print(json.dumps({"status": "mislukt", "fout": str(fout), "duur": time.perf_counter() - start}))
        return KERNEL_START_FOUT
    except WarmteError as fout:
        print(json.dumps({"status": "mislukt", "fout": str(fout), "duur": time.perf_counter() - start}))
        return 1
    print(json.dumps({"status": "gelukt", "bestanden": bestanden, "duur": time.perf_counter() - start}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
