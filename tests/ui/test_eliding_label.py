"""ElidingLabel as the person sees it: its text where its alignment says, whether the alignment
came through the constructor (the first frame's way) or setAlignment later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.ui.qt_values import ALIGN_RIGHT, ALIGN_VCENTER
from app.ui.widgets import ElidingLabel


def _ink_columns(label) -> list[int]:
    """The x of every column where the label's text left ink."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)
    return [x for x in range(image.width())
            if any(image.pixelColor(x, y) != background for y in range(image.height()))]


def _shown(qtbot, label) -> ElidingLabel:
    qtbot.addWidget(label)
    label.setText("Hi")
    label.resize(300, 30)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), QColor(0, 0, 0))
    label.setPalette(palette)
    return label


def test_text_aligned_right_from_the_constructor_is_drawn_at_the_right(qtbot):
    label = _shown(qtbot, ElidingLabel(alignment=ALIGN_RIGHT | ALIGN_VCENTER))
    assert min(_ink_columns(label)) > 200


def test_set_alignment_later_moves_the_drawn_text(qtbot):
    label = _shown(qtbot, ElidingLabel())
    assert max(_ink_columns(label)) < 100  # left, the default
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert min(_ink_columns(label)) > 200
