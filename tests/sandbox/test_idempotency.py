"""Idempotency-Key on POST /v1/download: a re-send gets the same job and is charged once."""

from __future__ import annotations

import json

from .conftest import api_client
from .helpers import finished_job, submit, wait_until

VIDEO = "https://example.com/watch/clip"
REUSED = {
    "detail": "This Idempotency-Key was already used for a different request",
    "code": "conflict",
}


def post(api, body, key=None):
    headers = {} if key is None else {"Idempotency-Key": key}
    return api.post("/v1/download", json=body, headers=headers)


def test_a_resent_key_gets_the_same_job_as_it_is_now_and_is_charged_once(sandbox, api):
    first = post(api, {"url": VIDEO}, "intent-1")
    assert first.status_code == 202
    job_id = first.json()["job_id"]
    finished_job(api, job_id)
    sandbox.admin.set_credits(0)  # a re-send costs nothing, so it cannot be refused for credits
    again = post(api, {"url": VIDEO}, "intent-1")
    assert again.status_code == 202
    assert again.json()["job_id"] == job_id
    assert again.json()["status"] == "completed"  # its current state, not the first answer's
    assert sandbox.admin.jobs_for_url(VIDEO) == 1
    assert sandbox.admin.state()["credits"] == 0
    assert sandbox.admin.idempotency_keys_for_url(VIDEO) == ["intent-1", "intent-1"]


def test_key_order_and_spacing_do_not_make_a_body_different(sandbox, api):
    job_id = post(api, {"url": VIDEO, "audio_only": True}, "k").json()["job_id"]
    raw = json.dumps({"audio_only": True, "url": VIDEO}, indent=2)
    headers = {"Idempotency-Key": "k", "Content-Type": "application/json"}
    again = api.post("/v1/download", content=raw, headers=headers)
    assert (again.status_code, again.json()["job_id"]) == (202, job_id)
    assert sandbox.admin.jobs_for_url(VIDEO) == 1


def test_the_same_key_for_another_body_is_409_and_makes_nothing(sandbox, api):
    post(api, {"url": VIDEO}, "k")
    for other in ({"url": VIDEO + "/2"}, {"url": VIDEO, "audio_only": True}):
        refused = post(api, other, "k")
        assert refused.status_code == 409
        assert refused.json() == REUSED
    assert sandbox.admin.state()["jobs"] == 1
    assert sandbox.admin.state()["credits"] == 98


def test_a_refused_request_does_not_bind_its_key(sandbox, api):
    sandbox.admin.set_credits(1)
    assert post(api, {"url": VIDEO}, "k").status_code == 402
    assert post(api, {"url": 42}, "k").status_code == 422
    assert post(api, {"url": "https://example.com/conflict/1"}, "k").status_code == 409
    sandbox.admin.set_credits(10)
    made = post(api, {"url": VIDEO}, "k")  # the key is still free: a new job
    assert made.status_code == 202
    assert post(api, {"url": VIDEO}, "k").json()["job_id"] == made.json()["job_id"]
    assert sandbox.admin.jobs_for_url(VIDEO) == 1
    assert sandbox.admin.state()["credits"] == 8


def test_without_a_key_every_post_makes_a_job(sandbox, api):
    first, second = submit(api, VIDEO), submit(api, VIDEO)
    assert first["job_id"] != second["job_id"]
    assert sandbox.admin.jobs_for_url(VIDEO) == 2
    assert sandbox.admin.idempotency_keys_for_url(VIDEO) == [None, None]


def test_keys_are_bound_per_api_key(sandbox, api):
    sandbox.admin.add_key("vc_second_key")
    with api_client(sandbox, "vc_second_key") as second:
        mine = post(api, {"url": VIDEO}, "k").json()["job_id"]
        theirs = post(second, {"url": VIDEO}, "k").json()["job_id"]
    assert mine != theirs
    assert sandbox.admin.jobs_for_url(VIDEO) == 2


def test_a_key_is_free_again_once_its_time_is_up(make_sandbox):
    sandbox = make_sandbox(idempotency_seconds=0.3)
    with api_client(sandbox) as api:
        first = post(api, {"url": VIDEO}, "k").json()["job_id"]
        # Re-sends before the expiry are replays (free), so probing by re-sending is harmless.
        wait_until(lambda: post(api, {"url": VIDEO}, "k").json()["job_id"] != first)
    assert sandbox.admin.jobs_for_url(VIDEO) == 2
    assert sandbox.admin.state()["credits"] == 96


def test_a_reply_lost_after_the_job_was_made_is_recovered_by_resending_the_key(sandbox, api):
    lost = {"after_processing": True, "status": 504, "body": "<h1>Gateway Timeout</h1>"}
    sandbox.admin.queue_faults("/v1/download", [lost])
    assert post(api, {"url": VIDEO}, "intent-7").status_code == 504
    resent = post(api, {"url": VIDEO}, "intent-7")
    assert resent.status_code == 202
    (listed,) = api.get("/v1/jobs").json()["jobs"]
    assert resent.json()["job_id"] == listed["job_id"]
    assert sandbox.admin.jobs_for_url(VIDEO) == 1
    assert sandbox.admin.state()["credits"] == 98


def test_the_url_report_over_http(sandbox, api, http):
    post(api, {"url": VIDEO}, "k")
    post(api, {"url": VIDEO}, "k")
    submit(api, VIDEO)
    submit(api, VIDEO + "/other")
    report = http.get(f"{sandbox.api_base}/_sandbox/for-url", params={"url": VIDEO}).json()
    assert report == {"url": VIDEO, "posts": 3, "jobs": 2, "idempotency_keys": ["k", "k", None]}
    assert http.get(f"{sandbox.api_base}/_sandbox/for-url").status_code == 400
