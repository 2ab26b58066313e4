"""Never two dialogs on screen: one the app brings up by itself waits until the one on screen is
closed; one the person asks for covers it, and gives it back when closed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog


def on_screen() -> list[str]:
    return sorted(w.windowTitle() for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.isVisible())


def test_a_dialog_the_person_asks_for_covers_the_one_on_screen(running_app, qtbot):
    presenter = running_app.window.presenter
    presenter.show_credits_dialog(asked=False)
    assert on_screen() == ["Not enough credits"]

    settings = running_app.window.commands.settings
    settings.trigger()
    assert on_screen() == ["Settings"], "Settings covers the credits dialog"
    presenter.dialogs["settings"].reject()
    qtbot.waitUntil(lambda: on_screen() == ["Not enough credits"], timeout=2000)
    presenter.dialogs["credits"].close()
    qtbot.waitUntil(lambda: on_screen() == [], timeout=2000)


def test_the_app_waits_while_the_person_adds_links(running_app, qtbot):
    window = running_app.window
    add = window.show_add_dialog()
    assert on_screen() == ["Add URLs"]
    window.presenter.show_credits_dialog(asked=False)
    assert on_screen() == ["Add URLs"], "the credits dialog waits for the Add URLs dialog"
    add.reject()
    qtbot.waitUntil(lambda: on_screen() == ["Not enough credits"], timeout=2000)
    window.presenter.dialogs["credits"].close()
