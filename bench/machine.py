"""The one-line description of the benchmark machine that every report page carries."""

from __future__ import annotations

import os
import platform


def machine() -> str:
    """CPU model, CPU count, kernel and Python: "Intel(R) Xeon(R) Processor, 2 CPUs, ..."."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()} "
        f"{platform.machine()}, Python {platform.python_version()}"
    )
