"""videoconduit:// links, as the desktop opens them: our .desktop entry installed into a private
XDG_DATA_HOME, `xdg-open 'videoconduit://add?url=…'` starts the real entry point, which hands the
links to the running window. They are HELD (any web page can open such a link): one bar with the
count and the cost, Download queues them, Dismiss drops them, a flood makes one bar, and past the
cap the rest are refused with a sentence.

    VIDEOCONDUIT_SCREENSHOTS=1 … also saves resources/screenshots/held-links-bar.png
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import APP_ID
from app.browser.links import scheme_address
from app.browser.manifests import own_executable
from app.instance import SCHEME, read_channel, send_frame, tag_source
from app.ui.held_links import MAX_HELD, HeldLinksBar
from tests.ui.test_single_instance import REPO, window_owner  # noqa: F401 — a fixture

SCREENSHOTS = REPO / "resources" / "screenshots"
LINKS = ["https://video.example/watch?v=s1", "https://video.example/watch?v=s2",
         "https://video.example/watch?v=s3"]
# xdg-utils and desktop-file-utils are installed by make (as root); without them this fails.
assert shutil.which("xdg-open") and shutil.which("update-desktop-database"), \
    "install xdg-utils and desktop-file-utils (make does, as root)"


@pytest.fixture
def desktop_env(tmp_path: Path, running_app) -> dict[str, str]:
    """A private XDG_DATA_HOME holding our .desktop entry (Exec: this checkout's entry point) as
    the videoconduit scheme's handler; the environment xdg-open runs in."""
    applications = tmp_path / "xdg-data" / "applications"
    applications.mkdir(parents=True)
    entry = (REPO / "resources" / f"{APP_ID}.desktop").read_text()
    program = own_executable()
    entry = entry.replace("Exec=videoconduit-desktop", f"Exec={program}").replace(
        "TryExec=videoconduit-desktop", f"TryExec={program}")
    (applications / f"{APP_ID}.desktop").write_text(entry)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"), "XDG_DATA_DIRS": str(tmp_path / "none"),
           # xdg-open only asks for a scheme handler when there is a display; the launched app
           # hands over and exits without drawing anything.
           "DISPLAY": os.environ.get("DISPLAY", ":0"), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CURRENT_DESKTOP": "", "VIDEOCONDUIT_DATA_DIR": str(running_app.data_dir)}
    # What the package's desktop-database trigger does: index the entry's MimeType= lines.
    subprocess.run(["update-desktop-database", str(applications)], env=env, check=True, timeout=30)
    return env


def xdg_open(env: dict[str, str], address: str) -> subprocess.Popen:
    return subprocess.Popen(["xdg-open", address], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_all(processes: list[subprocess.Popen], qtbot) -> None:
    """Spin Qt (the window serves the channel) until every launch has exited, each with 0."""
    qtbot.waitUntil(lambda: all(p.poll() is not None for p in processes), timeout=60_000)
    for process in processes:
        assert process.returncode == 0, process.stdout.read() if process.stdout else ""


def bars(window) -> list[HeldLinksBar]:
    return [bar for bar in window.findChildren(HeldLinksBar) if bar.isVisible()]


def test_a_scheme_link_holds_its_links_in_one_bar_until_download(running_app, window_owner,  # noqa: F811
                                                                 desktop_env, qtbot):
    window = running_app.window
    wait_all([xdg_open(desktop_env, scheme_address(LINKS))], qtbot)

    qtbot.waitUntil(lambda: len(bars(window)) == 1, timeout=10_000)
    bar = bars(window)[0]
    assert bar.text() == "3 links from your browser"
    assert bar.download_button.text() == "Download (6 credits)"
    assert bar.dismiss_button.text() == "Dismiss"
    assert running_app.engine.items == []  # held, not started
    if os.environ.get("VIDEOCONDUIT_SCREENSHOTS"):
        window.resize(1100, 420)
        window.status.clearMessage()
        qtbot.wait(250)
        assert window.grab().toImage().save(str(SCREENSHOTS / "held-links-bar.png"))

    qtbot.mouseClick(bar.download_button, Qt.MouseButton.LeftButton)
    assert [item.url for item in running_app.engine.items] == LINKS
    assert bars(window) == []
    assert window.status.currentMessage() == "Queued 3 links"


def test_a_flood_of_scheme_links_makes_one_bar_with_the_count(running_app, window_owner,  # noqa: F811
                                                              desktop_env, qtbot):
    window = running_app.window
    flood = [xdg_open(desktop_env, scheme_address([f"https://video.example/watch?v=f{i}"]))
             for i in range(12)]
    wait_all(flood, qtbot)

    qtbot.waitUntil(lambda: len(bars(window)) == 1 and bars(window)[0].text().startswith("12 "),
                    timeout=10_000)
    assert bars(window)[0].text() == "12 links from your browser"
    assert bars(window)[0].download_button.text() == "Download (24 credits)"
    qtbot.mouseClick(bars(window)[0].dismiss_button, Qt.MouseButton.LeftButton)
    assert bars(window) == [] and running_app.engine.items == []


def test_a_hundred_hand_offs_in_a_second_stay_one_bar_and_the_cap_refuses_the_rest(
        running_app, window_owner, qtbot):  # noqa: F811
    """A page opening the scheme in a loop: 100 hand-offs over the real channel at once, 3 links
    each; MAX_HELD are held in one bar, the rest refused with a sentence the sender reads."""
    channel = read_channel(window_owner.channel_file)
    assert channel is not None
    replies: list[dict] = []

    def send(i: int) -> None:
        links = "\n".join(f"https://video.example/watch?v=c{i}-{j}" for j in range(3))
        replies.append(send_frame(channel.port, channel.token, tag_source(links, SCHEME),
                                  time.monotonic() + 30))

    threads = [threading.Thread(target=send, args=(i,)) for i in range(100)]
    for thread in threads:
        thread.start()
    qtbot.waitUntil(lambda: len(replies) == 100, timeout=60_000)
    for thread in threads:
        thread.join(5)

    window = running_app.window
    assert len(bars(window)) == 1
    bar = bars(window)[0]
    assert bar.text().splitlines() == [
        f"{MAX_HELD} links from your browser",
        f"{300 - MAX_HELD} more links were not taken: at most {MAX_HELD} links wait for your OK at once."]
    refused = [r for r in replies if not r["ok"]]
    assert sum(r.get("held", 0) for r in replies if r["ok"]) == MAX_HELD
    assert refused and all(r["error"].endswith(f"at most {MAX_HELD} links wait for your OK at once.")
                           for r in refused)
    assert running_app.engine.items == []
    assert running_app.sandbox.admin.posts_for_url("https://video.example/watch?v=c0-0") == 0


def test_with_the_setting_off_scheme_links_start_at_once(running_app, window_owner, qtbot):  # noqa: F811
    running_app.context.settings.hold_scheme_links = False
    report = running_app.window.receive_links("\n".join(LINKS), SCHEME)
    assert len(report.added) == 3 and bars(running_app.window) == []


def test_extension_links_start_at_once_unless_the_setting_holds_them(running_app, window_owner, qtbot):  # noqa: F811
    window = running_app.window
    assert len(window.receive_links(LINKS[0], "extension").added) == 1
    running_app.context.settings.hold_extension_links = True
    window.receive_links(LINKS[1], "extension")
    assert [item.url for item in running_app.engine.items] == [LINKS[0]]
    assert bars(window)[0].text() == "1 link from your browser"
    assert bars(window)[0].download_button.text() == "Download (2 credits)"


def test_the_settings_dialog_changes_which_browser_links_wait(running_app, window_owner, qtbot):  # noqa: F811
    section = running_app.window.presenter.show_settings().browser_section
    assert section.hold_scheme.isChecked() and not section.hold_extension.isChecked()  # defaults
    section.hold_scheme.setChecked(False)
    section.hold_extension.setChecked(True)
    section.parent().save_button.click()

    window = running_app.window
    window.receive_links(LINKS[0], SCHEME)
    window.receive_links(LINKS[1], "extension")
    assert [item.url for item in running_app.engine.items] == [LINKS[0]]
    assert bars(window)[0].text() == "1 link from your browser"


def test_a_link_the_os_hands_over_as_a_file_open_event_is_held_too(running_app, qtbot):
    """macOS: the scheme (and a link dropped on the Dock) reaches the running app as a
    QFileOpenEvent on the application, not on the command line."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.platform_requests import PlatformRequests

    window = running_app.window
    app = QApplication.instance()
    router = PlatformRequests(app, window.request_quit,  # as the session wires it on macOS
                              receive_links=window.receive_links)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(QUrl(scheme_address(LINKS[:2]))))
        QApplication.sendEvent(app, QFileOpenEvent(QUrl("javascript:alert(1)")))
    finally:
        router.remove()
    assert bars(window)[0].text() == "2 links from your browser"
    assert running_app.engine.items == []


def test_the_settings_button_sets_up_the_browsers_for_this_person(running_app, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for used in (".config/chromium", ".mozilla"):  # the browsers this person has started
        (tmp_path / "home" / used).mkdir(parents=True)
    section = running_app.window.presenter.show_settings().browser_section
    section.set_up_button.click()

    chromium = tmp_path / "home/.config/chromium/NativeMessagingHosts/com.videoconduit.desktop.json"
    assert json.loads(chromium.read_text())["path"] == own_executable()
    assert (tmp_path / "home/.mozilla/native-messaging-hosts/com.videoconduit.desktop.json").exists()
    assert not (tmp_path / "home/.config/google-chrome").exists()
    assert section.result.isVisible()
    assert section.result.text().startswith("Done for Chromium, Firefox.")


def test_the_bar_holds_and_prices_only_links_that_are_not_queued_yet(running_app, qtbot):
    window = running_app.window
    window.intake.add_text(LINKS[0])  # queued before, in another form of the same link
    report = window.receive_links("\n".join([LINKS[0] + "&utm_source=x", *LINKS[1:]]), SCHEME)
    assert (report.held, report.skipped_total) == (2, 1), "the sender hears it too"
    (bar,) = bars(window)
    assert bar.text() == "2 links from your browser"
    assert bar.download_button.text() == "Download (4 credits)"
    assert bar.toolTip() == "\n".join(LINKS[1:]), "the bar says which links it holds"

    window.intake.add_text(LINKS[1])  # the person pastes one of them meanwhile
    qtbot.waitUntil(lambda: bar.text() == "1 link from your browser", timeout=5000)
    assert bar.download_button.text() == "Download (2 credits)"
