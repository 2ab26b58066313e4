"""First run without a key: a welcome with two ways in — the key, or the sandbox — instead of a
bare key prompt; in sandbox mode a banner keeps saying that nothing here is real."""

from __future__ import annotations

from keyring.backends import fail
from PySide6.QtWidgets import QApplication

from app.engine.model import KeyProblem
from app.keys import KeyStore
from app.ui.dialogs.key_dialog import KeyDialog
from app.ui.dialogs.welcome_dialog import WelcomeDialog
from app.ui.main_window import MainWindow
from app.ui.presenter import Presenter


def visible(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def first_run(running_app):
    """The running app as a first run: no sandbox, no key anywhere, a fresh window."""
    context = running_app.context
    context.sandbox = None
    context.key_store = KeyStore(backend=fail.Keyring(), env={})
    context.engine.set_api_key(None)
    assert not running_app.window.presenter.dialogs, "a missing key alone opens no dialog"
    started: list[bool] = []
    context.start_sandbox = lambda: started.append(True)
    window = MainWindow(context)
    window.presenter = Presenter(window, context)
    window.presenter.start()
    window.show()
    return window, started


def test_first_run_welcomes_instead_of_asking_for_a_key(running_app, qtbot):
    window, _started = first_run(running_app)
    try:
        assert running_app.engine.account.key_problem is KeyProblem.MISSING
        dialogs = window.presenter.dialogs
        assert list(dialogs) == ["welcome"], "one dialog at a time: the welcome covers the key"
        assert visible(WelcomeDialog) == [dialogs["welcome"]] and not visible(KeyDialog)
        assert window.presenter.banners["key"].isVisible()

        dialogs["welcome"].key_button.click()
        qtbot.waitUntil(lambda: not visible(WelcomeDialog), timeout=2000)
        assert list(dialogs) == ["key"] and visible(KeyDialog) == [dialogs["key"]]
    finally:
        window._quitting = True
        window.close()
        window.deleteLater()


def test_try_the_sandbox_from_the_welcome(running_app, qtbot):
    window, started = first_run(running_app)
    try:
        welcome = window.presenter.dialogs["welcome"]
        assert welcome.sandbox_button.isVisible()
        assert "nothing is charged" in welcome.sandbox_button.description()
        welcome.sandbox_button.click()
        assert started == [True]
        banner = window.presenter.banners["sandbox"]
        assert banner.text() == (
            "Sandbox mode — nothing here is charged; downloads are sample files.")
        qtbot.waitUntil(lambda: not visible(WelcomeDialog), timeout=2000)
    finally:
        window._quitting = True
        window.close()
        window.deleteLater()


def test_sandbox_mode_shows_its_banner_on_top(running_app):
    area = running_app.window.banner_area
    assert area.itemAt(0).widget() is running_app.window.presenter.banners["sandbox"]
    assert area.itemAt(0).widget().isVisible()


def test_a_dialog_the_app_brings_up_while_the_welcome_is_open_waits_its_turn(running_app, qtbot):
    from PySide6.QtWidgets import QDialog

    window, _started = first_run(running_app)
    try:
        welcome = window.presenter.dialogs["welcome"]
        credits = window.presenter.show_credits_dialog(asked=False)  # as the 402 brings it
        assert visible(QDialog) == [welcome], "never two dialogs at once"
        welcome.close()  # "Later"
        qtbot.waitUntil(lambda: visible(QDialog) == [credits], timeout=2000)
    finally:
        window._quitting = True
        window.close()
        window.deleteLater()
