"""Faults answered after the real handler ran (the job exists and is charged, the reply is
lost or odd), and drips: replies whose body trickles in one byte at a time."""

from __future__ import annotations

import concurrent.futures
import time

import httpx
import pytest

from .conftest import api_client
from .helpers import wait_until

VIDEO = "https://example.com/watch/clip"


def post(api):
    return api.post("/v1/download", json={"url": VIDEO})


def assert_one_job_charged(sandbox, api) -> str:
    """Exactly one job exists for VIDEO, charged once, and the list shows it."""
    assert sandbox.admin.jobs_for_url(VIDEO) == 1
    assert sandbox.admin.state()["credits"] == 98
    (job,) = api.get("/v1/jobs").json()["jobs"]
    return job["job_id"]


def test_a_gateway_504_html_page_after_processing(sandbox, api):
    page = "<html><body><h1>504 Gateway Time-out</h1></body></html>"
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True, "status": 504, "body": page}])
    response = post(api)
    assert (response.status_code, response.text) == (504, page)
    assert response.headers["Content-Type"].startswith("text/html")
    assert_one_job_charged(sandbox, api)


def test_a_303_redirect_after_processing(sandbox, api):
    fault = {"after_processing": True, "status": 303, "headers": {"Location": "/v1/elsewhere"}}
    sandbox.admin.queue_faults("/v1/download", [fault])
    response = post(api)  # httpx does not follow redirects unless asked
    assert (response.status_code, response.headers["Location"]) == (303, "/v1/elsewhere")
    assert_one_job_charged(sandbox, api)


def test_a_dropped_connection_after_processing(sandbox, api):
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True, "drop": True}])
    with pytest.raises(httpx.RemoteProtocolError):
        post(api)
    assert_one_job_charged(sandbox, api)


def test_a_40_second_delay_after_processing_outlasts_the_client(sandbox):
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True, "delay": 40}])
    with api_client(sandbox) as api:
        api.timeout = httpx.Timeout(10, read=0.5)
        with pytest.raises(httpx.ReadTimeout):
            post(api)
        assert_one_job_charged(sandbox, api)  # made before the delay began


def test_a_delay_after_processing_then_the_real_answer(sandbox, api):
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True, "delay": 1.0}])
    with concurrent.futures.ThreadPoolExecutor(1) as pool, api_client(sandbox) as own:
        pending = pool.submit(post, own)
        wait_until(lambda: sandbox.admin.jobs_for_url(VIDEO) == 1)
        job_seen = time.monotonic()
        response = pending.result(timeout=10)
    # The job existed while the answer was still held back (generous: the machine may be busy).
    assert time.monotonic() - job_seen >= 0.5
    assert response.status_code == 202
    assert "X-RateLimit-Remaining" in response.headers  # the real answer, not a fault
    assert response.json()["job_id"] == assert_one_job_charged(sandbox, api)


def read_slowly(client: httpx.Client, method: str, url: str, **options):
    """(response, body pieces, seconds from the headers to the end of the body)."""
    with client.stream(method, url, **options) as response:
        headers_at = time.monotonic()
        pieces = [piece for piece in response.iter_raw() if piece]
        return response, pieces, time.monotonic() - headers_at


def test_a_drip_sends_the_real_answer_one_byte_at_a_time(sandbox, api):
    expected = api.get("/v1/jobs/unknown")
    sandbox.admin.queue_faults("/v1/jobs/", [{"drip": 0.02}])
    response, pieces, seconds = read_slowly(api, "GET", "/v1/jobs/unknown")
    body = b"".join(pieces)
    assert response.status_code == 404 and body == expected.content
    assert int(response.headers["Content-Length"]) == len(body)  # known before the body
    assert len(pieces) > 1 and seconds >= 0.02 * (len(body) - 1)


def test_a_drip_of_a_fault_body_after_processing(sandbox, api):
    fault = {"after_processing": True, "status": 502, "body": "<h1>Bad Gateway</h1>", "drip": 0.02}
    sandbox.admin.queue_faults("/v1/download", [fault])
    response, pieces, seconds = read_slowly(api, "POST", "/v1/download", json={"url": VIDEO})
    assert (response.status_code, b"".join(pieces)) == (502, b"<h1>Bad Gateway</h1>")
    assert response.headers["Content-Length"] == "20"
    assert len(pieces) > 1 and seconds >= 0.02 * 19
    assert_one_job_charged(sandbox, api)


def test_a_bad_drip_is_refused(sandbox, http):
    fault = {"path": "/v1/jobs", "responses": [{"drip": -1}]}
    assert http.post(f"{sandbox.api_base}/_sandbox/faults", json=fault).status_code == 400
