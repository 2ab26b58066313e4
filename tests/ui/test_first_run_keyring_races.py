"""Keyring timing: the person acts while the first read of the key is still held (an unlock
prompt nobody answers yet). Found by a hostile review of the first-run change."""

from __future__ import annotations

import threading

import pytest

from app.keys import KeyStore
from tests.ui.test_first_run_keyring import (
    HELD_SECONDS,
    HeldKeyring,
    keyring_context,
    main_window,
    session_while_held,
)

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


@pytest.mark.keyring
def test_a_key_removed_while_the_read_is_held_stays_removed(qtbot, qasync_loop, tmp_path,
                                                            sandbox, secret_service):
    held = InFlightKeyring(secret_service.backend())
    KeyStore(backend=held.real, env={}).set(OLD_KEY)
    key_store = KeyStore(backend=held, env={})
    context = keyring_context(tmp_path, sandbox, key_store)
    with session_while_held(qtbot, context, held) as session:
        key_store.delete()  # Settings › Remove key, while the read is held
        context.engine.set_api_key(None)
        held.release.set()
        qtbot.waitUntil(lambda: "keyring" not in main_window().presenter.banners,
                        timeout=10_000)
        assert context.engine.client.api_key is None, "the removed key came back"
        assert key_store.get() is None
        window = main_window()
        window._quitting = True
        window.quitRequested.emit()
        qtbot.waitUntil(session.done, timeout=15_000)


@pytest.mark.keyring
def test_quitting_while_the_read_is_held_ends_the_session(qtbot, qasync_loop, tmp_path,
                                                         sandbox, secret_service):
    held = HeldKeyring(secret_service.backend())
    key_store = KeyStore(backend=held, env={})
    context = keyring_context(tmp_path, sandbox, key_store)
    with session_while_held(qtbot, context, held) as session:
        window = main_window()
        window._quitting = True
        window.close()  # the person quits; the keyring prompt is still unanswered
        qtbot.waitUntil(session.done, timeout=5_000)
        assert session.result() == 0
        assert not window.isVisible()
