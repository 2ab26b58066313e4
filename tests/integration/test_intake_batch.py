"""A paste of many links is stored in one go: every link is in the database before anyone hears of
it as an item, the queue's counters (items and credits still to be paid) count each link once, and
a link pasted again — in any of its forms — is never queued a second time."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
import pytest_asyncio

from app.api.client import VideoConduitClient
from app.api.models import DownloadOptions
from app.engine.engine import Engine
from app.engine.model import ItemsAdded, ItemState
from app.engine.store import Store

LINKS = [f"https://example.com/watch/v{n}" for n in range(5)]


@pytest_asyncio.fixture
async def engine(tmp_path):
    store = Store(tmp_path / "queue.sqlite3")
    # No key: the engine never reaches the network; these links only wait in the queue.
    client = VideoConduitClient("http://127.0.0.1:9", None)
    engine = Engine(store, client, download_dir=tmp_path / "downloads")
    await engine.start()
    yield engine
    await engine.close()
    await client.aclose()
    store.close()


@pytest.mark.asyncio
async def test_pasted_links_are_stored_before_they_are_announced(engine, tmp_path):
    database = tmp_path / "queue.sqlite3"
    stored_when_announced: list[tuple[list[str], list[str]]] = []

    def listener(event) -> None:
        if isinstance(event, ItemsAdded) and event.items:
            # Read as another process would: only what is committed.
            with closing(sqlite3.connect(database)) as other:
                stored = [url for (url,) in other.execute("SELECT url FROM items ORDER BY id")]
            stored_when_announced.append(([item.url for item in event.items], stored))

    engine.subscribe(listener)
    report = engine.add_text("\n".join(LINKS))
    assert stored_when_announced == [(LINKS, LINKS)]
    rows = engine.store.load_items()
    assert [row.id for row in rows] == list(report.added) == [item.id for item in engine.items]
    assert [(row.state, row.position) for row in rows] == [("waiting", float(n)) for n in range(1, 6)]


@pytest.mark.asyncio
async def test_the_queue_counts_each_pasted_link_once(engine):
    engine.add_text("\n".join(LINKS[:3]), DownloadOptions(audio_only=True))  # 1 credit each
    engine.add_text("\n".join(LINKS[3:]))  # 2 credits each
    assert engine.estimated_cost == 3 * 1 + 2 * 2
    engine.pause([item.id for item in engine.items[:4]])
    assert engine.estimated_cost == 2
    assert [item.state for item in engine.items] == [ItemState.PAUSED] * 4 + [ItemState.WAITING]
    engine.pause([engine.items[4].id])
    assert engine.estimated_cost == 0


@pytest.mark.asyncio
async def test_a_link_pasted_again_in_another_form_is_not_queued_again(engine):
    engine.add_text("\n".join(LINKS))
    again = engine.add_text("HTTPS://Example.com:443/watch/v1#t=3\nhttps://example.com/watch/v9\n"
                            "https://example.com/watch/v2?utm_source=x")
    assert len(again.added) == 1 and again.skipped == {"already_queued": 2}
    assert [row.url for row in engine.store.load_items()] == [*LINKS, "https://example.com/watch/v9"]
    assert engine.estimated_cost == 6 * 2
