"""Shared test set-up.

QT_QPA_PLATFORM must be set before any QApplication exists: without a display Qt would
otherwise abort the whole pytest process.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read a developer's real key or settings.
os.environ.pop("VIDEOCONDUIT_API_KEY", None)

import asyncio  # noqa: E402

import pytest  # noqa: E402

# qasync loops must outlive pytest-qt's teardown: a collected loop's Qt timer can fire during
# teardown and crash the process (engineering notes, trap 1). So every loop made here is kept.
_KEEP_LOOPS_ALIVE: list[asyncio.AbstractEventLoop] = []


def make_qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app, already_running=True)
    _KEEP_LOOPS_ALIVE.append(loop)
    return loop


@pytest.fixture
def qasync_loop(qapp):
    """A qasync loop set as the current event loop, for UI flows driven with qtbot."""
    loop = make_qasync_loop()
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
