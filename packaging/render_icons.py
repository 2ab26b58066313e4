"""Render the application icon (resources/app-icon/videoconduit.svg) for every platform.

    python packaging/render_icons.py OUT_DIR

writes, from the one SVG and nothing else:
  OUT_DIR/hicolor/<N>x<N>/apps/<APP_ID>.png   Linux icon theme sizes, plus
  OUT_DIR/hicolor/scalable/apps/<APP_ID>.svg  the SVG itself
  OUT_DIR/videoconduit.ico                    Windows (PNG-compressed entries, 16..256)
  OUT_DIR/videoconduit.icns                   macOS (PNG entries, 16..1024)

Rendering uses Qt's QSvgRenderer from the venv's PySide6, offscreen, so no image tools are
needed. The PNGs are build output: they are never committed.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SVG = ROOT / "resources" / "app-icon" / "videoconduit.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types that hold PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09",
              1024: b"ic10"}


def app_id() -> str:
    sys.path.insert(0, str(ROOT))
    from app import APP_ID

    return APP_ID


def render_png(svg: Path, side: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG for Qt")
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG streams (valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, payload = b"", b""
    for side in sizes:
        data = pngs[side]
        edge = 0 if side >= 256 else side  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + directory + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(ICNS_TYPES[side] + struct.pack(">I", 8 + len(pngs[side])) + pngs[side]
                    for side in sorted(pngs))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(out: Path, svg: Path = SOURCE_SVG) -> None:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (painting needs it)
    name = app_id()
    pngs = {side: render_png(svg, side)
            for side in sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))}
    for side in HICOLOR_SIZES:
        target = out / "hicolor" / f"{side}x{side}" / "apps" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[side])
    scalable = out / "hicolor" / "scalable" / "apps" / f"{name}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    (out / "videoconduit.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "videoconduit.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    render_all(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
