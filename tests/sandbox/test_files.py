"""The file origin: deterministic bytes, Range, caching headers, expiring links, file faults."""

from __future__ import annotations

import hashlib
import time

import httpx
import pytest

from app.sandbox import run_in_thread
from app.sandbox.content import PERIOD

from .conftest import api_client
from .helpers import completed_job, wait_until

SIZE = 3 * 1024 * 1024 + 17  # spans several pattern periods
CLIP = f"https://example.com/v/clip.mp4?size={SIZE}"


@pytest.fixture(scope="module")
def shared():
    """One sandbox for the tests that only read; tests that change settings make their own."""
    with run_in_thread(job_seconds=0.05, plan="business") as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def shared_api(shared):
    with api_client(shared) as client:
        yield client


@pytest.fixture(scope="module")
def job(shared_api):
    return completed_job(shared_api, CLIP)


@pytest.fixture(scope="module")
def full(job, http):
    return http.get(job["download_url"]).content


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_file_matches_the_job_and_looks_like_an_mp4(job, http):
    response = http.get(job["download_url"])
    assert response.status_code == 200
    assert len(response.content) == SIZE == int(response.headers["Content-Length"])
    assert sha256(response.content) == job["sha256"]
    assert response.content[4:8] == b"ftyp"
    assert response.headers["Content-Type"] == "video/mp4"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Disposition"] == 'attachment; filename="clip.mp4"'
    assert response.headers["ETag"].startswith('"')


def test_the_same_job_always_yields_the_same_bytes_and_other_jobs_differ(shared_api, job, full, http):
    fresh_link = shared_api.get(f"/v1/jobs/{job['job_id']}").json()["download_url"]
    assert sha256(http.get(fresh_link).content) == sha256(full)
    other = completed_job(shared_api, CLIP)
    assert other["sha256"] != job["sha256"]


def test_the_bytes_do_not_repeat_at_power_of_two_offsets(full):
    for block in (1 << 16, 1 << 20):
        assert full[block : block + 4096] != full[2 * block : 2 * block + 4096]
    assert full[PERIOD + 100 : PERIOD + 200] == full[100:200]  # the only period is PERIOD


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=1000-1999", 1000, 2000),
        (f"bytes={PERIOD - 10}-{PERIOD + 10}", PERIOD - 10, PERIOD + 11),
        ("bytes=2097152-", 2097152, SIZE),
        ("bytes=-100", SIZE - 100, SIZE),
        (f"bytes=5-{SIZE + 1000}", 5, SIZE),
        ("bytes=0-0", 0, 1),
    ],
)
def test_a_range_is_answered_206_with_exactly_those_bytes(job, full, header, start, end, http):
    response = http.get(job["download_url"], headers={"Range": header})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes {start}-{end - 1}/{SIZE}"
    assert response.content == full[start:end]


def test_an_unsatisfiable_range_is_416(job, http):
    response = http.get(job["download_url"], headers={"Range": f"bytes={SIZE}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{SIZE}"


def test_if_range_with_a_stale_etag_sends_the_whole_file(job, http):
    headers = {"Range": "bytes=100-", "If-Range": '"something-else"'}
    response = http.get(job["download_url"], headers=headers)
    assert response.status_code == 200
    assert sha256(response.content) == job["sha256"]


def test_conditional_requests_use_the_etag(job, http):
    etag = http.head(job["download_url"]).headers["ETag"]
    matching = http.get(job["download_url"], headers={"Range": "bytes=10-", "If-Range": etag})
    assert matching.status_code == 206
    assert http.get(job["download_url"], headers={"If-None-Match": etag}).status_code == 304


def test_head_describes_the_file_without_a_body(job, http):
    response = http.head(job["download_url"])
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(SIZE)
    assert response.content == b""


def test_audio_is_served_as_mpeg_audio(shared_api, http):
    audio = completed_job(shared_api, "https://example.com/talk?size=2048", audio_only=True)
    response = http.get(audio["download_url"])
    assert response.headers["Content-Type"] == "audio/mpeg"
    assert response.content.startswith(b"ID3")
    assert audio["filename"] == "talk.mp3"


def test_links_run_out_after_their_ttl_and_a_fresh_look_renews_them(make_sandbox, http):
    sandbox = make_sandbox(link_ttl=0.3)
    with api_client(sandbox) as api:
        job = completed_job(api, "https://example.com/v")
        expired = wait_until(lambda: (r := http.get(job["download_url"])).status_code == 403 and r)
        assert expired.json() == {"detail": "Link expired"}
        fresh = api.get(f"/v1/jobs/{job['job_id']}").json()["download_url"]
        assert http.get(fresh).status_code == 200


def test_admin_expired_links_answer_410(sandbox, api, http):
    job = completed_job(api, "https://example.com/v")
    sandbox.admin.expire_links()
    response = http.get(job["download_url"])
    assert response.status_code == 410
    assert response.json() == {"detail": "Link expired"}
    fresh = api.get(f"/v1/jobs/{job['job_id']}").json()["download_url"]
    assert http.get(fresh).status_code == 200


def test_unknown_tokens_and_wrong_names_are_refused(shared, job, http):
    assert http.get(f"{shared.file_base}/files/nonsense/clip.mp4").status_code == 403
    renamed = job["download_url"].rsplit("/", 1)[0] + "/other.mp4"
    assert http.get(renamed).status_code == 404


@pytest.fixture
def own_job(api):
    return completed_job(api, CLIP)


def test_the_file_log_keeps_request_headers_verbatim(sandbox, own_job, http):
    job = own_job
    sandbox.admin.clear_log()
    http.get(job["download_url"], headers={"Authorization": "Bearer vc_leaked", "X-Trace": "1"})
    (entry,) = sandbox.admin.log("files")
    assert entry["headers"]["authorization"] == "Bearer vc_leaked"
    assert entry["headers"]["x-trace"] == "1"
    assert (entry["method"], entry["status"]) == ("GET", 200)
    assert entry["path"] == "/files/" + job["download_url"].split("/files/", 1)[1]


def test_a_file_drop_cuts_the_body_after_that_many_bytes_once(sandbox, own_job, http):
    job = own_job
    sandbox.admin.file_faults(drop_after_bytes=100_000, count=1)
    received = bytearray()
    with pytest.raises(httpx.RemoteProtocolError):
        with http.stream("GET", job["download_url"]) as response:
            for piece in response.iter_raw():
                received += piece
    whole = http.get(job["download_url"]).content
    assert sha256(whole) == job["sha256"]
    assert bytes(received) == whole[:100_000]


def test_a_throttle_slows_downloads_until_lifted(sandbox, own_job, http):
    job = own_job
    sandbox.admin.file_faults(bytes_per_second=400_000)
    started = time.monotonic()
    http.get(job["download_url"], headers={"Range": "bytes=0-199999"})
    assert time.monotonic() - started >= 0.4
    sandbox.admin.file_faults(bytes_per_second=0)
    started = time.monotonic()
    assert len(http.get(job["download_url"]).content) == SIZE
    assert time.monotonic() - started < 0.4
