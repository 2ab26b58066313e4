"""The "Add URLs" dialog: a box for links, one or many, typed or pasted in any shape."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class AddDialog(QDialog):
    """Emits `linksSubmitted(text)` when the person presses Add; the window queues the text."""

    linksSubmitted = Signal(str)

    def __init__(self, options_summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addDialog")
        self.setWindowTitle(self.tr("Add URLs"))
        self.resize(560, 340)
        intro = QLabel(self.tr("Paste or type links to videos — one per line, or text that "
                               "contains them. Anything that is not a web link is skipped."), self)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Links to add"))
        self.editor.setAccessibleDescription(intro.text())  # the instructions, on focus
        self.editor.setPlaceholderText("https://…")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.options_label = QLabel(options_summary, self)
        self.options_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.add_button.setEnabled(False)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(
            lambda: self.add_button.setEnabled(bool(self.editor.toPlainText().strip())))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.options_label)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        text = self.editor.toPlainText()
        if text.strip():
            self.linksSubmitted.emit(text)
        self.accept()
