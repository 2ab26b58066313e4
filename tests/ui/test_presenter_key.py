"""401 and 403 from the real sandbox: the queue waits, the right dialog asks for a key, and a key
entered there is kept in the real Secret Service and gets the queue going again."""

from __future__ import annotations

import pytest

from app.engine.model import AccountState, ItemState, KeyProblem
from app.keys import KeyStore
from app.ui.dialogs.forbidden_dialog import ForbiddenDialog
from app.ui.dialogs.key_dialog import KeyDialog

pytestmark = pytest.mark.keyring

UNKNOWN_KEY = "vc_not_a_key_of_this_account"


def wait_for_dialog(presenter, qtbot, kind: str):
    qtbot.waitUntil(lambda: kind in presenter.dialogs, timeout=10_000)
    return presenter.dialogs[kind]


def enter_key(dialog: KeyDialog, qtbot, key: str) -> None:
    dialog.key_edit.clear()
    # As a paste from an e-mail would arrive: surrounding spaces and a trailing newline.
    qtbot.keyClicks(dialog.key_edit, f"  {key}")
    dialog.key_edit.insert("\n")
    dialog.key_edit.textEdited.emit(dialog.key_edit.text())
    assert dialog.key_edit.text() == key
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()


def test_a_refused_key_is_replaced_through_the_dialog_and_kept_in_the_keyring(
        running_app, qtbot, secret_service):
    context, engine, presenter = running_app.context, running_app.engine, running_app.window.presenter
    context.key_store = KeyStore(backend=secret_service.backend(), env={})
    context.key_store.delete()
    engine.set_api_key(UNKNOWN_KEY)
    engine.add_urls(["https://video.example/needs-a-key"])

    dialog = wait_for_dialog(presenter, qtbot, "key")
    assert isinstance(dialog, KeyDialog)
    assert engine.account.key_problem is KeyProblem.INVALID
    assert dialog.headline.text() == "VideoConduit did not accept your API key"
    assert "GNOME Keyring" in dialog.storage.text()
    assert presenter.banners["key"].isVisible()
    assert engine.items[0].state is ItemState.WAITING

    enter_key(dialog, qtbot, running_app.sandbox.api_key)
    assert running_app.window.statusBar().currentMessage() == (
        "The key is saved in GNOME Keyring (Secret Service).")

    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    assert engine.account.state is AccountState.READY
    assert "key" not in presenter.banners and "key" not in presenter.dialogs
    after_restart = KeyStore(backend=secret_service.backend(), env={})
    assert after_restart.get() == running_app.sandbox.api_key
    context.key_store.delete()


def test_a_deactivated_key_asks_for_another_one(running_app, qtbot, secret_service):
    context, engine, presenter = running_app.context, running_app.engine, running_app.window.presenter
    context.key_store = KeyStore(backend=secret_service.backend(), env={})
    admin = running_app.sandbox.admin
    admin.set_key_active(running_app.sandbox.api_key, False)
    second_key = "vc_second_key_for_this_account"
    admin.add_key(second_key)
    engine.add_urls(["https://video.example/forbidden-first"])

    forbidden = wait_for_dialog(presenter, qtbot, "forbidden")
    assert isinstance(forbidden, ForbiddenDialog)
    assert forbidden.headline.text() == "This API key has been deactivated or lacks permission"
    assert "key" not in presenter.dialogs, "one dialog for one occurrence"
    forbidden.settings_button.click()
    assert running_app.opened_urls == [context.key_settings_url]

    forbidden.other_key_button.click()
    dialog = wait_for_dialog(presenter, qtbot, "key")
    assert "forbidden" not in presenter.dialogs
    enter_key(dialog, qtbot, second_key)

    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    assert engine.account.state is AccountState.READY
    assert not presenter.dialogs and "key" not in presenter.banners
    context.key_store.delete()
