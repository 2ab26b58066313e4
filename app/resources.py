"""Finding bundled files (icons, sample media) both from a source checkout and from a
PyInstaller bundle, and turning the monochrome SVG icons into QIcons that follow the palette.

The icons under resources/icons/ draw with ``currentColor``; they are tinted with the palette's
text colour at paint time, so the same files read well on light and dark themes.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

# The one application icon, shared with the packages (.desktop, hicolor, .ico, .icns).
APP_ICON_FILE = ("app-icon", "videoconduit.svg")
# macOS menu-bar icons are templates: black and transparent only, tinted by the system.
TRAY_TEMPLATE_FILE = ("app-icon", "tray-template.svg")


def resources_dir() -> Path:
    """resources/ next to the app package, or inside the unpacked bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def icon_path(name: str) -> Path:
    return resource_path("icons", f"{name}.svg")


@cache
def _svg_source(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


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

    def _renderer(self, color: QColor) -> QSvgRenderer:
        svg = _svg_source(self._name).replace("currentColor", color.name())
        return QSvgRenderer(QByteArray(svg.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(_tint_for(mode)).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        color = _tint_for(mode)
        key = (size.width(), size.height(), color.rgba())
        cached = self._cache.get(key)
        if cached is None:
            cached = QPixmap(size)
            cached.fill(Qt.GlobalColor.transparent)
            painter = QPainter(cached)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer(color).render(painter, QRect(QPoint(0, 0), size))
            painter.end()
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
    result = QIcon()
    renderer = QSvgRenderer(str(resource_path(*file)))
    for side in (16, 22, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
