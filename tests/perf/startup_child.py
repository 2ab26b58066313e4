"""The reference of P5: a bare PySide6 window (QMainWindow + QLabel). Prints "painted" on stdout
once its first paint has been delivered, then exits; the parent times from spawning this process.
The platform (xcb on a private Xvfb, or offscreen) comes from the parent's environment.

    python -m tests.perf.startup_child            the bare window
    python -m tests.perf.startup_child widgets    Qt's share of the app's first window: the same
        kinds of widgets (toolbar of 11 SVG-icon actions with shortcuts, a 5-column table view
        with a placeholder text painted on its viewport, two combo boxes and a check box, a status
        bar of five labels), set through Qt's enums (whose namespace the app's first frame no
        longer builds: app.ui.qt_values), none of the app's own code

The app is timed the same way through its own probe (VIDEOCONDUIT_STARTUP_PROBE, app.ui.run),
which prints after the main window's first paint — from source and in the packaged bundle.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    def painted() -> None:
        sys.stdout.write("painted\n")
        sys.stdout.flush()
        os._exit(0)  # what comes after the first paint is not measured

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, painted)  # after this paint has been delivered, as the app's probe
            return False

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    if sys.argv[1:] == ["widgets"]:
        same_widgets(window)
    else:
        window.setCentralWidget(QLabel("VideoConduit"))
    window.resize(900, 600)
    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    window.show()
    app.exec()


def same_widgets(window) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtGui import QAction, QIcon, QKeySequence, QPainter, QStandardItemModel
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QHBoxLayout,
        QHeaderView,
        QLabel,
        QStatusBar,
        QTableView,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    QLocale.system()
    icons = Path(__file__).resolve().parents[2] / "resources" / "icons"
    bar = QToolBar(window)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for n, name in enumerate(("add", "paste", "pause", "resume", "cancel", "retry", "retry-all",
                              "remove", "retry-all", "clear-finished", "settings")):
        action = QAction(QIcon(str(icons / f"{name}.svg")), name.title(), window)
        action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(False)
        bar.addAction(action)
    window.addToolBar(bar)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    strip = QHBoxLayout()
    for box in (QComboBox(central), QComboBox(central)):
        box.addItems(["MP4", "WebM", "MKV"])
        strip.addWidget(box)
    strip.addWidget(QCheckBox("Audio only", central))
    layout.addLayout(strip)

    class Table(QTableView):
        def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
            super().paintEvent(event)
            painter = QPainter(self.viewport())
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, "Drop links here")
            painter.end()

    model = QStandardItemModel(0, 5, central)
    model.setHorizontalHeaderLabels(["Video", "Status", "Progress", "Size", "Details"])
    table = Table(central)
    table.setViewport(QWidget(table))  # as the app does (no PySide6 type lookup at the paint)
    table.setModel(model)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    layout.addWidget(table, 1)
    window.setCentralWidget(central)
    status = QStatusBar(window)
    for text in ("Starting…", "Plan: not known yet", "Requests this minute: not known yet",
                 "Credits: unknown", "videoconduit.com"):
        status.addPermanentWidget(QLabel(text, status))
    window.setStatusBar(status)


if __name__ == "__main__":
    main()
