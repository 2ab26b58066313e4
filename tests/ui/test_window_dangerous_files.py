"""A finished file whose type runs code when opened is marked in its row, and "Open file" asks
once before opening it; a video opens straight away."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.engine.model import ItemState
from app.ui.queue_model import Column


def select_row(window, row: int) -> None:
    selection = window.view.selectionModel()
    selection.clearSelection()
    selection.select(window.model.index(row, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    window.view.setFocus()


def open_questions(presenter) -> list[str]:
    return [kind for kind in presenter.dialogs if kind.startswith("open:")]


def test_a_program_is_marked_and_opens_only_after_one_question(running_app, qtbot):
    window, presenter = running_app.window, running_app.window.presenter
    window.intake.add_text("https://a.example/get?size=2000&filename=setup.exe "
                           "https://a.example/watch/clip?size=2000")
    qtbot.waitUntil(lambda: [i.state for i in window.model.items()] == [
        ItemState.COMPLETED, ItemState.COMPLETED], timeout=10_000)
    program = running_app.download_dir / "setup.exe"
    details = window.model.index(0, Column.DETAILS).data()
    assert details.startswith("⚠ Can run programs · In ")
    assert "can run programs on your computer" in window.model.index(0, Column.TITLE).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "Can run programs" not in window.model.index(1, Column.DETAILS).data()

    select_row(window, 0)
    window.commands.open_file.trigger()
    window.commands.open_file.trigger()  # pressed twice: still one question
    assert running_app.opened_urls == []
    assert open_questions(presenter) == [f"open:{program}"]
    dialog = presenter.dialogs[f"open:{program}"]
    assert dialog.headline.text() == "Open “setup.exe”?"
    buttons = {b.text(): b for b in dialog.button_box.buttons()}
    assert set(buttons) == {"Open anyway", "Don't open"}

    buttons["Don't open"].click()
    qtbot.waitUntil(lambda: not open_questions(presenter), timeout=2000)
    assert running_app.opened_urls == []

    window.commands.open_file.trigger()
    dialog = presenter.dialogs[f"open:{program}"]
    next(b for b in dialog.button_box.buttons()
         if dialog.button_box.buttonRole(b) is QDialogButtonBox.ButtonRole.AcceptRole).click()
    assert running_app.opened_urls == [program.as_uri()]
    qtbot.waitUntil(lambda: not open_questions(presenter), timeout=2000)

    window.commands.open_file.trigger()  # asked once: now it opens
    assert running_app.opened_urls == [program.as_uri()] * 2 and not open_questions(presenter)

    select_row(window, 1)
    window.commands.open_file.trigger()  # a video never asks
    assert running_app.opened_urls[-1] == (running_app.download_dir / "clip.mp4").as_uri()
    assert not open_questions(presenter)
