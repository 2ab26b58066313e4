"""The sandbox's API-keys page: a person can deactivate and re-activate the demo key."""

import httpx

from app.sandbox import run_in_thread


def test_keys_page_masks_the_key_and_toggles_it():
    with run_in_thread() as sandbox:
        page = httpx.get(f"{sandbox.api_base}/dashboard/keys").text
        assert sandbox.api_key not in page and sandbox.api_key[:6] in page and "active" in page
        auth = {"Authorization": f"Bearer {sandbox.api_key}"}
        httpx.post(f"{sandbox.api_base}/dashboard/keys/toggle", data={"index": "0"})
        assert httpx.get(f"{sandbox.api_base}/v1/jobs", headers=auth).status_code == 403
        httpx.post(f"{sandbox.api_base}/dashboard/keys/toggle", data={"index": "0"})
        assert httpx.get(f"{sandbox.api_base}/v1/jobs", headers=auth).status_code == 200
        assert httpx.post(f"{sandbox.api_base}/dashboard/keys/toggle", data={"index": "9"}).status_code == 400
