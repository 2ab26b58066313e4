"""Qt's enum values by number, for the code that runs before the window's first paint.

The first use of ``PySide6.QtCore.Qt`` — importing the name, passing or receiving any of its
enums — makes PySide create Python enums for the whole namespace: ~100 of them, ~17 ms on this
machine, about a tenth of the time to the first frame (tests/perf P5). A bare window needs none.
So the first frame's widgets set their few Qt-typed properties through Qt's property system,
which takes the C++ value; tests/unit/test_qt_values.py checks every number against its enum,
and tests/integration/test_first_paint.py that nothing before the paint touched ``Qt``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

ALIGN_LEFT = 0x0001
ALIGN_RIGHT = 0x0002
ALIGN_HCENTER = 0x0004
ALIGN_VCENTER = 0x0080
ALIGN_CENTER = ALIGN_HCENTER | ALIGN_VCENTER
TEXT_SINGLE_LINE = 0x0100  # a Qt.TextFlag: QPainter.drawText takes these as a plain int

TOOL_BUTTON_TEXT_BESIDE_ICON = 2  # Qt.ToolButtonStyle
CUSTOM_CONTEXT_MENU = 3  # Qt.ContextMenuPolicy
MOVE_ACTION = 0x2  # Qt.DropAction
WINDOW_SHORTCUT = 1  # Qt.ShortcutContext
WIDGET_WITH_CHILDREN_SHORTCUT = 3


def set_qt_property(target: QObject, name: str, value: int) -> None:
    """target.name = value through the property system (the C++ enum by its number)."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no property {name!r} taking {value}")
