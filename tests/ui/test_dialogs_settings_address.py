"""The settings dialog refuses a service address that would send the API key in clear, with a
sentence saying why, and keeps accepting https:// and the sandbox's loopback address."""

from __future__ import annotations

import json

import pytest

INSECURE = ("The service address must start with https://: over http:// your API key would travel "
            "unencrypted. Only an address on this computer (localhost, 127.0.0.1, ::1) may use http://.")


@pytest.mark.parametrize("address", ["http://videoconduit.com", "http://192.0.2.2:8080",
                                     "http://127.0.0.1.example.com"])
def test_a_plain_http_service_address_is_refused_with_the_reason(running_app, address):
    dialog = running_app.window.presenter.show_settings()
    dialog.api_base_edit.setText(address)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.advanced.isVisible()  # unfolded to show the field
    assert dialog.error.text() == INSECURE
    assert not running_app.context.settings_store.path.exists()
    assert running_app.context.settings.api_base == "https://videoconduit.com"


@pytest.mark.parametrize("address", ["https://api.example.test", "http://127.0.0.1:8765",
                                     "http://localhost:8765", "http://[::1]:8765"])
def test_https_and_this_computer_are_saved(running_app, address):
    dialog = running_app.window.presenter.show_settings()
    dialog.api_base_edit.setText(address)
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = json.loads(running_app.context.settings_store.path.read_text())
    assert saved["api_base"] == address
