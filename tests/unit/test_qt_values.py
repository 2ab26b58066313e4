"""app.ui.qt_values: every number is its Qt enum's, and a property set by number reads back as
that enum (so the first frame's widgets look exactly as if set through the enums)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTableView, QToolBar

from app.ui import qt_values as v


def test_each_number_is_its_enum():
    align = Qt.AlignmentFlag
    assert v.ALIGN_LEFT == align.AlignLeft.value
    assert v.ALIGN_RIGHT == align.AlignRight.value
    assert v.ALIGN_HCENTER == align.AlignHCenter.value
    assert v.ALIGN_VCENTER == align.AlignVCenter.value
    assert v.ALIGN_CENTER == align.AlignCenter.value
    assert v.TEXT_SINGLE_LINE == Qt.TextFlag.TextSingleLine.value
    assert v.TOOL_BUTTON_TEXT_BESIDE_ICON == Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value
    assert v.WINDOW_SHORTCUT == Qt.ShortcutContext.WindowShortcut.value
    assert v.WIDGET_WITH_CHILDREN_SHORTCUT == Qt.ShortcutContext.WidgetWithChildrenShortcut.value
    assert v.CUSTOM_CONTEXT_MENU == Qt.ContextMenuPolicy.CustomContextMenu.value
    assert v.MOVE_ACTION == Qt.DropAction.MoveAction.value


def test_a_property_set_by_number_reads_back_as_the_enum(qtbot):
    bar, label, table, action = QToolBar(), QLabel(), QTableView(), QAction("x")
    qtbot.addWidget(bar)
    qtbot.addWidget(label)
    qtbot.addWidget(table)
    v.set_qt_property(bar, "toolButtonStyle", v.TOOL_BUTTON_TEXT_BESIDE_ICON)
    v.set_qt_property(label, "alignment", v.ALIGN_RIGHT | v.ALIGN_VCENTER)
    v.set_qt_property(table.horizontalHeader(), "defaultAlignment", v.ALIGN_LEFT | v.ALIGN_VCENTER)
    v.set_qt_property(table, "contextMenuPolicy", v.CUSTOM_CONTEXT_MENU)
    v.set_qt_property(table, "defaultDropAction", v.MOVE_ACTION)
    v.set_qt_property(action, "shortcutContext", v.WIDGET_WITH_CHILDREN_SHORTCUT)
    assert bar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert table.horizontalHeader().defaultAlignment() == (
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert table.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu
    assert table.defaultDropAction() is Qt.DropAction.MoveAction
    assert action.shortcutContext() is Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_a_property_that_does_not_exist_is_an_error_not_a_silent_no_op(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="toolButtonStyle"):
        v.set_qt_property(label, "toolButtonStyle", v.TOOL_BUTTON_TEXT_BESIDE_ICON)
