"""The kernel manager papermill uses for every run.

Kernels talk to papermill over IPC sockets (files in Jupyter's runtime folder) rather than TCP
ports on localhost: no ports means no port clashes when several runs start at once, and no warning
about unencrypted TCP traffic on the user's screen. Each kernel gets its own socket name, so runs in
parallel processes never pick the same socket file.
"""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import CaselessStrEnum, default


class IpcKernelManager(AsyncKernelManager):
    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _unique_ipc_path(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        return str(runtime / f"warmtelessen-{uuid4().hex}-ipc")
