"""The settings dialog on the real app: what it saves, what it changes at once, and the API key
section that says honestly where the key lives."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from app.engine.model import AccountState, KeyProblem
from app.keys import KeyStore


def test_saving_settings_writes_the_file_and_applies_them(running_app, qtbot, tmp_path):
    context, engine = running_app.context, running_app.engine
    dialog = running_app.window.presenter.show_settings()
    assert not dialog.advanced.isVisible(), "the service address is folded away"

    new_folder = tmp_path / "elsewhere"
    dialog.folder_edit.setText(str(new_folder))
    dialog.concurrency.setValue(5)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("webm"))
    dialog.audio_only.setChecked(True)
    dialog.close_to_tray.setChecked(True)
    dialog.notifications.setChecked(False)
    dialog.clipboard.setChecked(True)
    dialog.save_button.click()

    assert not dialog.isVisible()
    saved = json.loads(context.settings_store.path.read_text())
    assert saved["download_dir"] == str(new_folder)
    assert (saved["concurrency"], saved["default_format"], saved["default_audio_only"]) == (
        5, "webm", True)
    assert (saved["close_to_tray"], saved["notifications"], saved["clipboard_autofill"]) == (
        True, False, True)
    assert engine.concurrency == 5 and engine.download_dir == new_folder


def test_a_bad_service_address_is_refused_with_a_reason(running_app):
    dialog = running_app.window.presenter.show_settings()
    dialog.advanced_toggle.click()
    assert dialog.advanced.isVisible()
    dialog.api_base_edit.setText("videoconduit.com")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "The service address must be a web address (https://…)."
    assert not running_app.context.settings_store.path.exists()


def test_the_billing_link_opens_the_buy_credits_page(running_app):
    dialog = running_app.window.presenter.show_settings()
    dialog.key_section.billing_label.linkActivated.emit("billing")
    assert running_app.opened_urls == [running_app.context.billing_url]


@pytest.mark.keyring
def test_the_key_section_says_where_the_key_is_and_can_remove_it(running_app, qtbot,
                                                                  secret_service):
    context, presenter = running_app.context, running_app.window.presenter
    context.sandbox = None  # the real-account view of the section
    context.key_store = KeyStore(backend=secret_service.backend(), env={})
    context.key_store.set(running_app.sandbox.api_key)

    dialog = presenter.show_settings()
    section = dialog.key_section
    assert section.state_label.text() == (
        "Your key is stored in GNOME Keyring (Secret Service).")
    section.change_button.click()
    assert presenter.dialogs["key"].isVisible() and not dialog.isVisible(), "one at a time"
    presenter.dialogs["key"].reject()
    assert dialog.isVisible() and "key" not in presenter.dialogs, "Settings comes back"

    section.remove_button.click()
    box = section.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    removal = next(b for b in box.buttons()
                   if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    removal.click()

    assert KeyStore(backend=secret_service.backend(), env={}).get() is None
    assert section.state_label.text().startswith("No key yet.")
    assert not section.remove_button.isEnabled()
    assert running_app.engine.account.state is AccountState.WAITING_FOR_KEY
    assert running_app.engine.account.key_problem is KeyProblem.MISSING
    # The banner offers the key dialog; Settings, still open, is the one dialog on screen.
    qtbot.waitUntil(lambda: "key" in presenter.banners, timeout=2000)
    assert presenter.banners["key"].isVisible() and "key" not in presenter.dialogs
