"""A video's details from the service. Asking costs a credit, so the dialog says so and fetches
only when the person presses the button — never on its own."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QStyle, QWidget
from qasync import asyncSlot

from app.engine.model import Item
from app.ui.dialogs.message_dialog import MessageDialog
from app.ui.formatting import format_bytes, format_duration
from app.ui.item_text import title
from app.ui.problem_text import describe_error

Role = QDialogButtonBox.ButtonRole
InfoFetcher = Callable[[int], Awaitable[Mapping[str, Any]]]
MAX_VALUE_CHARS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetailsDialog", text)


def field_label(name: str) -> str:
    return name.replace("_", " ").strip().capitalize()


def field_value(name: str, value: Any) -> str:
    """A value as a person reads it: durations and sizes in words, lists counted or joined."""
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, int | float) and "duration" in name:
        return format_duration(value)
    if isinstance(value, int | float) and ("size" in name or name.endswith("bytes")):
        return format_bytes(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


class DetailsDialog(MessageDialog):
    def __init__(self, item: Item, fetch_info: InfoFetcher, parent: QWidget | None = None) -> None:
        super().__init__(QStyle.StandardPixmap.SP_FileDialogInfoView, parent)
        self.item_id = item.id
        self._fetch_info = fetch_info
        self.setWindowTitle(_tr("Video details"))
        self.set_headline(title(item))
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = self.add_paragraph(_tr(
            "VideoConduit charges 1 credit for looking up a video's details. "
            "Nothing is fetched until you press the button."))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(self.form)
        self.fetch_button = self.add_button(_tr("Fetch details (1 credit)"), Role.ActionRole,
                                            self._fetch)
        self.fetch_button.setDefault(True)
        self.add_close_button()

    @asyncSlot()
    async def _fetch(self) -> None:
        self.fetch_button.setEnabled(False)
        self.status.setText(_tr("Fetching details…"))
        try:
            info = await self._fetch_info(self.item_id)
        except Exception as exc:  # shown, never raised into Qt
            self.status.setText(describe_error(exc))
            self.fetch_button.setEnabled(True)
            return
        self.show_info(info)

    def show_info(self, info: Mapping[str, Any]) -> None:
        self.fetch_button.hide()
        self.status.setText(_tr("Details from VideoConduit (1 credit was used):"))
        if "title" in info and info["title"]:
            self.set_headline(str(info["title"]))
        for name, value in info.items():
            if value is None or value == "" or name == "title":
                continue
            label = QLabel(field_value(name, value), self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(field_label(name))
            self.form.addRow(field_label(name) + ":", label)
        self.fit_to_content()
