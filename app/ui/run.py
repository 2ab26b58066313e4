"""The window side of the composition root: QApplication, the qasync loop, the window and its
presenter, and the hand-off channel of the queue this process owns (app.instance). Called only by
``app.main``."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:  # imported after the first paint
    from app.context import AppContext
    from app.instance import QueueOwner
    from app.ui.main_window import MainWindow, WindowStart
    from app.ui.platform_requests import PlatformRequests

log = logging.getLogger("app.ui")
FIRST_PAINT_WAIT_MS = 2000  # a window that never paints (minimised at start) must not hold us up
# Set: after the first paint, print "painted" and the modules imported so far (tests/perf, tests).
STARTUP_PROBE = "VIDEOCONDUIT_STARTUP_PROBE"


def run_window(start: WindowStart, build: Callable[[], AppContext], urls: list[str],
               owner: QueueOwner | None = None, *, held: list[str] | None = None,
               quit_when_done: bool, screenshot: Path | None, argv: list[str],
               print_progress: bool = False) -> int:
    """Shows the window, then — after its first paint — builds the context with `build` on a
    worker thread and runs the session. `owner` holds this queue's lock; links from later
    launches reach the window through it."""
    from PySide6.QtWidgets import QApplication

    from app.ui import theme
    from app.ui.formatting import set_number_locale
    from app.ui.main_window import MainWindow
    from app.ui.translations import install_translator, ui_locale

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)  # the window decides (close to tray, confirm quitting)
    if install_translator(app, ui_locale()):  # before any widget exists: every tr() sees it
        set_number_locale(ui_locale())
    theme.match_windows_dark_mode()  # the rest of following the scheme waits for the paint

    window = MainWindow(start, attach=False)
    window.show()
    if not _wait_for_first_paint(window):  # a Quit now ends Qt's loops: nothing is open yet
        log.info("the application was told to exit before its window had painted")
        window.hide()
        return 0
    # From now on a Quit (Cmd+Q …) becomes the window's own. Not before the paint: an
    # application-wide filter sees every event of every object, and the first one makes PySide
    # create the Python types of all QObject subclasses (~150 enums, ~15 ms).
    router = _route_platform_requests(window)

    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        session = loop.create_task(_session(build, urls, owner, quit_when_done, screenshot,
                                            held or [], window=window, router=router,
                                            print_progress=print_progress))
        try:
            return loop.run_until_complete(session)
        except RuntimeError:
            if session.done():
                raise
        # Qt stopped the loop under the session (QCoreApplication.exit(): nothing can refuse it):
        # the session still closes the queue, on a loop that runs until it has.
        log.info("the event loop was stopped before the session ended; closing the queue")
        session.cancel()
        try:
            return loop.run_until_complete(session)
        except asyncio.CancelledError:
            return 0


def _route_platform_requests(window: MainWindow) -> PlatformRequests:
    from PySide6.QtWidgets import QApplication

    from app.ui.platform_requests import PlatformRequests

    on_mac = sys.platform == "darwin"  # only macOS re-opens from the Dock and opens links this way
    return PlatformRequests(QApplication.instance(), window.request_quit,
                            reshow=window.reshow if on_mac else None,
                            receive_links=window.receive_links if on_mac else None)


def _wait_for_first_paint(window: MainWindow) -> bool:
    """Run Qt's own loop until the window has painted once: what follows (imports, the store,
    the engine) then happens behind a window that is already there. False when something told
    the application to exit meanwhile (QCoreApplication.exit() ends every running loop)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    waiting = QEventLoop()
    ended_by_us: list[bool] = []

    def stop() -> None:
        ended_by_us.append(True)
        waiting.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, stop)  # after this paint has been delivered
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, stop)
    waiting.exec()
    window.removeEventFilter(watcher)
    if os.environ.get(STARTUP_PROBE) and sys.stdout is not None:  # tests/perf times start-up
        print("painted", flush=True)
        # …and, as if a module, Qt's enum namespace once something built it (app.ui.qt_values)
        built = ["PySide6.QtCore.Qt"] if "Qt" in vars(sys.modules["PySide6.QtCore"]) else []
        print("imported:", " ".join(sorted([*sys.modules, *built])), flush=True)
    return bool(ended_by_us)


async def _session(context: AppContext | Callable[[], AppContext], urls: list[str],
                   owner: QueueOwner | None, quit_when_done: bool, screenshot: Path | None,
                   held: list[str], *, window: MainWindow | None = None,
                   router: PlatformRequests | None = None, print_progress: bool = False) -> int:
    """`context` is built here (off the UI thread) when it is a builder; `window` is the one
    already shown (with its `router` of platform requests), else the session makes them."""
    import asyncio

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from app.context import on_daemon_thread
    from app.ui.main_window import MainWindow

    quit_requested = asyncio.Event()
    if window is not None:  # closing it while the context is built ends the session after that
        window.quitRequested.connect(quit_requested.set)
        if window.quit_confirmed:  # before the session began (a Quit while it painted)
            quit_requested.set()
    if callable(context):
        context = await on_daemon_thread(context, "context-build")
        if quit_requested.is_set():
            if router is not None:
                router.remove()
            await _close(context)
            return 0
    context.open_url = lambda url: QDesktopServices.openUrl(QUrl(url))
    if context.sandbox is None:
        context.start_sandbox = _relaunch_in_sandbox
    if print_progress:  # no display: the console is where the person is looking
        from app.console import ConsoleReporter

        context.engine.subscribe(ConsoleReporter(context.billing_url))
    from app.ui.presenter import Presenter

    engine = context.engine
    if window is None:
        window = MainWindow(context)
        window.quitRequested.connect(quit_requested.set)
    else:
        window.attach(context)
    window.presenter = Presenter(window, context)
    if router is None:
        router = _route_platform_requests(window)
    try:
        await engine.start(progress=window.status.show_loading)
        if quit_requested.is_set():  # closed while the queue loaded: not shown again, nothing queued
            return 0
        window.ready()
        # The window first, whatever the keyring does: its unlock prompt may hold the read for
        # minutes, so the key is read on a worker thread while the window says it waits.
        window.show()
        window.presenter.wait_for_keyring()
        if urls:  # queued now, submitted once the key is known
            window.intake.add_text("\n".join(urls))
        if held:  # this launch came from a videoconduit:// link
            window.receive_links("\n".join(held), "scheme")
        if owner is not None:
            await owner.serve(window.receive_links, kind="window")
        # Quit must work while the keyring still asks for its password: race the read against it.
        reading = asyncio.ensure_future(context.read_stored_key())
        quitting = asyncio.ensure_future(quit_requested.wait())
        await asyncio.wait({reading, quitting}, return_when=asyncio.FIRST_COMPLETED)
        if not reading.done():
            reading.cancel()
            return 0
        quitting.cancel()
        window.presenter.start()
        if quit_when_done:
            outcome = await engine.wait_until_settled()
            if screenshot is not None:
                await asyncio.sleep(0.3)  # let the coalesced model updates paint
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(screenshot))
                print(f"Screenshot of the window: {screenshot}", file=sys.stderr)
            print(f"Finished: {outcome.value.replace('_', ' ')}", file=sys.stderr)
            return outcome.exit_code
        await quit_requested.wait()
        return 0
    finally:
        router.remove()
        if owner is not None:
            await owner.stop_serving()
        window.hide()
        await _close(context)


async def _close(context: AppContext) -> None:
    await context.close()
    log.info("session ended: the queue is closed")


def _relaunch_in_sandbox() -> None:
    """"Try the sandbox" from the welcome dialog: the sandbox keeps a queue of its own, so the
    cleanest switch is a fresh process in sandbox mode; this one then quits."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    from app.cli import app_command

    program, *arguments = app_command()
    extra = [a for a in sys.argv[1:] if a.startswith("--data-dir") or a.startswith("--download-dir")]
    if QProcess.startDetached(program, [*arguments, "--sandbox", *extra]):
        for widget in QApplication.topLevelWidgets():
            if hasattr(widget, "request_quit"):
                widget.request_quit()
    else:
        log.error("could not start the sandbox session")
