"""P5: cold start to the first painted window (offscreen), against a bare PySide6 window started
the same way in the same run. Timed from spawning the process to its "painted" line; one warm-up
of each first (the OS file cache), then alternating runs, medians compared."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.report import Row, verdict
from tests.perf.sandbox_proc import REPO

TARGET = 1.5
TIMEOUT = 60
NOTE = ("P5: `python -m app` (no key, a fresh --data-dir, --api-base of a closed loopback port, "
        "nothing contacted before the window paints) vs a QMainWindow with a QLabel; both "
        "offscreen, timed from spawning the process to the first Paint event of the main window.")


def time_to_paint(kind: str, data_dir: Path) -> float:
    args = [sys.executable, "-m", "tests.perf.startup_child", kind]
    if kind == "app":
        args += ["--data-dir", str(data_dir), "--api-base", "http://127.0.0.1:9"]
    env = {k: v for k, v in os.environ.items() if k != "VIDEOCONDUIT_API_KEY"}
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # the child exits right after it; bounded by TIMEOUT below
        elapsed = time.perf_counter() - started
        child.wait(timeout=TIMEOUT)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if line.strip() != "painted":
        raise RuntimeError(f"{kind} start-up did not paint (exit {child.returncode})")
    return elapsed


def run(quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    times: dict[str, list[float]] = {"bare": [], "app": []}
    with tempfile.TemporaryDirectory(prefix="vc-bench-start-") as tmp:
        for kind in times:  # warm-ups, not counted
            time_to_paint(kind, Path(tmp) / "warm")
        for n in range(runs):
            for kind in (("bare", "app") if n % 2 == 0 else ("app", "bare")):
                times[kind].append(time_to_paint(kind, Path(tmp) / f"{kind}{n}"))
    bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
    ratio = app / bare
    return [Row("P5", f"cold start to first paint (median of {runs})", f"{app * 1000:.0f} ms",
                f"bare PySide6 window {bare * 1000:.0f} ms", f"{ratio:.2f}", f"≤ {TARGET} × bare",
                verdict(ratio <= TARGET))]
