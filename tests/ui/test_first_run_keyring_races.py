"""Keyring timing: the person acts while the first read of the key is still held (an unlock
prompt nobody answers yet). Found by a hostile review of the first-run change."""

from __future__ import annotations

import asyncio
import threading

import pytest

from app.keys import KeyStore
from tests.ui.conftest import _stop_executor_threads
from tests.ui.test_first_run_keyring import HELD_SECONDS, HeldKeyring, main_window, visible_dialogs

OLD_KEY = "vc_oldkey_1234567890"


class InFlightKeyring(HeldKeyring):
    """The Secret Service answered before the person acted; the reply is still on its way
    to the reading thread (a D-Bus reply queued behind an unlock prompt)."""

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            return self.real.get_password(service, username)
        answer = self.real.get_password(service, username)
        self.reader = threading.current_thread()
        self.reading.set()
        self.release.wait(HELD_SECONDS)
        return answer


def _context(tmp_path, sandbox, key_store):
    from app.context import build_context
    from app.settings import AppPaths, SettingsStore

    paths = AppPaths(tmp_path / "data")
    settings_store = SettingsStore.for_paths(paths)
    return build_context(paths, settings_store.load(), settings_store, key_store,
                         use_sandbox=False, api_base=sandbox.api_base,
                         download_dir=tmp_path / "dl", read_key=False)


@pytest.mark.keyring
def test_a_key_removed_while_the_read_is_held_stays_removed(qtbot, qasync_loop, tmp_path,
                                                            sandbox, secret_service):
    from app.ui.run import _session

    held = InFlightKeyring(secret_service.backend())
    KeyStore(backend=held.real, env={}).set(OLD_KEY)
    key_store = KeyStore(backend=held, env={})
    context = _context(tmp_path, sandbox, key_store)
    session = asyncio.ensure_future(_session(context, [], None, False, None, []))
    try:
        qtbot.waitUntil(lambda: main_window() is not None and held.reading.is_set(),
                        timeout=10_000)
        key_store.delete()  # Settings › Remove key, while the read is held
        context.engine.set_api_key(None)
        held.release.set()
        qtbot.waitUntil(lambda: "keyring" not in main_window().presenter.banners,
                        timeout=10_000)
        assert context.engine.client.api_key is None, "the removed key came back"
        assert key_store.get() is None
    finally:
        held.release.set()
        w = main_window()
        if w is not None:
            w._quitting = True
            w.quitRequested.emit()
        qtbot.waitUntil(session.done, timeout=15_000)
        _stop_executor_threads()
        for dialog in visible_dialogs():  # the welcome that follows the removed key
            dialog.close()


@pytest.mark.keyring
def test_quitting_while_the_read_is_held_ends_the_session(qtbot, qasync_loop, tmp_path,
                                                         sandbox, secret_service):
    from app.ui.run import _session

    held = HeldKeyring(secret_service.backend())
    key_store = KeyStore(backend=held, env={})
    context = _context(tmp_path, sandbox, key_store)
    session = asyncio.ensure_future(_session(context, [], None, False, None, []))
    try:
        qtbot.waitUntil(lambda: main_window() is not None and held.reading.is_set(),
                        timeout=10_000)
        window = main_window()
        window._quitting = True
        window.close()  # the person quits; the keyring prompt is still unanswered
        qtbot.waitUntil(session.done, timeout=5_000)
        assert session.result() == 0
        assert not window.isVisible()
    finally:
        held.release.set()
        if not session.done():
            session.cancel()
            qtbot.waitUntil(session.done, timeout=15_000)
        _stop_executor_threads()
