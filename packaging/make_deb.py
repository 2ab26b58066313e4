"""Build the .deb from the PyInstaller one-folder bundle, staged by packaging/staging.py (the
same tree as the .rpm).

    python packaging/make_deb.py BUNDLE_DIR ICON_DIR OUT_DIR

Depends are computed with dpkg-shlibdeps from every ELF file in the bundle, so they name exactly
the system libraries the bundle leaves to the host (see HOST_LIBRARY in videoconduit.spec). The
GTK platform theme plugin is optional: its libraries are only Recommends. Icon caches and the
desktop database are refreshed by dpkg triggers of hicolor-icon-theme and desktop-file-utils, so
the package needs no maintainer scripts.
"""

from __future__ import annotations

import os
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
    package_main,
    run,
    stage,
)

MAINTAINER = os.environ.get("DEB_MAINTAINER", "VideoConduit Desktop maintainers <desktop@videoconduit.com>")


def debian_version(version: str) -> str:
    """PEP 440 → Debian ordering: 1.2.0rc1 must sort before 1.2.0, which '~' does."""
    return re.sub(r"(?<=\d)(a|b|rc|\.dev)(\d+)", r"~\1\2", version)


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


def write_control(root: Path) -> None:
    (root / "DEBIAN").mkdir()  # also tells dpkg-shlibdeps where the package root is
    elves = elf_files(root / INSTALL_DIR)
    optional = [path for path in elves if is_optional(path)]
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
        "Description": SUMMARY + "".join(f"\n {line}" for line in DESCRIPTION.splitlines()),
    }
    control = "".join(f"{key}: {value}\n" for key, value in fields.items() if value)
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    (root / "DEBIAN" / "conffiles").write_text("".join(f"/{path.as_posix()}\n" for path in config_files()))


def build(bundle: Path, icons: Path, out: Path) -> Path:
    target = out / f"{PACKAGE}_{debian_version(__version__)}_{deb_arch()}.deb"
    with tempfile.TemporaryDirectory(prefix="vc-deb-") as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n")
        root = Path(work) / "debian" / PACKAGE
        stage(bundle, icons, root)
        write_control(root)
        run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
            stdout=subprocess.DEVNULL)
    return target


def deb_arch() -> str:
    return run(["dpkg", "--print-architecture"], capture_output=True).stdout.strip()


if __name__ == "__main__":
    sys.exit(package_main(sys.argv[1:], build, __doc__, "make_deb"))
