"""The strip above the queue: the options new links are queued with, what they cost, and what
the waiting part of the queue will cost — so nobody is surprised by their credit balance."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.api.prices import AUDIO_ONLY_CREDITS, VIDEO_CREDITS
from app.settings import FORMATS, QUALITIES, Settings
from app.ui.i18n import tr_n
from app.ui.qt_values import ALIGN_RIGHT, ALIGN_VCENTER
from app.ui.widgets import ElidingLabel

if TYPE_CHECKING:  # the strip shows in the first frame, before the API's models are imported
    from app.api.models import DownloadOptions

log = logging.getLogger(__name__)

_AUDIO_FORMATS = ("mp3", "m4a")
_FORMAT_LABELS = {"mp4": "MP4", "webm": "WebM", "mp3": QT_TRANSLATE_NOOP("OptionsStrip", "MP3 (audio)"),
                  "m4a": QT_TRANSLATE_NOOP("OptionsStrip", "M4A (audio)")}


def format_label(fmt: str) -> str:
    """"MP3 (audio)": a format as the combo boxes (here and in Settings) name it."""
    return QCoreApplication.translate("OptionsStrip", _FORMAT_LABELS.get(fmt, fmt))


def quality_label(quality: str) -> str:
    if quality == "best":
        return QCoreApplication.translate("OptionsStrip", "Best available")
    return quality


class OptionsStrip(QWidget):
    """Format, quality and audio-only for links queued from now on; remembered in settings."""

    optionsChanged = Signal()

    def __init__(self, settings: Settings, save_settings: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsStrip")
        self._settings = settings
        self._save_settings = save_settings

        self.format_box = QComboBox(self)
        self.format_box.setAccessibleName(self.tr("Format"))
        self.format_box.addItem(self.tr("Automatic"), None)
        for fmt in FORMATS:
            self.format_box.addItem(format_label(fmt), fmt)
        self.quality_box = QComboBox(self)
        self.quality_box.setAccessibleName(self.tr("Quality"))
        for quality in QUALITIES:
            self.quality_box.addItem(quality_label(quality), quality)
        self.audio_only = QCheckBox(self.tr("Audio only"), self)
        self.audio_only.setAccessibleName(self.tr("Audio only"))
        self.cost_label = ElidingLabel(self.tr("Each video costs {video} credits · audio only {audio}")
                                 .format(video=VIDEO_CREDITS, audio=AUDIO_ONLY_CREDITS), self)
        self.cost_label.setObjectName("costLabel")
        self.estimate_label = ElidingLabel(self, alignment=ALIGN_RIGHT | ALIGN_VCENTER)
        self.estimate_label.setObjectName("queueEstimate")
        self.estimate_label.setAccessibleName(self.tr("Estimated cost of the queue"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(8)
        for text, box in ((self.tr("Format:"), self.format_box),
                          (self.tr("Quality:"), self.quality_box)):
            label = QLabel(text, self)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
        layout.addWidget(self.audio_only)
        layout.addSpacing(12)
        layout.addWidget(self.cost_label, 1)
        layout.addWidget(self.estimate_label, 1)

        self._load(settings)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.quality_box.currentIndexChanged.connect(self._remember)
        self.audio_only.toggled.connect(self._audio_only_toggled)
        self.set_estimate(0, 0)

    def _load(self, settings: Settings) -> None:
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(settings.default_format)))
        self.quality_box.setCurrentIndex(
            max(0, self.quality_box.findData(settings.default_quality or "best")))
        self.audio_only.setChecked(settings.default_audio_only)
        self.quality_box.setEnabled(not settings.default_audio_only)

    def options(self) -> DownloadOptions:
        from app.api.models import DownloadOptions

        quality = self.quality_box.currentData()
        return DownloadOptions(
            format=self.format_box.currentData(),
            quality=None if self.audio_only.isChecked() else quality,
            audio_only=self.audio_only.isChecked(),
        )

    def set_estimate(self, waiting_items: int, waiting_credits: int) -> None:
        """"Queue: ~14 credits for 7 waiting items"."""
        if waiting_items <= 0:
            text = self.tr("Queue: nothing waiting to be sent")
        else:
            credits = tr_n("OptionsStrip", waiting_credits, "~%n credit", "~%n credits")
            items = tr_n("OptionsStrip", waiting_items, "%n waiting item", "%n waiting items")
            text = self.tr("Queue: {credits} for {items}").format(credits=credits, items=items)
        self.estimate_label.setText(text)

    def _format_changed(self) -> None:
        fmt = self.format_box.currentData()
        if fmt in _AUDIO_FORMATS and not self.audio_only.isChecked():
            self.audio_only.setChecked(True)  # toggled → _remember
            return
        self._remember()

    def _audio_only_toggled(self, checked: bool) -> None:
        self.quality_box.setEnabled(not checked)
        if not checked and self.format_box.currentData() in _AUDIO_FORMATS:
            self.format_box.setCurrentIndex(0)
        elif checked and self.format_box.currentData() not in (None, *_AUDIO_FORMATS):
            self.format_box.setCurrentIndex(0)
        self._remember()

    def _remember(self) -> None:
        options = self.options()
        self._settings.default_format = options.format
        self._settings.default_quality = self.quality_box.currentData()
        self._settings.default_audio_only = options.audio_only
        try:
            self._save_settings()
        except OSError as exc:  # an unwritable config folder must not break choosing options
            log.warning("Could not save the download options: %s", exc)
        self.optionsChanged.emit()
