"""Links stored straight into a queue database, as the app stores them (canonical key, its
options, a state): what a restart with a queue finds. Tests and benchmarks share it."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def store_links(database: Path, urls: Sequence[str], *, state: str = "waiting",
                options: Callable[[int], dict[str, Any]] = lambda n: {}, first_position: int = 1) -> None:
    """`urls` appended to the queue in `database` (made if missing) in this order, in `state`;
    `options(n)` gives the n-th link's stored options."""
    from app.engine.store import Store
    from app.engine.urls import canonical_url

    database.parent.mkdir(parents=True, exist_ok=True)
    store = Store(database)
    now = time.time()
    try:
        store.insert_items([{"url": url, "url_key": canonical_url(url), "options": options(n),
                             "state": state, "position": float(first_position + n), "added_at": now}
                            for n, url in enumerate(urls)])
    finally:
        store.close()


def links(count: int, name: str = "v") -> list[str]:
    return [f"https://example.com/watch/{name}{n}" for n in range(count)]
