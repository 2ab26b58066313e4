"""The .part file's rules, over real sockets to the sandbox's file origin (and a tiny local origin
where the sandbox behaves too well): a part resumes only the same version of the same file, the
announced size is the only size that completes, no write follows a link, the writer has closed
the part before it moves, and every platform's "no hard links here" and "disk full" are known."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gzip
import hashlib
import os
import stat
import time
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from aiohttp import web

from app.engine import part_disk, transfer
from app.engine.part_disk import finalize_part, open_part
from app.engine.transfer import TransferError, download_to_part, make_file_client
from app.engine.transfer_errors import os_error
from app.sandbox import run_in_thread
from tests.integration.windows_sim import WindowsLocks, slow_part_closes, winerror

MiB = 1 << 20


@pytest.fixture(scope="module")
def sandbox():
    with run_in_thread(job_seconds=0.05, credits=10_000, plan="business") as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_sandbox(sandbox):
    yield
    sandbox.admin.file_faults(drop_after_bytes=0, count=0, bytes_per_second=0)
    sandbox.admin.clear_log()


@pytest_asyncio.fixture
async def client():
    async with make_file_client() as file_client:
        yield file_client


async def completed_job(sandbox, size: int, name: str = "clip") -> dict:
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    async with httpx.AsyncClient(base_url=sandbox.api_base, headers=headers) as api:
        reply = await api.post("/v1/download",
                               json={"url": f"https://video.example/{name}?size={size}"})
        job = reply.json()
        for _ in range(500):
            job = (await api.get(f"/v1/jobs/{job['job_id']}")).json()
            if job["status"] == "completed":
                return job
            await asyncio.sleep(0.01)
    raise AssertionError(f"job never completed: {job}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_requests(sandbox) -> list[dict]:
    return [entry for entry in sandbox.admin.log("files") if entry["method"] == "GET"]


async def expect_error(kind: str, *args, **kwargs) -> TransferError:
    with pytest.raises(TransferError) as caught:
        await download_to_part(*args, **kwargs)
    assert caught.value.kind == kind, caught.value
    return caught.value


# ---- 1. a .part belongs to one version of one job's file ------------------------------------


@pytest.mark.asyncio
async def test_a_resume_names_the_parts_version_with_if_range(sandbox, client, tmp_path):
    job = await completed_job(sandbox, 2 * MiB)
    seen: list[str | None] = []
    sandbox.admin.file_faults(drop_after_bytes=MiB // 2, count=1)
    part = tmp_path / "clip.mp4.part"
    made: list[tuple[int, int]] = []
    await expect_error("network", client, job["download_url"], part, on_created=made.append,
                       expected_size=job["file_size"], on_validator=seen.append)
    assert "if-range" not in file_requests(sandbox)[0]["headers"]
    assert seen and seen[0].startswith('"')  # the first answer's ETag
    result = await download_to_part(client, job["download_url"], part, part_id=made[0],
                                    expected_size=job["file_size"], validator=seen[0])
    resumed = file_requests(sandbox)[-1]
    assert resumed["headers"]["if-range"] == seen[0] and resumed["status"] == 206
    assert result.validator == seen[0] and sha256(part) == job["sha256"]


@pytest.mark.asyncio
async def test_another_version_of_the_file_starts_over_from_zero(sandbox, client, tmp_path):
    """The part came from a response with ETag "old"; the host's file is now another version,
    so If-Range "old" gets the whole file (200), which replaces the part's bytes."""
    job = await completed_job(sandbox, 2 * MiB)
    seen: list[str | None] = []
    sandbox.admin.file_reply(headers={"ETag": '"old"'})
    sandbox.admin.file_faults(drop_after_bytes=MiB // 2, count=1)
    part = tmp_path / "clip.part"
    made: list[tuple[int, int]] = []
    await expect_error("network", client, job["download_url"], part, on_created=made.append,
                       expected_size=job["file_size"], on_validator=seen.append)
    assert seen == ['"old"'] and part.stat().st_size > 0
    await download_to_part(client, job["download_url"], part, expected_size=job["file_size"],
                           validator='"old"', on_validator=seen.append, part_id=made[0])
    again = file_requests(sandbox)[-1]
    assert again["headers"]["if-range"] == '"old"' and again["status"] == 200
    assert seen[-1] != '"old"' and sha256(part) == job["sha256"]


@pytest.mark.asyncio
async def test_a_206_of_another_version_is_not_appended(sandbox, client, tmp_path):
    """A host that ignores If-Range answers 206 with its new ETag: those bytes would extend a
    file of another version, so the part starts over with a plain request."""
    job = await completed_job(sandbox, 2 * MiB)
    seen: list[str | None] = []
    sandbox.admin.file_faults(drop_after_bytes=MiB // 2, count=1)
    part = tmp_path / "clip.part"
    made: list[tuple[int, int]] = []
    await expect_error("network", client, job["download_url"], part, on_created=made.append,
                       expected_size=job["file_size"], on_validator=seen.append)
    sandbox.admin.file_reply(headers={"ETag": '"changed"'})
    await download_to_part(client, job["download_url"], part, expected_size=job["file_size"],
                           validator=seen[0], part_id=made[0])
    requests = file_requests(sandbox)
    assert [r["status"] for r in requests[-2:]] == [206, 200]
    assert "range" not in requests[-1]["headers"]
    assert sha256(part) == job["sha256"]


# ---- 2. completion is checked against the job -----------------------------------------------


@pytest.mark.asyncio
async def test_a_short_body_with_a_matching_length_is_short_then_resumed(sandbox, client,
                                                                         tmp_path):
    job = await completed_job(sandbox, 5_000_000)
    sandbox.admin.file_reply(truncate_to=1000)  # Content-Length: 1000 — looks complete
    part = tmp_path / "clip.part"
    seen: list[str | None] = []
    made: list[tuple[int, int]] = []
    error = await expect_error("short", client, job["download_url"], part, on_created=made.append,
                               expected_size=job["file_size"], on_validator=seen.append)
    assert error.retryable and "less than VideoConduit announced" in error.message
    assert part.stat().st_size == 1000  # kept: the next call resumes it
    result = await download_to_part(client, job["download_url"], part, part_id=made[0],
                                    expected_size=job["file_size"], validator=seen[0])
    assert file_requests(sandbox)[-1]["headers"]["range"] == "bytes=1000-"
    assert result.size == 5_000_000 and sha256(part) == job["sha256"]


@pytest.mark.asyncio
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
async def test_more_than_announced_is_refused_and_never_written(sandbox, client, tmp_path,
                                                                declared):
    job = await completed_job(sandbox, 1000)
    headers = {} if declared else {"Content-Length": None}  # then the body's end is the close
    sandbox.admin.file_reply(extra_bytes=3 * MiB, headers=headers)
    part = tmp_path / "clip.part"
    progress: list[int] = []
    error = await expect_error("oversize", client, job["download_url"], part,
                               expected_size=job["file_size"],
                               on_progress=lambda done, total: progress.append(done))
    assert not error.retryable and "more than VideoConduit announced" in error.message
    assert not part.exists()  # nothing of a host that contradicts the job is kept
    assert max(progress, default=0) <= 1000  # writing stopped at the announced size
    if declared:
        assert progress == []  # the stated length alone refuses it: not a byte is written


@pytest.mark.asyncio
async def test_a_416_completes_only_at_the_announced_size(sandbox, client, tmp_path):
    job = await completed_job(sandbox, 3000)
    part = tmp_path / "clip.part"
    made: list[tuple[int, int]] = []
    await download_to_part(client, job["download_url"], part, on_created=made.append)
    # The part holds the host's whole file, but the job announced more: not done.
    error = await expect_error("short", client, job["download_url"], part, expected_size=4000,
                               part_id=made[0])
    assert [r["status"] for r in file_requests(sandbox)[-2:]] == [416, 200]
    assert error.retryable and part.stat().st_size == 3000


# ---- 3. no write follows a link --------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("nofollow", [True, False], ids=["O_NOFOLLOW", "lstat-only (Windows)"])
async def test_a_link_at_the_part_is_refused_and_nothing_goes_through_it(
        sandbox, client, tmp_path, monkeypatch, nofollow):
    if not nofollow:
        monkeypatch.setattr(part_disk, "_NOFOLLOW", 0)
    job = await completed_job(sandbox, 5000)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dangling, existing = tmp_path / "a.part", tmp_path / "b.part"
    dangling.symlink_to(elsewhere / "planted.mp4")
    (elsewhere / "victim").write_bytes(b"precious")
    existing.symlink_to(elsewhere / "victim")
    for part in (dangling, existing):
        error = await expect_error("symlink", client, job["download_url"], part)
        assert "link sits where" in error.message
    assert not (elsewhere / "planted.mp4").exists()
    assert (elsewhere / "victim").read_bytes() == b"precious"
    assert dangling.is_symlink() and existing.is_symlink()  # not ours to delete


def test_a_link_planted_after_the_check_is_not_written_through(tmp_path, monkeypatch):
    """Between "no part here" and the open, a link appears: the exclusive, no-follow create
    refuses it (it never opens what the link points to)."""
    target = tmp_path / "planted"
    part = tmp_path / "x.part"
    real_refuse = part_disk.refuse_link

    def check_then_plant(path: Path) -> None:
        real_refuse(path)
        path.symlink_to(target)

    monkeypatch.setattr(part_disk, "refuse_link", check_then_plant)
    with pytest.raises(TransferError) as caught:
        open_part(part, 0)
    assert caught.value.kind == "symlink" and not target.exists()


def test_the_final_name_is_never_a_link_and_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "clip.mp4").symlink_to(outside / "planted.mp4")  # dangling, at the final name
    part = downloads / "job.part"
    part.write_bytes(b"video")
    final = finalize_part(part, downloads, "clip.mp4")
    assert final == downloads / "clip (1).mp4" and not final.is_symlink()
    assert final.read_bytes() == b"video" and not (outside / "planted.mp4").exists()
    linked = downloads / "linked.part"
    linked.symlink_to(final)
    with pytest.raises(TransferError) as caught:
        finalize_part(linked, downloads, "other.mp4")  # a part that is a link is never moved
    assert caught.value.kind == "symlink" and not (downloads / "other.mp4").exists()


# ---- 5. no execute bit ------------------------------------------------------------------------


def test_a_finished_file_never_keeps_an_execute_bit(tmp_path):
    part = tmp_path / "job.part"
    part.write_bytes(b"MZ...")
    part.chmod(0o755)  # an older or tampered part
    final = finalize_part(part, tmp_path, "setup.exe")
    assert final.name == "setup.exe"
    assert stat.S_IMODE(final.stat().st_mode) & 0o111 == 0


def _our_part(folder: Path, data: bytes = b"video") -> tuple[Path, part_disk.FileId]:
    part = folder / "clip.mp4.part"
    handle, own = open_part(part, 0)
    with handle:
        handle.write(data)
    return part, own


def test_a_move_cut_short_is_found_only_as_our_own_file_at_the_recorded_name(tmp_path):
    """After a kill mid-move the row names a final name: only the part we created, found there
    with the job's size and the mtime it had when finished, is taken as done. Another file at that
    name (the person's, of the same size), a link to our part, our file grown since, or one with
    our inode number but another mtime (a new file that reused the number) is not; nothing is
    touched."""
    part, own = _our_part(tmp_path)
    finished = part.lstat().st_mtime_ns
    target = tmp_path / "clip.mp4"
    target.write_bytes(b"other")  # same size, another file
    assert part_disk.moved_part(target, part, own, 5, finished) is None
    target.unlink()
    target.symlink_to(part)
    assert part_disk.moved_part(target, part, own, 5, finished) is None
    target.unlink()
    os.link(part, target)  # killed between link and unlink: both names are the part
    assert part_disk.moved_part(target, part, own, 6, finished) is None  # not the job's size
    assert part_disk.moved_part(target, part, own, 5, finished + 1) is None
    assert part.exists() and target.read_bytes() == b"video"
    assert part_disk.moved_part(target, part, own, 5, finished) == 5
    assert not part.exists() and target.read_bytes() == b"video"


# ---- 6. the writer is done before the file moves; every platform's errors ---------------------


@pytest.mark.asyncio
async def test_finalize_waits_for_the_writer_to_close_the_part(sandbox, client, tmp_path,
                                                               monkeypatch):
    """As on Windows: moving a .part that is still open fails (WinError 32). The writer's close
    is slow here, so a finalize that does not wait for it would meet the open file."""
    job = await completed_job(sandbox, 3 * MiB)
    closes = slow_part_closes(monkeypatch)
    locks = WindowsLocks(monkeypatch)
    part = tmp_path / "clip.part"
    result = await download_to_part(client, job["download_url"], part,
                                    expected_size=job["file_size"])
    final = finalize_part(result.path, tmp_path, "clip.mp4")
    assert closes and closes[0].closing.is_set()
    assert locks.violations == [] and sha256(final) == job["sha256"] and not part.exists()


class NoLinks:
    def __init__(self, error: OSError) -> None:
        self.error = error
        self.calls = 0

    def __call__(self, src, dst, **kwargs):
        self.calls += 1
        raise self.error


@pytest.mark.parametrize("error", [
    OSError(errno.EPERM, "Operation not permitted"),  # Linux vfat/exfat
    OSError(errno.EOPNOTSUPP, "Operation not supported"),  # Linux FUSE, network shares
    OSError(getattr(errno, "ENOTSUP", errno.EOPNOTSUPP), "Operation not supported"),  # macOS
    OSError(errno.EINVAL, "Invalid argument"),  # Windows FAT32/exFAT (ERROR_INVALID_FUNCTION)
    winerror(1, errno.EINVAL, "Incorrect function"),
    winerror(50, errno.EIO, "The request is not supported"),  # SMB: only the winerror says it
    OSError(errno.EXDEV, "Invalid cross-device link"),
], ids=["EPERM", "EOPNOTSUPP", "ENOTSUP", "EINVAL", "WinError 1", "WinError 50", "EXDEV"])
def test_no_hard_links_falls_back_to_a_no_overwrite_rename(tmp_path, monkeypatch, error):
    no_links = NoLinks(error)
    monkeypatch.setattr(part_disk.os, "link", no_links)
    real_unique = part_disk.unique_path

    def racing_unique(directory: Path, name: str) -> Path:
        chosen = real_unique(directory, name)
        if chosen.name == "a.mp4":
            chosen.write_bytes(b"theirs")  # another program takes the name just now
        return chosen

    monkeypatch.setattr(part_disk, "unique_path", racing_unique)
    part = tmp_path / "job.part"
    part.write_bytes(b"data")
    final = finalize_part(part, tmp_path, "a.mp4")
    assert no_links.calls == 2  # a.mp4 was taken (the placeholder refused), then "a (1).mp4"
    assert final == tmp_path / "a (1).mp4" and final.read_bytes() == b"data"
    assert (tmp_path / "a.mp4").read_bytes() == b"theirs" and not part.exists()


def test_a_real_link_failure_is_not_taken_for_missing_link_support(tmp_path, monkeypatch):
    monkeypatch.setattr(part_disk.os, "link", NoLinks(OSError(errno.EIO, "I/O error")))
    part = tmp_path / "job.part"
    part.write_bytes(b"data")
    with pytest.raises(TransferError) as caught:
        finalize_part(part, tmp_path, "a.mp4")
    assert caught.value.kind == "not_writable" and part.exists()


@pytest.mark.parametrize("error", [
    OSError(errno.ENOSPC, "No space left on device"),
    OSError(errno.EDQUOT, "Disk quota exceeded"),
    winerror(112, errno.EINVAL, "There is not enough space on the disk"),
    winerror(39, errno.EIO, "The disk is full"),
    winerror(1295, errno.EIO, "The quota was exceeded"),
], ids=["ENOSPC", "EDQUOT", "WinError 112", "WinError 39", "WinError 1295"])
def test_every_platforms_disk_full_is_disk_full(error):
    assert os_error(error).kind == "disk_full"


def test_other_errors_stay_not_writable():
    assert os_error(OSError(errno.EROFS, "Read-only file system")).kind == "not_writable"
    assert os_error(winerror(5, errno.EACCES, "Access is denied")).kind == "not_writable"


# ---- 4. a malformed link is the item's failure, in words --------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("url", ["http://[::1", "http://example.com/a\x00b", "ftp://example.com/a",
                                 "file:///etc/passwd", "http://xn--a.com/v", "http://:80/v", ""])
async def test_a_malformed_download_link_is_a_bad_link(client, tmp_path, url):
    error = await expect_error("bad_link", client, url, tmp_path / "x.part")
    assert not error.retryable and "cannot be used" in error.message
    assert not (tmp_path / "x.part").exists()


@pytest.mark.asyncio
async def test_a_malformed_redirect_is_a_bad_link(client, tmp_path):
    async def bad_redirect(request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": "http://[::1/x"})

    app = web.Application()
    app.router.add_get("/r", bad_redirect)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        await expect_error("bad_link", client, f"http://127.0.0.1:{port}/r", tmp_path / "x.part")
    finally:
        await runner.cleanup()


def test_a_new_part_never_has_an_execute_bit(tmp_path):
    old = os.umask(0)
    try:
        file, _made = open_part(tmp_path / "new.part", 0)
        file.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.part").stat().st_mode) == 0o666


# ---- 7. a part is ours only as the file we created (hostile review 9) ---------------------------


@contextlib.asynccontextmanager
async def hostile_origin(handler):
    """A tiny file host on a real socket, answering every GET with handler(request)."""
    app = web.Application()
    app.router.add_get("/{tail:.*}", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


BODY = bytes(range(256)) * 400  # 102,400 bytes


async def slow_body(request: web.Request, body: bytes, pause: float = 0.02,
                    headers: dict[str, str] | None = None) -> web.StreamResponse:
    reply = web.StreamResponse(status=200, headers={
        "Content-Type": "video/mp4", "Content-Length": str(len(body)), **(headers or {})})
    await reply.prepare(request)
    for start in range(0, len(body), 8192):
        await reply.write(body[start:start + 8192])
        await asyncio.sleep(pause)
    return reply


@pytest.mark.asyncio
async def test_two_writers_of_one_part_name_never_share_the_file(client, tmp_path):
    """Two instances sharing a folder both pick "clip.mp4.part" before it exists: the one whose
    answer comes second finds the name taken and never opens, truncates or writes the file."""
    first_body, second_body = BODY, bytes(reversed(BODY))

    async def host(request: web.Request) -> web.StreamResponse:
        if request.path == "/second":
            await asyncio.sleep(0.3)  # its headers arrive once the first part exists
            return await slow_body(request, second_body)
        return await slow_body(request, first_body)

    part = tmp_path / "clip.mp4.part"
    async with hostile_origin(host) as base:
        first = asyncio.ensure_future(download_to_part(client, base + "/first", part,
                                                       expected_size=len(first_body)))
        with pytest.raises(TransferError) as caught:
            await download_to_part(client, base + "/second", part,
                                   expected_size=len(second_body))
        result = await first
    assert caught.value.kind == "part_taken"
    assert result.size == len(first_body) and part.read_bytes() == first_body


@pytest.mark.asyncio
async def test_a_hard_link_planted_at_the_part_is_never_written(client, tmp_path):
    """Between the request and the answer, a hard link to someone's file appears at the new
    part's name: the part is created exclusively, so that file is never opened."""
    victim = tmp_path / "precious.txt"
    victim.write_bytes(b"my thesis, only copy\n" * 100)
    part = tmp_path / "clip.mp4.part"

    async def host(request: web.Request) -> web.StreamResponse:
        os.link(victim, part)  # the request was sent: the link goes in before the answer
        return await slow_body(request, BODY, pause=0)

    async with hostile_origin(host) as base:
        error = await expect_error("part_taken", client, base + "/v", part,
                                   expected_size=len(BODY))
    assert "left alone" in error.message
    assert victim.read_bytes() == b"my thesis, only copy\n" * 100 and victim.stat().st_nlink == 2


@pytest.mark.asyncio
async def test_our_part_with_a_second_name_is_not_reopened(client, tmp_path):
    """Our own part, once a hard link elsewhere names it too, is not truncated or appended to
    (the other name would change with it); and another file put at its name is not ours."""
    part = tmp_path / "clip.mp4.part"
    made: list[tuple[int, int]] = []

    async def host(request: web.Request) -> web.StreamResponse:
        if "Range" in request.headers:
            return web.Response(status=416)
        return await slow_body(request, BODY[:1000], pause=0)

    async with hostile_origin(host) as base:
        await expect_error("short", client, base + "/v", part, expected_size=len(BODY),
                           on_created=made.append)
        elsewhere = tmp_path / "elsewhere"
        os.link(part, elsewhere)
        await expect_error("part_taken", client, base + "/v", part, expected_size=len(BODY),
                           part_id=made[0])
        assert elsewhere.read_bytes() == BODY[:1000]
        elsewhere.unlink()
        part.rename(tmp_path / "moved away")  # kept: its inode number is not free for reuse
        part.write_bytes(b"someone else's")  # a new file at the name: another inode
        await expect_error("part_taken", client, base + "/v", part, expected_size=len(BODY),
                           part_id=made[0])
    assert part.read_bytes() == b"someone else's"


@pytest.mark.asyncio
@pytest.mark.parametrize("asked", [0, 500], ids=["no-range", "range"])
async def test_a_206_of_another_range_than_asked_is_never_written(client, tmp_path, asked):
    """A 206 whose Content-Range does not start where the request asked (0 without a Range)
    is not written anywhere — not at offset 0, not appended."""
    seen: list[str | None] = []

    async def host(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Range"))
        return web.Response(status=206, body=BODY[1000:2000], headers={
            "Content-Type": "video/mp4", "ETag": '"e1"',
            "Content-Range": f"bytes 1000-1999/{len(BODY)}"})

    part = tmp_path / "clip.part"
    made: list[tuple[int, int]] = []
    kwargs: dict = {}
    if asked:
        part.write_bytes(BODY[:asked])
        info = part.lstat()
        kwargs = {"part_id": (info.st_dev, info.st_ino), "validator": '"e1"'}
    async with hostile_origin(host) as base:
        error = await expect_error("http", client, base + "/v", part, expected_size=len(BODY),
                                   on_created=made.append, **kwargs)
    assert error.retryable and "another part of the file" in error.message
    if asked:  # the resume was refused, then the plain request too: the part is as it was
        assert seen == [f"bytes={asked}-", None] and part.read_bytes() == BODY[:asked]
    else:
        assert seen == [None] and not part.exists() and made == []


@pytest.mark.asyncio
async def test_a_206_with_the_wrong_total_is_never_written(client, tmp_path):
    async def host(request: web.Request) -> web.Response:
        return web.Response(status=206, body=BODY[:1000], headers={
            "Content-Type": "video/mp4", "Content-Range": "bytes 0-999/5000"})

    part = tmp_path / "clip.part"
    async with hostile_origin(host) as base:
        await expect_error("http", client, base + "/v", part, expected_size=len(BODY))
    assert not part.exists()


@pytest.mark.asyncio
@pytest.mark.parametrize("announced", [True, False], ids=["size", "no-size"])
async def test_a_compressed_body_is_never_kept_as_the_file(client, tmp_path, announced):
    """The host ignores "Accept-Encoding: identity" and gzips the file: refused in words,
    nothing written (with or without an announced size)."""
    async def host(request: web.Request) -> web.Response:
        return web.Response(status=200, body=gzip.compress(BODY), headers={
            "Content-Type": "video/mp4", "Content-Encoding": "gzip"})

    part = tmp_path / "clip.part"
    async with hostile_origin(host) as base:
        error = await expect_error("compressed", client, base + "/v", part,
                                   expected_size=len(BODY) if announced else None)
    assert not error.retryable and "compressed" in error.message and "(gzip)" in error.message
    assert not part.exists()


@pytest.mark.asyncio
async def test_headers_that_never_finish_arriving_are_a_stall(client, tmp_path, monkeypatch):
    """The host's answer comes in pieces, each well inside the per-read timeout: the header
    deadline ends the wait."""
    monkeypatch.setattr(transfer, "HEADER_DEADLINE", 0.5)

    async def host(request: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.Response(body=BODY)

    async with hostile_origin(host) as base:
        started = time.monotonic()
        error = await expect_error("stalled", client, base + "/v", tmp_path / "x.part")
        waited = time.monotonic() - started
    assert error.retryable and waited < 3
    assert not (tmp_path / "x.part").exists()


@pytest.mark.asyncio
async def test_a_body_that_trickles_is_a_stall_and_its_bytes_are_kept(client, tmp_path,
                                                                      monkeypatch):
    """A byte now and then, each inside the per-read timeout: fewer than STALL_BYTES in a
    STALL_WINDOW is a retryable stall; what arrived is kept for the next attempt."""
    monkeypatch.setattr(transfer, "STALL_WINDOW", 0.5)

    async def host(request: web.Request) -> web.StreamResponse:
        reply = web.StreamResponse(headers={"Content-Type": "video/mp4",
                                            "Content-Length": str(len(BODY))})
        await reply.prepare(request)
        for byte in BODY[:200]:
            await reply.write(bytes([byte]))
            await asyncio.sleep(0.05)
        return reply

    started = time.monotonic()
    part = tmp_path / "x.part"
    async with hostile_origin(host) as base:
        error = await expect_error("stalled", client, base + "/v", part, expected_size=len(BODY))
    assert error.retryable and "too slowly" in error.message
    assert time.monotonic() - started < 3
    assert 0 < part.stat().st_size < 200 and BODY.startswith(part.read_bytes())


@pytest.mark.asyncio
async def test_a_part_is_deleted_only_after_its_writer_closed_it(tmp_path, monkeypatch):
    """Cancel, Remove and a changed folder delete a part of ours once nothing writes it: its
    writer's close is slow here, and Windows refuses to delete a file that is still open."""
    from app.engine.part_writer import PartWriter
    from app.engine.parts import delete_own_part_when_free
    from tests.integration.windows_sim import SlowClose

    part = tmp_path / "clip.mp4.part"
    file, own = open_part(part, 0, None)
    writer = PartWriter(SlowClose(file, 0.4), part)
    await writer.write([b"x" * 1000])
    locks = WindowsLocks(monkeypatch)
    writer.close()  # the close runs on the writer's thread, slowly
    await asyncio.wait_for(delete_own_part_when_free(part, own), timeout=5)
    assert locks.violations == [] and not part.exists()
