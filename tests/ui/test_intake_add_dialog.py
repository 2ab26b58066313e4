"""The Add URLs dialog queues what is typed or pasted into it, with the strip's options."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_links_typed_into_the_dialog_are_queued(running_app, qtbot):
    window = running_app.window
    window.commands.add_urls.trigger()
    dialog = window.add_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.add_button.isEnabled(), "nothing to add yet"
    assert dialog.options_label.text() == "They are queued as videos: 2 credits each."

    qtbot.keyClicks(dialog.editor, "see https://a.example/v/1 and")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.editor, "https://b.example/v/2")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert [item.url for item in running_app.engine.items] == [
        "https://a.example/v/1", "https://b.example/v/2"]
    assert window.status.currentMessage() == "Queued 2 links"  # words around links are no junk
    qtbot.waitUntil(lambda: window.add_dialog is None)


def test_the_dialog_is_opened_once(running_app):
    window = running_app.window
    window.commands.add_urls.trigger()
    first = window.add_dialog
    window.commands.add_urls.trigger()
    assert window.add_dialog is first
    first.reject()
