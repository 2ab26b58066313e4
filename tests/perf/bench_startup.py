"""P5: from spawning the process to the main window's first paint, on a private X server (Xvfb,
Qt's xcb platform) against a bare PySide6 window started the same way in the same run; then the
same with 50,000 links queued, offscreen as information, and the packaged bundle when one is built.

Byte-code is compiled beforehand (as an installed package ships it): otherwise each run would
compile the app's modules again where PYTHONDONTWRITEBYTECODE is set. One warm-up of each kind
first (the OS file cache), then alternating runs, medians compared.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.perf.report import Row, verdict
from tests.perf.sandbox_proc import REPO
from tests.stored_queue import links, store_links

TARGET = 1.5
LONG_QUEUE = 50_000
LONG_QUEUE_TARGET = 1.1
TIMEOUT = 60
BUNDLE = REPO / "dist" / "videoconduit-desktop" / "videoconduit-desktop"
# Imported by the session after the first paint; the probe says which the window needed before.
HEAVY = ("httpx", "keyring", "secretstorage", "aiohttp", "sqlite3", "asyncio", "qasync",
         "app.context", "app.engine.engine", "app.engine.store", "app.ui.presenter", "app.ui.dialogs")
NOTE = ("P5: from spawning the process to the end of the main window's first paint (the app's "
        "VIDEOCONDUIT_STARTUP_PROBE prints then; the bare window — a QMainWindow with a QLabel — "
        "prints at the same point), on a private Xvfb with Qt's xcb platform unless the row says "
        "offscreen. The app: `python -m app` with a fresh --data-dir, no key and an --api-base of "
        "a closed loopback port (nothing is contacted before the paint); 50k: the same with "
        "50,000 links stored in its queue. Qt's share: `tests.perf.startup_child widgets` builds the "
        "window's kinds of widgets (toolbar of SVG-icon actions, table view with a painted "
        "placeholder, combo boxes, status bar labels) with none of the app's code, set through Qt's "
        "enums — whose namespace (~100 enums) the app's first frame no longer builds "
        "(app.ui.qt_values), so the app can come close to this row. "
        "Byte-code compiled beforehand, as packages ship it. "
        f"Heavy modules, which the window imports only after its first paint: {', '.join(HEAVY)}.")


@contextmanager
def private_display() -> Iterator[str | None]:
    """DISPLAY of a private Xvfb, or None where there is none (the xcb rows are then skipped)."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24",
                               "-nolisten", "tcp"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)
    try:
        assert server.stdout is not None
        number = server.stdout.readline().strip()  # Xvfb writes it once it accepts clients
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=10)


def child_env(platform: str, display: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIDEOCONDUIT_API_KEY", "DISPLAY")}
    env.update(QT_QPA_PLATFORM=platform, VIDEOCONDUIT_STARTUP_PROBE="1")
    if display:
        env["DISPLAY"] = display
    return env


imported_before_paint: list[str] = []  # the last app run's, from its probe


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # bounded: the child is killed below if it hangs
        elapsed = time.perf_counter() - started
        after = child.stdout.readline()  # the app's probe: what it imported (the bare one exits)
        if after.startswith("imported:"):
            imported_before_paint[:] = after.split()[1:]
    finally:
        child.kill()
        child.wait(timeout=TIMEOUT)
    if line.strip() != "painted":
        raise RuntimeError(f"{command[:3]} did not paint (exit {child.returncode})")
    return elapsed


def imports_row() -> Row:
    modules = imported_before_paint
    ours = [name for name in modules if name == "app" or name.startswith("app.")]
    heavy = [name for name in HEAVY if name in modules]
    return Row("P5·imports", "modules imported before the first paint",
               f"{len(modules)} ({len(ours)} of the app)",
               "of the heavy ones (see note): " + (", ".join(heavy) if heavy else "none"))


def store_long_queue(data_dir: Path, count: int) -> None:
    """`count` waiting links in the queue database of `data_dir`, as the app stores them."""
    from app.settings import AppPaths

    store_links(AppPaths(data_dir).queue_database(sandbox=False), links(count, "long-queue-"))


class Runner:
    """Commands by kind, each run in a fresh copy of its data folder."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.empty = tmp / "empty-data"
        self.long = tmp / "long-data"
        store_long_queue(self.long, LONG_QUEUE)
        self.count = 0

    def command(self, kind: str) -> list[str]:
        self.count += 1
        if kind in ("bare", "widgets"):
            return [sys.executable, "-m", "tests.perf.startup_child", *([kind] if kind == "widgets" else [])]
        data = self.tmp / f"run{self.count}"
        if kind == "long":
            shutil.copytree(self.long, data)
        program = [str(BUNDLE)] if kind == "bundle" else [sys.executable, "-m", "app"]
        return [*program, "--data-dir", str(data), "--api-base", "http://127.0.0.1:9",
                "--download-dir", str(self.tmp / "downloads")]

    def medians(self, kinds: tuple[str, ...], runs: int, env: dict[str, str]) -> dict[str, float]:
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        for kind in kinds:  # warm-ups, not counted
            time_to_paint(self.command(kind), env)
        for n in range(runs):
            for kind in (kinds if n % 2 == 0 else tuple(reversed(kinds))):
                times[kind].append(time_to_paint(self.command(kind), env))
        return {kind: statistics.median(values) for kind, values in times.items()}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def run(quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    compileall.compile_dir(REPO / "app", quiet=1)
    compileall.compile_dir(REPO / "tests" / "perf", quiet=1)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="vc-bench-start-") as tmp, private_display() as display:
        runner = Runner(Path(tmp))
        if display:
            env = child_env("xcb", display)
            got = runner.medians(("bare", "widgets", "app", "long"), runs, env)
            ratio = got["app"] / got["bare"]
            rows.append(Row("P5", f"start to first paint, Xvfb/xcb (median of {runs})", _ms(got["app"]),
                            f"bare PySide6 window {_ms(got['bare'])}", f"{ratio:.2f}",
                            f"≤ {TARGET} × bare", verdict(ratio <= TARGET)))
            long_ratio = got["long"] / got["app"]
            rows.append(Row("P5·50k", f"the same with {LONG_QUEUE:,} links queued (median of {runs})",
                            _ms(got["long"]), f"empty queue {_ms(got['app'])}", f"{long_ratio:.2f}",
                            f"≤ {LONG_QUEUE_TARGET} × empty", verdict(long_ratio <= LONG_QUEUE_TARGET)))
            rows.append(Row("P5·Qt", f"Qt's share: the same kinds of widgets, no app code (median of {runs})",
                            _ms(got["widgets"]), f"bare PySide6 window {_ms(got['bare'])}",
                            f"{got['widgets'] / got['bare']:.2f}"))
            rows.append(imports_row())
            if BUNDLE.is_file():
                got = runner.medians(("bare", "bundle"), runs, env)
                rows.append(Row("P5·bundle", f"packaged bundle, Xvfb/xcb (median of {runs})",
                                _ms(got["bundle"]), f"bare PySide6 window {_ms(got['bare'])}",
                                f"{got['bundle'] / got['bare']:.2f}"))
            else:
                rows.append(Row("P5·bundle", "packaged bundle: not built (make package)", "—"))
        else:
            rows.append(Row("P5", "start to first paint, Xvfb/xcb: no Xvfb here", "—",
                            target=f"≤ {TARGET} × bare", verdict="MISS"))
        got = runner.medians(("bare", "app"), runs, child_env("offscreen", None))
        rows.append(Row("P5·offscreen", f"start to first paint, offscreen (median of {runs})",
                        _ms(got["app"]), f"bare PySide6 window {_ms(got['bare'])}",
                        f"{got['app'] / got['bare']:.2f}"))
    return rows
