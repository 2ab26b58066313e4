"""Light and dark: a few accent colours that read on both, and following the system's scheme.

Most platforms hand Qt a matching palette when the system switches to dark; where none comes
(plain X11 without a platform theme, the offscreen platform used for screenshots) the app applies
a dark Fusion palette itself.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # asking Qt for the scheme builds Qt's whole enum namespace: see follow_…
    from PySide6.QtCore import Qt


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def failure_color(palette: QPalette | None = None) -> QColor:
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def success_color(palette: QPalette | None = None) -> QColor:
    return QColor("#81c995") if is_dark(palette) else QColor("#1e7e34")


def sandbox_color(palette: QPalette | None = None) -> QColor:
    """The sandbox badge: warm, so nobody mistakes it for the real, charging service."""
    return QColor("#ffb74d") if is_dark(palette) else QColor("#a35a00")


def dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor("#2b2d31"), QColor("#1e1f22"), QColor("#e6e6e6")
    disabled = QColor("#7d7f85")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3d42"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#9a9ca1"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#35373c"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Light: QColor("#45484e"),
        QPalette.ColorRole.Midlight: QColor("#3a3d42"),
        QPalette.ColorRole.Mid: QColor("#2f3135"),
        QPalette.ColorRole.Dark: QColor("#18191b"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Highlight: QColor("#4f7cff"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#8ab4f8"),
        QPalette.ColorRole.LinkVisited: QColor("#c58af9"),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_color_scheme(scheme: Qt.ColorScheme) -> None:
    """Make the palette match `scheme` unless the platform already did."""
    from PySide6.QtCore import Qt

    _apply_dark(scheme == Qt.ColorScheme.Dark)


def _apply_dark(wants_dark: bool) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if wants_dark == is_dark(app.palette()):
        return
    app.setStyle("Fusion")  # the one style that draws any palette faithfully everywhere
    app.setPalette(dark_palette() if wants_dark else app.style().standardPalette())


_following = False


def follow_system_color_scheme() -> None:
    """Apply the system's light/dark choice now and whenever it changes (idempotent). Called
    once the window has painted: Qt reports the scheme as an enum of its namespace, whose first
    use costs ~17 ms (app.ui.qt_values); match_windows_dark_mode covers the first frame."""
    global _following
    hints = QGuiApplication.styleHints()
    apply_color_scheme(hints.colorScheme())
    if not _following:
        hints.colorSchemeChanged.connect(apply_color_scheme)
        _following = True


def match_windows_dark_mode() -> None:
    """Before the first paint: a Windows set to dark apps gets a dark first frame (read from
    the registry, no Qt enum). Elsewhere the platform theme hands Qt its palette itself."""
    if sys.platform == "win32" and _windows_apps_use_dark():
        _apply_dark(True)


def _windows_apps_use_dark() -> bool:
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
                            r"Software\Microsoft\Windows\CurrentVersion\Themes\Personalize") as key:
            value, _kind = winreg.QueryValueEx(key, "AppsUseLightTheme")  # type: ignore[attr-defined,unused-ignore]
    except (ImportError, OSError):
        return False
    return value == 0
