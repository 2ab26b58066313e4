"""The one staged install tree that both Linux packages are made of (make_deb.py, make_rpm.py).

    stage(bundle, icons, root)  lays out, under `root`, every file a package installs:
  /opt/videoconduit-desktop/                 the bundle, unchanged
  /usr/bin/videoconduit-desktop              relative symlink into /opt (the bootloader follows it)
  /usr/share/applications/<APP_ID>.desktop   launcher entry, Exec=videoconduit-desktop %U
  /usr/share/metainfo/<APP_ID>.metainfo.xml  AppStream, with a <release> for this version
  /usr/share/icons/hicolor/<N>x<N>/apps/<APP_ID>.png and scalable/apps/<APP_ID>.svg
  /usr/share/doc/videoconduit-desktop/copyright
  /etc/chromium/native-messaging-hosts/com.videoconduit.desktop.json, and the same for Chrome,
  Brave, Edge, Vivaldi and Firefox (app.browser.manifests.BROWSERS): the browser extension's host;
  config_files() lists them (dpkg conffiles, rpm %config(noreplace))

A file added here lands in the .deb AND the .rpm: the .deb packs the tree as it is, the .rpm's
file list is staged_files(root). Nothing else decides what a Linux package contains.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import APP_ID, __version__  # noqa: E402
from app.browser.manifests import system_manifests  # noqa: E402

PACKAGE = "videoconduit-desktop"
INSTALL_DIR = Path("opt") / PACKAGE
DOC_DIR = Path("usr") / "share" / "doc" / PACKAGE
HOMEPAGE = "https://videoconduit.com"
# The GTK platform theme plugin is optional (Qt skips a theme it cannot load): its libraries are
# only recommended, never required.
OPTIONAL_PLUGINS = ("platformthemes/libqgtk3.so",)
SUMMARY = "desktop client for the VideoConduit video-download service"
DESCRIPTION = """\
Drop links from your browser, paste a list or pass them on the command line:
the app submits each one to VideoConduit, follows the job and saves the
finished file into your folder with progress, speed and time left. The API
key is kept in the system keyring (Secret Service), never in a file."""
COPYRIGHT = f"""\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: {PACKAGE}
Source: {HOMEPAGE}

Files: *
Copyright: VideoConduit Desktop contributors
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of
 this software and associated documentation files, to deal in the Software
 without restriction, subject to the conditions of the MIT license. The bundled
 Qt libraries are under the LGPL-3.0 and Python under the PSF license.
"""


def release_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch
              else datetime.datetime.now(datetime.UTC))
    return moment.date().isoformat()


def metainfo_for_version(text: str, version: str) -> str:
    """The metainfo with a <release> entry for `version` (added if the file has none)."""
    if re.search(rf'<release\s+version="{re.escape(version)}"', text):
        return text
    entry = f'<release version="{version}" date="{release_date()}"/>'
    if "<releases>" in text:
        return text.replace("<releases>", f"<releases>\n    {entry}", 1)
    return text.replace("</component>", f"  <releases>\n    {entry}\n  </releases>\n</component>", 1)


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(args, check=True, text=True, **kwargs)


def browser_files() -> dict[Path, str]:
    """Package path (relative to the root) → content of the system-wide native-messaging host
    manifests of every browser we know (app.browser.manifests)."""
    executable = "/" + (INSTALL_DIR / PACKAGE).as_posix()
    return {Path(str(path).lstrip("/")): text for path, text in system_manifests(executable).items()}


def config_files() -> list[Path]:
    """Files under /etc are the administrator's: both package managers keep local edits."""
    return sorted(path for path in browser_files() if path.parts[0] == "etc")


def stage(bundle: Path, icons: Path, root: Path) -> None:
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    launcher = root / "usr" / "bin" / PACKAGE
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(Path("..", "..", INSTALL_DIR, PACKAGE))
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    metainfo = (ROOT / "resources" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(
        metainfo_for_version(metainfo, __version__), encoding="utf-8")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    for path, text in browser_files().items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / DOC_DIR).mkdir(parents=True)
    (root / DOC_DIR / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in root.rglob("*"):  # packages keep modes as they are: no group/other write bits
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    validate(root)


def validate(root: Path) -> None:
    share = root / "usr" / "share"
    run(["desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop")])
    run(["appstreamcli", "validate", "--no-net", str(share / "metainfo" / f"{APP_ID}.metainfo.xml")],
        stdout=subprocess.DEVNULL)


def staged_files(root: Path) -> list[Path]:
    """Every file and symlink of the staged tree, relative to `root`: what a package installs."""
    return sorted(path.relative_to(root) for path in root.rglob("*")
                  if path.is_symlink() or not path.is_dir())


def owned_directories(root: Path) -> list[Path]:
    """The directories that are the package's own (removed with it), relative to `root`: the
    bundle's and the doc folder, with everything below them. All others are shared."""
    owned = [INSTALL_DIR, DOC_DIR]
    return owned + sorted(path.relative_to(root) for top in owned for path in (root / top).rglob("*")
                          if path.is_dir() and not path.is_symlink())


def elf_files(directory: Path) -> list[Path]:
    found = []
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def is_optional(path: Path) -> bool:
    return path.as_posix().endswith(OPTIONAL_PLUGINS)


def package_main(argv: list[str], build: Callable[[Path, Path, Path], Path], usage: str,
                 tool: str) -> int:
    """The command line both package builders share: BUNDLE_DIR ICON_DIR OUT_DIR → the package."""
    if len(argv) != 3:
        print(usage, file=sys.stderr)
        return 2
    bundle, icons, out = (Path(arg) for arg in argv)
    try:
        print(build(bundle, icons, out))
    except subprocess.CalledProcessError as exc:  # the tool already said why on stderr
        print(f"{tool}: {exc.cmd[0]} failed with exit status {exc.returncode}", file=sys.stderr)
        return 1
    return 0
