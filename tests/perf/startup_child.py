"""Start-up to the first painted window, offscreen. Prints "painted" on stdout at the first paint
of a top-level window and exits at once; the parent times from spawning this process.

    python -m tests.perf.startup_child bare
    python -m tests.perf.startup_child app ARGS...   (app.main.main(ARGS))
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _painted_then_exit(widget: object) -> None:
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    os._exit(0)  # what comes after the first paint is not measured


def install_paint_hook(window_type: str) -> None:
    """Replace QApplication by a subclass that watches for the first paint of a `window_type`
    (the app creates its QApplication itself, looking the name up when it runs)."""
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Paint and isinstance(watched, QtWidgets.QWidget)
                    and watched.window().metaObject().className() == window_type):
                _painted_then_exit(watched)
            return False

    base = QtWidgets.QApplication

    class Application(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._first_paint = FirstPaint()
            self.installEventFilter(self._first_paint)

    QtWidgets.QApplication = Application  # type: ignore[misc]


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("VideoConduit"))
    window.resize(900, 600)
    window.show()
    app.exec()


def main() -> None:
    kind, args = sys.argv[1], sys.argv[2:]
    if kind == "bare":
        install_paint_hook("QMainWindow")
        bare()
    else:
        install_paint_hook("MainWindow")
        from app.main import main as app_main

        sys.exit(app_main(args))


if __name__ == "__main__":
    main()
