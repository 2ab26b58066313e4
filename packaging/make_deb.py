"""Build the .deb from the PyInstaller one-folder bundle.

    python packaging/make_deb.py BUNDLE_DIR ICON_DIR OUT_DIR

Layout of the package:
  /opt/videoconduit-desktop/                 the bundle, unchanged
  /usr/bin/videoconduit-desktop              relative symlink into /opt (the bootloader follows it)
  /usr/share/applications/<APP_ID>.desktop   launcher entry, Exec=videoconduit-desktop %U
  /usr/share/metainfo/<APP_ID>.metainfo.xml  AppStream, with a <release> for this version
  /usr/share/icons/hicolor/<N>x<N>/apps/<APP_ID>.png and scalable/apps/<APP_ID>.svg
  /usr/share/doc/videoconduit-desktop/copyright
  /etc/chromium/native-messaging-hosts/com.videoconduit.desktop.json, and the same for Chrome,
  Brave, Edge, Vivaldi and Firefox (app.browser.manifests.BROWSERS): the browser extension's host

Depends are computed with dpkg-shlibdeps from every ELF file in the bundle, so they name exactly
the system libraries the bundle leaves to the host (see HOST_LIBRARY in videoconduit.spec). The
GTK platform theme plugin is optional (Qt skips a theme it cannot load): its libraries are only
Recommends. Icon caches and the desktop database are refreshed by dpkg triggers of
hicolor-icon-theme and desktop-file-utils, so the package needs no maintainer scripts.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import APP_ID, __version__  # noqa: E402
from app.browser.manifests import system_manifests  # noqa: E402

PACKAGE = "videoconduit-desktop"
INSTALL_DIR = Path("opt") / PACKAGE
MAINTAINER = os.environ.get("DEB_MAINTAINER", "VideoConduit Desktop maintainers <desktop@videoconduit.com>")
HOMEPAGE = "https://videoconduit.com"
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


def debian_version(version: str) -> str:
    """PEP 440 → Debian ordering: 1.2.0rc1 must sort before 1.2.0, which '~' does."""
    return re.sub(r"(?<=\d)(a|b|rc|\.dev)(\d+)", r"~\1\2", version)


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
    manifests; the .rpm stages the same list."""
    executable = "/" + (INSTALL_DIR / PACKAGE).as_posix()
    return {Path(str(path).lstrip("/")): text for path, text in system_manifests(executable).items()}


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
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in root.rglob("*"):  # dpkg keeps modes as they are: no group/other write bits
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)


def validate(root: Path) -> None:
    share = root / "usr" / "share"
    run(["desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop")])
    run(["appstreamcli", "validate", "--no-net", str(share / "metainfo" / f"{APP_ID}.metainfo.xml")],
        stdout=subprocess.DEVNULL)


def shlib_depends(root: Path, files: list[Path]) -> str:
    """dpkg-shlibdeps' Depends for `files`; libraries found inside the package are skipped.

    dpkg-shlibdeps wants a source tree, so `root` must be <work>/debian/<PACKAGE> and
    <work>/debian/control must exist (build() lays it out like that).
    """
    if not files:
        return ""
    work = root.parent.parent
    library_dirs = sorted({f"-l{path.parent}" for path in files})
    out = run(["dpkg-shlibdeps", "-O", "--warnings=0", *library_dirs,
               *[str(path.relative_to(work)) for path in files]],
              cwd=work, stdout=subprocess.PIPE).stdout
    match = re.search(r"^shlibs:Depends=(.*)$", out, re.MULTILINE)
    return match[1].strip() if match else ""


def elf_files(directory: Path) -> list[Path]:
    found = []
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def write_control(root: Path) -> None:
    (root / "DEBIAN").mkdir()  # also tells dpkg-shlibdeps where the package root is
    elves = elf_files(root / INSTALL_DIR)
    optional = [path for path in elves if path.as_posix().endswith(OPTIONAL_PLUGINS)]
    required = [path for path in elves if path not in optional]
    depends = shlib_depends(root, required)
    recommends = shlib_depends(root, optional)
    already = {item.split()[0] for item in depends.split(", ")}
    recommends = ", ".join(item for item in recommends.split(", ")
                           if item and item.split()[0] not in already)
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1
    fields = {
        "Package": PACKAGE,
        "Version": debian_version(__version__),
        "Architecture": deb_arch(),
        "Maintainer": MAINTAINER,
        "Installed-Size": str(size_kib),
        "Depends": depends,
        "Recommends": recommends,
        "Suggests": "gnome-keyring",
        "Section": "net",
        "Priority": "optional",
        "Homepage": HOMEPAGE,
        "Description": f"{SUMMARY}\n{DESCRIPTION}",
    }
    control = "".join(f"{key}: {value}\n" for key, value in fields.items() if value)
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    # Files under /etc are the administrator's: dpkg keeps local edits on upgrade.
    conffiles = sorted("/" + path.as_posix() for path in browser_files() if path.parts[0] == "etc")
    (root / "DEBIAN" / "conffiles").write_text("".join(f"{path}\n" for path in conffiles))


def build(bundle: Path, icons: Path, out: Path) -> Path:
    target = out / f"{PACKAGE}_{debian_version(__version__)}_{deb_arch()}.deb"
    with tempfile.TemporaryDirectory(prefix="vc-deb-") as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n")
        root = Path(work) / "debian" / PACKAGE
        stage(bundle, icons, root)
        validate(root)
        write_control(root)
        run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
            stdout=subprocess.DEVNULL)
    return target


def deb_arch() -> str:
    return run(["dpkg", "--print-architecture"], capture_output=True).stdout.strip()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    bundle, icons, out = (Path(arg) for arg in argv)
    try:
        print(build(bundle, icons, out))
    except subprocess.CalledProcessError as exc:  # the tool already said why on stderr
        print(f"make_deb: {exc.cmd[0]} failed with exit status {exc.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
