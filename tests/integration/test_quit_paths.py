"""Every way the platform quits the app ends the session cleanly: the queue is closed, then the
loop stops. macOS sends QEvent.Quit to the application for Cmd+Q, Dock › Quit and the app menu;
QCoreApplication.quit() sends the same event on every platform; QCoreApplication.exit() cannot be
refused. A real `python -m app` window session (offscreen) gets each one once its window is up."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.queue_lock import QueueLock

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]

# Runs the app's own main() after arranging for `HOW` once the main window is visible and its
# session runs (the window shows before that; app.quit() does nothing before Qt's loop runs).
DRIVER = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

def when_window_is_up():
    if not any(type(w).__name__ == "MainWindow" and w.isVisible() and w.is_ready
               for w in app.topLevelWidgets()):
        QTimer.singleShot(50, when_window_is_up)
        return
    print("quitting by " + HOW, file=sys.stderr, flush=True)
    if HOW == "macos-quit-event":
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.Quit))
    elif HOW == "sent-quit-event":
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.Quit))
    elif HOW == "app-quit":
        app.quit()
    else:
        app.exit(0)

QTimer.singleShot(0, when_window_is_up)
from app.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("how", ["macos-quit-event", "sent-quit-event", "app-quit", "app-exit"])
def test_quitting_closes_the_queue_then_the_loop(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = subprocess.run(
        [sys.executable, "-c", f"HOW = {how!r}\n{DRIVER}", "--sandbox", "--data-dir", str(data),
         "--download-dir", str(tmp_path / "files")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=90)

    assert f"quitting by {how}" in result.stderr
    assert "Traceback" not in result.stderr and "RuntimeError" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    # A quit event goes through the window's own Quit; only exit() needs the rescue after the loop.
    log = "\n".join(path.read_text() for path in (data / "logs").glob("*.log*"))
    assert "session ended: the queue is closed" in log, log
    assert ("stopped before the session ended" in log) == (how == "app-exit"), log
    database = data / "sandbox-queue.sqlite3"
    assert database.is_file()
    # Closed, not abandoned: SQLite folds the write-ahead log back in and removes it on the last
    # close, and the queue's lock is free for the next launch.
    assert not database.with_name(database.name + "-wal").exists()
    assert QueueLock(Path(str(database) + ".lock")).try_acquire()
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM items").fetchone() == (0,)
