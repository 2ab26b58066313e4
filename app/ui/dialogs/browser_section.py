"""The settings dialog's "Links from your browser" group: which browser links wait for an OK
(app/ui/held_links.py), and a button that lets the installed browsers reach this app (the same
per-user host manifests as `--install-browser-integration`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.browser import manifests
from app.settings import Settings
from app.ui.dialogs.settings_parts import labelled


def _tr(text: str) -> str:
    return QCoreApplication.translate("BrowserSection", text)


class BrowserSection(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Links from your browser"), parent)
        # Any web page can open a videoconduit:// link; the extension's menu is clicked by the person.
        self.hold_scheme = labelled(QCheckBox(
            _tr("Ask before downloading links that web pages open (videoconduit:// links)"), self))
        self.hold_scheme.setChecked(settings.hold_scheme_links)
        self.hold_extension = labelled(QCheckBox(
            _tr("Ask before downloading links sent from the browser extension"), self))
        self.hold_extension.setChecked(settings.hold_extension_links)
        self.set_up_button = labelled(QPushButton(_tr("Set up my browsers for the extension"), self))
        self.set_up_button.clicked.connect(self.set_up_browsers)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        layout = QVBoxLayout(self)
        for widget in (self.hold_scheme, self.hold_extension, self.set_up_button, self.result):
            layout.addWidget(widget)

    def apply(self, settings: Settings) -> None:
        settings.hold_scheme_links = self.hold_scheme.isChecked()
        settings.hold_extension_links = self.hold_extension.isChecked()

    def set_up_browsers(self) -> None:
        try:
            written = manifests.install(Path.home(), manifests.own_executable())
        except manifests.NotRunnable as exc:
            text = _tr("The browsers could not be set up: {reason}").format(reason=exc)
        except OSError as exc:
            text = _tr("The browsers could not be set up: {reason}").format(reason=exc.strerror or exc)
        else:
            if written:
                text = _tr("Done for {names}. Restart a browser that is open, then use the "
                           "extension's menu.").format(names=", ".join(w.browser for w in written))
            else:
                text = _tr("None of the supported browsers has been used on this account yet: "
                           "start one once, then try again.")
        self.result.setText(text)
        self.result.show()
