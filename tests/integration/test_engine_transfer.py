"""The file side of the queue against the real sandbox's file origin: cut connections, expired
links, folders that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.model import ItemState, Outcome, ProblemKind
from app.sandbox import run_in_thread
from tests.integration.engine_harness import job_sha256, running_engine, sha256_of

pytestmark = pytest.mark.asyncio


async def test_connection_dropped_mid_file_is_resumed_with_range(tmp_path):
    with run_in_thread(plan="business", credits=10, job_seconds=0.2) as sandbox:
        sandbox.admin.file_faults(drop_after_bytes=250_000, count=1)
        async with running_engine(sandbox, tmp_path) as engine:
            engine.add_text("https://example.com/cut?size=1000000")
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
            item = engine.items[0]
            assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
        ranges = [r["headers"].get("range") for r in sandbox.admin.log("files")]
        assert ranges[0] is None and ranges[-1] and ranges[-1].startswith("bytes=")
        assert int(ranges[-1][len("bytes="):].rstrip("-")) > 0


async def test_expired_link_is_refreshed_once_from_the_job(tmp_path):
    # Links live 1 s; the transfer is cut at 60 % and resumes after the link has expired.
    with run_in_thread(plan="business", credits=10, job_seconds=0.2, link_ttl=1.0) as sandbox:
        sandbox.admin.file_faults(bytes_per_second=400_000)
        sandbox.admin.file_faults(drop_after_bytes=600_000, count=1)
        async with running_engine(sandbox, tmp_path) as engine:
            engine.add_text("https://example.com/expiring?size=1000000")
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
            item = engine.items[0]
            assert sha256_of(item.file_path) == job_sha256(sandbox, item.job_id)
        statuses = [r["status"] for r in sandbox.admin.log("files")]
        assert any(s in (403, 410) for s in statuses), statuses
        assert statuses[-1] in (200, 206)
        assert sandbox.admin.posts_for_url("https://example.com/expiring?size=1000000") == 1


async def test_link_that_stays_expired_fails_the_row_with_words(tmp_path):
    with run_in_thread(plan="business", credits=10, job_seconds=0.2, link_ttl=0.0) as sandbox:
        async with running_engine(sandbox, tmp_path) as engine:
            engine.add_text("https://example.com/never?size=1000")
            assert await engine.wait_until_settled() is Outcome.SOME_FAILED
            item = engine.items[0]
            assert item.problem_kind is ProblemKind.LINK_EXPIRED
            assert item.problem
            # Retry keeps the paid job: no second submission.
            engine.retry([item.id])
            await engine.wait_until_settled()
        assert sandbox.admin.posts_for_url("https://example.com/never?size=1000") == 1


async def test_unwritable_download_folder_fails_rows_and_keeps_the_queue(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with run_in_thread(plan="business", credits=10, job_seconds=0.2) as sandbox:
        async with running_engine(sandbox, tmp_path) as engine:
            engine.set_download_dir(blocker / "downloads")
            engine.add_text("https://example.com/a\nhttps://example.com/b")
            assert await engine.wait_until_settled() is Outcome.SOME_FAILED
            assert {i.problem_kind for i in engine.items} == {ProblemKind.NOT_WRITABLE}
            # The person picks another folder and retries: the paid jobs are reused.
            engine.set_download_dir(tmp_path / "good")
            engine.retry(engine.failed_ids())
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
            assert all(i.state is ItemState.COMPLETED for i in engine.items)
        assert sandbox.admin.state()["credits"] == 6


async def test_hostile_content_disposition_stays_inside_the_download_folder(tmp_path):
    with run_in_thread(plan="business", credits=10, job_seconds=0.2) as sandbox:
        # The job's own file (its announced size), under a hostile name.
        sandbox.admin.file_reply(
            headers={"Content-Disposition": 'attachment; filename="../../escaped.mp4"'})
        async with running_engine(sandbox, tmp_path) as engine:
            engine.add_text("https://example.com/hostile")
            assert await engine.wait_until_settled() is Outcome.ALL_COMPLETED
            path = engine.items[0].file_path
    downloads = (tmp_path / "downloads").resolve()
    assert path is not None and Path(path).resolve().parent == downloads
    assert Path(path).name == "escaped.mp4"
    assert not list(tmp_path.parent.glob("escaped.mp4")) and not list(tmp_path.glob("escaped.mp4"))
