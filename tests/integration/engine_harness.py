"""Builds a real engine (real client, real store, real transfer) against a real sandbox."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

from app.api.client import VideoConduitClient
from app.engine.engine import Engine
from app.engine.model import Item
from app.engine.store import Store


@asynccontextmanager
async def running_engine(sandbox, tmp_path: Path, *, key: str | None = "sandbox", concurrency: int = 3,
                         data_dir: Path | None = None, brief_look: tuple[float, ...] = (0.0, 0.3, 1.0),
                         patient_look: float = 3.0, timeout: float = 30.0, sleep=None):
    """Look-ups are shortened (the production schedule spans half a minute and ten minutes);
    tests of the schedule itself pass their own. `sleep` replaces the pipeline's waits between
    attempts (a test that retries a transfer many times need not wait out the backoff)."""
    data_dir = data_dir or tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    downloads = tmp_path / "downloads"
    downloads.mkdir(exist_ok=True)
    api_key = sandbox.api_key if key == "sandbox" else key
    client = VideoConduitClient(sandbox.api_base, api_key, timeout=timeout)
    store = Store(data_dir / "queue.sqlite3")
    extra = {"sleep": sleep} if sleep is not None else {}
    engine = Engine(store, client, download_dir=downloads, concurrency=concurrency,
                    brief_look=brief_look, patient_look=patient_look, **extra)
    await engine.start()
    try:
        yield engine
    finally:
        await engine.close()
        await client.aclose()
        store.close()


async def wait_for(condition: Callable[[], object], timeout: float = 20.0, what: str = "condition"):
    """Await a condition on engine state, checking after every loop turn and every 20 ms."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.02)


def sha256_of(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def job_sha256(sandbox, job_id: str) -> str:
    """The sandbox's published digest for a job (a sandbox extra the client never relies on)."""
    import httpx

    reply = httpx.get(f"{sandbox.api_base}/v1/jobs/{job_id}",
                      headers={"Authorization": f"Bearer {sandbox.api_key}"})
    return reply.json()["sha256"]


def only(items: list[Item]) -> Item:
    assert len(items) == 1, items
    return items[0]
