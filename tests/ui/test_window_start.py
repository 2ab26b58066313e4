"""The window is there before the engine: the session (app.ui.run._session) builds the context
on a worker thread behind a window that already shows "Starting…", takes no links and offers no
command; once the stored queue has loaded, its rows are in the table and links are taken."""

from __future__ import annotations

import asyncio
import threading

from keyring.backends import fail
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

from app.engine.model import ItemState
from tests.stored_queue import links, store_links
from tests.ui.conftest import _stop_executor_threads, drop_on, mime_data

STORED = 5


def starting_window(qtbot, tmp_path, sandbox, urls=()):  # type: ignore[no-untyped-def]
    """The shown window, a builder that waits for `release`, and the session's task."""
    from app.context import build_context
    from app.keys import ENV_VARIABLE, KeyStore
    from app.settings import AppPaths, SettingsStore
    from app.ui.main_window import MainWindow, WindowStart
    from app.ui.run import _session

    paths = AppPaths(tmp_path / "data")
    store_links(paths.queue_database(sandbox=False), links(STORED, "stored-"), state="paused")
    settings_store = SettingsStore.for_paths(paths)
    settings = settings_store.load()
    window = MainWindow(WindowStart(settings, settings_store, in_sandbox=False,
                                    api_base=sandbox.api_base), attach=False)
    window.show()
    qtbot.waitExposed(window)
    release = threading.Event()
    built: list = []

    def build():  # type: ignore[no-untyped-def]
        assert release.wait(10), "the test never released the build"
        key_store = KeyStore(backend=fail.Keyring(), env={ENV_VARIABLE: sandbox.api_key})
        built.append(build_context(paths, settings, settings_store, key_store, use_sandbox=False,
                                   api_base=sandbox.api_base, download_dir=tmp_path / "dl",
                                   read_key=False))
        return built[-1]

    session = asyncio.ensure_future(_session(build, list(urls), None, False, None, [], window=window))
    return window, release, session, built


def end(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    if not session.done():
        window.request_quit()
    qtbot.waitUntil(session.done, timeout=15_000)
    _stop_executor_threads()
    window.deleteLater()
    qtbot.wait(1)


def test_starting_then_the_stored_queue_then_links(qtbot, qasync_loop, tmp_path, sandbox):
    window, release, session, _built = starting_window(qtbot, tmp_path, sandbox)
    try:
        qtbot.wait(50)  # the session is running and waits for its context
        # The pointer leaves the toolbar (offscreen leaves it on a button: its status tip hides
        # the bar's own widgets while it shows, and a message would be gone for good after it).
        window.statusBar().clearMessage()
        starting = window.statusBar().findChild(QLabel, "startingLabel")
        assert starting.isVisible() and starting.text() == "Starting…"
        assert [a.text() for a in window.toolbar.actions() if a.isEnabled() and a.text()] == []
        link = mime_data({"text/uri-list": b"https://example.com/watch/dropped\r\n"})
        assert not drop_on(window.view.viewport(), link), "a link is not taken before the queue"
        assert window.view.model().rowCount() == 0
        assert window.view.placeholder_text() == "Opening your queue…", "no invitation to drop yet"

        release.set()
        qtbot.waitUntil(lambda: window.commands.paste.isEnabled(), timeout=10_000)
        assert window.view.model().rowCount() == STORED
        assert not starting.isVisible()
        assert window.view.placeholder_text() == "Drop links here or press Ctrl+V"
        assert drop_on(window.view.viewport(), link)
        qtbot.waitUntil(lambda: window.view.model().rowCount() == STORED + 1, timeout=5000)
        window.engine.pause([item.id for item in window.engine.items])  # quits without a question
        assert window.commands.add_urls.isEnabled() and window.commands.settings.isEnabled()
    finally:
        release.set()
        end(qtbot, window, session)
    assert session.result() == 0


def test_closing_the_window_while_it_starts_ends_the_session_and_closes_the_queue(
        qtbot, qasync_loop, tmp_path, sandbox):
    window, release, session, built = starting_window(qtbot, tmp_path, sandbox)
    try:
        qtbot.wait(50)
        window.close()  # nothing runs yet: it closes without a question
        assert not session.done(), "the context is still being built"
        release.set()
        qtbot.waitUntil(session.done, timeout=10_000)
        assert session.result() == 0
        (context,) = built
        database = context.paths.queue_database(sandbox=False)
        # Closed, not abandoned: SQLite folds its write-ahead log back in on the last close.
        assert database.is_file() and not database.with_name(database.name + "-wal").exists()
    finally:
        release.set()
        end(qtbot, window, session)


def test_closing_the_window_while_the_queue_loads_neither_shows_it_again_nor_queues_the_launch(
        qtbot, qasync_loop, tmp_path, sandbox):
    launched = "https://example.com/watch/launched-with-the-app"
    window, release, session, built = starting_window(qtbot, tmp_path, sandbox, urls=[launched])
    shown = ShowCount()
    closed: list[bool] = []
    show_loading = window.status.show_loading

    def close_while_loading(loaded: int, total: int) -> None:  # the person closes it meanwhile
        show_loading(loaded, total)
        if not closed:
            window.installEventFilter(shown)
            window.close()
            closed.append(window.isVisible())

    window.status.show_loading = close_while_loading
    try:
        release.set()
        qtbot.waitUntil(session.done, timeout=10_000)
        assert session.result() == 0
        assert closed == [False]
        assert shown.count == 0, "a window the person closed came back"
        (context,) = built
        from app.engine.store import Store

        store = Store(context.paths.queue_database(sandbox=False))
        try:
            assert len(store.load_items()) == STORED, "the launch's link was queued after the close"
        finally:
            store.close()
    finally:
        release.set()
        end(qtbot, window, session)


def test_the_table_and_status_bar_shown_before_the_engine_are_those_of_the_queue(
        qtbot, qasync_loop, tmp_path, sandbox):
    """The first frame is painted before the engine's types are imported (no QueueModel yet):
    the same column titles and widths, and a status bar that knows nothing yet."""
    window, release, session, _built = starting_window(qtbot, tmp_path, sandbox)

    def columns() -> list[tuple[str, int]]:
        """Titles, and the widths not stretched to the window's (the first and the last)."""
        header = window.view.horizontalHeader()
        last = header.count() - 1
        return [(window.view.model().headerData(column, Qt.Orientation.Horizontal),
                 header.sectionSize(column) if 0 < column < last else -1)
                for column in range(header.count())]

    try:
        before = columns()
        assert before == [("Video", -1), ("Status", 230), ("Progress", 220), ("Size", 140),
                          ("Details", -1)]
        bar = window.statusBar()
        assert [bar.findChild(QLabel, name).text() for name in ("planLabel", "requestsLabel",
                                                                "creditsLabel")] == [
            "Plan: not known yet", "Requests this minute: not known yet",
            "Credits: unknown until the service reports them"]
        release.set()
        qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
        assert window.view.model() is window.model and window.model.rowCount() == STORED
        assert columns() == before
    finally:
        release.set()
        end(qtbot, window, session)


class ShowCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.count += 1
        return False


def test_the_tray_pauses_all_only_once_all_of_the_queue_is_there(
        qtbot, qasync_loop, tmp_path, sandbox, monkeypatch):
    """'Pause all' while the queue loads would pause the rows loaded so far, and the rest
    would be submitted (charged) right after the load: it is off until then."""
    from app.engine import engine
    from app.settings import AppPaths
    from app.ui.tray import Tray

    monkeypatch.setattr(engine, "LOAD_STEP", 3)  # a long queue: several steps
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))  # a desktop with a tray
    window, release, session, _built = starting_window(qtbot, tmp_path, sandbox)
    store_links(AppPaths(tmp_path / "data").queue_database(sandbox=False),
                links(STORED, "waiting-"), first_position=STORED + 1)
    offered: list[bool] = []
    show_loading = window.status.show_loading

    def loading(loaded: int, total: int) -> None:
        show_loading(loaded, total)
        if loaded < total:
            offered.append(pause_all(window).isEnabled())

    window.status.show_loading = loading
    try:
        release.set()
        qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
        assert offered and not any(offered), "'Pause all' was offered before the queue had loaded"
        assert pause_all(window).isEnabled()
        pause_all(window).trigger()
        assert {item.state for item in window.engine.items} == {ItemState.PAUSED}
    finally:
        release.set()
        end(qtbot, window, session)


def pause_all(window):  # type: ignore[no-untyped-def]
    (action,) = [a for a in window.tray.menu.actions() if a.text() == "Pause all"]
    return action


def test_links_held_while_it_starts_beyond_the_cap_are_refused_in_a_sentence(
        qtbot, qasync_loop, tmp_path, sandbox):
    """macOS hands a page's videoconduit:// links over (FileOpen) while the window starts; at
    ready() one more than the held bar takes must not end the session (and the app)."""
    from app.instance import SCHEME
    from app.ui.held_links import MAX_HELD

    window, release, session, _built = starting_window(qtbot, tmp_path, sandbox)
    try:
        window.receive_links("\n".join(f"https://example.com/watch/page-{n}" for n in range(MAX_HELD)),
                             SCHEME)
        window.receive_links("https://example.com/watch/one-more", SCHEME)
        release.set()
        qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
        assert not session.done(), f"the session ended: {session.exception()}"
        assert len(window.held_links.links) == MAX_HELD and window.held_links.isVisible()
        assert "1 more link was not taken" in window.statusBar().currentMessage()
        assert window.commands.paste.isEnabled()
    finally:
        release.set()
        end(qtbot, window, session)
