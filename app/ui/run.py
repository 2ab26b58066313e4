"""The window side of the composition root: QApplication, the qasync loop, the window and its
presenter, and the hand-off channel of the queue this process owns (app.instance). Called only by
``app.main``."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from app import APP_ID, APP_NAME, __version__
from app.context import AppContext
from app.instance import QueueOwner

log = logging.getLogger("app.ui")


def run_window(context: AppContext, urls: list[str], owner: QueueOwner | None = None, *,
               held: list[str] | None = None, quit_when_done: bool, screenshot: Path | None, argv: list[str],
               print_progress: bool = False) -> int:
    """`owner` holds this queue's lock; links from later launches reach the window through it."""
    import qasync
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication

    from app.ui import theme
    from app.ui.formatting import set_number_locale
    from app.ui.translations import install_translator, ui_locale

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)  # the window decides (close to tray, confirm quitting)
    if install_translator(app, ui_locale()):  # before any widget exists: every tr() sees it
        set_number_locale(ui_locale())
    theme.follow_system_color_scheme()

    context.open_url = lambda url: QDesktopServices.openUrl(QUrl(url))
    if print_progress:  # no display: the console is where the person is looking
        from app.console import ConsoleReporter

        context.engine.subscribe(ConsoleReporter(context.billing_url))
    if context.sandbox is None:
        context.start_sandbox = _relaunch_in_sandbox

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        session = loop.create_task(_session(context, urls, owner, quit_when_done, screenshot,
                                            held or []))
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


async def _session(context: AppContext, urls: list[str], owner: QueueOwner | None,
                   quit_when_done: bool, screenshot: Path | None, held: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow
    from app.ui.platform_requests import PlatformRequests
    from app.ui.presenter import Presenter

    engine = context.engine
    window = MainWindow(context)
    window.presenter = Presenter(window, context)
    quit_requested = asyncio.Event()
    window.quitRequested.connect(quit_requested.set)
    on_mac = sys.platform == "darwin"  # only macOS re-opens from the Dock and opens links this way
    router = PlatformRequests(QApplication.instance(), window.request_quit,
                              reshow=window.reshow if on_mac else None,
                              receive_links=window.receive_links if on_mac else None)
    try:
        await engine.start()
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
