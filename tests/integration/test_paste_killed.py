"""A paste of 50,000 links is stored all or none: the process killed (SIGKILL) while it stores
one leaves either every link of that paste in the queue or none of them, each once, and the
restarted queue takes the same paste again without a second copy of any link."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.api.client import VideoConduitClient
from app.engine.engine import Engine
from app.engine.store import Store
from tests.stored_queue import links

pytestmark = pytest.mark.slow
PASTE = 50_000

# Pastes of PASTE links, one after another, into a queue without an API key (nothing is sent):
# prints the number of each paste before it is stored, and "stored" once it is.
PASTER = """
import asyncio, sys
from pathlib import Path
from app.api.client import VideoConduitClient
from app.engine.engine import Engine
from app.engine.store import Store
from tests.stored_queue import links

async def main(folder, size):
    store = Store(folder / "queue.sqlite3")
    engine = Engine(store, VideoConduitClient("http://127.0.0.1:9", None), download_dir=folder)
    await engine.start()
    for paste in range(1000):
        text = "\\n".join(links(size, f"p{paste}-"))
        print(paste, flush=True)
        report = engine.add_text(text)
        assert len(report.added) == size, report
        print("stored", flush=True)

asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
"""


def _kill_while_storing(folder: Path, rng: random.Random) -> None:
    paster = subprocess.Popen([sys.executable, "-c", PASTER, str(folder), str(PASTE)], stdout=subprocess.PIPE,
                              text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert paster.stdout is not None
        lines = [paster.stdout.readline() for _ in range(3)]  # 0, stored, 1: the second paste runs
        assert lines[1].strip() == "stored", lines
        time.sleep(rng.uniform(0.0, 0.4))  # somewhere inside the second paste's insert (or after)
        os.kill(paster.pid, signal.SIGKILL)
    finally:
        paster.kill()
        paster.wait(timeout=30)


async def _paste_again(store: Store, folder: Path, pastes: int) -> tuple[int, int]:
    """The first `pastes` pastes again, as one: (links added, links already queued)."""
    engine = Engine(store, VideoConduitClient("http://127.0.0.1:9", None), download_dir=folder)
    await engine.start()
    try:
        report = engine.add_text("\n".join(link for n in range(pastes) for link in links(PASTE, f"p{n}-")))
        return len(report.added), report.skipped.get("already_queued", 0)
    finally:
        await engine.close()
        await engine.client.aclose()


def test_a_paste_killed_while_stored_is_all_there_or_not_at_all(tmp_path):
    rng = random.Random(17)
    for attempt in range(3):
        folder = tmp_path / f"attempt{attempt}"
        folder.mkdir()
        _kill_while_storing(folder, rng)
        store = Store(folder / "queue.sqlite3")
        try:
            rows = store.load_items()
            stored = len(rows)
            assert stored % PASTE == 0 and stored >= PASTE, stored
            assert len({row.url_key for row in rows}) == stored  # each link once
            assert sorted(row.id for row in rows) == list(range(1, stored + 1))

            # the stored pastes and the one cut short
            added, already = asyncio.run(_paste_again(store, folder, stored // PASTE + 1))
            assert (added, already) == (PASTE, stored)
            assert store.count_items() == stored + PASTE
        finally:
            store.close()
