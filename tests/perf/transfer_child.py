"""One download through the app's engine (store, API client, scheduler, transfer), in a process
of its own so that its RSS is the app's. Prints one JSON line: seconds from the start of the
file request to the completed, renamed file; RSS when the download started and the peak during it.

    python -m tests.perf.transfer_child API_BASE API_KEY SIZE DOWNLOAD_DIR DATA_DIR
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path

from tests.perf import memory


async def download(api_base: str, key: str, size: int, download_dir: Path, data_dir: Path) -> dict:
    from app.api.client import VideoConduitClient
    from app.engine.engine import Engine
    from app.engine.model import ItemChanged, ItemState
    from app.engine.store import Store

    store = Store(data_dir / "queue.sqlite3")
    engine = Engine(store, VideoConduitClient(api_base, key), download_dir=download_dir, concurrency=1)
    marks: dict = {}

    def watch(event: object) -> None:
        if not isinstance(event, ItemChanged):
            return
        state = event.item.state
        if state is ItemState.DOWNLOADING and "start" not in marks:
            memory.host_backed(size)  # as for curl: see host_backed
            memory.reset_peak()
            marks["rss_before"] = memory.rss()
            marks["start"] = time.perf_counter()
            marks["cpu_start"] = cpu_seconds()
        elif state is ItemState.COMPLETED:
            marks["end"] = time.perf_counter()
            marks["cpu_end"] = cpu_seconds()
            marks["rss_peak"] = memory.peak_rss()
            marks["path"] = event.item.file_path
        elif state is ItemState.FAILED:
            marks["problem"] = event.item.problem

    engine.subscribe(watch)
    await engine.start()
    engine.add_urls([f"https://example.com/bench/video?size={size}"])
    try:
        await engine.wait_until_settled()
    finally:
        await engine.close()
        await engine.client.aclose()
        store.close()
    if "end" not in marks:
        raise SystemExit(f"the download failed: {marks.get('problem')}")
    written = Path(marks["path"]).stat().st_size
    Path(marks["path"]).unlink()
    return {"bytes": written, "seconds": marks["end"] - marks["start"],
            "rss_before": marks["rss_before"], "rss_peak": marks["rss_peak"],
            "cpu": marks["cpu_end"] - marks["cpu_start"]}


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    api_base, key, size, download_dir, data_dir = sys.argv[1:6]
    result = asyncio.run(download(api_base, key, int(size), Path(download_dir), Path(data_dir)))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
