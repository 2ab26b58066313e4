"""Row commands from the keyboard, the toolbar and the context menu reach the engine, and the
screen follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from app.engine.model import ItemState
from app.ui.queue_model import Column
from tests.ui.conftest import sandbox_options


@pytest.fixture
def sandbox_settings():
    return sandbox_options(job_seconds=1.0)


def select_rows(window, *rows: int) -> None:
    selection = window.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    window.view.setFocus()


def status_of(window, row: int) -> str:
    return window.model.index(row, Column.STATUS).data()


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def test_space_pauses_and_resumes_the_selection(running_app, qtbot):
    window = running_app.window
    window.intake.add_text("https://a.example/slow/1 https://a.example/slow/2")
    select_rows(window, 1)

    press(qtbot, window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: status_of(window, 1) == "Paused", timeout=3000)
    assert running_app.engine.items[1].state is ItemState.PAUSED
    assert running_app.engine.items[0].state is not ItemState.PAUSED

    press(qtbot, window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: status_of(window, 1) != "Paused", timeout=3000)


def test_delete_removes_the_selected_rows(running_app, qtbot):
    window = running_app.window
    window.intake.add_text("https://a.example/1 https://a.example/2 https://a.example/3")
    select_rows(window, 0, 2)

    press(qtbot, window.view, Qt.Key.Key_Delete)

    assert [item.url for item in running_app.engine.items] == ["https://a.example/2"]
    assert window.model.rowCount() == 1


def test_ctrl_r_retries_a_failed_row(running_app, qtbot):
    window = running_app.window
    link = "https://unsupported.example/video"
    window.intake.add_text(link)
    qtbot.waitUntil(lambda: window.model.item_at(0).state is ItemState.FAILED, timeout=5000)
    assert status_of(window, 0) == "Failed"
    assert window.model.index(0, Column.DETAILS).data() == (
        "This site isn't supported, or the video is unavailable")
    assert "Could not extract info from URL" in window.model.index(
        0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    select_rows(window, 0)

    press(qtbot, window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: running_app.sandbox.admin.posts_for_url(link) == 2, timeout=5000)


def test_finished_rows_open_with_ctrl_o_and_clear_away(running_app, qtbot):
    window = running_app.window
    window.intake.add_text("https://a.example/watch/clip https://unsupported.example/x")
    qtbot.waitUntil(lambda: [i.state for i in window.model.items()] == [
        ItemState.COMPLETED, ItemState.FAILED], timeout=10_000)
    select_rows(window, 0)

    press(qtbot, window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    path = running_app.download_dir / "clip.mp4"
    assert running_app.opened_urls == [path.as_uri()]
    window.commands.show_in_folder.trigger()
    assert running_app.opened_urls[-1] == running_app.download_dir.as_uri()

    assert window.commands.clear_finished.isEnabled()
    window.commands.clear_finished.trigger()
    assert [item.url for item in window.model.items()] == ["https://unsupported.example/x"]
    assert path.exists(), "clearing the list never deletes downloaded files"


def test_actions_follow_the_selection(running_app, qtbot):
    window = running_app.window
    acts = window.commands
    window.intake.add_text("https://a.example/slow/1")
    assert not acts.pause.isEnabled() and not acts.remove.isEnabled()

    select_rows(window, 0)
    assert acts.pause.isEnabled() and acts.remove.isEnabled() and acts.cancel.isEnabled()
    assert not acts.resume.isEnabled() and not acts.retry.isEnabled()
    assert not acts.open_file.isEnabled()

    acts.pause.trigger()
    qtbot.waitUntil(lambda: acts.resume.isEnabled(), timeout=3000)
    assert not acts.pause.isEnabled()


def test_copy_url_puts_the_links_on_the_clipboard(running_app):
    window = running_app.window
    window.intake.add_text("https://a.example/1 https://a.example/2")
    select_rows(window, 0, 1)

    window.commands.copy_url.trigger()

    assert QGuiApplication.clipboard().text() == "https://a.example/1\nhttps://a.example/2"


def test_get_details_says_what_it_costs_and_fetches_nothing_by_itself(running_app, qtbot):
    window = running_app.window
    window.intake.add_text("https://a.example/slow/1")
    select_rows(window, 0)
    assert window.commands.get_details.text() == "Get details (costs 1 credit)"

    window._context_menu(window.view.visualRect(window.model.index(0, 0)).center())
    menu_texts = [a.text() for a in window.context_menu.actions()
                  if not a.isSeparator() and a.isVisible()]
    window.context_menu.close()
    assert menu_texts == ["Pause", "Resume", "Cancel", "Retry", "Remove", "Open file",
                          "Show in folder", "Copy URL", "Get details (costs 1 credit)"]

    window.commands.get_details.trigger()
    item_id = running_app.engine.items[0].id
    assert f"details:{item_id}" in window.presenter.dialogs
    qtbot.wait(200)
    assert not [e for e in running_app.sandbox.admin.log("api") if e["path"] == "/v1/info"]


def test_every_toolbar_command_works_from_the_keyboard(running_app, qtbot):
    """Toolbar buttons take no keyboard focus: each command has a key of its own, or is in the
    row menu that Shift+F10 (or the Menu key) opens on the current row."""
    window = running_app.window
    window.intake.add_text("https://a.example/slow/1")
    select_rows(window, 0)
    window.view.setCurrentIndex(window.model.index(0, 0))

    press(qtbot, window.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "context_menu", None) is not None
                    and window.context_menu.isVisible(), timeout=2000)
    in_menu = {a.objectName() for a in window.context_menu.actions() if a.objectName()}
    window.context_menu.close()
    without_key = {a.objectName() for a in window.toolbar.actions()
                   if a.objectName() and a.shortcut().isEmpty()}
    assert without_key <= in_menu, f"neither a key nor in the row menu: {without_key - in_menu}"
    assert {"pause", "resume", "look_again", "submit_again"} <= in_menu


def test_new_command_keys_reach_the_engine(running_app, qtbot):
    window = running_app.window
    window.intake.add_text("https://a.example/slow/1 https://unsupported.example/x")
    qtbot.waitUntil(lambda: window.model.item_at(1).state is ItemState.FAILED, timeout=5000)
    select_rows(window, 0)

    press(qtbot, window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "https://a.example/slow/1"
    press(qtbot, window.view, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_of(window, 0) == "Cancelled", timeout=3000)

    link = "https://unsupported.example/x"
    press(qtbot, window.view, Qt.Key.Key_R,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: running_app.sandbox.admin.posts_for_url(link) == 2, timeout=5000)

    press(qtbot, window.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "settings" in window.presenter.dialogs, timeout=2000)
    window.presenter.dialogs["settings"].reject()
