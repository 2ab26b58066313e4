"""First run as a newcomer meets it: the window appears at once even while the keyring keeps
the read waiting (its unlock prompt can take minutes), says that it waits, and then shows exactly
one dialog — the welcome. The Secret Service is real (tests/secret_service.py); only its answer
is held back, by a backend wrapper that waits on an Event the test sets."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import keyring.backend
import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from app.ui.dialogs.welcome_dialog import WelcomeDialog
from tests.ui.conftest import _stop_executor_threads

HELD_SECONDS = 20.0  # the keyring answers when the test says so, at the latest after this


class HeldKeyring(keyring.backend.KeyringBackend):
    """The real Secret Service backend whose reads wait for `release` (a person at its
    unlock prompt); `reading` is set when a read has begun."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, real: keyring.backend.KeyringBackend) -> None:
        super().__init__()
        self.real = real
        self.reading = threading.Event()
        self.release = threading.Event()
        self.reader: threading.Thread | None = None

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        self.reader = threading.current_thread()
        self.reading.set()
        self.release.wait(HELD_SECONDS)
        return self.real.get_password(service, username)

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        return self.real.set_password(service, username, password)

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        return self.real.delete_password(service, username)


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def main_window():
    from app.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()), None)


def keyring_context(tmp_path, sandbox, key_store):  # type: ignore[no-untyped-def]
    """The window's context on the sandbox with `key_store`, its key left unread (as run_window)."""
    from app.context import build_context
    from app.settings import AppPaths, SettingsStore

    paths = AppPaths(tmp_path / "data")
    settings_store = SettingsStore.for_paths(paths)
    return build_context(paths, settings_store.load(), settings_store, key_store,
                         use_sandbox=False, api_base=sandbox.api_base,
                         download_dir=tmp_path / "dl", read_key=False)


@contextmanager
def session_while_held(qtbot, context, held: HeldKeyring) -> Iterator[asyncio.Future]:  # type: ignore[no-untyped-def]
    """The real window session, yielded once its window shows and the key read is held; at the
    end the keyring answers, the session is ended (cancelled if still running) and its dialogs
    closed."""
    from app.ui.run import _session

    session = asyncio.ensure_future(_session(context, [], None, False, None, []))
    try:
        qtbot.waitUntil(lambda: main_window() is not None and held.reading.is_set(),
                        timeout=10_000)
        yield session
    finally:
        held.release.set()
        if not session.done():
            session.cancel()
            qtbot.waitUntil(session.done, timeout=15_000)
        _stop_executor_threads()
        for dialog in visible_dialogs():
            dialog.close()


@pytest.mark.keyring
def test_window_first_then_one_welcome_while_the_keyring_is_slow(qtbot, qasync_loop, tmp_path,
                                                                 sandbox, secret_service):
    from app.keys import KeyStore

    held = HeldKeyring(secret_service.backend())
    KeyStore(backend=held.real, env={}).delete()  # a first run: nothing stored in it
    key_store = KeyStore(backend=held, env={})
    context = keyring_context(tmp_path, sandbox, key_store)
    with session_while_held(qtbot, context, held) as session:
        window = main_window()
        assert held.reader is not threading.main_thread(), "the UI thread never waits for it"
        assert visible_dialogs() == [], "no dialog before the key is known"
        banner = window.presenter.banners["keyring"]
        assert banner.isVisible() and "Waiting for the system keyring" in banner.text()
        qtbot.wait(300)  # the read is still held: the window keeps answering, still no dialog
        assert visible_dialogs() == [] and window.isVisible()

        held.release.set()
        qtbot.waitUntil(lambda: visible_dialogs() != [], timeout=10_000)
        dialogs = visible_dialogs()
        assert len(dialogs) == 1 and isinstance(dialogs[0], WelcomeDialog), [
            d.windowTitle() for d in dialogs]
        assert dialogs[0].windowTitle() == "Welcome to VideoConduit Desktop"
        assert "keyring" not in window.presenter.banners
        assert window.presenter.banners["key"].isVisible()

        later = next(b for b in dialogs[0].findChildren(QPushButton) if b.text() == "Later")
        later.click()
        qtbot.waitUntil(lambda: visible_dialogs() == [], timeout=5_000)
        qtbot.wait(300)  # nothing follows "Later": no key dialog appears on its own
        assert visible_dialogs() == []

        window._quitting = True
        window.quitRequested.emit()
        qtbot.waitUntil(session.done, timeout=15_000)
        assert session.result() == 0
