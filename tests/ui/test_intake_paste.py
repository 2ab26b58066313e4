"""Ctrl+V queues the clipboard's links wherever the focus is in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import mime_data


def focus_targets(window):
    strip = window.options_strip
    return {
        "queue table": window.view,
        "format box": strip.format_box,
        "quality box": strip.quality_box,
        "audio-only box": strip.audio_only,
        "window itself": window,
    }


@pytest.mark.parametrize("where", ["queue table", "format box", "quality box", "audio-only box",
                                   "window itself"])
def test_ctrl_v_pastes_links_whatever_has_focus(running_app, qtbot, where):
    window = running_app.window
    QGuiApplication.clipboard().setText(
        "Two for tonight:\nhttps://a.example/watch/1\nhttps://b.example/watch/2\n")
    target = focus_targets(window)[where]
    window.activateWindow()
    target.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is target)

    qtbot.keyClick(target, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert [item.url for item in running_app.engine.items] == [
        "https://a.example/watch/1", "https://b.example/watch/2"]
    assert window.status.currentMessage() == "Queued 2 links · skipped 1 (1 not a link)"


def test_paste_reads_browser_link_formats_from_the_clipboard(running_app, qtbot):
    link = "https://video.example/watch?v=copied"
    QGuiApplication.clipboard().setMimeData(mime_data({
        "text/uri-list": f"{link}\r\n".encode(),
        "text/plain": link.encode(),
    }))
    running_app.window.view.setFocus()

    qtbot.keyClick(running_app.window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert [item.url for item in running_app.engine.items] == [link]
    assert running_app.window.status.currentMessage() == "Queued 1 link"


def test_pasted_links_take_the_options_chosen_in_the_strip(running_app, qtbot):
    strip = running_app.window.options_strip
    strip.audio_only.setChecked(True)
    QGuiApplication.clipboard().setText("https://a.example/song")

    running_app.window.commands.paste.trigger()

    (item,) = running_app.engine.items
    assert item.options.audio_only
    assert item.credit_cost == 1
