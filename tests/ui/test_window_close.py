"""Closing the window: it asks while downloads run, and remembers its size and place."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from app.ui.main_window import MainWindow
from tests.ui.conftest import sandbox_options


@pytest.fixture
def sandbox_settings():
    return sandbox_options(job_seconds=30)  # the job stays "processing" for the whole test


def button(box: QMessageBox, text: str):
    (match,) = [b for b in box.buttons() if b.text() == text]
    return match


def test_closing_while_downloads_run_asks_first(running_app, qtbot):
    window = running_app.window
    quits: list[bool] = []
    window.quitRequested.connect(lambda: quits.append(True))
    window.intake.add_text("https://video.example/long-one")
    qtbot.waitUntil(lambda: window.model.item_at(0).state.is_active, timeout=5000)

    assert not window.close()
    box = window.quit_dialog
    assert box is not None and box.isVisible()
    assert box.text() == "1 download is still running."
    assert "continue where they left off" in box.informativeText()

    button(box, "Keep downloading").click()
    qtbot.waitUntil(lambda: window.quit_dialog is None)
    assert window.isVisible() and quits == []
    assert running_app.engine.items[0].state.is_active

    assert not window.close()
    button(window.quit_dialog, "Quit").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert quits == [True]


def test_closing_an_idle_window_does_not_ask(running_app, qtbot):
    window = running_app.window
    quits: list[bool] = []
    window.quitRequested.connect(lambda: quits.append(True))

    assert window.close()
    assert window.quit_dialog is None and quits == [True]


def test_the_window_comes_back_with_its_size(running_app, qtbot):
    window = running_app.window
    window.resize(760, 480)  # inside the offscreen screen (800 × 600)
    qtbot.waitUntil(lambda: window.size().width() == 760)
    window.close()

    saved = json.loads(running_app.context.settings_store.path.read_text())
    assert saved["window_geometry"]

    again = MainWindow(running_app.context)
    try:
        assert (again.width(), again.height()) == (760, 480)
    finally:
        again._quitting = True
        again.close()
        again.deleteLater()
