"""The translation pipeline: the German .ts/.qm under resources/translations reach the widgets,
and the .ts keeps matching the code (regenerate it with packaging/update_translations.sh)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from app.engine.model import Account, AccountState
from app.resources import resource_path
from app.ui.translations import LANGUAGE_VARIABLE, install_translator, ui_locale

UI_SOURCES = Path(__file__).resolve().parents[2] / "app" / "ui"
GERMAN_TS = resource_path("translations", "videoconduit_de.ts")


@pytest.fixture
def german(qapp) -> Iterator[QTranslator]:
    translator = install_translator(qapp, ui_locale({LANGUAGE_VARIABLE: "de"}))
    assert translator is not None, "no German translation found under resources/translations"
    yield translator
    QCoreApplication.removeTranslator(translator)  # later tests see English again


def test_actions_built_under_the_german_translation_read_german(german) -> None:
    from app.ui.actions import QueueActions

    owner = QObject()
    actions = QueueActions(owner)
    assert actions.add_urls.text() == "URLs hinzufügen…"
    assert actions.paste.text() == "Einfügen"
    assert actions.settings.text() == "Einstellungen"
    assert actions.paste.toolTip().startswith("Die Links aus der Zwischenablage einreihen")


def test_credits_dialog_and_rate_limit_banner_read_german(german, qtbot) -> None:
    from app.ui.dialogs.credits_dialog import CreditsDialog
    from app.ui.dialogs.rate_limit_banner import RateLimitBanner

    dialog = CreditsDialog(Account(state=AccountState.WAITING_FOR_CREDITS))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nicht genug Credits"
    assert dialog.headline.text() == "Sie brauchen mehr Credits"
    assert dialog.buy_button.text() == "Credits kaufen"

    banner = RateLimitBanner(Account(state=AccountState.RATE_LIMITED, resume_at=100.0),
                             clock=lambda: 100.0)
    qtbot.addWidget(banner)
    assert banner.text() == ("Anfragelimit erreicht – Ihr Tarif begrenzt, wie viele Anfragen "
                             "pro Minute die App senden darf. Geht gleich weiter…")


def test_without_a_translation_the_ui_stays_english(qapp) -> None:
    from app.ui.actions import QueueActions

    assert install_translator(qapp, QLocale("fi")) is None
    assert QueueActions(QObject()).add_urls.text() == "Add URLs…"


def test_the_language_variable_overrides_the_system_locale() -> None:
    assert ui_locale({LANGUAGE_VARIABLE: "de_AT"}).language() == QLocale.Language.German
    assert ui_locale({}) == QLocale.system()


# ---- the .ts does not rot --------------------------------------------------------------------


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(GERMAN_TS).getroot()  # also proves the file is well-formed XML
    assert root.tag == "TS" and root.get("language") == "de"
    return [(context.findtext("name", ""), message)
            for context in root.iter("context") for message in context.iter("message")]


def _ui_literals_and_contexts() -> tuple[set[str], set[str]]:
    """Every string literal in app/ui (implicit concatenation joined) and every translation
    context the code can ask for: class names (self.tr) and translate("<context>", …)."""
    literals: set[str] = set()
    contexts: set[str] = set()
    for path in [*UI_SOURCES.rglob("*.py"), UI_SOURCES.parent / "keys.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.ClassDef):
                contexts.add(node.name)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "translate" and node.args
                  and isinstance(node.args[0], ast.Constant)):
                contexts.add(node.args[0].value)
    return literals, contexts


def test_every_message_in_the_ts_still_exists_in_the_ui_code() -> None:
    literals, contexts = _ui_literals_and_contexts()
    messages = _messages()
    assert len(messages) > 100
    stale = [(context, message.findtext("source")) for context, message in messages
             if context not in contexts or message.findtext("source") not in literals]
    assert stale == [], "run packaging/update_translations.sh"


def test_the_committed_qm_holds_every_finished_translation_of_the_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(GERMAN_TS.with_suffix(".qm")))
    finished = [(context, message.findtext("source", ""), message.findtext("translation", ""))
                for context, message in _messages()
                if message.find("translation").get("type") is None
                and message.get("numerus") != "yes"]  # plurals: test_plurals_read_right_…
    assert len(finished) >= 20
    missing = [(context, source) for context, source, german in finished
               if translator.translate(context, source) != german]
    assert missing == [], "the .qm is older than the .ts: run packaging/update_translations.sh"


# ---- the German translation is complete --------------------------------------------------------
#
# After a merge that brought new strings: `bash packaging/update_translations.sh`, translate what
# it marks "unfinished" in resources/translations/videoconduit_de.ts, run the script again, and
# these tests say whether anything is left.

_PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")


def _unfinished(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    left = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.findall("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            if translation.get("type") == "unfinished" or not all(texts) or not texts:
                left.append((context.findtext("name", ""), message.findtext("source", "")))
    return left


def test_every_message_of_the_code_has_a_finished_german_translation(tmp_path) -> None:
    """Extracts the code's messages afresh into a copy of the German .ts: none may be new or
    left unfinished (numerus forms included)."""
    shutil.copy(GERMAN_TS, tmp_path / GERMAN_TS.name)
    env = dict(os.environ, OUT=str(tmp_path), LANGS="de", COPIES=str(tmp_path / "copies"),
               BIN=str(Path(sys.executable).parent))
    subprocess.run(["bash", "packaging/update_translations.sh"], env=env, check=True,
                   cwd=UI_SOURCES.parents[1], timeout=300)
    assert _unfinished(tmp_path / GERMAN_TS.name) == [], \
        "translate these, see the comment above this test"


def test_german_numerus_forms_and_placeholders_match_the_source() -> None:
    for context, message in _messages():
        source = message.findtext("source", "")
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            assert len(forms) == 2, (context, source)  # German: one, other
            assert all("%n" in form for form in forms), (context, source)
            texts = forms
        else:
            texts = [translation.text or ""]
        for text in texts:
            assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(source)), \
                (context, source, text)


def test_plurals_read_right_in_german_and_english(german) -> None:
    from app.ui.item_text import details_text
    from app.ui.tray import BatchSummary
    from tests.unit.test_problem_text import waiting

    assert details_text(waiting(audio_only=True)) == "In der Warteschlange · kostet 1 Credit"
    assert details_text(waiting()) == "In der Warteschlange · kostet 2 Credits"
    assert BatchSummary(completed=1, failed=2).message() == \
        "1 Download abgeschlossen · 2 fehlgeschlagen"
    QCoreApplication.removeTranslator(german)
    assert BatchSummary(completed=1, failed=2).message() == "1 download finished · 2 failed"


def test_numbers_follow_the_language_of_the_ui() -> None:
    from app.ui.formatting import format_bytes, format_speed, set_number_locale

    previous = set_number_locale(QLocale("de"))
    try:
        assert format_bytes(1_500_000) == "1,50 MB"
    finally:
        set_number_locale(previous)
    assert format_speed(1_250_000) == "1.25 MB/s"


def test_large_counts_are_written_as_people_read_them(german) -> None:
    from app.settings import Settings
    from app.ui.formatting import set_number_locale
    from app.ui.options_strip import OptionsStrip

    strip = OptionsStrip(Settings(download_dir=Path("/tmp")), lambda: None)
    previous = set_number_locale(QLocale("de"))
    try:
        strip.set_estimate(50_000, 100_000)
        assert strip.estimate_label.text() == \
            "Wartend: 50.000 Einträge · ~100.000 Credits"
    finally:
        set_number_locale(previous)
        QCoreApplication.removeTranslator(german)
    strip.set_estimate(50_000, 100_000)
    assert strip.estimate_label.text() == "Queue: ~100,000 credits for 50,000 waiting items"
    strip.set_estimate(2, 4)
    assert strip.estimate_label.text() == "Queue: ~4 credits for 2 waiting items"
