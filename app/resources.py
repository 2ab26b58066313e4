"""Finding bundled files (icons, sample media) both from a source checkout and from a
PyInstaller bundle, and turning the monochrome SVG icons into QIcons that follow the palette.

The icons under resources/icons/ draw with ``currentColor``; they are tinted with the palette's
text colour at paint time, so the same files read well on light and dark themes.

The first frame (toolbar at 20 px, the empty table's 64 px picture; twice that on 2× screens)
paints from masks: each icon pre-rendered in black at those sizes (resources/icons/masks,
`python -m app.resources` writes them), filled with the colour. That gives the SVG's own pixels
(tests/unit/test_icon_masks.py) without loading QtSvg before the window has painted.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

# The one application icon, shared with the packages (.desktop, hicolor, .ico, .icns).
APP_ICON_FILE = ("app-icon", "videoconduit.svg")
# macOS menu-bar icons are templates: black and transparent only, tinted by the system.
TRAY_TEMPLATE_FILE = ("app-icon", "tray-template.svg")
MASK_SIDES = (20, 40, 64, 128)  # the first frame's icon sizes (toolbar, empty table), 1× and 2×
_TRANSPARENT = QColor(0, 0, 0, 0)  # not Qt.GlobalColor.transparent: see app.ui.qt_values


# Resolved once: the first frame asks for a dozen files, and each resolve() is a walk of stat calls.
_NEXT_TO_THE_PACKAGE = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    """resources/ next to the app package, or inside the unpacked bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _NEXT_TO_THE_PACKAGE


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def icon_path(name: str) -> Path:
    return resource_path("icons", f"{name}.svg")


def mask_path(name: str, side: int) -> Path:
    return resource_path("icons", "masks", f"{name}-{side}.png")


@cache
def _svg_source(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def render_svg(name: str, color: QColor, size: QSize) -> QPixmap:
    """The icon drawn from its SVG in `color`."""
    pixmap = QPixmap(size)
    pixmap.fill(_TRANSPARENT)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name, color).render(painter, QRect(QPoint(0, 0), size))
    painter.end()
    return pixmap


def _renderer(name: str, color: QColor) -> QSvgRenderer:
    from PySide6.QtSvg import QSvgRenderer

    svg = _svg_source(name).replace("currentColor", color.name())
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))


def tinted_mask(name: str, side: int, color: QColor) -> QPixmap | None:
    """The icon's pre-rendered mask at `side` px filled with `color`; None without that mask."""
    if side not in MASK_SIDES:
        return None
    image = QImage(str(mask_path(name, side)))
    if image.isNull():
        return None
    # The colour everywhere, kept where the mask is: pixel for pixel what filling the mask
    # "source in" gives, without QPainter.fillRect, whose overloads would build Qt's enums in
    # the first frame (app.ui.qt_values). Transparent first: the pixmap keeps its alpha.
    tinted = QPixmap(image.size())
    tinted.fill(_TRANSPARENT)
    tinted.fill(color)
    painter = QPainter(tinted)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    painter.drawImage(0, 0, image)
    painter.end()
    return tinted


def write_icon_masks() -> list[Path]:
    """Every icon's masks, from its SVG (run again when an icon changes)."""
    written = []
    for svg in sorted(resource_path("icons").glob("*.svg")):
        for side in MASK_SIDES:
            path = mask_path(svg.stem, side)
            path.parent.mkdir(parents=True, exist_ok=True)
            render_svg(svg.stem, QColor("black"), QSize(side, side)).save(str(path))
            written.append(path)
    return written


def _tint_for(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


class _TintedSvgEngine(QIconEngine):
    """Renders one SVG in the current palette's text colour, so a theme switch needs no reload."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._cache: dict[tuple[int, int, int], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatio() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        color = _tint_for(mode)
        key = (size.width(), size.height(), color.rgba())
        cached = self._cache.get(key)
        if cached is None:
            mask = tinted_mask(self._name, size.width(), color) if size.width() == size.height() else None
            cached = mask if mask is not None else render_svg(self._name, color, size)
            self._cache[key] = cached
        return cached

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name)

    def key(self) -> str:
        return "videoconduit-tinted-svg"


def icon(name: str) -> QIcon:
    """A toolbar/menu icon from resources/icons/<name>.svg, tinted to the palette."""
    return QIcon(_TintedSvgEngine(name))


def app_icon() -> QIcon:
    """The coloured application icon (window, tray, about box)."""
    return _rendered(APP_ICON_FILE)


def tray_icon(platform: str = sys.platform) -> QIcon:
    """The tray's icon: on macOS the monochrome template (a mask the menu bar tints for light,
    dark and highlighted states); elsewhere the coloured app icon, as tray icons are there."""
    if not platform.startswith("darwin"):
        return app_icon()
    template = _rendered(TRAY_TEMPLATE_FILE)
    template.setIsMask(True)
    return template


def _rendered(file: tuple[str, str]) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer

    result = QIcon()
    renderer = QSvgRenderer(str(resource_path(*file)))
    for side in (16, 22, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(side, side)
        pixmap.fill(_TRANSPARENT)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


if __name__ == "__main__":  # python -m app.resources: write the icon masks again
    from PySide6.QtWidgets import QApplication

    _app = QApplication([])
    for written in write_icon_masks():
        print(written)
