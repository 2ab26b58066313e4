"""A lagging job list: GET /v1/jobs leaves out young jobs, GET /v1/jobs/{id} does not."""

from __future__ import annotations

import time

from .helpers import submit, wait_until

VIDEO = "https://example.com/watch/clip"
LAG = 0.4


def listed(api, **params) -> list[str]:
    return [job["job_id"] for job in api.get("/v1/jobs", params=params).json()["jobs"]]


def test_young_jobs_are_left_out_of_the_list_until_they_are_old_enough(sandbox, api):
    sandbox.admin.set_list_lag(LAG)
    older = submit(api, VIDEO)["job_id"]
    wait_until(lambda: older in listed(api))
    before = time.monotonic()
    younger = submit(api, VIDEO)["job_id"]
    assert listed(api) == [older]
    assert api.get(f"/v1/jobs/{younger}").status_code == 200
    wait_until(lambda: listed(api) == [younger, older])
    assert time.monotonic() - before >= LAG


def test_paging_covers_only_the_listed_jobs(sandbox, api):
    old = [submit(api, f"{VIDEO}/{n}")["job_id"] for n in range(3)]
    sandbox.admin.set_list_lag(LAG)
    wait_until(lambda: len(listed(api)) == 3)
    submit(api, VIDEO)
    first = api.get("/v1/jobs", params={"limit": 2}).json()
    second = api.get("/v1/jobs", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert [job["job_id"] for job in first["jobs"] + second["jobs"]] == old[::-1]
    assert second["next_cursor"] is None


def test_the_lag_is_set_and_lifted_over_http(sandbox, api, http):
    lagging = http.post(f"{sandbox.api_base}/_sandbox/list-lag", json={"seconds": 30})
    assert lagging.json()["list_lag"] == 30
    job_id = submit(api, VIDEO)["job_id"]
    assert listed(api) == []
    http.post(f"{sandbox.api_base}/_sandbox/list-lag", json={"seconds": 0})
    assert listed(api) == [job_id]
    for bad in ({"seconds": -1}, {"seconds": "soon"}, {}):
        assert http.post(f"{sandbox.api_base}/_sandbox/list-lag", json=bad).status_code == 400
