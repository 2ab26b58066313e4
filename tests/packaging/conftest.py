"""Fixtures for tests of the BUILT artefacts in dist/ (made by `make package`), never the source.

Without a bundle these tests skip, so `make test` runs them only after a build; `make package`
sets VC_REQUIRE_BUNDLE=1, which turns a missing artefact into a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
NAME = "videoconduit-desktop"
EXECUTABLE = DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
RUN_TIMEOUT_SECONDS = 90


def missing_artefact(what: str) -> None:
    reason = f"no {what} in dist/ — build it with `make package`"
    if os.environ.get("VC_REQUIRE_BUNDLE") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The one-folder bundle's executable."""
    if not EXECUTABLE.is_file():
        missing_artefact(f"one-folder bundle ({EXECUTABLE.relative_to(ROOT)})")
    return EXECUTABLE


def newest_linux_package(pattern: str, what: str) -> Path:
    """The newest package in dist/ matching `pattern` (built on Linux only)."""
    if not sys.platform.startswith("linux"):
        pytest.skip(f"the {what} is built on Linux only")
    packages = sorted(DIST.glob(pattern), key=lambda path: path.stat().st_mtime)
    if not packages:
        missing_artefact(what)
    return packages[-1]


@pytest.fixture(scope="session")
def built_deb() -> Path:
    return newest_linux_package(f"{NAME}_*.deb", ".deb")


@pytest.fixture(scope="session")
def built_rpm() -> Path:
    """Fedora, openSUSE: made from the same staged files as the .deb."""
    return newest_linux_package(f"{NAME}-*.rpm", ".rpm")


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """Offscreen, no API key, a private HOME and no session bus: the run touches nothing real."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"VIDEOCONDUIT_API_KEY", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY",
                          "WAYLAND_DISPLAY"}}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent")
    env.update(extra)
    return env


def run_app(command: list[str], env: dict[str, str], stdin: str | None = None,
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, input=stdin, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_SECONDS)


def sandbox_flow_args(url: str, tmp_path: Path) -> list[str]:
    return ["--sandbox", "--quit-when-done", url, "--download-dir", str(tmp_path / "D"),
            "--data-dir", str(tmp_path / "S")]


def downloaded_files(tmp_path: Path) -> dict[str, int]:
    """Finished files (name → size) in the download folder of sandbox_flow_args."""
    folder = tmp_path / "D"
    if not folder.is_dir():
        return {}
    return {path.name: path.stat().st_size for path in folder.iterdir() if path.is_file()}
