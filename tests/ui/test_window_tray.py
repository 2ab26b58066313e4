"""The tray: overall progress, one notification per finished batch, and close-to-tray."""

from __future__ import annotations

import dataclasses

from app.engine.model import ItemState
from app.ui.tray import Tray, overall_progress


def attach_tray(app) -> Tray:
    """Offscreen Qt has no system tray, so the window made none; attach one as a desktop would."""
    tray = Tray(app.window, app.engine, lambda: app.context.settings.notifications)
    tray.showRequested.connect(app.window.show_and_raise)
    tray.quitRequested.connect(app.window.request_quit)
    app.window.tray = tray
    return tray


def test_one_notification_for_a_whole_batch(running_app, qtbot):
    tray = attach_tray(running_app)
    notes: list[str] = []
    tray.notified.connect(notes.append)

    running_app.window.intake.add_text(
        "https://a.example/one https://a.example/two https://unsupported.example/three")
    running_app.wait_for_items(lambda items: all(i.state.is_finished for i in items), 15)
    qtbot.waitUntil(lambda: bool(notes), timeout=2000)
    qtbot.wait(300)

    assert notes == ["2 downloads finished · 1 failed"]
    assert tray.icon.toolTip() == "VideoConduit Desktop — Idle"


def test_no_notification_when_the_setting_is_off(running_app, qtbot):
    running_app.context.settings.notifications = False
    tray = attach_tray(running_app)
    notes: list[str] = []
    tray.notified.connect(notes.append)

    running_app.window.intake.add_text("https://a.example/one")
    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED, 15)
    qtbot.wait(300)

    assert notes == []


def test_closing_hides_to_the_tray_when_asked_to(running_app, qtbot):
    running_app.context.settings.close_to_tray = True
    tray = attach_tray(running_app)
    quits: list[bool] = []
    running_app.window.quitRequested.connect(lambda: quits.append(True))

    assert not running_app.window.close()
    assert not running_app.window.isVisible() and quits == []

    tray.showRequested.emit()
    assert running_app.window.isVisible()
    tray.quitRequested.emit()
    assert quits == [True]


def test_tray_menu_pauses_and_resumes_everything(running_app, qtbot):
    tray = attach_tray(running_app)
    running_app.engine.set_api_key(None)  # hold the queue still
    running_app.window.intake.add_text("https://a.example/one https://a.example/two")
    actions = tray.menu.actions()
    assert [a.text() for a in actions] == [
        "Show VideoConduit Desktop", "", "Pause all", "Resume all", "", "Quit"]
    texts = {action.text(): action for action in actions}

    texts["Pause all"].trigger()
    assert {i.state for i in running_app.engine.items} == {ItemState.PAUSED}
    texts["Resume all"].trigger()
    assert {i.state for i in running_app.engine.items} == {ItemState.WAITING}


def test_overall_progress_adds_up_the_downloads(running_app):
    running_app.engine.set_api_key(None)
    running_app.window.intake.add_text("https://a.example/one https://a.example/two")
    first, second = running_app.engine.items

    rows = [dataclasses.replace(first, state=ItemState.DOWNLOADING, bytes_done=300,
                                bytes_total=1000),
            dataclasses.replace(second, state=ItemState.DOWNLOADING, bytes_done=600,
                                bytes_total=1000)]
    assert overall_progress(rows) == "2 downloading · 45 %"
    assert overall_progress([first, second]) == "2 in progress"


def test_dock_click_brings_back_a_window_hidden_to_the_tray(running_app, qtbot):
    """macOS sends the application QEvent.ApplicationActivate for a click on the Dock icon."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.platform_requests import PlatformRequests

    running_app.context.settings.close_to_tray = True
    attach_tray(running_app)
    quits: list[bool] = []
    router = PlatformRequests(QApplication.instance(), lambda: quits.append(True),
                              reshow=running_app.window.reshow)
    try:
        assert not running_app.window.close()
        assert not running_app.window.isVisible()
        QCoreApplication.sendEvent(QApplication.instance(), QEvent(QEvent.Type.ApplicationActivate))
        assert running_app.window.isVisible() and quits == []
    finally:
        router.remove()


def test_the_menu_bar_icon_on_macos_is_a_monochrome_template(qapp):
    from PySide6.QtGui import QColor

    from app.resources import app_icon, tray_icon

    template = tray_icon("darwin")
    assert template.isMask()
    image = template.pixmap(22, 22).toImage()
    colours = {QColor(image.pixel(x, y)).rgb() & 0xFFFFFF for x in range(22) for y in range(22)
               if QColor.fromRgba(image.pixel(x, y)).alpha() > 0}
    assert colours == {0x000000}, "a template has only black (with alpha) pixels"
    assert not tray_icon("linux").isMask()
    assert tray_icon("linux").pixmap(22, 22).toImage() == app_icon().pixmap(22, 22).toImage()
