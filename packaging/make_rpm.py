"""Build the .rpm (Fedora, openSUSE) from the PyInstaller one-folder bundle, staged by
packaging/staging.py: the same files as the .deb.

    python packaging/make_rpm.py BUNDLE_DIR ICON_DIR OUT_DIR

rpmbuild (Debian's `rpm` package builds it here) packs the staged tree as it is: no stripping, no
debug package, no build-id links (the bootloader carries the Python archive at its end; a strip
would cut it off). rpm's own dependency generator is off: Requires are computed here from every
ELF file in the bundle — the libraries they need (DT_NEEDED) that the bundle does not carry, in
the capability names Fedora's and openSUSE's libraries provide (`libxcb.so.1()(64bit)`), with the
glibc symbol versions they use (`libc.so.6(GLIBC_2.34)(64bit)`), so an older system refuses the
package instead of failing at start. The GTK theme plugin's extra libraries are only Recommends.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from staging import (  # noqa: E402
    DESCRIPTION,
    HOMEPAGE,
    INSTALL_DIR,
    PACKAGE,
    SUMMARY,
    __version__,
    config_files,
    elf_files,
    is_optional,
    owned_directories,
    package_main,
    run,
    stage,
    staged_files,
)

RPM_ARCH = {"x86_64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}
# Version needs of these sonames become `soname(VERSION)(64bit)` capabilities (glibc's provide them).
VERSIONED_SONAMES = re.compile(r"^(libc|libm|libpthread|libdl|librt|ld-linux[-\w]*)\.so")


def rpm_version(version: str) -> str:
    """PEP 440 → rpm ordering: 1.2.0rc1 must sort before 1.2.0, which '~' does (rpm >= 4.10)."""
    return re.sub(r"(?<=\d)(a|b|rc|\.dev)(\d+)", r"~\1\2", version)


def library_needs(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """(sonames the file links against, {(soname, symbol version)}) from its dynamic section."""
    out = run(["readelf", "--dynamic", "--version-info", "--wide", str(path)],
              stdout=subprocess.PIPE, env={"LC_ALL": "C"}).stdout
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))
    versions: set[tuple[str, str]] = set()
    current = None
    for line in out.splitlines():
        if match := re.search(r"File: (\S+)\s+Cnt:", line):
            current = match[1]
        elif (match := re.search(r"Name: (\S+)\s+Flags", line)) and current:
            versions.add((current, match[1]))
    return needed, versions


def is_64bit(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5)[4] == 2  # EI_CLASS: ELFCLASS64


def capabilities(files: list[Path], carried: set[str]) -> list[str]:
    """The rpm capabilities for what `files` need from the host (anything not in `carried`)."""
    found: set[str] = set()
    for path in files:
        suffix = "(64bit)" if is_64bit(path) else ""
        needed, versions = library_needs(path)
        found |= {f"{soname}(){suffix}" for soname in needed if soname not in carried}
        found |= {f"{soname}({version}){suffix}" for soname, version in versions
                  if soname not in carried and VERSIONED_SONAMES.match(soname)
                  and not version.startswith(soname)}
    return sorted(found)


def spec_text(root: Path, requires: list[str], recommends: list[str], arch: str) -> str:
    config = set(config_files())
    files = [f'%dir "/{directory}"' for directory in owned_directories(root)] + [
        f'%config(noreplace) "/{path}"' if path in config else f'"/{path}"'
        for path in staged_files(root)]
    lines = [
        f"Name: {PACKAGE}",
        f"Version: {rpm_version(__version__)}",
        "Release: 1",
        f"Summary: {SUMMARY[0].upper() + SUMMARY[1:]}",
        "License: MIT AND LGPL-3.0-only AND PSF-2.0",
        f"URL: {HOMEPAGE}",
        f"BuildArch: {arch}",
        "AutoReqProv: no",
        *[f"Requires: {capability}" for capability in requires],
        *[f"Recommends: {capability}" for capability in recommends],
        "Suggests: gnome-keyring",
        "",
        "%description",
        DESCRIPTION,
        "",
        "%install",
        f'cp -a "{root}/." "%{{buildroot}}/"',
        "",
        "%files",
        "%defattr(-,root,root,-)",
        *files,
        "",
    ]
    return "\n".join(lines)


def build(bundle: Path, icons: Path, out: Path) -> Path:
    arch = RPM_ARCH[run(["uname", "-m"], capture_output=True).stdout.strip()]
    with tempfile.TemporaryDirectory(prefix="vc-rpm-") as work:
        root = Path(work) / "staged"
        stage(bundle, icons, root)
        bundled = root / INSTALL_DIR
        carried = {path.name for path in bundled.rglob("*.so*")}
        elves = elf_files(bundled)
        requires = capabilities([p for p in elves if not is_optional(p)], carried)
        recommends = [c for c in capabilities([p for p in elves if is_optional(p)], carried)
                      if c not in requires]
        spec = Path(work) / f"{PACKAGE}.spec"
        spec.write_text(spec_text(root, requires, recommends, arch), encoding="utf-8")
        topdir = Path(work) / "rpmbuild"
        run(["rpmbuild", "-bb", "--nodeps", "--quiet",
             "--define", f"_topdir {topdir}",
             "--define", f"_rpmdir {out.resolve()}",
             "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
             "--define", "__os_install_post %{nil}",
             "--define", "debug_package %{nil}",
             "--define", "_build_id_links none",
             "--define", "_binary_payload w6.xzdio",
             "--define", "__check_files %{nil}",
             str(spec)], stdout=subprocess.DEVNULL)
    return out / f"{PACKAGE}-{rpm_version(__version__)}-1.{arch}.rpm"


if __name__ == "__main__":
    sys.exit(package_main(sys.argv[1:], build, __doc__, "make_rpm"))
