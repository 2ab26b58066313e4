"""Sizes of the built artefacts and start-up times of the one-folder bundle (a benchmark, not a test).

    python packaging/measure.py [--runs N] [--drop-caches]

Times are wall-clock, offscreen (QT_QPA_PLATFORM=offscreen), median of N runs after one warm-up
run. --drop-caches (root on Linux) also times one run with an empty page cache: a true cold start
after boot. Targets from the packaging issue: .deb <= 90 MB, start to first window <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = "videoconduit-desktop"
EXECUTABLE = DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
MB = 1024 * 1024
# No run may take longer: a marker that never comes (or a hung start) fails the run, never the CI job.
DEADLINE_SECONDS = 90.0


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def artefact_sizes() -> list[tuple[str, int]]:
    rows = [(f"{NAME}/ (one-folder bundle)", tree_size(DIST / NAME))] if (DIST / NAME).is_dir() else []
    for pattern in ("*.tar.gz", "*.deb", "*.rpm", "*.dmg", "*-setup.exe"):
        rows += [(path.name, path.stat().st_size) for path in sorted(DIST.glob(pattern))]
    return rows


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"VIDEOCONDUIT_API_KEY", "DISPLAY"}}
    # Qt logs to stderr even where it would use the debugger channel (a Windows GUI program
    # without a console): the markers below are read from stderr.
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), QT_FORCE_STDERR_LOGGING="1",
               DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent")
    return env


def timed_run(args: list[str], until: str | None = None, env: dict[str, str] | None = None,
              program: list[str] | None = None, deadline: float = DEADLINE_SECONDS) -> float:
    """Seconds from spawn to exit or, with `until`, to the first stderr line containing it (the
    process is then stopped: a window session would otherwise run on). A run still going after
    `deadline` seconds is killed and reported."""
    with tempfile.TemporaryDirectory(prefix="vc-measure-") as work:
        command = [*(program or [str(EXECUTABLE)]), *[a.replace("{tmp}", work) for a in args]]
        start = time.perf_counter()
        process = subprocess.Popen(command, env={**environment(Path(work)), **(env or {})},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        watchdog = threading.Timer(deadline, process.kill)
        watchdog.start()
        try:
            for line in process.stderr:
                if until and until in line:
                    elapsed = time.perf_counter() - start
                    process.kill()
                    process.communicate(timeout=30)
                    return elapsed
            code = process.wait(timeout=deadline)
        finally:
            watchdog.cancel()
        elapsed = time.perf_counter() - start
        if elapsed >= deadline:
            raise SystemExit(f"{' '.join(command)} was stopped after {deadline:.0f} s"
                             f"{' without printing ' + repr(until) if until else ''}")
        if until or code != 0:
            raise SystemExit(f"{' '.join(command)} exited with {code} "
                             f"{'before printing ' + repr(until) if until else ''}")
        return elapsed


def drop_page_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


# Qt logs each flush of painted pixels to a window surface: the first is the window on screen.
FIRST_PAINT = {"QT_LOGGING_RULES": "qt.widgets.painting.debug=true"}
FIRST_PAINT_LINE = "qt.widgets.painting: Flushing"
# label → (arguments, stderr marker or None for "until exit", extra environment, needs the window)
SCENARIOS = {
    "--version, start to exit": (["--version"], None, {}, False),
    "headless, sandbox: start to sandbox up": (
        ["--sandbox", "--no-window", "--quit-when-done", "--data-dir", "{tmp}/S"],
        "embedded sandbox", {}, False),
    "headless, sandbox: one 8 MB download, start to exit": (
        ["--sandbox", "--no-window", "--quit-when-done", "https://example.com/watch/measure",
         "--download-dir", "{tmp}/D", "--data-dir", "{tmp}/S"], None, {}, False),
    "window, with an API key: start to first window": (
        ["--api-base", "http://127.0.0.1:9", "--data-dir", "{tmp}/S"], FIRST_PAINT_LINE,
        {**FIRST_PAINT, "VIDEOCONDUIT_API_KEY": "vc_measure_0123456789"}, True),
    "window, sandbox: start to first window": (
        ["--sandbox", "--data-dir", "{tmp}/S"], FIRST_PAINT_LINE, FIRST_PAINT, True),
}


def window_available() -> bool:
    return (ROOT / "app" / "ui" / "run.py").exists()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--drop-caches", action="store_true")
    args = parser.parse_args(argv)

    print("Artefact sizes")
    for name, size in artefact_sizes():
        print(f"  {name:<52} {size / MB:7.1f} MB")
    if not EXECUTABLE.is_file():
        print(f"No bundle at {EXECUTABLE}: build it with `make package`.")
        return 1

    print(f"Start-up of the bundle, offscreen (median of {args.runs} warm runs)")
    for label, (app_args, marker, env, needs_window) in SCENARIOS.items():
        if needs_window and not window_available():
            print(f"  {label}: skipped, the window has not landed")
            continue
        cold = ""
        if args.drop_caches and drop_page_cache():
            cold = f"   (cold page cache: {timed_run(app_args, marker, env):.2f} s)"
        timed_run(app_args, marker, env)  # warm-up
        median = statistics.median(timed_run(app_args, marker, env) for _ in range(args.runs))
        print(f"  {label:<52} {median:5.2f} s{cold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
