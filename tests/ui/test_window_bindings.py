"""The Qt bindings must not lose references to None/True/False.

PySide6 6.12.0 on Python 3.11 does: every call of a void method (setText, setEnabled, …) takes
one reference from None, and after a few thousand calls the interpreter aborts with "Fatal Python
error: none_dealloc". A window that refreshes its actions and labels does that within minutes.
Python 3.12+ hides it (None is immortal there), so this checks the behaviour, not a version.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

CALLS = 2000


def test_void_qt_calls_keep_the_reference_count_of_none(qapp):
    label, action = QLabel(), QAction("x")
    before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(CALLS):
        label.setText("a" if n % 2 else "b")
        action.setEnabled(bool(n % 2))
    after = sys.getrefcount(None), sys.getrefcount(True)
    # Tolerance for unrelated references made meanwhile; the bug loses 2 × CALLS of them.
    assert abs(after[0] - before[0]) < 50, f"None lost {before[0] - after[0]} references"
    assert abs(after[1] - before[1]) < 50, f"True lost {before[1] - after[1]} references"
