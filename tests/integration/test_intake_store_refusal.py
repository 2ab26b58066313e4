"""When the queue's database refuses new links, they are reported as not added, and they are not
"already queued" afterwards: adding them again once the database works queues them. The refusal
is real: another connection (as another process would) holds the database's write lock."""

from __future__ import annotations

import sqlite3

import pytest

from app.api.client import VideoConduitClient
from app.engine.engine import Engine
from app.engine.store import Store

LINKS = "https://example.com/watch/one\nhttps://example.com/watch/two"


@pytest.mark.asyncio
async def test_a_refused_insert_releases_its_links_and_says_they_were_not_added(tmp_path):
    database = tmp_path / "queue.sqlite3"
    store = Store(database)
    # No key: the engine never reaches the network; these links only wait in the queue.
    client = VideoConduitClient("http://127.0.0.1:9", None)
    engine = Engine(store, client, download_dir=tmp_path / "downloads")
    await engine.start()
    other = sqlite3.connect(database, isolation_level=None)
    try:
        other.execute("PRAGMA busy_timeout=0")
        other.execute("BEGIN IMMEDIATE")  # someone else is writing, and keeps at it
        refused = engine.add_text(LINKS)
        other.execute("ROLLBACK")

        assert refused.added == () and refused.not_added == 2
        assert refused.not_added_reason == "database is locked"
        assert refused.skipped == {}
        assert engine.items == [] and store.load_items() == []

        again = engine.add_text(LINKS)
        assert len(again.added) == 2 and again.skipped == {} and again.not_added == 0
        assert [item.url for item in engine.items] == LINKS.split("\n")

        # The reservations of a good insert still de-duplicate.
        assert engine.add_text(LINKS).skipped == {"already_queued": 2}
    finally:
        other.close()
        await engine.close()
        await client.aclose()
        store.close()
