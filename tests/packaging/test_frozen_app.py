"""The BUILT one-folder bundle (dist/videoconduit-desktop/) does what a user double-clicks it for.

These run the frozen executable, not `python -m app`: a module missing from the spec's hidden
imports, a Qt plugin excluded by mistake or a lost data file shows up here and nowhere else.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import subprocess
import sys

import pytest

from app import __version__
from tests.packaging.conftest import (
    DIST,
    ROOT,
    downloaded_files,
    isolated_env,
    missing_artefact,
    run_app,
    sandbox_flow_args,
)

URL = "https://example.com/watch/frozen-smoke"
EXPECTED_FILE = "frozen-smoke.mp4"


def test_reports_the_version_it_was_built_from(frozen_app, tmp_path):
    result = run_app([str(frozen_app), "--version"], isolated_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["videoconduit-desktop", __version__], (
        "the bundle is older than the source — rebuild it with `make package`")


def test_headless_sandbox_flow_downloads_the_file_and_exits_0(frozen_app, tmp_path):
    result = run_app([str(frozen_app), "--no-window", *sandbox_flow_args(URL, tmp_path)],
                     isolated_env(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    files = downloaded_files(tmp_path)
    assert list(files) == [EXPECTED_FILE], result.stderr
    assert files[EXPECTED_FILE] > 0


@pytest.mark.skipif(not (ROOT / "app" / "ui" / "run.py").exists(), reason="the window has not landed")
def test_window_flow_offscreen_downloads_the_file_and_exits_0(frozen_app, tmp_path):
    """The window needs the Qt platform, icon-engine and image-format plugins the spec keeps."""
    result = run_app([str(frozen_app), *sandbox_flow_args(URL, tmp_path)],
                     isolated_env(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    assert list(downloaded_files(tmp_path)) == [EXPECTED_FILE], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.keyring
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Secret Service is the Linux keyring")
def test_frozen_app_stores_the_key_in_the_real_secret_service(frozen_app, tmp_path, secret_service):
    """keyring picks its backend at runtime: the bundle must carry SecretService and its D-Bus libs."""
    key = f"vc_frozen_{secrets.token_hex(8)}"
    env = {**secret_service.env, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("VIDEOCONDUIT_API_KEY", None)
    lookup = ["secret-tool", "lookup", "service", "VideoConduit Desktop", "username", "api-key"]
    try:
        result = run_app([str(frozen_app), "--store-key", "--data-dir", str(tmp_path / "S")], env,
                         stdin=f"{key}\n")
        assert result.returncode == 0, result.stderr
        stored = subprocess.run(lookup, env=env, capture_output=True, text=True, timeout=10)
        assert stored.stdout.strip() == key
    finally:
        if shutil.which("secret-tool"):
            subprocess.run(["secret-tool", "clear", *lookup[2:]], env=env, timeout=10, check=False)


def test_sha256sums_match_the_artefacts_beside_them(frozen_app):
    sums = DIST / "SHA256SUMS"
    if not sums.is_file():
        missing_artefact("SHA256SUMS")
    lines = sums.read_text(encoding="utf-8").splitlines()
    assert lines, "SHA256SUMS is empty"
    for line in lines:
        digest, name = line.split(maxsplit=1)
        artefact = DIST / name.lstrip("*")
        assert hashlib.sha256(artefact.read_bytes()).hexdigest() == digest, f"{name} changed"


def test_the_browser_extension_packages_are_built_and_checksummed():
    """`make package` packs the extension: a .zip for the Chrome Web Store and an .xpi for
    Firefox (both without the unpacked extension's `key`), each listed in SHA256SUMS."""
    import json
    import zipfile

    from app.browser import manifests
    from tests.packaging.conftest import DIST, missing_artefact

    packages = sorted(DIST.glob("videoconduit-desktop-browser-extension-*.[zx][ip][pi]"))
    if len(packages) != 2:
        missing_artefact("browser extension .zip/.xpi")
    sums = (DIST / "SHA256SUMS").read_text()
    for package in packages:
        assert package.name in sums
        with zipfile.ZipFile(package) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            assert "background.js" in archive.namelist()
        assert "key" not in manifest
        if package.suffix == ".xpi":
            assert manifest["browser_specific_settings"]["gecko"]["id"] == manifests.GECKO_ID
