"""Job lifecycle, credits, failures and paging on /v1/jobs."""

from __future__ import annotations

import hashlib

from .conftest import api_client
from .helpers import completed_job, finished_job, submit, wait_until

VIDEO = "https://example.com/watch/clip"


def test_a_job_moves_from_queued_through_processing_to_completed(make_sandbox, http):
    sandbox = make_sandbox(job_seconds=0.6)
    with api_client(sandbox) as api:
        job = submit(api, "https://example.com/videos/cat.mp4?size=4096")
        seen = [(job["status"], job["progress"])]

        def look() -> dict | None:
            current = api.get(f"/v1/jobs/{job['job_id']}").json()
            seen.append((current["status"], current["progress"]))
            return current if current["status"] == "completed" else None

        current = wait_until(look, timeout=5, interval=0.01)
    statuses = [status for status, _ in seen]
    assert statuses[0] == "queued"
    assert "processing" in statuses
    order = ["queued", "processing", "completed"]
    assert [order.index(s) for s in statuses] == sorted(order.index(s) for s in statuses)
    progress = [p for _, p in seen]
    assert progress == sorted(progress) and progress[-1] == 100
    assert len({p for s, p in seen if s == "processing"}) > 1  # it grows while processing

    assert current["job_id"] == job["job_id"] and current["job_type"] == "download"
    assert current["url"] == "https://example.com/videos/cat.mp4?size=4096"
    assert current["filename"] == "cat.mp4" and current["file_size"] == 4096
    assert current["download_url"].startswith(sandbox.file_base + "/files/")
    assert current["completed_at"] >= current["created_at"]
    assert current["expires_at"] > current["completed_at"]
    assert current["credits_used"] == 2 and "error" not in current
    download = http.get(current["download_url"])
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == current["sha256"]


def test_video_costs_two_credits_and_audio_one(sandbox, api):
    submit(api, VIDEO)
    assert sandbox.admin.state()["credits"] == 98
    audio = submit(api, VIDEO, audio_only=True)
    assert sandbox.admin.state()["credits"] == 97
    assert audio["credits_used"] == 1


def test_a_failing_job_ends_failed_and_gives_its_credits_back(sandbox, api):
    job = submit(api, "https://example.com/fail/1")
    assert sandbox.admin.state()["credits"] == 98  # charged when accepted
    failed = finished_job(api, job["job_id"])
    assert failed["status"] == "failed"
    assert failed["error"] == {
        "detail": "The video platform returned an error",
        "code": "upstream_error",
    }
    assert "download_url" not in failed
    assert sandbox.admin.state()["credits"] == 100


def test_the_refund_arrives_even_if_nobody_looks_at_the_job(sandbox, api):
    submit(api, "https://example.com/fail/1")
    wait_until(lambda: sandbox.admin.state()["credits"] == 100)


def test_admin_can_make_the_next_jobs_fail(sandbox, api):
    sandbox.admin.fail_next_jobs(1)
    doomed = submit(api, VIDEO)
    healthy = submit(api, VIDEO)
    assert finished_job(api, doomed["job_id"])["status"] == "failed"
    assert finished_job(api, healthy["job_id"])["status"] == "completed"
    assert sandbox.admin.state()["credits"] == 98


def test_a_slow_job_takes_longer(make_sandbox):
    with api_client(make_sandbox(job_seconds=0.1)) as api:
        slow = submit(api, "https://example.com/slow/1")
        completed_job(api, VIDEO)
        assert api.get(f"/v1/jobs/{slow['job_id']}").json()["status"] != "completed"
        assert finished_job(api, slow["job_id"])["status"] == "completed"


def test_each_look_at_a_completed_job_signs_a_fresh_working_link(sandbox, api, http):
    job = completed_job(api, VIDEO)
    again = api.get(f"/v1/jobs/{job['job_id']}").json()
    assert again["download_url"] != job["download_url"]
    for url in (job["download_url"], again["download_url"]):
        assert http.get(url).status_code == 200


def test_jobs_are_listed_newest_first_in_pages(sandbox, api):
    ids = [submit(api, f"{VIDEO}/{n}")["job_id"] for n in range(5)]
    pages, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = api.get("/v1/jobs", params=params).json()
        pages.append([job["job_id"] for job in body["jobs"]])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == [ids[4:2:-1], ids[2:0:-1], ids[0:1]]
    everything = api.get("/v1/jobs").json()
    assert [job["job_id"] for job in everything["jobs"]] == ids[::-1]
    assert everything["next_cursor"] is None


def test_info_costs_one_credit_and_describes_the_video(sandbox, api):
    response = api.get("/v1/info", params={"url": "https://example.com/v/dog.mp4"})
    assert response.status_code == 200
    info = response.json()
    assert info["url"] == "https://example.com/v/dog.mp4"
    assert "dog" in info["title"] and info["duration"] > 0
    assert sandbox.admin.state()["credits"] == 99
    assert sandbox.admin.state()["jobs"] == 0


def test_file_names_follow_the_source_url_and_format(make_sandbox):
    def name(url: str, **fields: object) -> str:
        with api_client(make_sandbox(job_seconds=0.02)) as api:
            return completed_job(api, url, **fields)["filename"]

    assert name("https://example.com/") == "video.mp4"
    assert name("https://example.com/watch/My%20Clip%20(1).webm") == "My_Clip_1.mp4"
    assert name("https://example.com/a/..%2F..%2Fevil") == "evil.mp4"
    assert name("https://example.com/talk", audio_only=True) == "talk.mp3"
    assert name("https://example.com/talk", format="m4a") == "talk.m4a"
    assert name("https://example.com/talk", format="webm") == "talk.webm"
