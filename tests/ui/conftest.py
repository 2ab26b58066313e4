"""UI test set-up: the real app (sandbox, API client, store, engine, window, presenter) on a
qasync loop, and strictness about Qt warnings.

`running_app` is shared by every UI test file. It builds the AppContext the way the composition
root does (app.context.build_context), pointed at a sandbox running in a thread with short job
times, with a temporary data folder and download folder, and a MainWindow with its Presenter.
Drive it with qtbot.waitUntil / waitSignal from plain (non-async) tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import QtMsgType

# Qt messages that say nothing about our code (offscreen platform quirks).
_HARMLESS_QT_MESSAGES = (
    "This plugin does not support",
    "QSystemTrayIcon::setVisible: No Icon set",
    # The offscreen platform has no tray; tests that attach one anyway get this once.
    "QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qtlog) -> Iterator[None]:
    """A Qt warning during a UI test (a bad connection, a bad index…) fails the test."""
    yield
    bad = [
        record.message for record in qtlog.records
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not record.message.startswith(_HARMLESS_QT_MESSAGES)
    ]
    if bad:
        pytest.fail("Qt warned during the test:\n" + "\n".join(bad), pytrace=False)


@dataclass
class RunningApp:
    context: Any  # app.context.AppContext
    window: Any  # app.ui.main_window.MainWindow
    sandbox: Any  # app.sandbox.ThreadedSandbox: .admin, .api_base, .file_base, .api_key
    data_dir: Path
    download_dir: Path
    qtbot: Any
    opened_urls: list[str] = field(default_factory=list)

    @property
    def engine(self) -> Any:
        return self.context.engine

    def run(self, awaitable: Awaitable[Any], timeout: float = 10.0) -> Any:
        """Run a coroutine on the qasync loop from a plain test, spinning Qt until it is done."""
        future = asyncio.ensure_future(awaitable)
        self.qtbot.waitUntil(future.done, timeout=int(timeout * 1000))
        return future.result()

    def wait_for_items(self, predicate, timeout: float = 10.0) -> None:
        """Wait until predicate(engine.items) holds."""
        self.qtbot.waitUntil(lambda: predicate(self.engine.items), timeout=int(timeout * 1000))


def sandbox_options(**overrides: Any) -> dict[str, Any]:
    """Fast defaults for UI tests: quick jobs, small files, plenty of credits."""
    options: dict[str, Any] = {"plan": "business", "credits": 1000, "job_seconds": 0.3,
                               "default_size": 200_000}
    options.update(overrides)
    return options


@pytest.fixture
def sandbox_settings() -> dict[str, Any]:
    """Override in a test module (or parametrize indirectly) to start the sandbox differently."""
    return sandbox_options()


@pytest.fixture
def sandbox(sandbox_settings):
    from app.sandbox import run_in_thread

    with run_in_thread(**sandbox_settings) as server:
        yield server


def build_running_app(qtbot, tmp_path: Path, sandbox) -> RunningApp:
    from app.context import SandboxInfo, build_context
    from app.keys import ENV_VARIABLE, KeyStore
    from app.settings import AppPaths, SettingsStore
    from app.ui.main_window import MainWindow
    from app.ui.presenter import Presenter

    data_dir = tmp_path / "data"
    download_dir = tmp_path / "downloads"
    download_dir.mkdir(parents=True)
    paths = AppPaths(data_dir)
    settings_store = SettingsStore.for_paths(paths)
    settings = settings_store.load()
    settings.download_dir = download_dir
    # No system keyring in tests: the sandbox's key comes in through the environment mapping.
    key_store = KeyStore(backend=fail.Keyring(), env={ENV_VARIABLE: sandbox.api_key})
    context = build_context(paths, settings, settings_store, key_store, use_sandbox=False,
                            api_base=sandbox.api_base, download_dir=download_dir)
    context.sandbox = SandboxInfo(sandbox.api_base, sandbox.file_base, sandbox.api_key,
                                  f"{sandbox.api_base}/billing")
    app = RunningApp(context, None, sandbox, data_dir, download_dir, qtbot)
    context.open_url = app.opened_urls.append
    app.run(context.engine.start())
    window = MainWindow(context)
    window.presenter = Presenter(window, context)
    window.presenter.start()
    window.show()
    qtbot.waitExposed(window)
    app.window = window
    return app


def _stop_executor_threads() -> None:
    """httpx resolves names through loop.run_in_executor; qasync runs those on QThreads that it
    stops only in loop.close() — and our loops are never closed (see tests/conftest.py). Stop
    them here, or Qt complains at exit that a running QThread was destroyed."""
    loop = asyncio.get_event_loop()
    executor = getattr(loop, "_QEventLoop__default_executor", None)
    if executor is not None:
        executor.shutdown(wait=True)
        loop._QEventLoop__default_executor = None  # type: ignore[attr-defined]


def shut_down(app: RunningApp) -> None:
    app.run(app.context.close(), timeout=15)
    _stop_executor_threads()
    window = app.window
    if window is not None:
        window._quitting = True  # the engine is closed: no question to ask
        window.close()
        window.deleteLater()
        app.qtbot.wait(1)  # deliver the deferred delete while the qasync loop still exists


@pytest.fixture
def running_app(qtbot, qasync_loop, tmp_path, sandbox) -> Iterator[RunningApp]:
    app = build_running_app(qtbot, tmp_path, sandbox)
    try:
        yield app
    finally:
        shut_down(app)


def mime_data(formats: dict[str, bytes]):
    """A QMimeData holding exactly these formats, as a browser or file manager would offer them."""
    from PySide6.QtCore import QByteArray, QMimeData

    mime = QMimeData()
    for fmt, data in formats.items():
        mime.setData(fmt, QByteArray(data))
    return mime


def drop_on(widget, mime) -> bool:
    """Drag `mime` over `widget` and drop it there, as a real drag would. Returns whether the
    drop was accepted. Events go straight to the widget (a parent would not pass them down)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    point = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = _drag_event(QDragEnterEvent, point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = _drag_event(QDragMoveEvent, point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def _drag_event(kind, point, *rest):
    """Qt 6.12 takes a QPointF (and warns about QPoint); earlier versions take only a QPoint."""
    try:
        return kind(point, *rest)
    except TypeError:
        return kind(point.toPoint(), *rest)
