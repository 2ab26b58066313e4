"""The real window (context, engine, MainWindow, Presenter on a qasync loop, offscreen) against a
sandbox in another process. Prints one JSON line.

    python -m tests.perf.ui_child paste N API_BASE API_KEY DOWNLOAD_DIR DATA_DIR
        P4: one paste of N links (the window's Paste command) until the table has painted them.
    python -m tests.perf.ui_child stall N API_BASE API_KEY DOWNLOAD_DIR DATA_DIR
        P3: lateness of a 5 ms timer with N items queued and paused (idle), then with 8 of them
        downloading at full speed.
    python -m tests.perf.ui_child rows_memory N API_BASE API_KEY DOWNLOAD_DIR DATA_DIR
        Memory: resident memory of the window with N stored items (paused) loaded and painted
        (run once with N = 0 for the empty-queue reference).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
IDLE_SECONDS = 3.0
BUSY_SECONDS = 5.0
CONCURRENCY = 8
FILE_SIZE = 1 << 30  # each transfer runs longer than the measurement
_loops: list[Any] = []  # qasync loops stay referenced (engineering notes, trap 1)


def link(n: int) -> str:
    return f"https://example.com/bench/v{n}?size={FILE_SIZE}"


class TickRecorder:
    """A repeating 5 ms QTimer; lateness = actual interval − 5 ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.times: list[float] = []

    def _tick(self) -> None:
        self.times.append(time.perf_counter())

    async def record(self, seconds: float) -> dict[str, float]:
        self.times = []
        self.timer.start()
        await asyncio.sleep(seconds)
        self.timer.stop()
        late = sorted(max(0.0, (b - a) * 1000 - TICK_MS) for a, b in itertools.pairwise(self.times))
        if not late:
            return {"p99": float("nan"), "max": float("nan"), "ticks": 0}
        return {"p99": late[min(len(late) - 1, int(len(late) * 0.99))], "max": late[-1],
                "ticks": len(late)}


def build(api_base: str, key: str, download_dir: Path, data_dir: Path) -> Any:
    from keyring.backends import fail

    from app.context import SandboxInfo, build_context
    from app.keys import ENV_VARIABLE, KeyStore
    from app.settings import AppPaths, SettingsStore

    paths = AppPaths(data_dir)
    settings_store = SettingsStore.for_paths(paths)
    settings = settings_store.load()
    settings.download_dir = download_dir
    key_store = KeyStore(backend=fail.Keyring(), env={ENV_VARIABLE: key})
    context = build_context(paths, settings, settings_store, key_store, use_sandbox=False,
                            api_base=api_base, download_dir=download_dir, concurrency=CONCURRENCY)
    # As the UI tests do: the sandbox banner instead of the first-run welcome.
    context.sandbox = SandboxInfo(api_base, "", key, f"{api_base}/billing")
    return context


async def open_window(context: Any) -> Any:
    from app.ui.main_window import MainWindow
    from app.ui.presenter import Presenter

    await context.engine.start()
    window = MainWindow(context)
    window.presenter = Presenter(window, context)
    window.presenter.start()
    window.resize(1100, 700)
    window.show()
    await asyncio.sleep(0.5)  # first paints, banners
    return window


class PaintWatch:
    """Resolves once the table's viewport paints with at least `rows` rows in the model."""

    def __init__(self, window: Any, rows: int) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        model, viewport = window.model, window.view.viewport()

        class Filter(QObject):
            def eventFilter(inner, watched: Any, event: Any) -> bool:  # noqa: N805
                if (event.type() == QEvent.Type.Paint and model.rowCount() >= rows
                        and not self.future.done()):
                    self.future.set_result(time.perf_counter())
                return False

        self.filter = Filter()
        viewport.installEventFilter(self.filter)


async def paste(n: int, context: Any) -> dict[str, Any]:
    from PySide6.QtGui import QGuiApplication

    window = await open_window(context)
    QGuiApplication.clipboard().setText("\n".join(link(i) for i in range(n)))
    watch = PaintWatch(window, n)
    started = time.perf_counter()
    window.commands.paste.trigger()
    in_model = time.perf_counter()
    painted = await asyncio.wait_for(watch.future, 60)
    return {"rows": window.model.rowCount(), "seconds": painted - started,
            "in_model_seconds": in_model - started}


def preload_paused(data_dir: Path, n: int) -> None:
    """N queued items, paused, straight into the store (as a restart with a long queue would
    find them), so the idle reference has the same window and the same rows."""
    from app.api.models import DownloadOptions
    from app.settings import AppPaths
    from tests.stored_queue import store_links

    options = DownloadOptions().to_dict()
    store_links(AppPaths(data_dir).database, [link(i) for i in range(n)], state="paused",
                options=lambda _n: options, first_position=0)


async def stall(n: int, context: Any) -> dict[str, Any]:
    engine = context.engine
    window = await open_window(context)
    recorder = TickRecorder()
    idle = await recorder.record(IDLE_SECONDS)
    engine.resume([item.id for item in engine.items])
    deadline = time.monotonic() + 60
    while sum(1 for i in engine.items if i.state.value == "downloading" and i.bytes_done) < CONCURRENCY:
        if time.monotonic() > deadline:
            raise SystemExit("the transfers did not all start")
        await asyncio.sleep(0.05)
    before = sum(i.bytes_done for i in engine.items)
    busy = await recorder.record(BUSY_SECONDS)
    moved = sum(i.bytes_done for i in engine.items) - before
    downloading = sum(1 for i in engine.items if i.state.value == "downloading")
    engine.pause([item.id for item in engine.items])
    window.hide()
    return {"idle": idle, "busy": busy, "mb_per_s": moved / BUSY_SECONDS / 1e6,
            "downloading_at_end": downloading, "rows": window.model.rowCount()}


async def rows_memory(n: int, context: Any) -> dict[str, Any]:
    """RSS once the window shows all N stored rows and has painted them."""
    import gc

    from tests.perf import memory

    window = await open_window(context)
    watch = PaintWatch(window, n)
    window.view.viewport().update()
    await asyncio.wait_for(watch.future, 60)
    await asyncio.sleep(0.3)  # whatever the first paints leave behind settles
    gc.collect()
    return {"rows": window.model.rowCount(), "rss": memory.rss()}


MODES = {"paste": paste, "stall": stall, "rows_memory": rows_memory}


def main() -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    mode, n, api_base, key, download_dir, data_dir = sys.argv[1:7]
    count = int(n)
    if mode in ("stall", "rows_memory") and count:
        preload_paused(Path(data_dir), count)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    loop = qasync.QEventLoop(app)
    _loops.append(loop)
    asyncio.set_event_loop(loop)
    context = build(api_base, key, Path(download_dir), Path(data_dir))

    async def session() -> dict[str, Any]:
        try:
            return await MODES[mode](count, context)
        finally:
            await context.close()

    with loop:
        result = loop.run_until_complete(session())
    print(json.dumps(result), flush=True)
    os._exit(0)  # Qt teardown of 50,000 rows is not what is measured


if __name__ == "__main__":
    main()
