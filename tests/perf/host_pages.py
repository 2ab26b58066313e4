"""``python -m tests.perf.host_pages [PAIRS]``: what writing to tmpfs costs on pages this VM has
handed back to its host, against pages just touched and freed (``memory.host_backed``).

Each pair waits 5 s (the balloon reports free pages meanwhile), then writes 2 GiB to /dev/shm in
1 MiB writes, once as it comes and once right after host_backed. Prints MiB/s and CPU s/GiB.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from tests.perf import memory

MiB = 1 << 20
SIZE_MIB = 2048


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def write_seconds(path: str) -> tuple[float, float]:
    block = b"\0" * MiB
    started, cpu = time.perf_counter(), cpu_seconds()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for _ in range(SIZE_MIB):
            os.write(fd, block)
    finally:
        os.close(fd)
        os.unlink(path)
    return time.perf_counter() - started, cpu_seconds() - cpu


def main() -> None:
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for _ in range(pairs):
        for touched in (False, True):
            time.sleep(5)
            if touched:
                memory.host_backed(SIZE_MIB * MiB)
            seconds, cpu = write_seconds("/dev/shm/vc-host-pages.bin")
            print(f"{'touched first' if touched else 'as it comes  '}  {SIZE_MIB / seconds:6,.0f} MiB/s"
                  f"  {cpu / (SIZE_MIB / 1024):.2f} CPU s/GiB", flush=True)


if __name__ == "__main__":
    main()
