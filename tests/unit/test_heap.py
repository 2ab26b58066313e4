"""Memory freed after a one-off burst goes back to the system (app/engine/heap.py): what a
person sees as the app's memory in their task manager."""

from __future__ import annotations

import os
import sys

import pytest

from app.engine.heap import give_back_freed_memory

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_a_burst_freed_below_a_live_block_is_given_back():
    burst = [bytearray(8 << 10) for _ in range(8_000)]  # ~64 MB from the C heap, touched
    pinned = bytearray(8 << 10)  # allocated after the burst: the heap's top cannot shrink
    before_free = resident_bytes()
    del burst
    after_free = resident_bytes()
    assert give_back_freed_memory()
    after_trim = resident_bytes()
    assert len(pinned) == 8 << 10
    assert after_free - after_trim > 32 << 20, (before_free, after_free, after_trim)
