"""Every command of the window as a QAction (toolbar, context menu and shortcuts share them), and
which of them make sense for the current selection."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from app.resources import icon
from app.ui.qt_values import WIDGET_WITH_CHILDREN_SHORTCUT, WINDOW_SHORTCUT, set_qt_property

if TYPE_CHECKING:  # the window shows its (disabled) actions before the engine's types load
    from app.engine.model import Item, ItemState


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueueActions", text)


def enabled_commands(selected: Sequence[Item], present: Collection[ItemState]) -> set[str]:
    """Names of the actions that would do something now; `present`: the states that at least
    one item of the queue is in (the model keeps them, so no flush scans the whole queue)."""
    from app.engine.model import ItemState

    names = {"add_urls", "paste", "settings"}
    states = {item.state for item in selected}
    if selected:
        names |= {"remove", "copy_url"}
    if any(state.is_pausable for state in states):
        names |= {"pause", "toggle_pause"}
    if ItemState.PAUSED in states:
        names |= {"resume", "toggle_pause"}
    if any(not state.is_finished for state in states):
        names.add("cancel")
    if any(state in (ItemState.FAILED, ItemState.CANCELLED) and not item.needs_new_charge for item, state in
           ((item, item.state) for item in selected)):
        names.add("retry")
    if ItemState.UNCONFIRMED in states:
        names.add("look_again")
    if any(item.needs_new_charge for item in selected):
        names.add("submit_again")
    if len(selected) == 1:
        names.add("get_details")
        if selected[0].state is ItemState.COMPLETED and selected[0].file_path:
            names |= {"open_file", "show_in_folder"}
    if ItemState.FAILED in present or ItemState.UNCONFIRMED in present:
        names.add("retry_all_failed")
    if ItemState.COMPLETED in present or ItemState.CANCELLED in present:
        names.add("clear_finished")
    return names


class QueueActions(QObject):
    """The actions; `parent` (the window) owns them. Triggering is wired by the window."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._in_view_only: set[str] = set()  # names of the actions whose keys work in the table only
        window, in_view = WINDOW_SHORTCUT, WIDGET_WITH_CHILDREN_SHORTCUT  # (see app.ui.qt_values)
        make = self._make
        self.add_urls = make("add_urls", _tr("Add URLs…"), "add", QKeySequence.StandardKey.New,
                             window, _tr("Type or paste links to download"))
        self.paste = make("paste", _tr("Paste"), "paste", QKeySequence.StandardKey.Paste, window,
                          _tr("Queue the links on the clipboard"))
        self.pause = make("pause", _tr("Pause"), "pause", None, window,
                          _tr("Pause the selected downloads"))
        self.resume = make("resume", _tr("Resume"), "resume", None, window,
                           _tr("Resume the selected downloads"))
        self.toggle_pause = make("toggle_pause", _tr("Pause or resume"), None, "Space", in_view,
                                 _tr("Pause or resume the selected downloads"))
        self.cancel = make("cancel", _tr("Cancel"), "cancel", "Ctrl+.", window,
                           _tr("Stop the selected downloads and keep them in the list"))
        self.retry = make("retry", _tr("Retry"), "retry", "Ctrl+R", window,
                          _tr("Try the selected failed or cancelled downloads again"))
        self.look_again = make("look_again", _tr("Look again"), "retry", None, window,
                               _tr("Check VideoConduit's job list again for the selected links "
                                   "(costs nothing)"))
        self.submit_again = make("submit_again", _tr("Submit again (costs credits)"), "retry-all",
                                 None, window, _tr("Send the selected links to VideoConduit "
                                                   "again — a new charge, asked first"))
        self.remove = make("remove", _tr("Remove"), "remove", QKeySequence.StandardKey.Delete,
                           in_view, _tr("Remove the selected downloads from the list "
                                        "(downloaded files stay on disk)"))
        self.retry_all_failed = make("retry_all_failed", _tr("Retry all failed"), "retry-all",
                                     "Ctrl+Shift+R", window, _tr("Try every failed download again"))
        self.clear_finished = make("clear_finished", _tr("Clear finished"), "clear-finished",
                                   "Ctrl+Shift+Del", window, _tr("Remove finished downloads from the list"))
        # Some desktops (GNOME) have no standard key for Preferences: Ctrl+, then.
        self.settings = make("settings", _tr("Settings"), "settings",
                             QKeySequence.StandardKey.Preferences, window,
                             _tr("API key, download folder, notifications"), fallback="Ctrl+,")
        self.open_file = make("open_file", _tr("Open file"), "open-file", "Ctrl+O", window,
                              _tr("Open the downloaded file"))
        self.show_in_folder = make("show_in_folder", _tr("Show in folder"), "folder",
                                   "Ctrl+Shift+O", window, _tr("Open the folder that holds the file"))
        self.copy_url = make("copy_url", _tr("Copy URL"), "copy", QKeySequence.StandardKey.Copy,
                             in_view,
                             _tr("Copy the selected links"))
        self.get_details = make("get_details", _tr("Get details (costs 1 credit)"), "info",
                                "Ctrl+I", window, _tr("Ask VideoConduit for the video's title and length "
                                            "— this uses 1 credit"))

    def _make(self, name: str, text: str, icon_name: str | None,
              shortcut: QKeySequence.StandardKey | str | None, context: int,
              tip: str, fallback: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None and QKeySequence(shortcut).isEmpty() and fallback:
            shortcut = fallback
        if shortcut is not None:
            # setShortcuts([…]): choosing among setShortcut's overloads builds Qt's enums (qt_values)
            action.setShortcuts([QKeySequence(shortcut)])
            set_qt_property(action, "shortcutContext", context)
            if context != WINDOW_SHORTCUT:
                self._in_view_only.add(name)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})" if keys else tip
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)]

    def window_wide(self) -> list[QAction]:
        """The actions whose keys work wherever the focus is in the window (Ctrl+V …)."""
        return [action for action in self.all() if action.objectName() not in self._in_view_only]

    def hold_all(self) -> None:
        """While the window starts: nothing works before the queue has loaded."""
        for action in self.all():
            action.setEnabled(False)
        for action in (self.look_again, self.submit_again):
            action.setVisible(False)

    def update(self, selected: Sequence[Item], present: Collection[ItemState]) -> None:
        on = enabled_commands(selected, present)
        for action in self.all():
            action.setEnabled(action.objectName() in on)
        # Rare choices: on the toolbar only while the selection needs them.
        # (A hidden action also reports itself disabled: decide from `on`, not isEnabled().)
        for action in (self.look_again, self.submit_again):
            action.setVisible(action.objectName() in on)
