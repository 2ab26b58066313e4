"""The language of the regenerated screenshots: English into resources/screenshots/, another
language (VIDEOCONDUIT_LANG=de, as for the app) into resources/screenshots/<lang>/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.ui.formatting import set_number_locale
from app.ui.translations import LANGUAGE_VARIABLE, install_translator, ui_locale

LANGUAGE = os.environ.get(LANGUAGE_VARIABLE, "").strip().split("_")[0]
_BASE = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
SCREENSHOTS = _BASE / LANGUAGE if LANGUAGE and LANGUAGE != "en" else _BASE


@pytest.fixture(autouse=True)
def ui_language(qapp) -> Iterator[None]:
    """Installed before the app is built (autouse fixtures come first), as app.ui.run does."""
    if SCREENSHOTS == _BASE:
        yield
        return
    translator = install_translator(qapp, ui_locale())
    assert translator is not None, f"no translation for {LANGUAGE}"
    numbers = set_number_locale(ui_locale())
    yield
    set_number_locale(numbers)
    QCoreApplication.removeTranslator(translator)
