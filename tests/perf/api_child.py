"""N links through the engine (no window) against a sandbox on a small plan. Prints one JSON line:
seconds from the add to the settled queue, how many items completed, polls the watcher sent.

    python -m tests.perf.api_child API_BASE API_KEY COUNT CONCURRENCY DOWNLOAD_DIR DATA_DIR
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

FILE_SIZE = 65_536


async def run(api_base: str, key: str, count: int, concurrency: int, download_dir: Path,
              data_dir: Path) -> dict:
    from app.api.client import VideoConduitClient
    from app.engine.engine import Engine
    from app.engine.model import ItemState
    from app.engine.store import Store

    store = Store(data_dir / "queue.sqlite3")
    engine = Engine(store, VideoConduitClient(api_base, key), download_dir=download_dir,
                    concurrency=concurrency)
    await engine.start()
    started = time.perf_counter()
    engine.add_urls(f"https://example.com/bench/api{n}?size={FILE_SIZE}" for n in range(count))
    try:
        outcome = await engine.wait_until_settled()
        seconds = time.perf_counter() - started
        completed = sum(1 for item in engine.items if item.state is ItemState.COMPLETED)
    finally:
        await engine.close()
        await engine.client.aclose()
        store.close()
    return {"seconds": seconds, "completed": completed, "outcome": outcome.value,
            "watcher_polls": engine.watcher.requests}


def main() -> None:
    api_base, key, count, concurrency, download_dir, data_dir = sys.argv[1:7]
    result = asyncio.run(run(api_base, key, int(count), int(concurrency), Path(download_dir),
                             Path(data_dir)))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
