"""Plural forms through Qt's translations, with English right even when no translation is loaded.

`tr_n("Context", n, "%n file", "%n files")` asks the installed translations for the numerus
message "%n files" (lupdate files it as such: packaging/lupdate_sources.py turns each call into
the translate(…, n) call lupdate understands). Without a translation Qt would print "1 files",
so English picks its own form here. Keep each call's context and both forms as string literals.
Counts of a thousand or more are written as people read them ("50,000"; "50.000" in German).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr_n(context: str, n: int, one: str, many: str) -> str:
    translated = QCoreApplication.translate(context, many, None, n)
    if translated == many.replace("%n", str(n)):  # no translation: English picks its form
        translated = (one if n == 1 else many).replace("%n", str(n))
    if abs(n) < 1000:
        return translated
    from app.ui.formatting import format_count

    return translated.replace(str(n), format_count(n), 1)
