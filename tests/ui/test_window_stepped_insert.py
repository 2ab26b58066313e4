"""A large add reaches the table in steps (issue 11, P4): each step is one row insert on its own
turn of the event loop, the table paints between steps, the model is never reset, what the
person selected and where they scrolled stays, and a link pasted again while the first paste is
still being inserted never becomes a second row (or a second charge)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtGui import QGuiApplication

from app.api.models import DownloadOptions
from app.engine.model import Item, ItemState
from app.ui.queue_model import ROWS_PER_STEP, Column, QueueModel

MANY = ROWS_PER_STEP * 2 + 500  # three steps


def links(count: int, start: int = 0) -> str:
    return "\n".join(f"https://many.example/video/{n}" for n in range(start, start + count))


def all_rows_shown(app) -> bool:
    return app.window.model.rowCount() == len(app.engine.items)


class Watch(QObject):
    """Row inserts and resets of the model; viewport paints with the row count at the time."""

    def __init__(self, window) -> None:
        super().__init__()
        self.inserted: list[tuple[int, int]] = []
        self.resets = 0
        self.painted_rows: list[int] = []
        model = window.model
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.modelReset.connect(self._reset)
        self._model = model
        window.view.viewport().installEventFilter(self)

    def _reset(self) -> None:
        self.resets += 1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted_rows.append(self._model.rowCount())
        return False


def test_a_large_paste_arrives_in_steps_with_paints_between_and_no_reset(running_app, qtbot):
    running_app.engine.set_api_key(None)  # nothing starts: only the add is seen
    window = running_app.window
    watch = Watch(window)
    QGuiApplication.clipboard().setText(links(MANY))

    window.commands.paste.trigger()
    assert window.model.rowCount() == ROWS_PER_STEP  # the first step at once
    qtbot.waitUntil(lambda: all_rows_shown(running_app), timeout=10_000)

    assert watch.inserted == [(0, ROWS_PER_STEP - 1), (ROWS_PER_STEP, 2 * ROWS_PER_STEP - 1),
                              (2 * ROWS_PER_STEP, MANY - 1)]
    assert watch.resets == 0
    assert any(0 < rows < MANY for rows in watch.painted_rows), "no paint between the steps"
    shown = [window.model.index(row, Column.TITLE).data() for row in (0, MANY - 1)]
    assert shown[0].endswith("/video/0") and shown[1].endswith(f"/video/{MANY - 1}")


def test_selection_and_scroll_position_stay_while_rows_are_added(running_app, qtbot):
    running_app.engine.set_api_key(None)
    window = running_app.window
    window.intake.add_text(links(ROWS_PER_STEP))
    qtbot.waitUntil(lambda: all_rows_shown(running_app), timeout=10_000)
    view, model = window.view, window.model
    view.selectionModel().setCurrentIndex(
        model.index(40, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    chosen = model.item_at(40)

    window.intake.add_text(links(MANY, start=ROWS_PER_STEP))
    qtbot.waitUntil(lambda: all_rows_shown(running_app), timeout=10_000)

    assert bar.value() == scrolled
    assert [item.id for item in window.selected_items()] == [chosen.id]
    assert view.currentIndex().row() == 40


def test_links_pasted_again_during_a_stepped_add_are_never_a_second_row(running_app, qtbot):
    running_app.engine.set_api_key(None)
    window = running_app.window
    first = window.intake.add_text(links(MANY))
    assert window.model.adding_in_steps()

    again = window.intake.add_text(links(MANY))  # the same links, the first paste not yet shown
    qtbot.waitUntil(lambda: not window.model.adding_in_steps(), timeout=10_000)

    assert len(first.added) == MANY and again.added == ()
    assert again.skipped == {"already_queued": MANY}
    assert window.model.rowCount() == len(running_app.engine.items) == MANY
    shown_ids = [window.model.item_at(row).id for row in range(MANY)]
    assert len(set(shown_ids)) == MANY


def test_changes_and_removals_of_items_not_yet_shown_apply_to_them(running_app, qtbot):
    running_app.engine.set_api_key(None)
    window = running_app.window
    ids = list(window.intake.add_text(links(MANY)).added)
    assert window.model.adding_in_steps()

    running_app.engine.pause(ids[-10:])  # in the last step, not yet rows
    running_app.engine.remove(ids[-20:-10])
    window.bridge.flush()
    qtbot.waitUntil(lambda: not window.model.adding_in_steps(), timeout=10_000)

    model = window.model
    assert model.rowCount() == MANY - 10
    assert [model.item_at(row).id for row in range(model.rowCount())] == ids[:-20] + ids[-10:]
    assert {model.index(row, Column.STATUS).data() for row in range(MANY - 20, MANY - 10)} == {"Paused"}
    assert ItemState.PAUSED in model.present_states()


def _items(count: int) -> list[Item]:
    return [Item(id=n, url=f"https://many.example/video/{n}", options=DownloadOptions(),
                 state=ItemState.WAITING, position=float(n), added_at=1.0) for n in range(count)]


def _shown_ids(model: QueueModel) -> list[int]:
    return [model.item_at(row).id for row in range(model.rowCount())]


def test_the_same_items_added_twice_during_steps_are_one_row_each(qtbot):
    model = QueueModel()
    model.add_items_in_steps(_items(7), rows_per_step=2)
    model.add_items_in_steps(_items(7), rows_per_step=2)  # e.g. the stored queue, then an echo
    qtbot.waitUntil(lambda: not model.adding_in_steps(), timeout=5_000)
    assert _shown_ids(model) == list(range(7))
    model.remove_ids(range(7))
    assert model.present_states() == set()  # counted once each: no "waiting" row left behind


def test_a_reorder_during_steps_also_orders_the_rows_still_to_come(qtbot):
    model = QueueModel()
    model.add_items_in_steps(_items(6), rows_per_step=2)
    model.reorder([5, 4, 3, 2, 1, 0])
    qtbot.waitUntil(lambda: not model.adding_in_steps(), timeout=5_000)
    assert _shown_ids(model) == [5, 4, 3, 2, 1, 0]
