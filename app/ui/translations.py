"""Loading the UI's translation (resources/translations/videoconduit_<lang>.qm) at start-up.

The .qm files are compiled from the .ts files by packaging/update_translations.sh and committed,
so neither a run from source nor a bundle needs the Linguist tools. English is the source
language: without a matching file every string simply stays English.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)

# "de", "de_AT"…: overrides the system's language (for testing, or a person who prefers another).
LANGUAGE_VARIABLE = "VIDEOCONDUIT_LANG"
TRANSLATIONS_DIR = ("translations",)
FILE_PREFIX = "videoconduit"


def ui_locale(env: Mapping[str, str] = os.environ) -> QLocale:
    chosen = env.get(LANGUAGE_VARIABLE, "").strip()
    return QLocale(chosen) if chosen else QLocale.system()


def install_translator(app: QCoreApplication, locale: QLocale) -> QTranslator | None:
    """Installs the best translation for `locale` (its UI languages in order of preference,
    "de_AT" falling back to "de"); None when there is none, and the UI stays English."""
    translator = QTranslator(app)  # parented: lives as long as the application
    folder = str(resource_path(*TRANSLATIONS_DIR))
    if not translator.load(locale, FILE_PREFIX, "_", folder):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    log.info("UI translation: %s", translator.filePath())
    return translator
