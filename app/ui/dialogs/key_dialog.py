"""Entering the API key: masked by default, paste-friendly, checked as you type, testable with a
free call before saving, and honest about where it will be kept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QWidget,
)
from qasync import asyncSlot

from app.engine.model import KeyProblem
from app.keys import KeyStore, StoreResult, normalize_key, validate_key_format
from app.ui.announce import announce
from app.ui.dialogs.message_dialog import MessageDialog
from app.ui.problem_text import KEYS_PAGE_URL, describe_error, key_headline
from app.ui.theme import failure_color, success_color

Role = QDialogButtonBox.ButtonRole
KEY_DIALOG_WIDTH = 560


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeyDialog", text)


def clean_pasted_key(text: str) -> str:
    """What a paste meant: no surrounding whitespace, no line breaks from a wrapped e-mail."""
    return normalize_key(text.replace("\r", "").replace("\n", ""))


@dataclass(frozen=True)
class KeyTestResult:
    """What a key test found: a reason it does not work, or the plan it belongs to if known."""

    reason: str | None = None
    plan: str | None = None

    @property
    def works(self) -> bool:
        return self.reason is None

    def describe(self) -> str:
        if self.reason is not None:
            return self.reason
        if self.plan:
            return _tr("Works — your plan: {plan}").format(plan=self.plan)
        return _tr("Works — VideoConduit accepted this key.")


KeyTester = Callable[[str], Awaitable[KeyTestResult]]


class KeyDialog(MessageDialog):
    key_saved = Signal(str, object)  # the key, the StoreResult
    open_url_requested = Signal(str)

    def __init__(self, key_store: KeyStore, test_key: KeyTester | None,
                 problem: KeyProblem | None = None, detail: str | None = None,
                 keys_url: str = KEYS_PAGE_URL, parent: QWidget | None = None) -> None:
        super().__init__(QStyle.StandardPixmap.SP_MessageBoxQuestion, parent)
        self._key_store = key_store
        self._test_key = test_key
        self.setWindowTitle(_tr("API key"))
        self.setMinimumWidth(KEY_DIALOG_WIDTH)  # room for a whole key when it is shown
        self.set_headline(key_headline(problem))
        if problem is KeyProblem.INVALID and detail:
            self.add_paragraph(_tr("VideoConduit said: {detail}").format(detail=detail))
        self.add_paragraph(
            _tr('Copy your key from <a href="{url}">your VideoConduit dashboard</a>. It starts '
                'with vc_. The full key is shown only once when it is created — if you no longer '
                'have it, make a new one.').format(url=keys_url),
            rich=True,
        ).linkActivated.connect(self.open_url_requested.emit)

        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("vc_…")
        self.key_edit.setAccessibleName(_tr("API key"))
        self.key_edit.setAccessibleDescription(_tr(
            "Starts with vc_. It stays hidden unless you choose Show the key."))
        self.key_edit.textEdited.connect(self._clean_edit)
        self.key_edit.textChanged.connect(self._validate)
        self.show_button = QPushButton(_tr("Show"), self)
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(_tr("Show the key"))
        self.show_button.toggled.connect(self._toggle_visible)
        self.test_button = QPushButton(_tr("Test key"), self)
        self.test_button.setAccessibleName(_tr("Test the key"))
        self.test_button.clicked.connect(self._run_test)
        self.test_button.setVisible(test_key is not None)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.test_button)
        self.body.addLayout(row)

        self.status = self.add_paragraph()
        self.status.setAccessibleName(_tr("Key check"))
        self.storage = self.add_paragraph(self._storage_text())

        self.save_button = self.add_button(_tr("Save"), Role.AcceptRole, self._save)
        self.save_button.setDefault(True)
        self.add_button(_tr("Cancel"), Role.RejectRole, self.reject)
        self._validate(self.key_edit.text())

    # -- typing ---------------------------------------------------------------------------

    def _clean_edit(self, text: str) -> None:
        cleaned = clean_pasted_key(text)
        if cleaned != text:
            self.key_edit.setText(cleaned)

    def _toggle_visible(self, visible: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if visible
                                  else QLineEdit.EchoMode.Password)
        self.show_button.setText(_tr("Hide") if visible else _tr("Show"))
        self.show_button.setAccessibleName(_tr("Hide the key") if visible
                                           else _tr("Show the key"))

    def _validate(self, text: str) -> None:
        reason = validate_key_format(text)
        self.save_button.setEnabled(reason is None)
        self.test_button.setEnabled(reason is None)
        if reason is None:
            self._set_status(_tr("Looks like an API key."), good=True)
        else:
            self._set_status(QCoreApplication.translate("keys", reason),
                             good=None if not text else False)

    def _set_status(self, text: str, good: bool | None) -> None:
        self.status.setText(text)
        if good is None:
            self.status.setStyleSheet("")
            return
        colour = success_color(self.palette()) if good else failure_color(self.palette())
        self.status.setStyleSheet(f"color: {colour.name()};")

    def _storage_text(self) -> str:
        if self._key_store.persistent:
            return _tr("The key will be saved in {where}.").format(
                where=self._key_store.backend_description)
        return _tr("There is no usable system keyring, so the key is kept for this session only; "
                   "you will be asked for it again next time.")

    # -- testing and saving ---------------------------------------------------------------

    @asyncSlot()
    async def _run_test(self) -> None:
        if self._test_key is None:
            return
        key = clean_pasted_key(self.key_edit.text())
        self.test_button.setEnabled(False)
        self._set_status(_tr("Testing the key…"), good=None)
        try:
            result = await self._test_key(key)
        except Exception as exc:  # the test must never take the dialog down
            result = KeyTestResult(reason=_tr("Could not test the key: {reason}").format(
                reason=describe_error(exc)))
        if clean_pasted_key(self.key_edit.text()) != key:
            return  # the person typed on: this answer is about an older key
        self._set_status(result.describe(), good=result.works)
        announce(self.status, self.status.text(), urgent=not result.works)
        self.test_button.setEnabled(True)

    def _save(self) -> None:
        key = clean_pasted_key(self.key_edit.text())
        try:
            result: StoreResult = self._key_store.set(key)
        except ValueError as exc:
            self._set_status(str(exc), good=False)
            return
        self.key_saved.emit(key, result)
        self.accept()
