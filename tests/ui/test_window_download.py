"""End to end: a link dropped on the window becomes a file in the download folder, and the row
shows each stage — processing on the service, a progress bar while downloading, then Done."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from app.engine.model import ItemState
from app.ui.queue_model import Column
from app.ui.theme import success_color
from tests.ui.conftest import drop_on, mime_data, sandbox_options

FILE_SIZE = 4_000_000  # several of the transfer's 1 MiB chunks, so progress shows


@pytest.fixture
def sandbox_settings():
    return sandbox_options(default_size=FILE_SIZE, job_seconds=0.6)


def painted_columns(view, row: int, color: QColor) -> tuple[int, int]:
    """(columns of the progress cell painted in `color` along its middle line, cell width)."""
    index = view.model().index(row, Column.PROGRESS)
    image = view.viewport().grab(view.visualRect(index)).toImage()
    y = image.height() // 2
    hits = 0
    for x in range(image.width()):
        pixel = image.pixelColor(x, y)
        if (abs(pixel.red() - color.red()) + abs(pixel.green() - color.green())
                + abs(pixel.blue() - color.blue())) < 30:
            hits += 1
    return hits, image.width()


def test_a_dropped_link_becomes_a_file_and_the_row_shows_its_progress(running_app, qtbot):
    window, view = running_app.window, running_app.window.view
    running_app.sandbox.admin.file_faults(bytes_per_second=1_500_000)  # ~2.7 s to download
    statuses: list[str] = []
    window.model.dataChanged.connect(
        lambda first, _last, _roles: statuses.append(window.model.index(first.row(),
                                                                        Column.STATUS).data()))

    link = "https://video.example/watch/holiday"
    assert drop_on(view.viewport(), mime_data({"text/uri-list": link.encode()}))

    def row_item():
        return window.model.item_at(0)

    qtbot.waitUntil(lambda: row_item().state is ItemState.DOWNLOADING
                    and 0 < row_item().bytes_done < FILE_SIZE, timeout=10_000)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    qtbot.waitUntil(lambda: painted_columns(view, 0, highlight)[0] > 0, timeout=3000)
    filled, width = painted_columns(view, 0, highlight)
    assert filled < width - 20, "the bar is partly filled while downloading"
    assert window.model.index(0, Column.SIZE).data().endswith("of 4.00 MB")

    qtbot.waitUntil(lambda: row_item().state is ItemState.COMPLETED, timeout=15_000)
    files = list(running_app.download_dir.iterdir())
    assert [f.name for f in files] == ["holiday.mp4"]
    assert files[0].stat().st_size == FILE_SIZE
    assert window.model.index(0, Column.STATUS).data() == "Done"
    assert window.model.index(0, Column.TITLE).data() == "holiday.mp4"
    done_fill, done_width = painted_columns(view, 0, success_color(view.palette()))
    assert done_fill > done_width * 0.8, "a finished row shows a full bar"
    assert any(s.startswith("Processing on VideoConduit") for s in statuses)
    assert "Downloading" in statuses
