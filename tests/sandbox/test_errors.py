"""Every documented error is reachable, with exactly the documented body."""

from __future__ import annotations

import pytest

from .conftest import api_client
from .helpers import submit

VIDEO = "https://example.com/watch/clip"


def test_missing_or_unknown_key_is_401_without_code(sandbox, http):
    expected = {"detail": "Invalid or missing API key"}
    no_key = http.post(f"{sandbox.api_base}/v1/download", json={"url": VIDEO})
    with api_client(sandbox, key="vc_not_a_real_key") as stranger:
        unknown = stranger.post("/v1/download", json={"url": VIDEO})
    basic = http.get(f"{sandbox.api_base}/v1/jobs", headers={"Authorization": "Basic abc"})
    assert [r.status_code for r in (no_key, unknown, basic)] == [401, 401, 401]
    assert no_key.json() == unknown.json() == basic.json() == expected
    assert sandbox.admin.state()["jobs"] == 0


def test_deactivated_key_is_403_forbidden_until_reactivated(sandbox, api):
    sandbox.admin.set_key_active(sandbox.api_key, False)
    refused = api.get("/v1/jobs")
    sandbox.admin.set_key_active(sandbox.api_key, True)
    assert refused.status_code == 403
    assert refused.json() == {"detail": "API key is deactivated", "code": "forbidden"}
    assert api.get("/v1/jobs").status_code == 200


def test_insufficient_credits_is_402_with_required_and_available(sandbox, api):
    sandbox.admin.set_credits(1)
    video = api.post("/v1/download", json={"url": VIDEO})
    assert video.status_code == 402
    assert video.json() == {
        "detail": "Insufficient credits",
        "code": "insufficient_credits",
        "required": 2,
        "available": 1,
    }
    submit(api, VIDEO, audio_only=True)  # audio costs 1: still affordable
    info = api.get("/v1/info", params={"url": VIDEO})
    assert info.status_code == 402
    assert (info.json()["required"], info.json()["available"]) == (1, 0)


def test_a_nocredits_link_is_refused_as_if_the_balance_were_empty(sandbox, api):
    before = sandbox.admin.state()["credits"]
    refused = api.post("/v1/download", json={"url": "https://example.com/watch/nocredits-1"})
    assert refused.status_code == 402
    assert refused.json() == {"detail": "Insufficient credits", "code": "insufficient_credits",
                              "required": 2, "available": 0}
    assert sandbox.admin.state()["credits"] == before  # nothing was taken
    submit(api, VIDEO)  # the real balance still pays for other links


def test_unsupported_url_is_404_without_code_and_costs_nothing(sandbox, api):
    before = sandbox.admin.state()["credits"]
    response = api.post("/v1/download", json={"url": "https://unsupported.example/v/1"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Could not extract info from URL: Unsupported URL"}
    assert sandbox.admin.state()["credits"] == before


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("https://example.com/badrequest/1", 400, "bad_request"),
        ("https://example.com/conflict/1", 409, "conflict"),
    ],
)
def test_trigger_urls_answer_their_documented_code(sandbox, api, url, status, code):
    before = sandbox.admin.state()["credits"]
    response = api.post("/v1/download", json={"url": url})
    assert response.status_code == status
    assert response.json()["code"] == code
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]
    assert sandbox.admin.state()["credits"] == before


def test_missing_url_is_the_documented_422_list(api):
    response = api.post("/v1/download", json={})
    assert response.status_code == 422
    assert response.json() == {
        "detail": [{"loc": ["body", "url"], "msg": "field required", "type": "value_error.missing"}]
    }


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"url": "ftp://example.com/v.mp4"}, ["body", "url"]),
        ({"url": "not a url"}, ["body", "url"]),
        ({"url": 42}, ["body", "url"]),
        ({"url": VIDEO, "format": "avi"}, ["body", "format"]),
        ({"url": VIDEO, "quality": "8k"}, ["body", "quality"]),
        ({"url": VIDEO, "audio_only": "yes"}, ["body", "audio_only"]),
        ([VIDEO], ["body"]),
    ],
)
def test_invalid_fields_are_422_with_a_field_error_each(sandbox, api, body, loc):
    response = api.post("/v1/download", json=body)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == loc
    assert error["msg"] and error["type"]
    assert sandbox.admin.state()["jobs"] == 0


def test_malformed_json_is_422(api):
    response = api.post(
        "/v1/download", content=b'{"url": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


@pytest.mark.parametrize("params", [{"limit": 101}, {"limit": 0}, {"limit": "x"}, {"cursor": "zz"}])
def test_bad_paging_parameters_are_422(api, params):
    response = api.get("/v1/jobs", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_unknown_job_is_404_not_found(api):
    response = api.get("/v1/jobs/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
    assert response.json() == {"detail": "Job not found", "code": "not_found"}


def test_unknown_endpoint_is_404_with_a_detail(api):
    response = api.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
