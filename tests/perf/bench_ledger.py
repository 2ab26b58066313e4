"""``python -m tests.perf.bench_ledger [--folder DIR]``: what a durable ledger costs.

The store runs with ``synchronous=FULL`` so a committed intent or job id survives a power cut.
This prints, for NORMAL (what it was) and FULL (what it is), the median of three runs of: one
state change in its own transaction, one recorded intent, 10,000 inserts and 10,000 changes in
one batch. Figures, not a timed test: a disk's fsync decides them.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from app.engine.store import Store

ROWS = 10_000
SINGLES = 500


def measure(folder: Path, mode: str) -> dict[str, float]:
    store = Store(Path(tempfile.mkdtemp(dir=folder)) / "queue.sqlite3")
    store._db.execute(f"PRAGMA synchronous={mode}")  # the bench compares; the app always uses FULL
    rows = [{"url": f"https://example.com/{n}", "url_key": f"k{n}", "options": {}, "state": "waiting",
             "position": float(n), "added_at": 1.0} for n in range(ROWS)]
    started = time.perf_counter()
    ids = store.insert_items(rows)
    figures = {"insert 10,000 (one batch)": time.perf_counter() - started}
    started = time.perf_counter()
    for item_id in ids[:SINGLES]:
        store.update_item(item_id, state="submitting")
    figures["one state change"] = (time.perf_counter() - started) / SINGLES
    started = time.perf_counter()
    for item_id in ids[:SINGLES]:
        store.record_intent(item_id, "https://example.com/", 1.0, "key")
    figures["one recorded intent"] = (time.perf_counter() - started) / SINGLES
    started = time.perf_counter()
    with store.batch():
        for item_id in ids:
            store.update_item(item_id, state="paused")
    figures["10,000 changes (one batch)"] = time.perf_counter() - started
    store.close()
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args(argv)
    for mode in ("NORMAL", "FULL"):
        runs = [measure(args.folder, mode) for _ in range(3)]
        line = " | ".join(f"{name} {statistics.median(r[name] for r in runs) * 1000:.2f} ms"
                          for name in runs[0])
        print(f"{mode:6} {line}")


if __name__ == "__main__":
    main()
