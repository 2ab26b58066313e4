"""Links dropped from browsers, file managers and editors become rows — on the window and on the
table — and the status bar says what was queued and what was skipped, with the right numbers."""

from __future__ import annotations

import time

import pytest

from tests.ui.conftest import drop_on, mime_data

TARGETS = ["window", "table"]


def target_widget(app, where: str):
    return app.window if where == "window" else app.window.view.viewport()


def queued_urls(app) -> list[str]:
    return [item.url for item in app.engine.items]


def status_message(app) -> str:
    return app.window.status.currentMessage()


def table_urls(app) -> list[str]:
    model = app.window.model
    return [model.item_at(row).url for row in range(model.rowCount())]


@pytest.mark.parametrize("where", TARGETS)
def test_firefox_drop_offers_one_link_three_ways_and_makes_one_row(running_app, where):
    link = "https://video.example/watch?v=firefox"
    payload = {
        "text/x-moz-url": f"{link}\nA nice video".encode("utf-16-le"),
        "text/uri-list": f"{link}\r\n".encode(),
        "text/html": f'<a href="{link}">A nice video</a>'.encode(),
    }
    assert drop_on(target_widget(running_app, where), mime_data(payload))

    assert queued_urls(running_app) == [link]
    assert table_urls(running_app) == [link]
    assert status_message(running_app) == "Queued 1 link"


@pytest.mark.parametrize("where", TARGETS)
def test_chrome_drop_of_uri_list_and_html(running_app, where):
    link = "https://video.example/watch?v=chrome"
    payload = {
        "text/uri-list": link.encode(),
        "text/html": f'<meta charset="utf-8"><a href="{link}">Chrome link</a>'.encode(),
    }
    assert drop_on(target_widget(running_app, where), mime_data(payload))

    assert queued_urls(running_app) == [link]
    assert status_message(running_app) == "Queued 1 link"


@pytest.mark.parametrize("where", TARGETS)
def test_uri_list_comment_lines_are_not_links(running_app, where):
    uri_list = ("# dragged from a file manager\r\nhttps://a.example/one\r\n# a comment\r\n"
                "https://b.example/two\r\nftp://files.example/three\r\n")
    assert drop_on(target_widget(running_app, where), mime_data({"text/uri-list": uri_list.encode()}))

    assert queued_urls(running_app) == ["https://a.example/one", "https://b.example/two"]
    assert status_message(running_app) == "Queued 2 links · skipped 1 (1 not a web link)"


@pytest.mark.parametrize("where", TARGETS)
def test_plain_text_with_many_lines_and_junk_reports_every_skip(running_app, where):
    text = ("Here are the videos:\nhttps://a.example/v1\n\nmailto:someone@example.org\n"
            "https://a.example/v1\nnot a link at all\nhttps://b.example/v2\n"
            "ftp://files.example/x\n")
    assert drop_on(target_widget(running_app, where), mime_data({"text/plain": text.encode()}))

    assert queued_urls(running_app) == ["https://a.example/v1", "https://b.example/v2"]
    assert status_message(running_app) == (
        "Queued 2 links · skipped 5 (1 repeated, 2 not web links, 2 not links)")


def test_a_second_drop_of_the_same_links_says_they_are_already_queued(running_app):
    payload = {"text/plain": b"https://a.example/v1\nhttps://b.example/v2"}
    drop_on(running_app.window, mime_data(payload))
    drop_on(running_app.window.view.viewport(),
            mime_data({"text/plain": b"https://a.example/v1\nhttps://b.example/v2\nhello"}))

    assert len(queued_urls(running_app)) == 2
    assert status_message(running_app) == (
        "Nothing new queued · skipped 3 (2 already in the queue, 1 not a link)")


def test_a_drop_without_links_is_refused_politely(running_app):
    assert not drop_on(running_app.window, mime_data({"image/png": b"\x89PNG"}))
    drop_on(running_app.window, mime_data({"text/plain": b"just words"}))

    assert queued_urls(running_app) == []
    assert status_message(running_app) == "Nothing new queued · skipped 1 (1 not a link)"


def test_a_drop_of_10000_lines_makes_10000_rows_in_one_insert(running_app):
    model = running_app.window.model
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    links = "\n".join(f"https://many.example/video/{n}" for n in range(10_000))

    started = time.perf_counter()
    assert drop_on(running_app.window.view.viewport(), mime_data({"text/plain": links.encode()}))
    elapsed = time.perf_counter() - started

    assert model.rowCount() == 10_000
    assert inserts == [(0, 9_999)]
    assert status_message(running_app) == "Queued 10,000 links"
    assert elapsed < 5, f"the drop took {elapsed:.2f} s"


def test_dragging_rows_reorders_the_queue_instead_of_adding_links(running_app):
    from PySide6.QtCore import QModelIndex, Qt

    drop_on(running_app.window, mime_data(
        {"text/plain": b"https://a.example/1\nhttps://a.example/2\nhttps://a.example/3"}))
    model = running_app.window.model
    last = model.index(2, 0)
    dragged = model.mimeData([last])

    # Our own rows are never mistaken for links, wherever they land.
    assert not drop_on(running_app.window, dragged)
    assert len(running_app.engine.items) == 3
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())

    assert [item.url for item in running_app.engine.items] == [
        "https://a.example/3", "https://a.example/1", "https://a.example/2"]
    assert table_urls(running_app) == [item.url for item in running_app.engine.items]
    assert status_message(running_app) == "Queued 3 links"
