"""A long stored queue loads in steps after the window is up: each step reaches listeners as its
own ItemsAdded with a progress count, and links added while it loads are refused with a sentence
(they may duplicate a stored link not loaded yet: never a second charge for one link)."""

from __future__ import annotations

import pytest

from app.api.client import VideoConduitClient
from app.engine import engine as engine_module
from app.engine import heap
from app.engine.engine import LOAD_STEP, LONG_LIVED_BATCH, STILL_LOADING, Engine
from app.engine.model import ItemsAdded
from app.engine.store import Store
from tests.stored_queue import links, store_links

STORED = 2 * LOAD_STEP + 7


def stored_queue(tmp_path) -> Store:
    store_links(tmp_path / "queue.sqlite3", links(STORED))
    return Store(tmp_path / "queue.sqlite3")


@pytest.mark.asyncio
async def test_a_long_queue_arrives_in_steps_and_links_wait_until_it_has(tmp_path):
    store = stored_queue(tmp_path)
    # No key: the engine never reaches the network; the links only wait in the queue.
    client = VideoConduitClient("http://127.0.0.1:9", None)
    engine = Engine(store, client, download_dir=tmp_path / "downloads")
    steps: list[int] = []
    engine.subscribe(lambda event: steps.append(len(event.items)) if isinstance(event, ItemsAdded) else None)
    progress: list[tuple[int, int]] = []
    during: list = []

    def loading(loaded: int, total: int) -> None:
        progress.append((loaded, total))
        if len(progress) == 1:  # a drop while the rest is still loading: the last stored link
            during.append(engine.add_text(f"https://example.com/watch/v{STORED - 1}\n"
                                          "https://example.com/watch/new-one"))

    try:
        await engine.start(progress=loading)
        assert steps == [LOAD_STEP, LOAD_STEP, 7]
        assert progress == [(LOAD_STEP, STORED), (2 * LOAD_STEP, STORED), (STORED, STORED)]
        (refused,) = during
        assert refused.added == () and refused.not_added == 2
        assert refused.not_added_reason == STILL_LOADING
        assert len(engine.items) == STORED and len(store.load_items()) == STORED

        again = engine.add_text(f"https://example.com/watch/v{STORED - 1}\nhttps://example.com/watch/new-one")
        assert len(again.added) == 1 and again.skipped == {"already_queued": 1}
        assert len(engine.items) == STORED + 1
    finally:
        await engine.close()
        await client.aclose()
        store.close()


@pytest.mark.asyncio
async def test_a_loaded_queue_skips_full_collections_and_gives_back_reading_memory(tmp_path, monkeypatch):
    # A full collection walking 50,000 loaded items held the window's loop for 60-80 ms in the
    # middle of downloads (tests/perf P3); the loaded queue lives as long as the app, so it is
    # frozen out of them.
    import gc

    store = stored_queue(tmp_path)
    client = VideoConduitClient("http://127.0.0.1:9", None)
    engine = Engine(store, client, download_dir=tmp_path / "downloads")
    trims: list[bool] = []

    def give_back_and_count() -> bool:
        trims.append(heap.give_back_freed_memory())
        return trims[-1]

    monkeypatch.setattr(engine_module, "give_back_freed_memory", give_back_and_count)
    gc.unfreeze()
    try:
        await engine.start()
        assert gc.get_freeze_count() >= STORED  # at least one object per loaded item
        assert trims  # …and the memory the rows were read into went back to the system

        # A command on every row makes every item anew, and so does a long paste: frozen too.
        gc.unfreeze()
        engine.pause([item.id for item in engine.items])
        assert gc.get_freeze_count() >= STORED
        gc.unfreeze()
        engine.add_text("\n".join(f"https://example.com/pasted/{n}" for n in range(LONG_LIVED_BATCH)))
        assert gc.get_freeze_count() >= STORED + LONG_LIVED_BATCH
        gc.unfreeze()
        engine.resume([engine.items[0].id])  # one row: nothing worth freezing
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        await engine.close()
        await client.aclose()
        store.close()


class _Cyclic:
    """Garbage that only a collection frees: it refers to itself."""

    def __init__(self, payload: bytes) -> None:
        self.me = self
        self.payload = payload


@pytest.mark.asyncio
async def test_garbage_dropped_before_a_big_command_is_still_freed(tmp_path):
    # gc.freeze() after a command on >= 1,000 rows moves everything the collector tracks into the
    # permanent generation — also cycles already dropped but not yet collected (a closed dialog, a
    # finished request's exception and its frames): frozen, they are never freed, and every big
    # command would keep what was dropped before it for as long as the app runs.
    import gc
    import weakref

    store = stored_queue(tmp_path)
    client = VideoConduitClient("http://127.0.0.1:9", None)
    engine = Engine(store, client, download_dir=tmp_path / "downloads")
    gc.unfreeze()
    try:
        await engine.start()
        ids = [item.id for item in engine.items]
        for command in (engine.pause, engine.resume):
            dropped = _Cyclic(bytes(1 << 20))
            freed = weakref.ref(dropped)
            del dropped  # unreachable now, but only a collection can free it
            command(ids)
            assert gc.get_freeze_count() >= STORED  # the items are still kept out of collections
            gc.collect()
            assert freed() is None, f"{command.__name__} froze garbage for good"
    finally:
        gc.unfreeze()
        await engine.close()
        await client.aclose()
        store.close()
