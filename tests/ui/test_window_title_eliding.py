"""A long link in a narrow Video column keeps both of its ends visible ("video.example/wat…"
would hide which video it is): the title column's delegate elides in the middle. It is set once
the window has painted (app.ui.queue_view), so this checks it is there in a running window."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionViewItem

from app.ui.queue_model import Column

LONG = "https://video.example/watch?v=the-beginning-of-a-long-name-and-then-its-very-own-ending"


def test_a_long_link_is_shortened_in_the_middle_keeping_both_ends(running_app, qtbot):
    window = running_app.window
    running_app.engine.add_urls([LONG])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    index = window.model.index(0, Column.TITLE)
    option = QStyleOptionViewItem()
    option.initFrom(window.view)  # the view's font and palette
    window.view.itemDelegateForColumn(Column.TITLE).initStyleOption(option, index)
    shown = option.fontMetrics.elidedText(option.text, option.textElideMode, 160)
    head, _, tail = shown.partition("…")
    assert shown != option.text and head and tail
    assert option.text.startswith(head) and option.text.endswith(tail)
