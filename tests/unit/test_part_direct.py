"""Direct writes of a .part (O_DIRECT, past the page cache, Linux): every byte lands in order
from any offset, the disk is really written directly, a file system that refuses direct writes
gets buffered ones, and tmpfs is never written directly."""

from __future__ import annotations

import errno
import os
import random
from pathlib import Path

import pytest

from app.engine import part_direct
from app.engine.part_direct import ALIGN, DirectSink, can_write_directly, file_system_of

BODY = random.Random(11).randbytes(3 * (1 << 20) + 12345)
O_DIRECT = getattr(os, "O_DIRECT", 0)


def pieces(data: bytes, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    out, at = [], 0
    while at < len(data):
        size = rng.choice((1, 17, ALIGN - 1, ALIGN, 65536, 300_001))
        out.append(data[at:at + size])
        at += size
    return out


@pytest.fixture
def direct_part(tmp_path: Path) -> Path:
    part = tmp_path / "video.part"
    part.write_bytes(b"")
    fd = os.open(part, os.O_RDONLY)
    try:
        if not can_write_directly(fd):
            pytest.skip(f"the temp folder's file system ({file_system_of(fd)}) is not written "
                        "directly")
    finally:
        os.close(fd)
    return part


class WriteSpy:
    """os.write as the sink calls it, noting for each call whether fd had O_DIRECT set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, refuse_direct: bool = False) -> None:
        self.calls: list[tuple[bool, int, int]] = []  # (direct, offset, length)
        self._real = os.write
        self._refuse = refuse_direct
        monkeypatch.setattr(part_direct.os, "write", self)

    def __call__(self, fd: int, data: memoryview) -> int:
        import fcntl

        direct = bool(fcntl.fcntl(fd, fcntl.F_GETFL) & O_DIRECT)
        if direct and self._refuse:
            raise OSError(errno.EINVAL, "Invalid argument")
        self.calls.append((direct, os.fstat(fd).st_size, len(data)))
        return self._real(fd, data)

    def direct_bytes(self) -> int:
        return sum(length for direct, _, length in self.calls if direct)


def sink_for(part: Path, size: int = 64 * ALIGN) -> tuple[DirectSink, int]:
    fd = os.open(part, os.O_WRONLY | os.O_APPEND)
    return DirectSink(fd, part.stat().st_size, size=size), fd


@pytest.mark.parametrize("start", [0, 1, ALIGN - 1, ALIGN, 5 * ALIGN + 17])
def test_every_byte_lands_in_order_from_any_offset(direct_part, monkeypatch, start):
    direct_part.write_bytes(BODY[:start])  # a resumed part ends anywhere
    spy = WriteSpy(monkeypatch)
    sink, fd = sink_for(direct_part)
    sink.add(pieces(BODY[start:], start))
    sink.drain()
    sink.close()
    os.close(fd)
    assert direct_part.read_bytes() == BODY
    # Most of it went past the page cache, each direct write aligned in offset and length.
    assert spy.direct_bytes() >= len(BODY) - start - 64 * ALIGN - ALIGN
    assert all(offset % ALIGN == 0 and length % ALIGN == 0
               for direct, offset, length in spy.calls if direct)


def test_a_drain_in_the_middle_then_more_bytes(direct_part, monkeypatch):
    spy = WriteSpy(monkeypatch)
    sink, fd = sink_for(direct_part)
    middle = 1_000_003
    sink.add(pieces(BODY[:middle], 1))
    sink.drain()  # the file now ends unaligned: the next bytes realign through the page cache
    assert direct_part.stat().st_size == middle
    sink.add(pieces(BODY[middle:], 2))
    sink.drain()
    sink.close()
    os.close(fd)
    assert direct_part.read_bytes() == BODY
    assert any(direct and offset > middle for direct, offset, _ in spy.calls)


def test_a_file_system_that_refuses_direct_writes_gets_buffered_ones(direct_part, monkeypatch):
    spy = WriteSpy(monkeypatch, refuse_direct=True)
    sink, fd = sink_for(direct_part)
    sink.add(pieces(BODY, 3))
    sink.drain()
    sink.close()
    os.close(fd)
    assert sink.refused
    assert direct_part.read_bytes() == BODY
    assert spy.calls and spy.direct_bytes() == 0


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="no /dev/shm")
def test_tmpfs_is_never_written_directly():
    with open(Path("/dev/shm") / f"vc-test-{os.getpid()}.part", "wb") as file:
        try:
            assert file_system_of(file.fileno()) == "tmpfs"
            assert not can_write_directly(file.fileno())
        finally:
            os.unlink(file.name)


def test_after_a_short_write_the_file_realigns_and_direct_writes_go_on(direct_part, monkeypatch):
    import fcntl

    real_write = os.write
    shorted: list[int] = []

    def short_once(fd: int, data: memoryview) -> int:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        if flags & O_DIRECT and not shorted:  # the disk took only part of it, unaligned
            fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~O_DIRECT)
            try:
                shorted.append(real_write(fd, data[:1000]))
            finally:
                fcntl.fcntl(fd, fcntl.F_SETFL, flags)
            return shorted[0]
        return real_write(fd, data)

    monkeypatch.setattr(part_direct.os, "write", short_once)
    spy = WriteSpy(monkeypatch)
    spy._real = short_once
    sink, fd = sink_for(direct_part)
    sink.add(pieces(BODY, 4))
    sink.drain()
    sink.close()
    os.close(fd)
    assert shorted == [1000]
    assert direct_part.read_bytes() == BODY
    assert not sink.refused  # never a direct write at an unaligned offset
    assert any(direct and offset > 1000 for direct, offset, _ in spy.calls)


@pytest.mark.skipif(not part_direct._MOUNTINFO.exists(), reason="no mount table to read")
def test_a_mount_point_that_is_not_utf8_does_not_stop_downloads(tmp_path, monkeypatch):
    part = tmp_path / "video.part"
    part.write_bytes(b"")
    table = part_direct._MOUNTINFO.read_bytes()
    with open(part, "rb") as file:
        expected = file_system_of(file.fileno())
        # A USB stick mounted under its Latin-1 label, listed before every other mount.
        stick = b"99 27 8:17 / /media/user/Caf\xe9 rw,relatime - vfat /dev/sdb1 rw\n"
        (tmp_path / "mountinfo").write_bytes(stick + table)
        monkeypatch.setattr(part_direct, "_MOUNTINFO", tmp_path / "mountinfo")
        assert expected is not None and file_system_of(file.fileno()) == expected
