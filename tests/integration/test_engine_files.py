"""The queue's files against the real sandbox: a .part belongs to one job, a file marked done is
the job's file byte for byte, names never look like the app's own files or leave the folder, a
malformed link or name is the row's failure in words, dangerous types are saved without an
execute bit, and Cancel/Remove/finish never touch a .part its writer still holds open."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

import pytest

from app.engine import filenames
from app.engine.model import ItemState, Outcome, ProblemKind
from app.engine.pipeline import MAX_STALLED_ATTEMPTS, MAX_TRANSFER_ATTEMPTS
from app.engine.store import Store
from app.sandbox import run_in_thread
from app.ui.problem_text import describe_problem
from tests.integration.engine_harness import job_sha256, running_engine, sha256_of, wait_for
from tests.integration.windows_sim import WindowsLocks, open_in_this_process, slow_part_closes

pytestmark = pytest.mark.asyncio


@pytest.fixture(scope="module")
def sandbox():
    with run_in_thread(plan="business", credits=100_000, job_seconds=0.2) as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_sandbox(sandbox):
    sandbox.admin.clear_log()
    yield
    sandbox.admin.file_faults(drop_after_bytes=0, count=0, bytes_per_second=0)
    assert sandbox.admin.state()["pending_file_replies"] == 0  # each test uses up its own


async def no_wait(_delay: float) -> None:
    await asyncio.sleep(0)


class GatedSleep:
    """The pipeline's wait between attempts, held until the test opens the gate."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self.waiting = asyncio.Event()
        self.gate = asyncio.Event()

    async def __call__(self, delay: float) -> None:
        self.calls.append(delay)
        self.waiting.set()
        await self.gate.wait()


def file_gets(sandbox) -> list[dict]:
    return [e for e in sandbox.admin.log("files") if e["method"] == "GET"]


def downloads_of(tmp_path: Path) -> Path:
    return tmp_path / "downloads"


def a_part_with_bytes(folder: Path, at_least: int = 100_000) -> Path | None:
    for part in folder.glob("*.part"):
        try:
            if part.stat().st_size >= at_least:
                return part
        except FileNotFoundError:
            continue
    return None


async def a_partial_download(tmp_path: Path) -> Path:
    """Until the queue's download has written some bytes to its .part; returns the .part."""
    return await wait_for(lambda: a_part_with_bytes(downloads_of(tmp_path)), what="a partial file")


# ---- 1. a .part belongs to one job ------------------------------------------------------------


async def paused_partial_download(sandbox, tmp_path: Path, url: str) -> tuple[int, str]:
    """Run the queue until url's .part holds some bytes, pause it, close the app: (item id, job)."""
    sandbox.admin.file_faults(bytes_per_second=500_000)
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(url)
        await a_partial_download(tmp_path)
        item = engine.items[0]
        engine.pause([item.id])
    sandbox.admin.file_faults(bytes_per_second=0)
    assert item.job_id
    return item.id, item.job_id


def new_job(sandbox, url: str) -> str:
    import httpx

    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    job = httpx.post(f"{sandbox.api_base}/v1/download", json={"url": url}, headers=headers).json()
    return job["job_id"]


@pytest.mark.parametrize("change", ["another job", "another announced size", "no identity"])
async def test_a_part_is_resumed_only_for_its_own_job_and_size(sandbox, tmp_path, change):
    url = "https://example.com/identity?size=2000000"
    item_id, job_id = await paused_partial_download(sandbox, tmp_path, url)
    store = Store(tmp_path / "data" / "queue.sqlite3")
    [row] = store.load_items()
    assert row.part_identity and row.part_identity["job_id"] == job_id  # persisted with the row
    assert row.part_identity["validator"]  # the host's ETag, recorded before its bytes
    if change == "another job":  # the row now follows another (same-sized) job
        job_id = new_job(sandbox, "https://example.com/other?size=2000000")
        store.update_item(item_id, job_id=job_id)
    elif change == "another announced size":
        store.update_item(item_id, part_identity={**row.part_identity, "size": 1_999_999})
    else:  # a part from before identities were kept (schema 2)
        store.update_item(item_id, part_identity=None)
    store.close()
    sandbox.admin.clear_log()
    async with running_engine(sandbox, tmp_path) as engine:
        engine.resume([item_id])
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        item = engine.items[0]
        assert sha256_of(item.file_path) == job_sha256(sandbox, job_id)
    assert [e["headers"].get("range") for e in file_gets(sandbox)] == [None]  # from zero


async def test_a_resume_of_the_same_job_names_the_version_with_if_range(sandbox, tmp_path):
    url = "https://example.com/same?size=2000000"
    item_id, job_id = await paused_partial_download(sandbox, tmp_path, url)
    sandbox.admin.clear_log()
    async with running_engine(sandbox, tmp_path) as engine:
        engine.resume([item_id])
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        assert sha256_of(engine.items[0].file_path) == job_sha256(sandbox, job_id)
    [resumed] = file_gets(sandbox)
    assert resumed["status"] == 206 and resumed["headers"]["range"] != "bytes=0-"
    assert resumed["headers"]["if-range"].startswith('"')


async def test_submit_again_after_a_gone_job_starts_a_new_part(sandbox, tmp_path):
    """The job disappears mid-download (its link expires, the job is 404): Submit again makes a
    new job, whose file starts from zero — never the old job's bytes resumed into it."""
    url = "https://example.com/gone?size=2000000"
    sleep = GatedSleep()
    sandbox.admin.file_faults(drop_after_bytes=600_000, count=1)
    async with running_engine(sandbox, tmp_path, sleep=sleep) as engine:
        engine.add_text(url)
        await asyncio.wait_for(sleep.waiting.wait(), 20)  # the cut transfer waits to retry
        old_job = engine.items[0].job_id
        assert a_part_with_bytes(downloads_of(tmp_path), 600_000)
        sandbox.admin.expire_links()
        sandbox.admin.queue_faults(f"/v1/jobs/{old_job}", [
            {"status": 404, "json": {"detail": "Job not found", "code": "not_found"}}])
        sleep.gate.set()
        await wait_for(lambda: engine.items[0].state is ItemState.FAILED, what="the failure")
        assert engine.items[0].problem_kind is ProblemKind.JOB_GONE
        sandbox.admin.clear_log()
        engine.submit_again([engine.items[0].id])
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        item = engine.items[0]
        assert item.job_id != old_job
        assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
    assert [e["headers"].get("range") for e in file_gets(sandbox)] == [None]
    assert sandbox.admin.jobs_for_url(url) == 2  # two charges: the person confirmed it
    assert list(downloads_of(tmp_path).glob("*.part")) == []


# ---- 2. a file marked done is the job's file, byte for byte ---------------------------------


async def test_a_short_file_is_resumed_then_finished_byte_for_byte(sandbox, tmp_path):
    sandbox.admin.file_reply(truncate_to=1000)  # Content-Length 1000 of 2,000,000 announced
    async with running_engine(sandbox, tmp_path, sleep=no_wait) as engine:
        engine.add_text("https://example.com/short?size=2000000")
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        item = engine.items[0]
        assert os.path.getsize(item.file_path) == 2_000_000
        assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
    ranges = [e["headers"].get("range") for e in file_gets(sandbox)]
    assert ranges == [None, "bytes=1000-"]


async def test_a_file_that_stays_short_fails_with_words_and_is_never_done(sandbox, tmp_path):
    # Every answer an "empty file": the first try and every retry the pipeline allows.
    sandbox.admin.file_reply(count=MAX_TRANSFER_ATTEMPTS + 1, truncate_to=0)
    async with running_engine(sandbox, tmp_path, sleep=no_wait) as engine:
        engine.add_text("https://example.com/empty?size=5000000")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[0]
    assert item.state is ItemState.FAILED and item.problem_kind is ProblemKind.SHORT_FILE
    assert "sent less than VideoConduit announced" in describe_problem(item)
    assert item.file_path is None and list(downloads_of(tmp_path).glob("*.mp4")) == []


async def test_more_than_announced_fails_at_once_and_keeps_nothing(sandbox, tmp_path):
    sandbox.admin.file_reply(extra_bytes=30_000_000)
    async with running_engine(sandbox, tmp_path, sleep=no_wait) as engine:
        engine.add_text("https://example.com/oversize?size=1000")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[0]
    assert item.problem_kind is ProblemKind.OVERSIZE_FILE
    assert "sent more than VideoConduit announced" in describe_problem(item)
    assert len(file_gets(sandbox)) == 1  # refused, not fetched again and again
    assert [p.name for p in downloads_of(tmp_path).iterdir()] == []


# ---- 3. no write follows a link ----------------------------------------------------------------


async def test_a_link_at_the_part_is_refused_in_words_and_retry_saves_elsewhere(sandbox,
                                                                                tmp_path):
    """A dangling link planted at a paused item's .part name: nothing is written through it, the
    row says why, and Retry saves the video under another name."""
    url = "https://example.com/linked?size=2000000"
    item_id, _job = await paused_partial_download(sandbox, tmp_path, url)
    [part] = downloads_of(tmp_path).glob("*.part")
    part.unlink()
    outside = tmp_path / "outside"
    outside.mkdir()
    part.symlink_to(outside / "planted")
    sandbox.admin.clear_log()
    async with running_engine(sandbox, tmp_path) as engine:
        engine.resume([item_id])
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[0]
        assert item.problem_kind is ProblemKind.LINK_IN_THE_WAY
        assert file_gets(sandbox) == []  # refused before anything was asked of the host
        assert "link (shortcut) sits where this video would be saved" in describe_problem(item)
        assert not (outside / "planted").exists() and part.is_symlink()
        engine.retry([item_id])
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        final = Path(engine.items[0].file_path)
    assert not final.is_symlink() and final.parent == downloads_of(tmp_path)
    assert not (outside / "planted").exists()


# ---- 4. names ------------------------------------------------------------------------------------


async def test_a_server_name_ending_in_part_is_never_taken_for_a_part(sandbox, tmp_path):
    """Another row that failed before writing anything still owns the name "clip.mp4.part";
    removing it must not delete a finished video the server named "clip.mp4.part"."""
    gone = {"status": 410, "json": {"detail": "Link expired"}}
    sandbox.admin.queue_faults("/files/", [gone, gone])  # the first row's link stays dead
    async with running_engine(sandbox, tmp_path, concurrency=1) as engine:
        engine.add_text("https://example.com/a?size=3000&filename=clip.mp4")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        engine.add_text("https://example.com/b?size=3000&filename=clip.mp4.part")
        await wait_for(lambda: engine.items[1].state is ItemState.COMPLETED, what="the video")
        done = engine.items[1]
        assert done.filename == "clip.mp4_part"
        engine.remove([engine.items[0].id])
        assert Path(done.file_path).read_bytes()
        assert sha256_of(done.file_path) == job_sha256(sandbox, done.job_id)


@pytest.mark.parametrize("charset", ["idna", "punycode", "x-unknown", "rot13"])
async def test_a_hostile_filename_charset_is_not_a_crash(sandbox, tmp_path, charset):
    header = f"attachment; filename*={charset}''..%2F..%2F.bashrc%E2%82%AC"
    sandbox.admin.file_reply(headers={"Content-Disposition": header})
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text(f"https://example.com/charset-{charset}?size=3000")
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        final = Path(engine.items[0].file_path)
    assert final.parent == downloads_of(tmp_path) and not final.name.startswith(".")


@pytest.mark.parametrize("link", ["http://[::1", "http://files.example/a\x00b.mp4",
                                  "ftp://files.example/a.mp4"])
async def test_a_malformed_download_link_fails_the_row_in_words(sandbox, tmp_path, link):
    async with running_engine(sandbox, tmp_path) as engine:
        # "slow": the job takes a second, so the next look at it is the one answered here.
        engine.add_text("https://example.com/slow-badlink?size=3000")
        job_id = await wait_for(lambda: engine.items[0].job_id, what="a job")
        sandbox.admin.queue_faults(f"/v1/jobs/{job_id}", [{"status": 200, "json": {
            "job_id": job_id, "status": "completed", "progress": 100, "download_url": link,
            "filename": "a.mp4", "file_size": 3000}}])
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[0]
    assert item.problem_kind is ProblemKind.BAD_FILE_LINK
    assert describe_problem(item).startswith("VideoConduit gave a download link the app cannot")


async def test_windows_paths_stay_under_260_characters(sandbox, tmp_path, monkeypatch):
    monkeypatch.setattr(filenames, "PLATFORM", "win32")
    monkeypatch.setattr(filenames, "_long_paths_enabled", lambda: False)
    deep = tmp_path / "downloads" / ("d" * 150)
    deep.mkdir(parents=True)
    long_name = "A" * 120 + ".mp4"
    async with running_engine(sandbox, tmp_path) as engine:
        engine.set_download_dir(deep)
        engine.add_text(f"https://example.com/long?size=3000&filename={long_name}")
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        final = engine.items[0].file_path
        assert final.endswith(".mp4") and len(final) + len(".part") <= 259 - len(" (999)")
        engine.set_download_dir(deep / ("e" * 120))  # no room left for a name at all
        engine.add_text(f"https://example.com/long2?size=3000&filename={long_name}")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[1]
    assert item.problem_kind is ProblemKind.PATH_TOO_LONG
    assert "path is too long for Windows" in describe_problem(item)


# ---- 5. dangerous types ------------------------------------------------------------------------


async def test_a_dangerous_type_is_saved_without_an_execute_bit(sandbox, tmp_path):
    old = os.umask(0)  # the worst umask: only the app's own modes count
    try:
        async with running_engine(sandbox, tmp_path) as engine:
            engine.add_text("https://example.com/tool?size=3000&filename=setup.sh")
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
            final = engine.items[0].file_path
    finally:
        os.umask(old)
    assert filenames.is_dangerous(final)
    assert stat.S_IMODE(os.stat(final).st_mode) & 0o111 == 0


# ---- 6. the writer is done before the file moves --------------------------------------------


async def test_a_finished_part_moves_only_after_its_writer_closed_it(sandbox, tmp_path,
                                                                     monkeypatch):
    """As on Windows: an open .part cannot be linked, renamed or deleted (WinError 32), and the
    writer's close is slow."""
    closes = slow_part_closes(monkeypatch)
    locks = WindowsLocks(monkeypatch)
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/locked?size=3000000")
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        item = engine.items[0]
    assert closes and locks.violations == []
    assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)


@pytest.mark.parametrize("command", ["cancel", "remove"])
async def test_cancel_and_remove_delete_the_part_once_its_task_let_go(sandbox, tmp_path,
                                                                      monkeypatch, command):
    sandbox.admin.file_faults(bytes_per_second=500_000)
    slow_part_closes(monkeypatch)
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/stopped?size=3000000")
        part = await a_partial_download(tmp_path)
        locks = WindowsLocks(monkeypatch)  # from now on an open .part cannot be deleted
        item_id = engine.items[0].id
        getattr(engine, command)([item_id])  # synchronous for the window
        if command == "cancel":
            assert engine.items[0].state is ItemState.CANCELLED
        else:
            assert engine.items == []
        await wait_for(lambda: not part.exists(), timeout=10, what="the part to be deleted")
        assert locks.violations == []


async def test_quitting_right_after_a_pause_returns_once_the_download_let_go_of_its_part(
        sandbox, tmp_path, monkeypatch):
    """Pause, then quit at once: the paused download is still unwinding (its writer's close is
    slow, as behind an antivirus scanner). Closing the queue waits for it, so nothing of the
    download still runs or holds its .part once the app says it has closed."""
    sandbox.admin.file_faults(bytes_per_second=500_000)
    slow_part_closes(monkeypatch)
    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_text("https://example.com/paused-then-quit?size=3000000")
        part = await a_partial_download(tmp_path)
        engine.pause([engine.items[0].id])
    assert not open_in_this_process(part)
    assert [task for task in asyncio.all_tasks()
            if "Engine._run" in repr(task.get_coro())] == []


# ---- 7. a part is ours only as the file we created, in its folder (hostile review 9) ------------


@pytest.mark.parametrize("command", ["resume", "remove"])
async def test_a_same_named_part_in_a_new_download_folder_is_never_resumed_or_deleted(
        sandbox, tmp_path, command):
    """The app restarts and the download folder changes: a same-named file there (a browser's
    "film.mp4.part") is another program's — never resumed into the job's file, never deleted
    by Remove. Our own part in the old folder is deleted."""
    url = "https://example.com/moved?size=2000000&filename=long-film.mp4"
    item_id, job_id = await paused_partial_download(sandbox, tmp_path, url)
    [own] = downloads_of(tmp_path).glob("*.part")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    foreign = b"another program's partial file\n" * 20_000
    (elsewhere / own.name).write_bytes(foreign)
    sandbox.admin.clear_log()
    async with running_engine(sandbox, tmp_path) as engine:
        engine.set_download_dir(elsewhere)
        if command == "remove":
            engine.remove([item_id])
            await asyncio.sleep(0.2)
        else:
            engine.resume([item_id])
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
            final = Path(engine.items[0].file_path)
            assert final.parent == elsewhere
            assert sha256_of(final) == job_sha256(sandbox, job_id)
            assert [e["headers"].get("range") for e in file_gets(sandbox)] == [None]
    assert (elsewhere / own.name).read_bytes() == foreign  # not ours: untouched
    assert not own.exists()  # ours, in the folder we made it in: deleted


async def test_a_file_put_at_a_paused_parts_name_is_left_alone(sandbox, tmp_path):
    """The paused part is moved away and a hard link to someone's file takes its name: not the
    file we created, so it is neither resumed, truncated nor written; the video goes under a
    new part name and is the job's file byte for byte."""
    url = "https://example.com/taken?size=2000000"
    item_id, job_id = await paused_partial_download(sandbox, tmp_path, url)
    [part] = downloads_of(tmp_path).glob("*.part")
    part.rename(tmp_path / "moved away")
    victim = tmp_path / "precious.txt"
    victim.write_bytes(b"my thesis, only copy\n" * 100)
    os.link(victim, part)
    sandbox.admin.clear_log()
    async with running_engine(sandbox, tmp_path) as engine:
        engine.resume([item_id])
        assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
        item = engine.items[0]
    assert sha256_of(item.file_path) == job_sha256(sandbox, job_id)
    assert victim.read_bytes() == b"my thesis, only copy\n" * 100 and part.samefile(victim)
    assert [e["headers"].get("range") for e in file_gets(sandbox)] == [None]


async def test_a_compressed_file_fails_the_row_in_words_and_keeps_nothing(sandbox, tmp_path):
    sandbox.admin.file_reply(headers={"Content-Encoding": "gzip"})
    async with running_engine(sandbox, tmp_path, sleep=no_wait) as engine:
        engine.add_text("https://example.com/gzipped?size=20000")
        assert await engine.wait_until_settled() is Outcome.SOME_FAILED
        item = engine.items[0]
    assert item.problem_kind is ProblemKind.COMPRESSED_FILE
    assert "sent the file compressed" in describe_problem(item)
    assert len(file_gets(sandbox)) == 1
    assert list(downloads_of(tmp_path).iterdir()) == []


async def test_a_trickling_file_host_frees_the_slot_and_fails_in_words(sandbox, tmp_path,
                                                                       monkeypatch):
    """A byte now and then, each inside the per-read timeout: every attempt ends at the stall
    rule, a trickle is no progress, and the row fails in words after the last attempt — while
    the next row gets the slot."""
    from app.engine import transfer

    monkeypatch.setattr(transfer, "STALL_WINDOW", 0.3)
    attempts = MAX_STALLED_ATTEMPTS + 1
    sandbox.admin.file_reply(count=attempts, drip=0.05)
    async with running_engine(sandbox, tmp_path, concurrency=1, sleep=no_wait) as engine:
        engine.add_text("https://example.com/trickle?size=2000000")
        engine.add_text("https://example.com/after?size=3000")
        await wait_for(lambda: engine.items[1].state is ItemState.COMPLETED, timeout=20,
                       what="the next row")
        stuck = engine.items[0]
    assert stuck.state is ItemState.FAILED
    assert stuck.problem_kind is ProblemKind.FILE_HOST_STALLED
    assert "too slowly" in describe_problem(stuck)
    assert len(file_gets(sandbox)) == attempts + 1
