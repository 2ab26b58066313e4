"""The BUILT .deb and .rpm, each unpacked into a temporary root as dpkg/rpm would install it: the
launcher in its .desktop entry starts the app, the desktop finds the icon and AppStream data, and
dpkg would pull in the system libraries that Qt needs from the host (the .rpm's Requires are
checked in test_rpm.py)."""

from __future__ import annotations

import configparser
import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from app import APP_ID
from tests.packaging.conftest import downloaded_files, isolated_env, run_app, sandbox_flow_args

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# What Qt's xcb platform plugin and QtGui load from the host (engineering notes §6).
QT_HOST_PACKAGES = ("libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0",
                    "libfontconfig1", "libdbus-1-3")
DEB_SIZE_LIMIT_BYTES = 90 * 1024 * 1024


@pytest.fixture(scope="module", params=["deb", "rpm"])
def installed(request, tmp_path_factory) -> Path:
    """The package's files under a temporary root: `dpkg-deb -x`, or `rpm2cpio | cpio`."""
    package = request.getfixturevalue(f"built_{request.param}")
    root = tmp_path_factory.mktemp(f"{request.param}-root")
    if request.param == "deb":
        subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True, timeout=120)
    else:
        subprocess.run(f"rpm2cpio {shlex.quote(str(package))} | cpio -idm --quiet", shell=True,
                       cwd=root, check=True, timeout=120)
    return root


def desktop_entry(root: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(root / "usr/share/applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def launch_command(root: Path, urls: list[str], *options: str) -> list[str]:
    """The Exec line as a desktop would run it: the program looked up in the package's /usr/bin,
    %U replaced by the dropped URLs. Test-only options go right after the program."""
    program, *rest = shlex.split(desktop_entry(root)["Exec"])
    resolved = shutil.which(program, path=str(root / "usr/bin"))
    assert resolved, f"{program} from the Exec line is not in the package's /usr/bin"
    expanded = [part for field in rest for part in (urls if field == "%U" else [field])]
    return [resolved, *options, *expanded]


def test_exec_line_queues_the_dropped_url_and_downloads_it(installed, tmp_path):
    url = "https://example.com/watch/dropped-on-launcher"
    flow = sandbox_flow_args(url, tmp_path)
    options = [arg for arg in flow if arg != url]
    command = launch_command(installed, [url], "--no-window", *options)
    result = run_app(command, isolated_env(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    assert list(downloaded_files(tmp_path)) == ["dropped-on-launcher.mp4"], result.stderr


def test_launcher_is_a_relative_link_into_opt(installed):
    launcher = installed / "usr/bin/videoconduit-desktop"
    assert launcher.is_symlink() and not Path(launcher.readlink()).is_absolute()
    assert launcher.resolve() == (installed / "opt/videoconduit-desktop/videoconduit-desktop").resolve()


def test_desktop_finds_the_icon_at_every_size_and_as_svg(installed):
    icon = desktop_entry(installed)["Icon"]
    hicolor = installed / "usr/share/icons/hicolor"
    missing = [size for size in ICON_SIZES if not (hicolor / f"{size}x{size}/apps/{icon}.png").is_file()]
    assert not missing, f"no {icon}.png at sizes {missing}"
    assert (hicolor / f"scalable/apps/{icon}.svg").is_file()


@pytest.mark.parametrize(("tool", "relative"), [
    ("desktop-file-validate", f"usr/share/applications/{APP_ID}.desktop"),
    ("appstreamcli", f"usr/share/metainfo/{APP_ID}.metainfo.xml"),
])
def test_desktop_integration_files_validate(installed, tool, relative):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (make packaging-deps installs it)")
    command = [tool, str(installed / relative)]
    if tool == "appstreamcli":
        command[1:1] = ["validate", "--no-net"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_this_release_and_the_desktop_entry(installed):
    from app import __version__

    text = (installed / f"usr/share/metainfo/{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f'<release version="{__version__}"' in text
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in text


def test_depends_on_the_host_libraries_qt_loads(built_deb):
    depends = subprocess.run(["dpkg-deb", "-f", str(built_deb), "Depends"], capture_output=True,
                             text=True, check=True, timeout=30).stdout
    declared = {item.split()[0] for item in depends.replace("|", ",").split(",") if item.strip()}
    assert set(QT_HOST_PACKAGES) <= declared, f"missing: {set(QT_HOST_PACKAGES) - declared}"


def test_deb_stays_under_90_mb(built_deb):
    assert built_deb.stat().st_size <= DEB_SIZE_LIMIT_BYTES


def test_the_browsers_find_a_host_manifest_naming_the_installed_program(installed):
    """Every supported browser's system-wide folder holds our host manifest, and its path is the
    program the package installs."""
    from app.browser import manifests

    for browser in manifests.BROWSERS:
        manifest = installed / browser.linux_system.lstrip("/") / manifests.MANIFEST_FILE
        data = json.loads(manifest.read_text())
        assert data["name"] == manifests.HOST_NAME
        program = installed / data["path"].lstrip("/")
        assert program.is_file() and os.access(program, os.X_OK), data["path"]
