"""P3's floor: how late the same 5 ms timer runs in a bare Qt process (none of the app's code,
no qasync) while 8 curl processes download at full speed from the same sandbox into the same
kind of folder. What the machine itself does to any window's timer under that load — the CPU
the server, the kernel's copies and curl take — is then visible next to the app's figure.
Prints one JSON line.

    python -m tests.perf.floor_child DOWNLOAD_DIR URL [URL ...]
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.perf.ui_child import BUSY_SECONDS, TICK_MS  # noqa: E402 - after the platform is set

START_TIMEOUT = 60.0


def lateness(times: list[float]) -> dict[str, float]:
    late = sorted(max(0.0, (b - a) * 1000 - TICK_MS) for a, b in itertools.pairwise(times))
    return {"p99": late[min(len(late) - 1, int(len(late) * 0.99))], "max": late[-1],
            "ticks": len(late)}


def main() -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    folder, urls = Path(sys.argv[1]), sys.argv[2:]
    app = QApplication.instance() or QApplication([sys.argv[0]])
    files = [folder / f"floor-{n}.bin" for n in range(len(urls))]
    curls = [subprocess.Popen(["curl", "-sS", "-f", "-o", str(path), url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for path, url in zip(files, urls, strict=True)]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not all(path.exists() and path.stat().st_size for path in files):
            if time.monotonic() > deadline:
                raise SystemExit("the curl downloads did not all start")
            time.sleep(0.05)
        times: list[float] = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: times.append(time.perf_counter()))
        loop = QEventLoop()
        QTimer.singleShot(int(BUSY_SECONDS * 1000), loop.quit)
        before = sum(path.stat().st_size for path in files)
        timer.start()
        loop.exec()
        timer.stop()
        moved = sum(path.stat().st_size for path in files) - before
        running = sum(1 for curl in curls if curl.poll() is None)
    finally:
        for curl in curls:
            curl.kill()
            curl.wait()
        for path in files:
            path.unlink(missing_ok=True)
    del app
    print(json.dumps({"busy": lateness(times), "mb_per_s": moved / BUSY_SECONDS / 1e6,
                      "downloading_at_end": running}), flush=True)


if __name__ == "__main__":
    main()
