"""The window paints before the heavy parts load: `python -m app`, its start-up probe printing
what was imported at the end of the first paint (what tests/perf times)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from tests.integration.app_processes import REPO
from tests.perf.bench_startup import HEAVY

pytestmark = pytest.mark.slow
# Not needed for the first frame, each costly before it (see the comments where they are imported).
AFTER_THE_PAINT = (
    # its application-wide event filter: PySide would build every QObject subclass's type
    "app.ui.platform_requests",
    # the item types (dataclasses, enums) and the table model over them: the empty table needs
    # only its column titles
    "app.engine.model", "app.api.models", "app.ui.queue_model",
    # the browsers' manifests and the links' checks (a plain launch only asks app.browser.host
    # whether a browser or a web page started it)
    "app.browser.manifests", "app.browser.links",
    # the first frame's icons paint from pre-rendered masks (app.resources)
    "PySide6.QtSvg",
    # Qt's enum namespace (~100 enums, ~17 ms): the first frame sets its few Qt-typed
    # properties by number (app.ui.qt_values); the probe lists it as if a module
    "PySide6.QtCore.Qt",
)


def probe_lines(command: list[str], env: dict[str, str], timeout: float = 60.0) -> list[str]:
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, text=True, env=env)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(
        [child.stdout.readline(), child.stdout.readline()]), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    child.kill()
    child.wait(timeout=30)
    return lines


def test_the_window_paints_before_the_client_keyring_store_and_engine_load(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOCONDUIT_")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "VIDEOCONDUIT_STARTUP_PROBE": "1"}
    lines = probe_lines([sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"),
                         "--api-base", "http://127.0.0.1:9"], env)
    assert [line.strip() for line in lines[:1]] == ["painted"], lines
    imported = set(lines[1].split()[1:])
    assert "app.ui.main_window" in imported  # the probe saw the window's own modules
    assert [name for name in HEAVY if name in imported] == []
    assert [name for name in AFTER_THE_PAINT if name in imported] == []
