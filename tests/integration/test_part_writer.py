"""The .part writer's thread with direct writes (where the temp folder's file system has them):
a flush leaves every byte handed over in the file, and on a slow download no byte waits in the
direct buffer much longer than HOLD_SECONDS — a killed app loses little, the .part grows."""

from __future__ import annotations

import asyncio
import os
import random
import time
from pathlib import Path

import pytest

from app.engine import part_direct, part_writer
from app.engine.part_direct import ALIGN, HOLD_SECONDS

pytestmark = pytest.mark.asyncio

BODY = random.Random(3).randbytes(5 * (1 << 20) + 777)


@pytest.fixture
def part(tmp_path: Path) -> Path:
    path = tmp_path / "w.part"
    path.write_bytes(b"")
    with open(path, "rb") as file:
        if not part_direct.can_write_directly(file.fileno()):
            pytest.skip("the temp folder's file system is not written directly")
    return path


async def until(condition, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


async def test_a_flush_leaves_every_byte_in_the_file(part):
    writer = part_writer.PartWriter(open(part, "ab", buffering=0), part)  # noqa: SIM115
    try:
        await writer.write([BODY[:12_345], BODY[12_345:3_000_001]])
        await asyncio.wait_for(writer.flush(), 10)
        assert part.read_bytes() == BODY[:3_000_001]  # held bytes too, unaligned end and all
        await writer.write([BODY[3_000_001:]])
        await asyncio.wait_for(writer.flush(), 10)
        assert part.read_bytes() == BODY
    finally:
        writer.close()
        await writer.closed()


async def test_a_slow_download_reaches_the_disk_within_the_hold_time(part):
    writer = part_writer.PartWriter(open(part, "ab", buffering=0), part)  # noqa: SIM115
    try:
        # A batch for the thread, far less than a direct buffer: it would wait for more bytes.
        handed = part_writer.WRITE_BATCH + 300_001
        started = time.monotonic()
        await writer.write([BODY[:handed]])
        await until(lambda: part.stat().st_size >= handed - handed % ALIGN, HOLD_SECONDS + 5)
        assert time.monotonic() - started >= HOLD_SECONDS * 0.9  # held, then written at once
        assert part.read_bytes() == BODY[:handed - handed % ALIGN]  # aligned, and exact
    finally:
        writer.close()
        await writer.closed()
    assert part.read_bytes() == BODY[:handed]  # the rest on close
    assert not os.path.exists(str(part) + ".tmp")
