"""Pack the browser extension for the stores.

    python packaging/make_extension.py OUT_DIR

writes videoconduit-desktop-browser-extension-<v>.zip (Chrome Web Store) and
videoconduit-desktop-browser-extension-<v>.xpi (Firefox, unsigned: AMO signs it) from
resources/browser-extension/, and prints their paths. Both leave out the manifest's `key`: it pins
the id of the unpacked extension (README: load unpacked), and the Chrome Web Store assigns its own
(Firefox keeps browser_specific_settings.gecko.id). Entries
are sorted with a fixed time stamp, so the same sources give the same bytes.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "browser-extension"
NAME = "videoconduit-desktop-browser-extension"
STAMP = (2024, 1, 1, 0, 0, 0)


def store_manifest(firefox: bool) -> str:
    """The manifest a store gets: no `key`, and only the background form that browser runs
    (Firefox: an event page's scripts; Chromium: the service worker)."""
    manifest = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("key", None)
    manifest["background"].pop("service_worker" if firefox else "scripts", None)
    if not firefox:
        manifest.pop("browser_specific_settings", None)
    return json.dumps(manifest, indent=2) + "\n"


def pack(target: Path) -> Path:
    firefox = target.suffix == ".xpi"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SOURCE.rglob("*")):
            if path.is_dir():
                continue
            name = path.relative_to(SOURCE).as_posix()
            data = store_manifest(firefox).encode() if name == "manifest.json" else path.read_bytes()
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    version = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))["version"]
    for suffix in ("zip", "xpi"):
        print(pack(out / f"{NAME}-{version}.{suffix}"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
