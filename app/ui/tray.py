"""The system tray: overall progress in the tooltip, a small menu, and one notification when a
batch of downloads ends — never one per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from app import APP_NAME
from app.engine.model import Item, ItemState
from app.resources import app_icon, icon, tray_icon
from app.ui.formatting import format_percent
from app.ui.i18n import tr_n

_RUNNING = (ItemState.WAITING, ItemState.SUBMITTING, ItemState.PROCESSING, ItemState.DOWNLOADING)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tray", text)


@dataclass(frozen=True)
class BatchSummary:
    completed: int
    failed: int

    def message(self) -> str:
        done = tr_n("Tray", self.completed, "%n download finished", "%n downloads finished")
        if not self.failed:
            return done
        failed = tr_n("Tray", self.failed, "%n failed", "%n failed")
        return f"{done} · {failed}"


class BatchWatcher:
    """A batch starts when something starts running and ends when nothing runs any more."""

    def __init__(self) -> None:
        self._members: set[int] = set()

    def observe(self, items: Iterable[Item]) -> BatchSummary | None:
        """The batch's summary at the moment it ends, else None."""
        items = list(items)
        running = {item.id for item in items if item.state in _RUNNING}
        self._members |= running
        if running or not self._members:
            return None
        states = {item.id: item.state for item in items if item.id in self._members}
        self._members.clear()
        completed = sum(1 for s in states.values() if s is ItemState.COMPLETED)
        failed = sum(1 for s in states.values() if s is ItemState.FAILED)
        return BatchSummary(completed, failed) if completed or failed else None


def overall_progress(items: Iterable[Item]) -> str:
    """"3 downloading · 45 %" — the bytes of everything that is downloading, together."""
    items = list(items)
    downloading = [i for i in items if i.state is ItemState.DOWNLOADING]
    waiting = sum(1 for i in items if i.state in _RUNNING) - len(downloading)
    if not downloading:
        return tr_n("Tray", waiting, "%n in progress", "%n in progress") if waiting else _tr("Idle")
    done = sum(i.bytes_done for i in downloading)
    total = sum(i.bytes_total or 0 for i in downloading)
    text = tr_n("Tray", len(downloading), "%n downloading", "%n downloading")
    if total:
        text += " · " + format_percent(done / total)
    return text


class Tray(QObject):
    """Exists only where the platform has a tray (QSystemTrayIcon.isSystemTrayAvailable())."""

    showRequested = Signal()
    quitRequested = Signal()
    notified = Signal(str)  # the text of each batch notification shown

    def __init__(self, window: QWidget, engine, notifications_enabled: Callable[[], bool]) -> None:
        super().__init__(window)
        self._engine = engine
        self._notifications_enabled = notifications_enabled
        self._batch = BatchWatcher()
        self.icon = QSystemTrayIcon(tray_icon(), self)
        menu = QMenu(window)
        self._add(menu, _tr("Show {app}").format(app=APP_NAME), None, self.showRequested.emit)
        menu.addSeparator()
        # All of the queue: off while it loads, or they would reach only the rows loaded so far.
        self.queue_commands = (self._add(menu, _tr("Pause all"), "pause", self._pause_all),
                               self._add(menu, _tr("Resume all"), "resume", self._resume_all))
        menu.addSeparator()
        self._add(menu, _tr("Quit"), "quit", self.quitRequested.emit)
        self.menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.icon.setToolTip(APP_NAME)
        self.icon.show()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def _add(self, menu: QMenu, text: str, icon_name: str | None, slot) -> QAction:
        action = menu.addAction(text)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        return action

    def take_commands(self, on: bool) -> None:
        for action in self.queue_commands:
            action.setEnabled(on)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.showRequested.emit()

    def _pause_all(self) -> None:
        self._engine.pause([item.id for item in self._engine.items])

    def _resume_all(self) -> None:
        self._engine.resume([item.id for item in self._engine.items])

    def refresh(self, items: list[Item]) -> None:
        """Called after each batch of changes: tooltip, and the end-of-batch notification."""
        self.icon.setToolTip(f"{APP_NAME} — {overall_progress(items)}")
        summary = self._batch.observe(items)
        if summary and self._notifications_enabled():
            message = summary.message()
            self.icon.showMessage(APP_NAME, message, app_icon(), 8000)
            self.notified.emit(message)
