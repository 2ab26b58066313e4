"""Pieces of the settings dialog: the API key section (which says where the key really lives)
and small helpers for labelled, accessible controls."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.keys import ENV_VARIABLE
from app.settings import service_address_problem

if TYPE_CHECKING:
    from app.context import AppContext

W = TypeVar("W", bound=QWidget)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def labelled(widget: W, name: str | None = None) -> W:
    """A control with an accessible name: its own text for buttons, else `name`."""
    if name is None and isinstance(widget, QAbstractButton):
        name = widget.text()
    widget.setAccessibleName(name or "")
    return widget


def url_is_valid(text: str) -> bool:
    """The same rule the settings file applies: a web address."""
    scheme, _, rest = text.strip().partition("://")
    return scheme in ("https", "http") and bool(rest.strip("/"))


def service_address_is_safe(text: str) -> bool:
    """The settings file's rule for the service address: https://, or http:// on this computer
    only — the API key travels with every request."""
    return service_address_problem(text.strip()) is None


class KeySection(QGroupBox):
    change_key_requested = Signal()
    key_removed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_tr("API key"), parent)
        self._context = context
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(_tr("Where the API key is stored"))
        self.billing_label = QLabel(
            '<a href="billing">{}</a>'.format(_tr("Buy credits or change your plan…")), self)
        self.billing_label.setAccessibleName(_tr("Buy credits or change your plan"))
        self.billing_label.linkActivated.connect(
            lambda _link: context.open_url(context.billing_url))
        self.change_button = labelled(QPushButton(_tr("Change key…"), self))
        self.change_button.clicked.connect(self.change_key_requested)
        self.remove_button = labelled(QPushButton(_tr("Remove key"), self))
        self.remove_button.clicked.connect(self._confirm_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.billing_label)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        store = self._context.key_store
        if self._context.in_sandbox:
            text = _tr("Sandbox mode: the app uses the sandbox's own practice key.")
        elif store.env_override is not None:
            text = _tr("The key comes from the {variable} environment variable; it is not "
                       "stored by the app.").format(variable=ENV_VARIABLE)
        elif store.get() is None:
            text = _tr("No key yet. A key you enter is kept in {where}.").format(
                where=store.backend_description)
        elif store.persistent:
            text = _tr("Your key is stored in {where}.").format(where=store.backend_description)
        else:
            text = _tr("There is no usable system keyring, so your key is kept for this session "
                       "only; you will be asked for it again next time.")
        self.state_label.setText(text)
        self.remove_button.setEnabled(not self._context.in_sandbox and store.get() is not None
                                      and store.env_override is None)

    def _confirm_remove(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Remove the API key?"),
                          _tr("Remove the API key from this computer?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(_tr("VideoConduit shows a key only once, when it is created. "
                                   "Keep a copy if you want to use this key again."))
        remove = box.addButton(_tr("Remove key"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.finished.connect(lambda _result: self._removal_answered(box.clickedButton() is remove))
        self.confirm_box = box
        box.open()

    def _removal_answered(self, remove: bool) -> None:
        if remove:
            self._context.key_store.delete()
            self._context.engine.set_api_key(None)
            self.key_removed.emit()
        self.refresh()
