"""What a screen reader says for a cell the delegate paints: the progress bar as a sentence
("Downloading, 42 %, 3 min 20 s left"). Served as Qt's AccessibleTextRole, which the AT-SPI,
UI Automation and VoiceOver bridges read as the cell's name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.engine.model import Item, ItemState
from app.ui.formatting import format_eta, format_percent
from app.ui.item_text import progress_fraction, status_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpokenText", text)


def progress_spoken(item: Item) -> str:
    parts = [status_text(item)]
    if item.state in (ItemState.DOWNLOADING, ItemState.PAUSED):
        parts.append(format_percent(progress_fraction(item)))
    if item.state is ItemState.DOWNLOADING:
        parts.append(format_eta(item.eta))
    # The pause between the parts a reader makes at a comma.
    return _tr(", ").join(part for part in parts if part)
