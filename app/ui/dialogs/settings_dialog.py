"""Settings: where files go, how many at once, how the app behaves, the API key (and honestly
where it is kept), the billing link, and — folded away — the service address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.settings import FORMATS, MAX_CONCURRENCY, QUALITIES
from app.ui.dialogs.browser_section import BrowserSection
from app.ui.dialogs.settings_parts import KeySection, labelled, service_address_is_safe, url_is_valid
from app.ui.options_strip import format_label, quality_label

if TYPE_CHECKING:
    from app.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class SettingsDialog(QDialog):
    change_key_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        settings = context.settings
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_tr("Settings"))
        self.setMinimumWidth(520)

        self.folder_edit = labelled(QLineEdit(str(settings.download_dir), self), _tr("Download folder"))
        choose = QPushButton(_tr("Choose…"), self)
        choose.setAccessibleName(_tr("Choose the download folder"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.concurrency = labelled(QSpinBox(self), _tr("Downloads at the same time"))
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(settings.concurrency)
        self.format_box = self._choices(_tr("Format"), FORMATS, settings.default_format, format_label)
        self.quality_box = self._choices(_tr("Quality"), QUALITIES, settings.default_quality,
                                         quality_label)
        self.audio_only = labelled(QCheckBox(_tr("Audio only (costs 1 credit instead of 2)"), self))
        self.audio_only.setChecked(settings.default_audio_only)
        downloads = QGroupBox(_tr("Downloads"), self)
        form = QFormLayout(downloads)
        form.addRow(_tr("Save files in:"), folder_row)
        form.addRow(_tr("Downloads at the same time:"), self.concurrency)
        form.addRow(_tr("Format:"), self.format_box)
        form.addRow(_tr("Quality:"), self.quality_box)
        form.addRow("", self.audio_only)

        self.notifications = labelled(QCheckBox(_tr("Notify me when downloads finish or fail"), self))
        self.notifications.setChecked(settings.notifications)
        self.clipboard = labelled(QCheckBox(_tr("Offer links I copy to the clipboard"), self))
        self.clipboard.setChecked(settings.clipboard_autofill)
        self.close_to_tray = labelled(QCheckBox(
            _tr("Keep downloading in the system tray when the window is closed"), self))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.browser_section = BrowserSection(settings, self)
        behaviour = QGroupBox(_tr("Behaviour"), self)
        behaviour_layout = QVBoxLayout(behaviour)
        for box in (self.notifications, self.clipboard, self.close_to_tray):
            behaviour_layout.addWidget(box)

        self.key_section = KeySection(context, self)
        self.key_section.change_key_requested.connect(self.change_key_requested)

        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setText(_tr("Advanced"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        self.advanced = QWidget(self)
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(18, 0, 0, 0)
        self.api_base_edit = labelled(QLineEdit(settings.api_base, self), _tr("Service address"))
        self.billing_edit = labelled(QLineEdit(settings.billing_url, self), _tr("Buy credits page"))
        advanced_form.addRow(_tr("Service address:"), self.api_base_edit)
        advanced_form.addRow(_tr("Buy credits page:"), self.billing_edit)
        advanced_form.addRow("", QLabel(_tr("A new service address is used after a restart."), self))
        self.advanced.setVisible(False)

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        # Our own words, not Qt's standard buttons: those need Qt's translations, which the app
        # does not carry.
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(12)
        for part in (downloads, behaviour, self.browser_section, self.key_section,
                     self.advanced_toggle, self.advanced, self.error, buttons):
            layout.addWidget(part)

    def _choices(self, name: str, values: tuple[str, ...], current: str | None,
                 label: Callable[[str], str]) -> QComboBox:
        box = labelled(QComboBox(self), name)
        box.addItem(_tr("Service default"), None)
        for value in values:
            box.addItem(label(value), value)
        box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
        return box

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                          else Qt.ArrowType.RightArrow)
        self.adjustSize()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("Choose the download folder"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _save(self) -> None:
        folder = self.folder_edit.text().strip()
        if not folder:
            return self._show_error(_tr("Choose a folder for the downloads."))
        for edit, what in ((self.api_base_edit, _tr("service address")),
                           (self.billing_edit, _tr("buy credits page"))):
            if not url_is_valid(edit.text()):
                self.advanced_toggle.setChecked(True)
                return self._show_error(_tr("The {what} must be a web address (https://…).").format(what=what))
        if not service_address_is_safe(self.api_base_edit.text()):
            self.advanced_toggle.setChecked(True)
            return self._show_error(_tr(
                "The service address must start with https://: over http:// your API key would "
                "travel unencrypted. Only an address on this computer (localhost, 127.0.0.1, ::1) "
                "may use http://."))
        settings, engine = self._context.settings, self._context.engine
        settings.download_dir = Path(folder).expanduser()
        settings.concurrency = self.concurrency.value()
        settings.default_format = self.format_box.currentData()
        settings.default_quality = self.quality_box.currentData()
        settings.default_audio_only = self.audio_only.isChecked()
        settings.notifications = self.notifications.isChecked()
        settings.clipboard_autofill = self.clipboard.isChecked()
        settings.close_to_tray = self.close_to_tray.isChecked()
        self.browser_section.apply(settings)
        settings.api_base = self.api_base_edit.text().strip()
        settings.billing_url = self.billing_edit.text().strip()
        try:
            self._context.save_settings()
        except OSError as exc:
            return self._show_error(_tr("The settings could not be saved: {reason}").format(
                reason=exc.strerror or exc))
        engine.set_concurrency(settings.concurrency)
        engine.set_download_dir(settings.download_dir)
        self.accept()

