"""Light and dark follow the system's colour scheme, and icons follow the palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from app.resources import app_icon, icon, icon_path, resources_dir
from app.ui.theme import apply_color_scheme, is_dark


@pytest.fixture
def restore_look(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    yield qapp
    qapp.setPalette(palette)
    qapp.setStyle(style)


def dominant_icon_color(name: str):
    image = icon(name).pixmap(32, 32).toImage()
    colors = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
    opaque = [c for c in colors if c.alpha() > 200]
    assert opaque, f"{name} drew nothing"
    return opaque[len(opaque) // 2]


def test_switching_the_scheme_switches_the_palette_and_the_icons(restore_look):
    apply_color_scheme(Qt.ColorScheme.Dark)
    assert is_dark()
    dark_ink = dominant_icon_color("pause")
    assert dark_ink.lightness() > 180, "icons are light on a dark window"

    apply_color_scheme(Qt.ColorScheme.Light)
    assert not is_dark()
    light_ink = dominant_icon_color("pause")
    assert light_ink.lightness() < 90, "icons are dark on a light window"
    text = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert light_ink.rgb() == text.rgb()


def test_every_icon_renders_and_the_disabled_look_differs(qapp):
    names = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))
    assert len(names) > 15
    for name in names:
        assert icon_path(name).is_file()
        normal = icon(name).pixmap(24, 24, QIcon.Mode.Normal).toImage()
        disabled = icon(name).pixmap(24, 24, QIcon.Mode.Disabled).toImage()
        assert normal != disabled, name
    assert not app_icon().pixmap(64, 64).isNull()


def test_resources_are_found_inside_a_frozen_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
