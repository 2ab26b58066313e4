"""The reference of P5: a bare PySide6 window (QMainWindow + QLabel). Prints "painted" on stdout
once its first paint has been delivered, then exits; the parent times from spawning this process.
The platform (xcb on a private Xvfb, or offscreen) comes from the parent's environment.

    python -m tests.perf.startup_child

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
    window.setCentralWidget(QLabel("VideoConduit"))
    window.resize(900, 600)
    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
