"""The admin controls over HTTP match ``server.admin``; the request log records API bodies."""

from __future__ import annotations

import httpx
import pytest

from .conftest import api_client
from .helpers import completed_job, finished_job, submit

VIDEO = "https://example.com/watch/clip"


@pytest.fixture
def admin_url(sandbox):
    return f"{sandbox.api_base}/_sandbox"


def test_state_credits_and_plan_over_http(sandbox, http, admin_url):
    assert http.post(f"{admin_url}/credits", json={"credits": 7}).json()["credits"] == 7
    assert http.post(f"{admin_url}/credits", json={"add": 5}).json()["credits"] == 12
    state = http.post(f"{admin_url}/plan", json={"plan": "free"}).json()
    assert (state["plan"], state["rate_limit"]) == ("free", 10)
    assert http.get(f"{admin_url}/state").json() == sandbox.admin.state()
    assert set(state) >= {"credits", "plan", "jobs", "keys"}


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("credits", {"credits": "many"}),
        ("credits", {}),
        ("plan", {"plan": "platinum"}),
        ("keys", {"key": "not-a-key"}),
        ("file-faults", {"drop_after_bytes": -1}),
        ("nothing", {}),
    ],
)
def test_bad_admin_requests_are_refused(http, admin_url, path, body):
    assert http.post(f"{admin_url}/{path}", json=body).status_code in (400, 404)


def test_keys_can_be_added_and_deactivated_over_http(sandbox, http, admin_url):
    http.post(f"{admin_url}/keys", json={"key": "vc_other"})
    with api_client(sandbox, "vc_other") as other:
        assert other.get("/v1/jobs").status_code == 200
        http.post(f"{admin_url}/keys", json={"key": "vc_other", "active": False})
        assert other.get("/v1/jobs").status_code == 403
    assert sandbox.admin.state()["keys"] == {sandbox.api_key: True, "vc_other": False}


def test_failures_links_and_file_faults_over_http(sandbox, api, http, admin_url):
    job = completed_job(api, VIDEO)
    assert http.post(f"{admin_url}/fail-next-job", json={"count": 1}).json()["failing_next"] == 1
    assert finished_job(api, submit(api, VIDEO)["job_id"])["status"] == "failed"
    http.post(f"{admin_url}/expire-links")
    assert http.get(job["download_url"]).status_code == 410
    http.post(f"{admin_url}/file-faults", json={"drop_after_bytes": 10})
    fresh = api.get(f"/v1/jobs/{job['job_id']}").json()["download_url"]
    with pytest.raises(httpx.RemoteProtocolError):
        http.get(fresh)


def test_the_log_records_api_requests_with_their_json_bodies(sandbox, api, http, admin_url):
    submit(api, VIDEO, audio_only=True)
    api.get("/v1/jobs", params={"limit": 5})
    entries = http.get(f"{admin_url}/log", params={"origin": "api"}).json()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("POST", "/v1/download", 202),
        ("GET", "/v1/jobs", 200),
    ]
    post, listing = entries
    assert post["json"] == {"url": VIDEO, "audio_only": True}
    assert post["headers"]["authorization"] == f"Bearer {sandbox.api_key}"
    assert listing["query"] == "limit=5" and listing["json"] is None
    assert entries == sandbox.admin.log("api")
    assert http.post(f"{admin_url}/log/clear").status_code == 200
    assert sandbox.admin.log("api") == [] and sandbox.admin.log("files") == []
    assert http.get(f"{admin_url}/log", params={"origin": "mars"}).status_code == 400
