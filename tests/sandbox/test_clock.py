"""The service's clock: every wall time it tells (Date, job timestamps, X-RateLimit-Reset) can be
set off by an offset; every response of both origins carries a Date from that clock."""

from __future__ import annotations

import time
from datetime import datetime
from email.utils import parsedate_to_datetime

from .conftest import api_client
from .helpers import completed_job

VIDEO = "https://example.com/watch/clip?size=2048"
OFFSET = -3 * 3600.0
SLACK = 3.0  # seconds: Date has whole seconds, and the machine may be busy


def told(response) -> float:
    return parsedate_to_datetime(response.headers["Date"]).timestamp()


def iso(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def assert_near(moment: float, expected: float) -> None:
    assert abs(moment - expected) <= SLACK, (moment, expected)


def test_every_response_of_both_origins_carries_the_services_date(make_sandbox, http):
    sandbox = make_sandbox()
    sandbox.admin.set_clock_offset(OFFSET)
    with api_client(sandbox) as api:
        job = completed_job(api, VIDEO)  # three requests
        answers = [
            api.post("/v1/download", json={}),  # 422
            http.get(f"{sandbox.api_base}/v1/jobs"),  # 401
            http.get(job["download_url"]),  # a streamed file
            http.get(f"{sandbox.file_base}/files/nonsense/x.mp4"),  # 403
            http.get(f"{sandbox.file_base}/nowhere"),  # aiohttp's own 404
            http.get(f"{sandbox.api_base}/billing"),
            http.get(f"{sandbox.api_base}/_sandbox/state"),
        ]
        sandbox.admin.queue_faults("/v1/jobs", [{"status": 502, "body": "<h1>Bad Gateway</h1>"}])
        sandbox.admin.queue_faults("/files/", [{"drip": 0.001, "status": 503, "body": "down"}])
        answers += [api.get("/v1/jobs"), http.get(job["download_url"])]
        sandbox.admin.set_plan("free")  # now, so that polling above cannot run into the limit
        while (refused := api.get("/v1/jobs")).status_code != 429:  # the free plan's 10
            answers.append(refused)
        answers.append(refused)
    assert [r.status_code for r in answers[:9]] == [422, 401, 200, 403, 404, 200, 200, 502, 503]
    now = time.time()
    for response in answers:
        assert_near(told(response), now + OFFSET)


def test_a_faults_own_date_is_sent_as_given(sandbox, api):
    date = "Tue, 01 Jan 2030 00:00:00 GMT"
    sandbox.admin.queue_faults("/v1/jobs", [{"status": 200, "headers": {"Date": date}, "json": {}}])
    assert api.get("/v1/jobs").headers["Date"] == date
    assert_near(told(api.get("/v1/jobs")), time.time())


def test_job_times_and_the_rate_limit_reset_follow_the_offset(make_sandbox):
    sandbox = make_sandbox(window_seconds=60)
    sandbox.admin.set_clock_offset(-OFFSET)
    with api_client(sandbox) as api:
        response = api.post("/v1/download", json={"url": VIDEO})
        job = completed_job(api, VIDEO)
    now = time.time() - OFFSET
    assert_near(told(response), now)
    assert_near(int(response.headers["X-RateLimit-Reset"]), now + 60)
    assert_near(iso(job["created_at"]), now)
    assert_near(iso(job["completed_at"]), now)
    assert_near(iso(job["expires_at"]), now + 600)


def test_changing_the_offset_moves_the_times_of_existing_jobs_too(sandbox, api):
    job = completed_job(api, VIDEO)
    sandbox.admin.set_clock_offset(OFFSET)
    again = api.get(f"/v1/jobs/{job['job_id']}").json()
    assert iso(again["created_at"]) - iso(job["created_at"]) == OFFSET
    assert iso(again["completed_at"]) - iso(job["completed_at"]) == OFFSET


def test_the_offset_is_set_over_http(sandbox, api, http):
    admin = f"{sandbox.api_base}/_sandbox/clock-offset"
    assert http.post(admin, json={"seconds": OFFSET}).json()["clock_offset"] == OFFSET
    assert_near(told(api.get("/v1/jobs")), time.time() + OFFSET)
    for bad in ({"seconds": "late"}, {"seconds": True}, {}):
        assert http.post(admin, json=bad).status_code == 400
    http.post(admin, json={"seconds": 0})
    assert_near(told(api.get("/v1/jobs")), time.time())
