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
    # qasync registers itself as the *running* loop of this thread; unregister it, or every
    # later asyncio.run() and pytest-asyncio test says "cannot be called from a running loop".
    asyncio.events._set_running_loop(None)


@pytest.fixture(scope="session")
def secret_service():
    """A private, unlocked Secret Service (dbus-daemon + gnome-keyring-daemon) for this session.

    Yields tests.secret_service.PrivateSecretService: `.env` for child processes (secret-tool,
    the app), `.backend()` for a keyring backend in-process. secretstorage reads the bus address
    from os.environ, so DBUS_SESSION_BUS_ADDRESS points at the private bus until the session
    ends. A daemon that cannot start FAILS the keyring tests with its stderr — never a skip.
    """
    from tests.secret_service import PrivateSecretService, SecretServiceError

    service = PrivateSecretService()
    failure = None
    try:
        service.start()
    except SecretServiceError as exc:
        failure = str(exc)
    if failure is not None:
        service.stop()
        pytest.fail(f"The private Secret Service did not start:\n{failure}", pytrace=False)
    previous = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.bus_address
    try:
        yield service
    finally:
        if previous is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous
        service.stop()


@pytest.fixture(autouse=True)
def _keyring_marker_starts_secret_service(request):
    """A test marked `keyring` gets the private Secret Service even if it does not ask for it."""
    if request.node.get_closest_marker("keyring") is not None:
        request.getfixturevalue("secret_service")


@pytest.fixture
def restore_root_logger():
    """setup_logging changes the process-wide root logger; give the next test the old one."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
