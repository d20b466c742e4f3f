"""The kernel manager papermill uses for every run.

Kernels talk to papermill over IPC sockets (files in Jupyter's runtime folder) rather than TCP
ports on localhost: no ports means no port clashes when several runs start at once, and no warning
about unencrypted TCP traffic on the user's screen. Each kernel gets its own socket name, so runs in
parallel processes never pick the same socket file. The kernel process's own output is not
shown on the user's terminal.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any
from uuid import uuid4

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import CaselessStrEnum, default


class IpcKernelManager(AsyncKernelManager):
    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)
    #: Extra environment variables for the kernel process (see :func:`with_environment`).
    extra_env: dict[str, str] = {}

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        if self.extra_env:
            kw["env"] = {**kw.get("env", os.environ), **self.extra_env}
        # The kernel's own stdout/stderr carry only its housekeeping (for instance a warning when it
        # is interrupted while shutting down); what a notebook prints or raises comes back through
        # the kernel protocol into the executed notebook. Keep the user's terminal clean.
        kw.setdefault("stdout", subprocess.DEVNULL)
        kw.setdefault("stderr", subprocess.DEVNULL)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    @default("ip")
    def _unique_ipc_path(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        return str(runtime / f"warmtelessen-{uuid4().hex}-ipc")


def with_environment(env: dict[str, str]) -> type[IpcKernelManager]:
    """The kernel manager for one run whose kernel gets ``env`` on top of this process's environment
    (papermill takes a class; a class per run keeps parallel runs from seeing each other's values)."""
    if not env:
        return IpcKernelManager
    return type("IpcKernelManagerMetOmgeving", (IpcKernelManager,), {"extra_env": dict(env)})
