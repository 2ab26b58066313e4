"""Rate limiting: per key, fixed windows, headers on every /v1/ answer, exact 429 body."""

from __future__ import annotations

import math
import time

from .conftest import api_client

LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def test_every_v1_answer_carries_the_headers_and_counts_down(make_sandbox, http):
    sandbox = make_sandbox(plan="free", window_seconds=30)
    started = time.time()
    with api_client(sandbox) as api:
        answers = [
            api.post("/v1/download", json={"url": "https://example.com/v"}),  # 202
            api.post("/v1/download", json={}),  # 422
            api.get("/v1/jobs/unknown"),  # 404
            api.get("/v1/jobs"),  # 200
        ]
    unauthorised = http.get(f"{sandbox.api_base}/v1/jobs")
    assert [r.status_code for r in answers] == [202, 422, 404, 200]
    for response in [*answers, unauthorised]:
        assert all(name in response.headers for name in LIMIT_HEADERS), response.headers
        assert response.headers["X-RateLimit-Limit"] == "10"
    assert [int(r.headers["X-RateLimit-Remaining"]) for r in answers] == [9, 8, 7, 6]
    reset = int(answers[0].headers["X-RateLimit-Reset"])
    assert started + 30 <= reset <= time.time() + 31
    assert all(int(r.headers["X-RateLimit-Reset"]) == reset for r in answers)


def test_over_the_limit_is_429_until_the_window_ends(make_sandbox, http):
    sandbox = make_sandbox(plan="free", window_seconds=1)
    for _ in range(3):  # 401s do not count
        assert http.get(f"{sandbox.api_base}/v1/jobs").status_code == 401
    with api_client(sandbox) as api:
        assert [api.get("/v1/jobs").status_code for _ in range(10)] == [200] * 10
        refused = api.get("/v1/jobs")
        assert refused.status_code == 429
        retry_after = int(refused.headers["Retry-After"])
        reset = int(refused.headers["X-RateLimit-Reset"])
        assert retry_after == 1  # ceil of the (≤ 1 s) rest of the window
        assert math.ceil(time.time()) <= reset <= math.ceil(time.time()) + 1
        assert refused.headers["X-RateLimit-Remaining"] == "0"
        assert refused.json() == {
            "detail": f"Rate limit exceeded. Retry after {retry_after} seconds.",
            "retry_after": retry_after,
        }
        assert api.get("/v1/jobs").status_code == 429  # 429s do not count, nor do they end it
        time.sleep(retry_after)
        again = api.get("/v1/jobs")
        assert again.status_code == 200
        assert again.headers["X-RateLimit-Remaining"] == "9"


def test_each_key_has_its_own_window_and_the_plan_sets_the_limit(make_sandbox):
    sandbox = make_sandbox(plan="free", window_seconds=30)
    sandbox.admin.add_key("vc_second_key")
    with api_client(sandbox) as first, api_client(sandbox, "vc_second_key") as second:
        for _ in range(10):
            first.get("/v1/jobs")
        assert first.get("/v1/jobs").status_code == 429
        assert second.get("/v1/jobs").headers["X-RateLimit-Remaining"] == "9"
        sandbox.admin.set_plan("starter")
        upgraded = first.get("/v1/jobs")
        assert upgraded.status_code == 200
        assert upgraded.headers["X-RateLimit-Limit"] == "60"
        assert upgraded.headers["X-RateLimit-Remaining"] == "49"


def test_admin_and_billing_are_never_rate_limited(make_sandbox):
    sandbox = make_sandbox(plan="free", window_seconds=30)
    with api_client(sandbox) as api:
        for _ in range(10):
            api.get("/v1/jobs")
        assert api.get("/v1/jobs").status_code == 429
        assert api.get("/_sandbox/state").status_code == 200
        assert api.get("/billing").status_code == 200
        assert "X-RateLimit-Limit" not in api.get("/billing").headers

