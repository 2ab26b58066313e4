"""The BUILT .rpm as rpm sees it: what it requires from a Fedora/openSUSE system (capabilities
computed from the bundle's real library needs), what it provides, and that it installs exactly the
files of the .deb. Its unpacked files run the same flow as the .deb's (test_deb.py, [rpm])."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import DIST

# What Qt's xcb platform plugin and QtGui load from the host, as the libraries provide them.
QT_HOST_CAPABILITIES = ("libEGL.so.1()(64bit)", "libGL.so.1()(64bit)", "libxkbcommon.so.0()(64bit)",
                        "libxkbcommon-x11.so.0()(64bit)", "libxcb-cursor.so.0()(64bit)",
                        "libxcb.so.1()(64bit)", "libfontconfig.so.1()(64bit)",
                        "libdbus-1.so.3()(64bit)")


def query(package: Path, *what: str) -> list[str]:
    out = subprocess.run(["rpm", "-qp", *what, str(package)], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_requires_the_host_libraries_qt_loads_by_capability(built_rpm):
    requires = set(query(built_rpm, "--requires"))
    assert set(QT_HOST_CAPABILITIES) <= requires, f"missing: {set(QT_HOST_CAPABILITIES) - requires}"
    # The oldest glibc it runs on is said, so an older system refuses it at install time.
    assert any(item.startswith("libc.so.6(GLIBC_2.") for item in requires)


def test_requires_nothing_the_bundle_carries_and_no_package_names(built_rpm):
    requires = query(built_rpm, "--requires")
    carried = {path.name for path in (DIST / "videoconduit-desktop").rglob("*.so*")}
    assert carried, "the bundle carries no libraries?"
    assert not [item for item in requires if item.split("(")[0] in carried]
    # Only library capabilities and rpm's own features: Debian package names mean nothing there.
    assert all(".so" in item or item.startswith("rpmlib(") for item in requires), requires


def test_provides_only_itself(built_rpm):
    # The bundle's private Qt/Python must not satisfy other packages' library needs.
    provides = query(built_rpm, "--provides")
    assert provides and all(item.startswith("videoconduit-desktop") for item in provides), provides


def test_lists_the_same_files_as_the_deb(built_rpm, built_deb):
    rpm_files = {line for line in query(built_rpm, "--list")
                 if not (line.startswith("/opt/") or line == "/usr/share/doc/videoconduit-desktop")}
    deb_listing = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(built_deb)], capture_output=True,
                                 check=True, timeout=120).stdout
    names = subprocess.run(["tar", "-t"], input=deb_listing, capture_output=True, check=True,
                           timeout=120).stdout.decode().split("\n")
    deb_files = {"/" + name.removeprefix("./").rstrip("/") for name in names
                 if name and not name.endswith("/")}
    assert "/usr/bin/videoconduit-desktop" in rpm_files
    assert {f for f in deb_files if not f.startswith("/opt/")} == rpm_files
    opt_rpm = {line for line in query(built_rpm, "--list") if line.startswith("/opt/")}
    assert {f for f in deb_files if f.startswith("/opt/")} <= opt_rpm


@pytest.mark.parametrize("path", ["/opt/videoconduit-desktop/videoconduit-desktop",
                                  "/usr/bin/videoconduit-desktop"])
def test_the_program_and_its_launcher_are_in_the_list(built_rpm, path):
    assert path in query(built_rpm, "--list")
