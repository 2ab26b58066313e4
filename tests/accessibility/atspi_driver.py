"""A screen-reader user's session, through the real AT-SPI bus with pyatspi.

Run with the SYSTEM Python (Debian's python3-pyatspi), not the project's venv:
    /usr/bin/python3 atspi_driver.py download VIDEO_URL NO_CREDITS_URL   (a sandbox session)
    /usr/bin/python3 atspi_driver.py first-run                           (no key stored)
Prints one JSON object (what it found and heard) on its last line; exits non-zero with the step
that did not happen. Every wait has its own deadline. It uses nothing but the accessibility
tree: roles, names, relations, actions, the editable-text and table interfaces.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = "VideoConduit Desktop"
STEP_SECONDS = 30.0
DOWNLOAD_SECONDS = 90.0
# Roles a person operates: each must say what it is for.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_LINK, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_MENU_ITEM,
}
report: dict = {"steps": [], "controls": {}, "unnamed": {}, "announced": []}


class StepFailed(Exception):
    pass


def step(text: str) -> None:
    report["steps"].append(text)
    print("step:", text, file=sys.stderr, flush=True)


def hear(event) -> None:
    """What a screen reader would speak unasked: live-region announcements."""
    report["announced"].append({"text": str(event.any_data), "from": event.source_name or "",
                                "role": event.source.getRoleName()})


def pump_events() -> None:
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def until(what: str, probe, seconds: float = STEP_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pump_events()
        try:
            found = probe()
        except Exception:  # a node may vanish while we read it (a row repaints, a dialog closes)
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise StepFailed(f"timed out after {seconds:.0f} s: {what}")


def children(node):
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


def walk(node, depth: int = 0):
    yield node
    if depth < 30 and node.getRole() != pyatspi.ROLE_TABLE:  # rows are read through the table
        for child in children(node):
            yield from walk(child, depth + 1)


def showing(node) -> bool:
    return node.getState().contains(pyatspi.STATE_SHOWING)


def usable(node):
    """`node` once it can be used (a screen reader says "unavailable" before: the window shows
    while its queue is still opening), else None."""
    return node if node is not None and node.getState().contains(pyatspi.STATE_ENABLED) else None


def the_app():
    desktop = pyatspi.Registry.getDesktop(0)
    return next((a for a in children(desktop) if a.name == APP_NAME), None)


def find(root, role, name=None, contains=None):
    for node in walk(root):
        if node.getRole() == role and showing(node) and (name is None or node.name == name) and (
                contains is None or contains in (node.name or "")):
            return node
    return None


def windows(role):
    app = the_app()
    return [w for w in children(app) if w.getRole() == role and showing(w)] if app else []


def press(node) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("press", "click", "activate", "Press", "SetFocus"):
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    action.doAction(0)


def labelled_by(node) -> list[str]:
    return [rel.getTarget(i).name for rel in node.getRelationSet()
            if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY
            for i in range(rel.getNTargets())]


def audit(window, where: str) -> None:
    """Every control a person can reach in `window` has a name; combo boxes (whose AT-SPI name
    is their current value) carry their purpose as a labelled-by relation."""
    report["controls"][where] = []
    for node in walk(window):
        role = node.getRole()
        if role not in CONTROL_ROLES or not showing(node):
            continue
        name = node.name or ""
        purpose = labelled_by(node) if role == pyatspi.ROLE_COMBO_BOX else []
        report["controls"][where] = report["controls"].get(where, []) + [
            {"role": node.getRoleName(), "name": name, "labelled_by": purpose,
             "description": node.description or ""}]
        if not name.strip() or (role == pyatspi.ROLE_COMBO_BOX and not purpose):
            report["unnamed"].setdefault(where, []).append(node.getRoleName())


def table_rows(table) -> list[list[str]]:
    grid = table.queryTable()
    return [[(grid.getAccessibleAt(r, c).name or "") for c in range(grid.nColumns)]
            for r in range(grid.nRows)]


def add_link(frame, url: str) -> None:
    press(until('"Add URLs" button', lambda: usable(find(frame, pyatspi.ROLE_PUSH_BUTTON, "Add URLs"))))
    dialog = until("the Add URLs dialog", lambda: next(
        (d for d in windows(pyatspi.ROLE_DIALOG) if d.name == "Add URLs"), None))
    audit(dialog, "Add URLs dialog")
    field = until("its text field", lambda: find(dialog, pyatspi.ROLE_TEXT, "Links to add"))
    report["links_field_description"] = field.description
    field.queryEditableText().insertText(0, url, len(url))
    add = until('an enabled "Add" button', lambda: (
        b if (b := find(dialog, pyatspi.ROLE_PUSH_BUTTON, "Add")) is not None
        and b.getState().contains(pyatspi.STATE_ENABLED) else None))
    press(add)
    until("the Add URLs dialog to close",
          lambda: not any(d.name == "Add URLs" for d in windows(pyatspi.ROLE_DIALOG)))


def main_window():
    app = until(f'the application "{APP_NAME}" on the bus', the_app)
    frame = until("its main window", lambda: next(
        (w for w in children(app) if w.getRole() == pyatspi.ROLE_FRAME and showing(w)), None))
    report["window"] = frame.name
    step(f"found the window {frame.name!r}")
    return frame


def dialog_names() -> list[str]:
    return [d.name for d in windows(pyatspi.ROLE_DIALOG)]


def watch_dialogs(seconds: float) -> list[list[str]]:
    """The dialogs on screen, sampled for `seconds`: a second dialog that pops up shows here."""
    seen: list[list[str]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        names = dialog_names()
        if not seen or seen[-1] != names:
            seen.append(names)
        time.sleep(0.1)
    return seen


def open_and_close(frame, button: str, where: str, close: str, type_key: str = "") -> None:
    """Press `button`, audit the one dialog it opens, leave it with its `close` button; with
    `type_key`, type it into the key field and press "Test the key" first."""
    press(until(f'the "{button}" button', lambda: usable(find(frame, pyatspi.ROLE_PUSH_BUTTON, button))))
    dialog = until(f'the dialog "{button}" opens', lambda: next(iter(windows(pyatspi.ROLE_DIALOG)),
                                                                None))
    report.setdefault("dialogs", {})[where] = {"name": dialog.name, "others": dialog_names()}
    audit(dialog, where)
    if type_key:
        field = until("the key field", lambda: find(dialog, pyatspi.ROLE_PASSWORD_TEXT, "API key"))
        field.queryEditableText().insertText(0, type_key, len(type_key))
        test = until('an enabled "Test the key"', lambda: (
            b if (b := find(dialog, pyatspi.ROLE_PUSH_BUTTON, "Test the key")) is not None
            and b.getState().contains(pyatspi.STATE_ENABLED) else None))
        press(test)
        report["key_test_heard"] = until("the answer to be announced", lambda: next(
            (h["text"] for h in report["announced"] if h["text"].startswith("Works")), None))
    press(until(f'its "{close}" button', lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, close)))
    until(f"the {where} to close", lambda: dialog_names() == [])


def first_run(key: str) -> None:
    frame = main_window()
    welcome = until("a dialog", lambda: next(iter(windows(pyatspi.ROLE_DIALOG)), None))
    report["first_run_dialogs"] = watch_dialogs(1.5)
    report["welcome"] = {"name": welcome.name, "description": welcome.description,
                         "text": [n.name for n in walk(welcome)
                                  if n.getRole() == pyatspi.ROLE_LABEL and n.name]}
    audit(welcome, "welcome dialog")
    audit(frame, "main window")
    step(f"the first dialog: {welcome.name!r}")
    press(until('its "Later" button', lambda: find(welcome, pyatspi.ROLE_PUSH_BUTTON, "Later")))
    until("the welcome to close", lambda: dialog_names() == [])
    report["after_later"] = watch_dialogs(1.5)
    step('pressed "Later"')
    open_and_close(frame, "Enter API key…", "key dialog", "Cancel", type_key=key)
    step('opened the key dialog from the banner\'s "Enter API key…", typed a key, tested it, '
         'heard the answer and cancelled')
    open_and_close(frame, "Settings", "settings dialog", "Cancel")
    step("opened Settings from the toolbar and cancelled it")


def download(video_url: str, no_credits_url: str) -> None:
    frame = main_window()
    audit(frame, "main window")

    add_link(frame, video_url)
    step("added a link through Add URLs, the text field and Add")
    table = until('the table "Download queue"', lambda: find(frame, pyatspi.ROLE_TABLE,
                                                              "Download queue"))
    grid = table.queryTable()
    report["columns"] = [grid.getColumnDescription(c) or grid.getColumnHeader(c).name
                         for c in range(grid.nColumns)]
    heard: list[str] = []

    def done():
        rows = table_rows(table)
        if rows and (not heard or heard[-1] != rows[0][2]):
            heard.append(rows[0][2])
        return rows and rows[0][2] == "Done" and rows[0]
    report["row_done"] = until("the row's progress to read Done", done, DOWNLOAD_SECONDS)
    report["progress_heard"] = heard
    step("read the row's progress until Done")

    add_link(frame, no_credits_url)
    credits = until('a dialog with a "Buy credits" button', lambda: next(
        (d for d in windows(pyatspi.ROLE_DIALOG)
         if find(d, pyatspi.ROLE_PUSH_BUTTON, "Buy credits") is not None), None))
    report["credits_dialog"] = {"name": credits.name, "description": credits.description}
    report["dialogs_visible_with_credits"] = [d.name for d in windows(pyatspi.ROLE_DIALOG)]
    report["credits_dialog_text"] = [n.name for n in walk(credits)
                                     if n.getRole() == pyatspi.ROLE_LABEL and n.name]
    buy = until('its "Buy credits" button',
                lambda: find(credits, pyatspi.ROLE_PUSH_BUTTON, "Buy credits"))
    report["buy_button"] = {"name": buy.name, "actions": [
        buy.queryAction().getName(i) for i in range(buy.queryAction().nActions)]}
    audit(credits, "credits dialog")
    banner = until("the credits banner", lambda: next(
        (n for n in walk(frame) if showing(n) and n.getRole() != pyatspi.ROLE_LABEL
         and "credit" in (n.name or "").lower() and n.getRole() != pyatspi.ROLE_PUSH_BUTTON
         and find(n, pyatspi.ROLE_PUSH_BUTTON, "Buy credits") is not None), None))
    report["credits_banner"] = {"role": banner.getRoleName(), "name": banner.name}
    # Announcements travel as bus events: wait for this one (a missing one fails the step).
    until("the credits banner to be announced",
          lambda: any(h["text"] == banner.name for h in report["announced"]))
    step("read the credits dialog, its Buy credits button and the banner")
    audit(frame, "main window with the credits banner")


if __name__ == "__main__":
    # Listen before the app starts: Qt then learns of the listener when it joins the bus,
    # instead of from a later signal that a loaded machine may deliver too late.
    pyatspi.Registry.registerEventListener(hear, "object:announcement")
    pump_events()
    print("listening", file=sys.stderr, flush=True)
    try:
        if sys.argv[1] == "first-run":
            first_run(sys.argv[2])
        else:
            download(sys.argv[2], sys.argv[3])
        report["ok"] = True
    except StepFailed as failed:
        report["ok"] = False
        app = the_app()
        seen = [f"{w.getRoleName()} {w.name!r}" for w in children(app)] if app else []
        report["failed"] = (f"{failed}; the application's windows: {seen}; "
                            f"heard: {[h['text'] for h in report['announced']]}")
    print(json.dumps(report))
