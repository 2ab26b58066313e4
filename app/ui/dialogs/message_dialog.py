"""The shape shared by the account dialogs: an icon, a headline, a few paragraphs, a row of
buttons. Non-modal and deleted on close, so a dialog never lingers as a hidden window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

DIALOG_WIDTH = 460


def headline_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class MessageDialog(QDialog):
    ICON_SIZE = 40

    def __init__(self, icon: QStyle.StandardPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.setMinimumWidth(DIALOG_WIDTH)

        icon_label = QLabel(self)
        icon_label.setPixmap(self.style().standardIcon(icon).pixmap(
            QSize(self.ICON_SIZE, self.ICON_SIZE)))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = headline_label("", self)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        self.body.addWidget(self.headline)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(self.body, 1)

        self.button_box = QDialogButtonBox(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 20, 20, 16)
        outer.setSpacing(16)
        outer.addLayout(top)
        outer.addStretch(1)
        outer.addWidget(self.button_box)

    def fit_to_content(self) -> None:
        """As tall as the wrapped text needs at the dialog's width — Qt's own size hint wraps
        the text at a much narrower width and leaves a tall empty dialog."""
        layout = self.layout()
        width = max(self.width(), self.minimumWidth())
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        if height > 0:
            self.resize(width, height)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            self.fit_to_content()
        self.describe()
        super().showEvent(event)

    def describe(self) -> None:
        """The dialog's words as its accessible description: a screen reader speaks the
        headline (the name) and then this when the dialog appears, before any button."""
        words = []
        for index in range(1, self.body.count()):  # 0 is the headline: already the name
            label = self.body.itemAt(index).widget()
            if isinstance(label, QLabel) and not label.isHidden() and label.text():
                text = label.text()
                if label.textFormat() is Qt.TextFormat.RichText:
                    text = QTextDocumentFragment.fromHtml(text).toPlainText()
                words.append(text)
        self.setAccessibleDescription("\n".join(words))

    def set_headline(self, text: str) -> None:
        self.headline.setText(text)
        self.headline.setAccessibleName(text)
        self.setAccessibleName(text)

    def add_paragraph(self, text: str = "", rich: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction if rich
                                      else Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(label)
        return label

    def add_button(self, text: str, role: QDialogButtonBox.ButtonRole,
                   on_click: Callable[[], object] | None = None) -> QPushButton:
        button = self.button_box.addButton(text, role)
        button.setAccessibleName(text)
        if on_click is not None:
            button.clicked.connect(lambda _checked=False: on_click())
        return button

    def add_close_button(self) -> QPushButton:
        button = self.button_box.addButton(QCoreApplication.translate("MessageDialog", "Close"),
                                           QDialogButtonBox.ButtonRole.RejectRole)
        button.clicked.connect(self.close)
        return button
