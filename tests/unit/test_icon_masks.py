"""The first frame's icons come from pre-rendered masks (app.resources): filled with a colour they
give the pixels the SVG gives drawn in that colour, for every icon and every mask size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette

from app.resources import MASK_SIDES, icon, icon_path, mask_path, render_svg, resource_path, tinted_mask

ICONS = sorted(path.stem for path in resource_path("icons").glob("*.svg"))
# The palette's text colours, light and dark, disabled, and an accent.
COLOURS = ("#000000", "#e6e6e6", "#7d7f85", "#1e7e34")


def premultiplied(image: QImage) -> bytes:
    """What is composited: colour channels already weighted by alpha (no noise at alpha 0)."""
    return bytes(image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied).constBits())


@pytest.mark.parametrize("name", ICONS)
def test_each_mask_filled_with_a_colour_is_the_svg_drawn_in_it(qapp, name):
    for side in MASK_SIDES:
        assert mask_path(name, side).is_file(), "python -m app.resources writes the masks"
        for colour in COLOURS:
            masked = premultiplied(tinted_mask(name, side, QColor(colour)).toImage())
            drawn = premultiplied(render_svg(name, QColor(colour), QSize(side, side)).toImage())
            worst = max((abs(a - b) for a, b in zip(masked, drawn, strict=True)), default=0)
            assert worst <= 1, f"{icon_path(name).name} at {side} px in {colour}: off by {worst}"


def test_other_sizes_are_drawn_from_the_svg(qapp):
    """A menu's 16 px icon has no mask: the SVG itself, tinted the same way."""
    assert tinted_mask("add", 16, QColor("#000000")) is None
    text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    shown = icon("add").pixmap(QSize(16, 16), QIcon.Mode.Normal).toImage()
    assert premultiplied(shown) == premultiplied(render_svg("add", text, QSize(16, 16)).toImage())


def test_the_toolbar_shows_the_masks_in_the_palettes_colours(qapp):
    """20 px, as the toolbar asks: the mask, filled with the text colour (disabled: its own)."""
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = QGuiApplication.palette().color(group, QPalette.ColorRole.WindowText)
        shown = icon("pause").pixmap(QSize(20, 20), mode).toImage()
        assert premultiplied(shown) == premultiplied(tinted_mask("pause", 20, colour).toImage())
