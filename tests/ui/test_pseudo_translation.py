"""Pseudo-translation: every text the window shows comes from a translation.

The test extracts the messages from app/ui with the project's own update script (lupdate), turns
every source text into "⟦text⟧" (placeholders such as %n and {name} stay outside the brackets, so
whatever is put into them is checked on its own: "{head}⟦ · skipped ⟧{n}"), compiles
that with lrelease and loads it before the app is built. Then it walks the window in every row
state, its menus and actions, each dialog and banner, on the real engine and sandbox, and fails
on any visible letter outside ⟦…⟧: a string that never went through tr(), or one lupdate could
not extract.

What may stay unwrapped (the one rule, `untranslatable`): numbers, links, file and folder
names, the product's name, the format names (MP4, WebM, 1080p), an API key's "vc_", keyboard
shortcuts (Qt names the keys), and the service's own words (an item's problem and field errors,
the account's detail, the plan's name).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QWidget,
)

from app import APP_NAME
from app.engine.model import ItemState
from app.ui import progress_delegate
from tests.ui.conftest import sandbox_options
from tests.ui.test_presenter_waits import rate_limited_reply

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"
FILE_SIZE = 8_000_000


_PLACEHOLDER = re.compile(r"(\{\w*\}|%n|%\d+)")


def wrap(source: str) -> str:
    """"{head} · skipped {n}" → "{head}⟦ · skipped ⟧{n}": each piece of the message's own text
    is wrapped, what is put in its placeholders stays outside, so a word inserted there unwrapped
    still shows."""
    return "".join(part if _PLACEHOLDER.fullmatch(part) else OPEN + part + CLOSE
                   for part in _PLACEHOLDER.split(source) if part)


def pseudo_ts(ts: Path) -> int:
    """Fills every message of `ts` with its wrapped source; returns how many there are."""
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "eo")
    count = 0
    for message in root.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = wrap(source)
        else:
            translation.text = wrap(source)
        count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pseudo")
    env = dict(os.environ, OUT=str(out), LANGS="eo", COPIES=str(out / "copies"),
               BIN=str(Path(sys.executable).parent))
    subprocess.run(["bash", str(ROOT / "packaging" / "update_translations.sh")], env=env,
                   check=True, cwd=ROOT, timeout=300)
    ts = out / "videoconduit_eo.ts"
    assert pseudo_ts(ts) > 300
    qm = out / "videoconduit_eo.qm"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(ts),
                    "-qm", str(qm)], check=True, timeout=120)
    return qm


@pytest.fixture
def pseudo(qapp, pseudo_qm) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def sandbox_settings():
    return sandbox_options(plan="starter", credits=40, job_seconds=1.5, default_size=FILE_SIZE)


# ---- what is visible -------------------------------------------------------------------------

def widget_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    yield "window title", top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        name = type(widget).__name__
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
        if isinstance(widget, QLabel):
            yield "label", re.sub(r"<[^>]+>", "", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield "button", widget.text().replace("&", "")
        elif isinstance(widget, QLineEdit):
            yield "field placeholder", widget.placeholderText()
        elif isinstance(widget, QPlainTextEdit):
            yield "text placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield "combo entry", widget.itemText(index)
        elif isinstance(widget, QGroupBox):
            yield "group title", widget.title()
        elif isinstance(widget, QStatusBar):
            yield "status message", widget.currentMessage()
    for action in top.findChildren(QAction):
        if not action.isSeparator():
            yield "action", action.text().replace("&", "")
            yield "action tooltip", action.toolTip()


def table_texts(window) -> Iterator[tuple[str, str]]:
    model = window.model
    for column in range(model.columnCount()):
        yield "header", model.headerData(column, Qt.Orientation.Horizontal)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                yield f"cell {row},{column}", index.data(role) or ""
        bar = progress_delegate.bar_for(model.item_at(row))
        yield f"bar {row}", bar.label
        yield f"bar {row} extra", bar.extra


def service_words(app) -> list[str]:
    words = [APP_NAME]
    for item in app.engine.items:
        words += [item.problem or "", *item.field_errors]
    account = app.engine.account
    words.append(account.detail or "")
    if account.rate_limit is not None:
        words.append(account.rate_limit.plan.label)
    return sorted((w for w in words if w), key=len, reverse=True)


_UNWRAPPED_ALLOWED = re.compile(
    r"https?://\S+"                      # links
    r"|[~/]\S*"                          # folders and paths
    r"|\S+\.\S+/\S*|\S+\.(?:mp4|webm|mp3|m4a)\b"  # links without their scheme; file names
    r"|\bMP4\b|\bWebM\b|\b\d+p\b"        # format names and qualities
    r"|\bvc_"                            # how every API key starts
    r"|\((?:(?:Ctrl|Shift|Alt|Meta)\+)*(?:\w|Del|Space|[.,])\)"  # a shortcut: Qt names the keys
)


def untranslatable(text: str, service: Iterable[str]) -> str:
    """What is left of `text` once translations and the allowed rest are taken out."""
    for words in service:
        text = text.replace(words, "")
    text = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    return _UNWRAPPED_ALLOWED.sub(" ", text)


def untranslated(app, widgets: Iterable[QWidget]) -> list[tuple[str, str]]:
    service = service_words(app)
    texts = list(table_texts(app.window))
    for widget in widgets:
        texts += widget_texts(widget)
    return [(where, text) for where, text in texts
            if re.search(r"[^\W\d_]", untranslatable(text or "", service))]


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_the_rule_finds_an_unwrapped_word_and_passes_wrapped_numbers_and_links():
    assert wrap("{head} · skipped %n ({reasons})") == "{head}⟦ · skipped ⟧%n⟦ (⟧{reasons}⟦)⟧"
    assert re.search(r"[^\W\d_]", untranslatable("⟦Done⟧ · Saved", []))
    template = wrap("{head} · skipped {n} ({reasons})")
    shown = template.format(head="⟦Queued ⟧3⟦ links⟧", n=2, reasons="1 not web links")
    assert re.search(r"[^\W\d_]", untranslatable(shown, []))
    assert not re.search(r"[^\W\d_]", untranslatable(
        "⟦Queued ⟧3⟦ · ⟧4.00 ⟦MB⟧ https://x.example/a ~/Downloads video.example/watch/a", []))


# ---- the walk ---------------------------------------------------------------------------------

def test_every_visible_text_of_the_window_rows_dialogs_and_banners_is_translated(
        pseudo, running_app, qtbot):
    from tests.ui.test_window_screenshots import fill_queue_in_every_state

    app, window = running_app, running_app.window
    presenter = window.presenter
    seen: list[tuple[str, str]] = []

    def look(*extra: QWidget) -> None:
        seen.extend(untranslated(app, [*visible_windows(), *extra]))

    look()  # the empty window with the sandbox banner
    window.receive_links("https://video.example/watch/a\nhttps://video.example/watch/b",
                         source="scheme")  # the held-links bar of the browser hand-off
    qtbot.waitUntil(window.held_links.isVisible, timeout=3000)
    look()
    window.held_links.dismiss()
    fill_queue_in_every_state(app, qtbot)
    window.view.selectRow(0)
    look(window.view.contextMenuWidget() if hasattr(window.view, "contextMenuWidget") else window)

    for show in (window.show_add_dialog, presenter.show_settings, presenter.show_welcome,
                 presenter.show_key_dialog, presenter.show_credits_dialog,
                 presenter.show_forbidden_dialog,
                 lambda: presenter.confirm_new_charge([app.engine.items[1].id], 2)):
        dialog = show()
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        look(dialog)
        dialog.close()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=3000)

    done = next(i for i in app.engine.items if i.state is ItemState.COMPLETED)
    details = presenter.show_details(done.id)
    qtbot.waitUntil(lambda: details is not None and details.isVisible(), timeout=3000)
    qtbot.wait(500)  # its facts arrive from the service
    look(details)
    details.close()

    # The rate limit and the credits banners, with every queued row held by them.
    # The limit lifts after 3 s; then the balance is spent.
    app.sandbox.admin.set_credits(0)
    app.sandbox.admin.queue_faults("/v1/download", [rate_limited_reply(3)] * 2, "POST")
    app.engine.add_urls(["https://video.example/watch/city-at-night",
                         "https://video.example/watch/morning-run"])
    qtbot.waitUntil(lambda: "rate_limit" in presenter.banners, timeout=10_000)
    look()
    qtbot.waitUntil(lambda: "credits" in presenter.banners, timeout=15_000)
    look()

    unique = sorted(set(seen))
    assert unique == [], "not translatable:\n" + "\n".join(f"{w}: {t!r}" for w, t in unique)


def test_problems_reports_and_questions_are_translated_too(pseudo, running_app, qtbot, monkeypatch):
    """The other half of the walk: what a drop reports, a full disk, an unconfirmed submit, the
    service in trouble, a missing key, the question before quitting, the tray's words."""
    from app.ui.tray import BatchSummary, overall_progress
    from tests.ui.test_presenter_item_errors import pretend_the_disk_is_full
    from tests.ui.test_window_unconfirmed import GATEWAY_PAGE

    app, window = running_app, running_app.window
    presenter = window.presenter
    seen: list[tuple[str, str]] = []

    def look(*extra: QWidget) -> None:
        seen.extend(untranslated(app, [*visible_windows(), *extra]))

    window.intake.add_text("https://video.example/watch/a\nhttps://video.example/watch/a\n"
                           "ftp://x.example/y\nnot a link")
    look()  # "Queued 1 link · skipped 3 (…)" in the status bar
    app.wait_for_items(lambda items: all(i.state.is_finished for i in items), 20)

    pretend_the_disk_is_full(monkeypatch, app.download_dir)
    app.engine.add_urls(["https://video.example/watch/too-big"])
    qtbot.waitUntil(lambda: any(name != "sandbox" for name in presenter.banners), timeout=15_000)
    look()
    monkeypatch.undo()

    app.engine.pipeline.submitter.patience = 1.0  # ten minutes in production
    app.sandbox.admin.queue_faults("/v1/download", [GATEWAY_PAGE], "POST")
    app.engine.add_urls(["https://video.example/watch/lost-answer"])
    app.wait_for_items(lambda items: items[-1].state is ItemState.UNCONFIRMED, 20)
    look()

    app.sandbox.admin.queue_faults("/v1/jobs", [{"status": 503, "body": ""}] * 3, "GET")
    app.engine.add_urls(["https://video.example/watch/trouble"])
    qtbot.waitUntil(lambda: "trouble" in presenter.banners, timeout=15_000)
    look()
    qtbot.waitUntil(lambda: "trouble" not in presenter.banners, timeout=30_000)

    app.engine.set_api_key(None)
    app.engine.add_urls(["https://video.example/watch/no-key"])
    qtbot.waitUntil(lambda: app.engine.account.state.name == "WAITING_FOR_KEY", timeout=10_000)
    look()

    window._ask_before_quitting(2)
    qtbot.waitUntil(lambda: window.quit_dialog is not None and window.quit_dialog.isVisible(),
                    timeout=3000)
    look(window.quit_dialog)
    window.quit_dialog.close()

    service = service_words(app)
    for text in (overall_progress(app.engine.items), BatchSummary(1, 2).message()):
        if re.search(r"[^\W\d_]", untranslatable(text, service)):
            seen.append(("tray", text))

    unique = sorted(set(seen))
    assert unique == [], "not translatable:\n" + "\n".join(f"{w}: {t!r}" for w, t in unique)
