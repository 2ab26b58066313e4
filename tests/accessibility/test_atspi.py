"""The app through the real accessibility bus, as a screen-reader user meets it.

A private X server (Xvfb: Qt's offscreen platform does not load the AT-SPI bridge), a private
D-Bus session with at-spi-bus-launcher (Debian at-spi2-core), the app in sandbox mode with
accessibility forced on, and a pyatspi driver (atspi_driver.py, run by the system Python with
Debian's python3-pyatspi) that finds controls by role and name and works them by their actions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = next((p for p in ("/usr/libexec/at-spi-bus-launcher",
                                 "/usr/lib/at-spi2-core/at-spi-bus-launcher") if Path(p).exists()),
                    None)
DRIVER = Path(__file__).with_name("atspi_driver.py")
START_SECONDS = 20
DRIVER_SECONDS = 240
VIDEO_URL = "https://example.com/watch/screen-reader-video?size=3000000"
NO_CREDITS_URL = "https://example.com/watch/nocredits-video"


def _missing() -> list[str]:
    missing = [name for name in ("Xvfb", "dbus-daemon") if shutil.which(name) is None]
    if BUS_LAUNCHER is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    has_pyatspi = Path(SYSTEM_PYTHON).exists() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30).returncode == 0
    if not has_pyatspi:
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


class Processes:
    """Started children, stopped by PID in reverse order."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, args: list[str], **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.started.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)


def _first_line(process: subprocess.Popen, what: str) -> str:
    line = process.stdout.readline().decode().strip()  # type: ignore[union-attr]
    if not line:
        raise RuntimeError(f"{what} did not start")
    return line


@pytest.fixture
def accessibility_session(tmp_path, secret_service):
    """The environment of a private X server and of the test session's private D-Bus (which
    has a real Secret Service on it), with the accessibility bus launched for it; the
    processes started here are stopped by PID."""
    missing = _missing()
    if missing:
        pytest.skip("the AT-SPI test needs these system packages: " + ", ".join(missing)
                    + " (make installs them when run as root)")
    processes = Processes()
    env = dict(secret_service.env)
    env.pop("VIDEOCONDUIT_API_KEY", None)
    try:
        xvfb = processes.start(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                                "-nolisten", "tcp"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env)
        env["DISPLAY"] = ":" + _first_line(xvfb, "Xvfb")
        processes.start([BUS_LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL, env=env)
        yield env, processes
    finally:
        processes.stop()


def embedded_sandbox_address(data_dir: Path) -> str:
    """The embedded sandbox's address, from the app's log (where it says where it started)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        for log in (data_dir / "logs").glob("*.log*"):
            found = re.search(r"embedded sandbox at (http://127\.0\.0\.1:\d+)", log.read_text())
            if found:
                return found.group(1)
        time.sleep(0.1)
    raise AssertionError(f"the app did not say where its sandbox is within {START_SECONDS} s")


def run_app_and_driver(env, processes, tmp_path, app_args: list[str], driver_args: list[str],
                       bytes_per_second: int | None = None) -> dict:
    """Start the app (xcb on the private X server, accessibility forced on), run the driver
    against it, and return its report; fail with both sides' words when a step did not happen."""
    app_env = {**env, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    app_log = tmp_path / "app.log"
    driver = processes.start([SYSTEM_PYTHON, str(DRIVER), *driver_args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    assert driver.stderr.readline().strip() == "listening", "the driver did not start listening"
    with app_log.open("wb") as log:
        app = processes.start([sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"),
                               "--download-dir", str(tmp_path / "downloads"), *app_args],
                              stdout=log, stderr=subprocess.STDOUT, env=app_env)
    if bytes_per_second:  # files arrive slowly enough for a person to hear them coming
        address = embedded_sandbox_address(tmp_path / "data")
        httpx.post(f"{address}/_sandbox/file-faults", json={"bytes_per_second": bytes_per_second},
                   timeout=10).raise_for_status()
    try:
        out, err = driver.communicate(timeout=DRIVER_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the driver did not finish in {DRIVER_SECONDS} s; app log:\n"
                    + app_log.read_text(errors="replace")[-3000:])
    driven = subprocess.CompletedProcess(driver.args, driver.returncode, out, err)
    said = app_log.read_text(errors="replace")[-3000:]
    assert app.poll() is None, "the app exited:\n" + said
    lines = driven.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {}
    assert report.get("ok"), (report.get("failed", "the driver failed")
                              + f"\ndriver stderr:\n{driven.stderr[-3000:]}\napp log:\n{said}")
    saved = os.environ.get("ATSPI_REPORT")  # keep what it heard, e.g. for the README's list
    if saved:
        Path(f"{saved}-{driver_args[0]}.json").write_text(json.dumps(report, indent=2))
    return report


@pytest.mark.keyring
@pytest.mark.timeout(DRIVER_SECONDS + 60)
def test_a_screen_reader_user_downloads_and_meets_the_credits_dialog(accessibility_session,
                                                                     tmp_path):
    env, processes = accessibility_session
    report = run_app_and_driver(env, processes, tmp_path, ["--sandbox"],
                                ["download", VIDEO_URL, NO_CREDITS_URL], bytes_per_second=750_000)

    assert report["window"] == "VideoConduit Desktop — Sandbox"
    assert report["unnamed"] == {}, "controls without a name (or a combo box without its label)"
    assert report["columns"] == ["Video", "Status", "Progress", "Size", "Details"]
    assert report["links_field_description"].startswith("Paste or type links to videos")
    row = report["row_done"]
    assert row[:3] == ["screen-reader-video.mp4", "Done", "Done"], row
    assert (tmp_path / "downloads" / row[0]).stat().st_size == 3_000_000
    downloading = [p for p in report["progress_heard"] if p.startswith("Downloading")]
    assert downloading and all(re.fullmatch(r"Downloading, \d+ %(, .+ left)?", p)
                               for p in downloading), report["progress_heard"]
    assert any(p.endswith(" left") for p in downloading), report["progress_heard"]
    assert report["credits_dialog"]["name"] == "You need 2 more credits"
    assert report["dialogs_visible_with_credits"] == ["You need 2 more credits"], "one dialog"
    assert "This download needs 2 credits; your balance is 0." in report["credits_dialog_text"]
    assert report["credits_dialog"]["description"].startswith(
        "This download needs 2 credits; your balance is 0.\n"), "spoken after its name"
    assert report["buy_button"]["name"] == "Buy credits" and report["buy_button"]["actions"]
    banner = report["credits_banner"]
    assert banner["name"].startswith("Submissions paused: not enough credits.")
    assert banner["role"] in ("alert", "notification"), "a live region, not a plain panel"
    assert banner["name"] in [heard["text"] for heard in report["announced"]], "spoken unasked"
    combo_purposes = sorted(c["labelled_by"][0] for c in report["controls"]["main window"]
                            if c["role"] == "combo box")
    assert combo_purposes == ["Format:", "Quality:"]


@pytest.mark.keyring
@pytest.mark.timeout(DRIVER_SECONDS + 60)
def test_first_run_meets_one_welcome_and_reaches_the_key_dialog_and_settings(
        accessibility_session, tmp_path, secret_service):
    from app.keys import KeyStore
    from app.sandbox import run_in_thread

    KeyStore(backend=secret_service.backend(), env={}).delete()  # a first run: no key stored
    env, processes = accessibility_session
    with run_in_thread(plan="starter", credits=10) as service:  # the "real" service it talks to
        report = run_app_and_driver(env, processes, tmp_path, ["--api-base", service.api_base],
                                    ["first-run", service.api_key])

    assert report["window"] == "VideoConduit Desktop"
    assert report["first_run_dialogs"] == [["Welcome to VideoConduit Desktop"]], "one dialog"
    assert report["after_later"] == [[]], '"Later" leaves no dialog'
    # (The keyring's wait is often over before the driver listens: tests/ui covers its banner.)
    heard = [(h["text"], h["role"]) for h in report["announced"]]
    assert ("Downloads paused: enter your API key to start.", "alert") in heard
    assert report["unnamed"] == {}, "controls without a name (or a combo box without its label)"
    assert report["welcome"]["description"].startswith("Drop or paste video links")
    key_field = next(c for c in report["controls"]["key dialog"] if c["name"] == "API key")
    assert key_field["role"] == "password text" and key_field["description"].startswith(
        "Starts with vc_.")
    welcome = {c["name"] for c in report["controls"]["welcome dialog"]}
    assert {"Enter my API key", "Try the sandbox", "Later"} <= welcome
    assert report["dialogs"]["key dialog"]["others"] == [report["dialogs"]["key dialog"]["name"]]
    assert report["key_test_heard"] == "Works — your plan: Starter"
    assert report["dialogs"]["settings dialog"]["others"] == [
        report["dialogs"]["settings dialog"]["name"]]
    settings_combos = [c for c in report["controls"]["settings dialog"] if c["role"] == "combo box"]
    assert settings_combos and all(c["labelled_by"] for c in settings_combos)
