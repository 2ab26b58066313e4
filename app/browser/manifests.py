"""The one list of browsers we talk to, where each looks for native-messaging host manifests, and
the manifests themselves. Used by ``--install-browser-integration`` / ``--remove-browser-
integration`` (per user: Linux, macOS, Windows registry), by the .deb/.rpm staging (system-wide,
packaging/make_deb.py) and by the tests that check ids and paths.

The extension's id is fixed: Chromium derives it from the manifest's ``key`` (EXTENSION_ID is the
first 128 bits of SHA-256 of that public key, written with the letters a–p), Firefox reads it
from ``browser_specific_settings.gecko.id``. A host manifest allows exactly that id.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from app.browser.host import EXTENSION_ID, GECKO_ID, HOST_NAME

DESCRIPTION = "VideoConduit Desktop: queue links sent from the browser"
MANIFEST_FILE = f"{HOST_NAME}.json"


@dataclass(frozen=True)
class Browser:
    name: str
    firefox: bool  # Firefox's manifest format (allowed_extensions) instead of Chromium's
    linux_user: str  # under the home folder
    linux_system: str  # absolute, for the .deb/.rpm
    macos_user: str  # under the home folder
    windows_key: str  # under HKEY_CURRENT_USER (the default value is the manifest's path)


# Each browser's documented locations (Chromium's docs for the Chromium family; Mozilla's for Firefox).
BROWSERS = (
    Browser("Chromium", False, ".config/chromium/NativeMessagingHosts",
            "/etc/chromium/native-messaging-hosts",
            "Library/Application Support/Chromium/NativeMessagingHosts",
            r"Software\Chromium\NativeMessagingHosts"),
    Browser("Google Chrome", False, ".config/google-chrome/NativeMessagingHosts",
            "/etc/opt/chrome/native-messaging-hosts",
            "Library/Application Support/Google/Chrome/NativeMessagingHosts",
            r"Software\Google\Chrome\NativeMessagingHosts"),
    Browser("Brave", False, ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
            "/etc/opt/brave/native-messaging-hosts",
            "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
            r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts"),
    Browser("Microsoft Edge", False, ".config/microsoft-edge/NativeMessagingHosts",
            "/etc/opt/edge/native-messaging-hosts",
            "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
            r"Software\Microsoft\Edge\NativeMessagingHosts"),
    Browser("Vivaldi", False, ".config/vivaldi/NativeMessagingHosts",
            "/etc/opt/vivaldi/native-messaging-hosts",
            "Library/Application Support/Vivaldi/NativeMessagingHosts",
            r"Software\Vivaldi\NativeMessagingHosts"),
    Browser("Firefox", True, ".mozilla/native-messaging-hosts",
            "/usr/lib/mozilla/native-messaging-hosts",
            "Library/Application Support/Mozilla/NativeMessagingHosts",
            r"Software\Mozilla\NativeMessagingHosts"),
)


def host_manifest(executable: str, firefox: bool) -> dict[str, Any]:
    manifest: dict[str, Any] = {"name": HOST_NAME, "description": DESCRIPTION,
                                "path": executable, "type": "stdio"}
    if firefox:
        manifest["allowed_extensions"] = [GECKO_ID]
    else:
        manifest["allowed_origins"] = [f"chrome-extension://{EXTENSION_ID}/"]
    return manifest


def manifest_text(executable: str, firefox: bool) -> str:
    return json.dumps(host_manifest(executable, firefox), indent=2) + "\n"


def system_manifests(executable: str) -> dict[PurePosixPath, str]:
    """Path (absolute, Linux) → content of every system-wide manifest the packages install."""
    return {PurePosixPath(b.linux_system, MANIFEST_FILE): manifest_text(executable, b.firefox)
            for b in BROWSERS}


def user_folders(home: Path, platform: str = sys.platform) -> list[tuple[Browser, Path]]:
    """Where the per-user manifests go on Linux and macOS (Windows: see _windows_*)."""
    if platform == "darwin":
        return [(b, home / b.macos_user) for b in BROWSERS]
    return [(b, home / b.linux_user) for b in BROWSERS]


def own_executable() -> str:
    """The program a browser must start: the frozen app itself, or this checkout's entry point."""
    if getattr(sys, "frozen", False):
        return sys.executable
    suffix = ".exe" if sys.platform == "win32" else ""
    script = Path(sys.executable).with_name("videoconduit-desktop" + suffix)
    return str(script if script.exists() else Path(sys.argv[0]).resolve())


class NotRunnable(ValueError):
    """The program a manifest would name cannot be started by a browser; the message says why."""


@dataclass(frozen=True)
class Written:
    browser: str
    path: Path

    def __str__(self) -> str:
        return f"{self.browser}: {self.path}"


def install(home: Path, executable: str, platform: str = sys.platform) -> list[Written]:
    """Write the per-user manifests of the browsers this user has (on Linux and macOS, those
    whose own settings folder exists: nothing is created for a browser that is not there).
    Raises NotRunnable when `executable` is not a program a browser can start."""
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        raise NotRunnable(f"{executable} is not a program a browser can start (run `make venv`, or "
                          "install a package of VideoConduit Desktop, then try again).")
    if platform == "win32":
        return _windows_install(home, executable)
    done = []
    for browser, folder in user_folders(home, platform):
        if not folder.parent.is_dir():
            continue
        folder.mkdir(exist_ok=True)
        (folder / MANIFEST_FILE).write_text(manifest_text(executable, browser.firefox), encoding="utf-8")
        done.append(Written(browser.name, folder / MANIFEST_FILE))
    return done


def remove(home: Path, platform: str = sys.platform) -> list[str]:
    """Remove what install() wrote; the lines to print (one per file removed)."""
    if platform == "win32":
        return _windows_remove(home)
    done = []
    for browser, folder in user_folders(home, platform):
        path = folder / MANIFEST_FILE
        if path.exists():
            path.unlink()
            done.append(f"{browser.name}: removed {path}")
    return done


def _windows_folder(home: Path) -> Path:
    return home / "AppData" / "Local" / "VideoConduit Desktop" / "NativeMessagingHosts"


def _windows_install(home: Path, executable: str) -> list[Written]:
    import winreg  # type: ignore[import-not-found,unused-ignore]

    folder = _windows_folder(home)
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for browser in BROWSERS:
        path = folder / ("firefox" if browser.firefox else "chromium") / MANIFEST_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(manifest_text(executable, browser.firefox), encoding="utf-8")
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, rf"{browser.windows_key}\{HOST_NAME}") as key:
            winreg.SetValueEx(key, "", 0, winreg.REG_SZ, str(path))
        done.append(Written(browser.name, path))
    return done


def _windows_remove(home: Path) -> list[str]:
    import winreg  # type: ignore[import-not-found,unused-ignore]

    done = []
    for browser in BROWSERS:
        try:
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, rf"{browser.windows_key}\{HOST_NAME}")
            done.append(f"{browser.name}: removed its registry key")
        except OSError:
            pass
    for kind in ("firefox", "chromium"):
        (_windows_folder(home) / kind / MANIFEST_FILE).unlink(missing_ok=True)
    return done
