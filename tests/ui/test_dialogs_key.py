"""The key dialog on the real app: masked, paste-friendly, checked as you type, a free test
against the real sandbox, and honest about where the key is kept."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit

from app.engine.model import ItemState


def open_key_dialog(running_app):
    return running_app.window.presenter.show_key_dialog()


def paste(dialog, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialog.key_edit.clear()
    dialog.key_edit.paste()


def test_the_key_is_masked_checked_as_typed_and_pasted_clean(running_app, qtbot):
    dialog = open_key_dialog(running_app)
    edit = dialog.key_edit
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.save_button.isEnabled()

    qtbot.keyClicks(edit, "abc")
    assert dialog.status.text() == "An API key starts with vc_"
    assert not dialog.save_button.isEnabled() and not dialog.test_button.isEnabled()

    key = running_app.sandbox.api_key
    paste(dialog, f"  {key}\r\n")
    assert edit.text() == key
    assert dialog.status.text() == "Looks like an API key."
    assert dialog.save_button.isEnabled() and dialog.test_button.isEnabled()

    dialog.show_button.click()
    assert edit.echoMode() is QLineEdit.EchoMode.Normal
    assert dialog.show_button.text() == "Hide"
    dialog.show_button.click()
    assert edit.echoMode() is QLineEdit.EchoMode.Password


def test_test_key_asks_the_service_and_says_the_answer(running_app, qtbot):
    dialog = open_key_dialog(running_app)
    paste(dialog, running_app.sandbox.api_key)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Works"), timeout=5000)

    paste(dialog, "vc_nobody_has_this_key")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() not in ("Looks like an API key.",
                                                         "Testing the key…"), timeout=5000)
    assert dialog.status.text() == ("VideoConduit does not recognise this key. "
                                    "Check that you copied all of it.")

    retired = "vc_retired_key_of_this_account"
    running_app.sandbox.admin.set_key_active(retired, False)
    paste(dialog, retired)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "deactivated" in dialog.status.text(), timeout=5000)


def test_without_a_keyring_the_key_is_kept_for_this_session_and_says_so(running_app, qtbot):
    presenter, engine = running_app.window.presenter, running_app.engine
    dialog = open_key_dialog(running_app)
    assert dialog.storage.text().startswith("There is no usable system keyring")
    second = "vc_second_key_for_this_session"
    running_app.sandbox.admin.add_key(second)
    paste(dialog, second)
    dialog.save_button.click()

    assert "key" not in presenter.dialogs
    banner = presenter.banners["session_key"]
    assert banner.text().startswith("There is no usable system keyring, so the key is kept for "
                                    "this session only")
    assert running_app.context.key_store.get() == second
    engine.add_urls(["https://video.example/with-the-second-key"])
    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    used = {entry["headers"].get("authorization") for entry in running_app.sandbox.admin.log()
            if entry["path"] == "/v1/download"}
    assert used == {f"Bearer {second}"}
    banner.buttons()[0].click()  # Dismiss
    assert "session_key" not in presenter.banners
