"""Queued response faults on both origins, through ``server.admin`` and over HTTP."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from .helpers import completed_job

VIDEO = "https://example.com/watch/clip"


def test_a_fault_answers_once_with_its_status_and_html_body(sandbox, api):
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    sandbox.admin.queue_faults("/v1/download", [{"status": 502, "body": page}])
    faulted = api.post("/v1/download", json={"url": VIDEO})
    assert faulted.status_code == 502
    assert faulted.text == page
    assert faulted.headers["Content-Type"].startswith("text/html")
    assert sandbox.admin.state()["jobs"] == 0  # the service never saw it
    assert api.post("/v1/download", json={"url": VIDEO}).status_code == 202


def test_a_truncated_json_body_is_sent_as_is(sandbox, api):
    sandbox.admin.queue_faults("/v1/jobs", [{"status": 200, "body": '{"jobs": [{"job_id": "ab'}])
    response = api.get("/v1/jobs")
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_faults_answer_in_order_and_only_for_the_given_method(sandbox, api):
    sandbox.admin.queue_faults(
        "/v1/jobs",
        [{"status": 503, "json": {"detail": "busy"}}, {"status": 500}],
        method="GET",
    )
    assert api.post("/v1/download", json={"url": VIDEO}).status_code == 202
    first, second, third = (api.get("/v1/jobs") for _ in range(3))
    assert (first.status_code, first.json()) == (503, {"detail": "busy"})
    assert (second.status_code, second.content) == (500, b"")
    assert third.status_code == 200


def test_a_fault_can_carry_headers(sandbox, api):
    fault = {"status": 429, "headers": {"Retry-After": "7"}, "json": {"detail": "slow down"}}
    sandbox.admin.queue_faults("/v1/", [fault])
    response = api.get("/v1/jobs")
    assert (response.status_code, response.headers["Retry-After"]) == (429, "7")


def test_a_dropped_connection_gets_no_answer_at_all(sandbox, api):
    sandbox.admin.queue_faults("/v1/download", [{"drop": True}])
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/v1/download", json={"url": VIDEO})
    assert sandbox.admin.posts_for_url(VIDEO) == 1
    assert sandbox.admin.log("api")[-1]["status"] is None
    assert sandbox.admin.state()["jobs"] == 0


def test_after_processing_the_job_exists_and_is_charged_but_the_reply_is_lost(sandbox, api):
    sandbox.admin.queue_faults(
        "/v1/download", [{"after_processing": True, "status": 504, "body": "Gateway Timeout"}]
    )
    response = api.post("/v1/download", json={"url": VIDEO})
    assert (response.status_code, response.text) == (504, "Gateway Timeout")
    state = sandbox.admin.state()
    assert (state["jobs"], state["credits"]) == (1, 98)
    (job,) = api.get("/v1/jobs").json()["jobs"]
    assert job["url"] == VIDEO
    assert sandbox.admin.posts_for_url(VIDEO) == 1


def test_after_processing_can_drop_the_connection_too(sandbox, api):
    sandbox.admin.queue_faults("/v1/download", [{"after_processing": True, "drop": True}])
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/v1/download", json={"url": VIDEO})
    assert sandbox.admin.state()["jobs"] == 1


def test_a_delay_alone_slows_the_real_answer(sandbox, api):
    sandbox.admin.queue_faults("/v1/download", [{"delay": 0.3}])
    started = time.monotonic()
    response = api.post("/v1/download", json={"url": VIDEO})
    assert time.monotonic() - started >= 0.3
    assert response.status_code == 202


def test_the_file_origin_can_be_faulted_too(sandbox, api, http):
    job = completed_job(api, VIDEO)
    sandbox.admin.queue_faults("/files/", [{"status": 503, "body": "<h1>down</h1>"}])
    assert http.get(job["download_url"]).status_code == 503
    assert http.get(job["download_url"]).status_code == 200


def test_faults_can_be_queued_over_http(sandbox, api, http):
    fault = {"path": "/v1/jobs", "responses": [{"status": 500, "json": {"detail": "boom"}}]}
    queued = http.post(f"{sandbox.api_base}/_sandbox/faults", json=fault)
    assert queued.status_code == 200 and queued.json()["pending_faults"] == 1
    assert api.get("/v1/jobs").json() == {"detail": "boom"}
    bad = http.post(f"{sandbox.api_base}/_sandbox/faults", json={"path": "/v1", "responses": [1]})
    assert bad.status_code == 400
    assert http.get(f"{sandbox.api_base}/_sandbox/state").json()["pending_faults"] == 0
