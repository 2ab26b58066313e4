"""The ids and paths that tie the extension, the host manifests and the packages together: one
wrong letter and the browser says "native host not found" or "forbidden" with no more detail."""

from __future__ import annotations

import base64
import configparser
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import APP_ID
from app.browser import manifests

REPO = Path(__file__).resolve().parents[2]
EXTENSION = REPO / "resources" / "browser-extension"


def extension_manifest() -> dict:
    return json.loads((EXTENSION / "manifest.json").read_text())


def chromium_id_of(key: str) -> str:
    """Chromium's rule: SHA-256 of the public key (DER), first 32 hex digits, 0-f → a-p."""
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(digit, 16)) for digit in digest)


def test_the_extension_id_is_the_one_its_key_gives_and_firefox_gets_the_gecko_id():
    manifest = extension_manifest()
    assert chromium_id_of(manifest["key"]) == manifests.EXTENSION_ID
    assert manifest["browser_specific_settings"]["gecko"]["id"] == manifests.GECKO_ID
    assert manifest["manifest_version"] == 3
    assert "nativeMessaging" in manifest["permissions"]


def test_the_extension_talks_to_our_host_name_and_ships_every_file_it_names():
    background = (EXTENSION / "background.js").read_text()
    assert re.search(r'const HOST = "([^"]+)"', background)[1] == manifests.HOST_NAME
    manifest = extension_manifest()
    named = [manifest["background"]["service_worker"], *manifest["background"]["scripts"],
             *manifest["icons"].values(), *manifest["action"]["default_icon"].values(), "help.html"]
    assert [name for name in named if not (EXTENSION / name).is_file()] == []
    assert "help.html#set-up" in background and 'id="set-up"' in (EXTENSION / "help.html").read_text()


def test_each_host_manifest_allows_exactly_our_extension():
    chromium = manifests.host_manifest("/opt/x/videoconduit-desktop", firefox=False)
    firefox = manifests.host_manifest("/opt/x/videoconduit-desktop", firefox=True)
    assert chromium == {"name": manifests.HOST_NAME, "description": manifests.DESCRIPTION,
                        "path": "/opt/x/videoconduit-desktop", "type": "stdio",
                        "allowed_origins": [f"chrome-extension://{manifests.EXTENSION_ID}/"]}
    assert firefox["allowed_extensions"] == [manifests.GECKO_ID] and "allowed_origins" not in firefox


def test_every_browser_has_its_own_folders_and_the_packages_install_one_manifest_in_each():
    assert [b.name for b in manifests.BROWSERS] == ["Chromium", "Google Chrome", "Brave",
                                                    "Microsoft Edge", "Vivaldi", "Firefox"]
    system = manifests.system_manifests("/opt/videoconduit-desktop/videoconduit-desktop")
    assert len(system) == len(manifests.BROWSERS)
    for path, text in system.items():
        assert path.is_absolute() and path.name == manifests.MANIFEST_FILE
        assert json.loads(text)["path"] == "/opt/videoconduit-desktop/videoconduit-desktop"
    assert len({b.linux_user for b in manifests.BROWSERS}) == len(manifests.BROWSERS)


def a_program(tmp_path) -> str:
    program = tmp_path / "bin" / "videoconduit-desktop"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    return str(program)


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_install_and_remove_write_and_delete_the_per_user_manifests(tmp_path, platform):
    home = tmp_path / "home"
    for _browser, folder in manifests.user_folders(home, platform):
        folder.parent.mkdir(parents=True)  # each browser has been started once
    lines = manifests.install(home, a_program(tmp_path), platform)
    written = sorted(home.rglob(manifests.MANIFEST_FILE))
    assert len(lines) == len(written) == len(manifests.BROWSERS)
    firefox = [p for p in written if "mozilla" in str(p).lower()]
    assert json.loads(firefox[0].read_text())["allowed_extensions"] == [manifests.GECKO_ID]
    assert len(manifests.remove(home, platform)) == len(manifests.BROWSERS)
    assert list(home.rglob(manifests.MANIFEST_FILE)) == []


def test_install_creates_nothing_for_a_browser_this_user_does_not_have(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "chromium").mkdir(parents=True)
    written = manifests.install(home, a_program(tmp_path), "linux")
    assert [w.browser for w in written] == ["Chromium"]
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == [
        ".config", ".config/chromium", ".config/chromium/NativeMessagingHosts",
        f".config/chromium/NativeMessagingHosts/{manifests.MANIFEST_FILE}"]


def test_install_refuses_a_program_a_browser_cannot_start(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "chromium").mkdir(parents=True)
    script = tmp_path / "__main__.py"
    script.write_text("print('hi')\n")  # a checkout's entry point: no execute bit
    with pytest.raises(manifests.NotRunnable, match="not a program a browser can start"):
        manifests.install(home, str(script), "linux")
    assert list(home.rglob(manifests.MANIFEST_FILE)) == []


def test_the_command_line_installs_manifests_that_name_a_program_that_exists(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path)}
    (tmp_path / ".config" / "chromium").mkdir(parents=True)
    result = subprocess.run([sys.executable, "-m", "app", "--install-browser-integration"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    chromium = tmp_path / ".config/chromium/NativeMessagingHosts" / manifests.MANIFEST_FILE
    program = Path(json.loads(chromium.read_text())["path"])
    assert program.is_absolute() and os.access(program, os.X_OK)
    assert f"Chromium: {chromium}" in result.stdout
    removed = subprocess.run([sys.executable, "-m", "app", "--remove-browser-integration"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert not chromium.exists() and "Chromium: removed" in removed.stdout


def test_the_desktop_entry_handles_videoconduit_links():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(REPO / "resources" / f"{APP_ID}.desktop")
    entry = parser["Desktop Entry"]
    assert "x-scheme-handler/videoconduit" in entry["MimeType"].split(";")
    assert entry["Exec"].endswith("%U")
