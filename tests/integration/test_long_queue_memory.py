"""A long stored queue costs little memory once loaded (issue 11: +40 MB at 50,000 rows): what
50,000 items have in common is kept once, and the rows are read one at a time. The bench
(tests/perf/bench_ui.py, row "Memory") measures the effect; these tests hold each rule."""

from __future__ import annotations

import pytest

from app.api.models import DownloadOptions
from app.engine.store import Store
from app.engine.urls import canonical_url
from app.sandbox import run_in_thread
from tests.integration.engine_harness import running_engine
from tests.stored_queue import links, store_links


@pytest.fixture(scope="module")
def sandbox():
    with run_in_thread(plan="business", credits=100) as server:
        yield server


def _stored_queue(data_dir, count: int) -> None:
    audio = DownloadOptions(audio_only=True).to_dict()
    video = DownloadOptions().to_dict()
    store_links(data_dir / "queue.sqlite3", links(count), state="paused",
                options=lambda n: audio if n % 2 else video)


@pytest.mark.asyncio
async def test_a_restarted_queue_keeps_equal_options_once_and_never_holds_all_rows(
        sandbox, tmp_path, monkeypatch):
    _stored_queue(tmp_path / "data", 6)

    def all_rows_at_once(store):
        raise AssertionError("the whole stored queue was read into one list")

    monkeypatch.setattr(Store, "load_items", all_rows_at_once)
    async with running_engine(sandbox, tmp_path, key=None, data_dir=tmp_path / "data") as engine:
        items = engine.items
        assert [item.options.audio_only for item in items] == [False, True] * 3
        assert len({id(item.options) for item in items}) == 2


@pytest.mark.asyncio
async def test_item_snapshots_have_no_instance_dict(sandbox, tmp_path):
    _stored_queue(tmp_path / "data", 1)
    async with running_engine(sandbox, tmp_path, key=None, data_dir=tmp_path / "data") as engine:
        (item,) = engine.items
        assert not hasattr(item, "__dict__")  # slots: ~130 B less per snapshot


def test_a_link_already_in_canonical_form_is_not_copied():
    link = "".join(["https://example.com/", "watch?v=1"])  # built at run time: not a constant
    assert canonical_url(link) is link
    assert canonical_url("HTTPS://Example.com/watch?v=1") == link  # a changed one is still new


def test_stored_items_can_be_read_one_at_a_time_in_queue_order(tmp_path):
    _stored_queue(tmp_path / "data", 3)
    store = Store(tmp_path / "data" / "queue.sqlite3")
    rows = store.iter_items()
    assert not isinstance(rows, list | tuple)
    assert next(rows).url == "https://example.com/watch/v0"
    assert [row.url for row in rows] == ["https://example.com/watch/v1", "https://example.com/watch/v2"]
    store.close()
