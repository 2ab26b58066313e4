"""File replies that lie (short or long bodies, other headers, a drip), per-job ETags, and the
``filename=`` trigger that hands the client an exact, possibly hostile, file name."""

from __future__ import annotations

import hashlib
import time
from urllib.parse import quote, unquote

import httpx
import pytest

from .helpers import completed_job

SIZE = 4096
CLIP = f"https://example.com/v/clip.mp4?size={SIZE}"


@pytest.fixture
def job(api):
    return completed_job(api, CLIP)


@pytest.fixture
def full(job, http):
    body = http.get(job["download_url"]).content
    assert hashlib.sha256(body).hexdigest() == job["sha256"]
    return body


def test_truncate_to_sends_a_short_body_that_looks_complete(sandbox, job, full, http):
    sandbox.admin.file_reply(truncate_to=1000)
    short = http.get(job["download_url"])
    assert (short.status_code, short.headers["Content-Length"]) == (200, "1000")
    assert short.content == full[:1000]
    assert http.get(job["download_url"]).content == full  # only the next response


def test_truncate_to_applies_to_a_range_too(sandbox, job, full, http):
    sandbox.admin.file_reply(truncate_to=10)
    part = http.get(job["download_url"], headers={"Range": "bytes=100-"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 100-{SIZE - 1}/{SIZE}"  # still the real one
    assert part.content == full[100:110]


def test_extra_bytes_go_past_the_real_end_with_a_length_covering_them(sandbox, job, full, http):
    sandbox.admin.file_reply(extra_bytes=500)
    long = http.get(job["download_url"])
    assert long.headers["Content-Length"] == str(SIZE + 500)
    assert len(long.content) == SIZE + 500 and long.content[:SIZE] == full
    assert long.content[SIZE:] != bytes(500)  # the pattern goes on: not obviously padding


def test_headers_can_be_replaced_added_and_removed(sandbox, job, http):
    hostile = "attachment; filename*=idna''..%2F..%2F.bashrc"
    overrides = {"Content-Disposition": hostile, "ETag": '"other"', "X-Extra": "1", "Accept-Ranges": None}
    sandbox.admin.file_reply(headers=overrides)
    lying = http.get(job["download_url"])
    assert lying.headers["Content-Disposition"] == hostile
    assert (lying.headers["ETag"], lying.headers["X-Extra"]) == ('"other"', "1")
    assert "Accept-Ranges" not in lying.headers
    honest = http.get(job["download_url"])
    assert honest.headers["ETag"] != '"other"' and honest.headers["Accept-Ranges"] == "bytes"


def test_a_content_length_above_the_body_ends_in_a_closed_connection(sandbox, job, full, http):
    sandbox.admin.file_reply(headers={"Content-Length": str(SIZE + 100)})
    received = bytearray()
    with pytest.raises(httpx.RemoteProtocolError):
        with http.stream("GET", job["download_url"]) as response:
            assert response.headers["Content-Length"] == str(SIZE + 100)
            for piece in response.iter_raw():
                received += piece
    assert bytes(received) == full


def test_a_drip_sends_one_byte_at_a_time(sandbox, api, http):
    small = completed_job(api, "https://example.com/v/tiny?size=20")
    whole = http.get(small["download_url"]).content
    sandbox.admin.file_reply(drip=0.02)
    with http.stream("GET", small["download_url"]) as response:
        headers_at = time.monotonic()
        assert response.headers["Content-Length"] == "20"
        pieces = [piece for piece in response.iter_raw() if piece]
        seconds = time.monotonic() - headers_at
    assert b"".join(pieces) == whole
    assert len(pieces) > 1 and seconds >= 0.02 * 19


def test_replies_go_in_order_to_gets_that_send_a_body(sandbox, job, full, http):
    sandbox.admin.file_reply(2, truncate_to=1)
    sandbox.admin.file_reply(extra_bytes=1)
    assert sandbox.admin.state()["pending_file_replies"] == 3
    etag = http.head(job["download_url"]).headers["ETag"]  # HEAD takes none
    assert http.get(job["download_url"], headers={"If-None-Match": etag}).status_code == 304
    sizes = [len(http.get(job["download_url"]).content) for _ in range(4)]
    assert sizes == [1, 1, SIZE + 1, SIZE]
    assert sandbox.admin.state()["pending_file_replies"] == 0


def test_file_replies_over_http(sandbox, job, http):
    admin = f"{sandbox.api_base}/_sandbox/file-reply"
    queued = http.post(admin, json={"count": 2, "truncate_to": 5, "headers": {"X-Lie": "yes"}})
    assert queued.json()["pending_file_replies"] == 2
    response = http.get(job["download_url"])
    assert (len(response.content), response.headers["X-Lie"]) == (5, "yes")
    for bad in (
        {"truncate_to": -1},
        {"truncate_to": 5, "extra_bytes": 5},
        {"drip": "slowly"},
        {"headers": ["X-Lie"]},
        {"headers": {"Content-Length": "many"}},
        {"headers": {"X-Split": "a\r\nb"}},
    ):
        assert http.post(admin, json=bad).status_code == 400, bad
    assert sandbox.admin.state()["pending_file_replies"] == 1


def test_each_job_has_its_own_etag(api, http):
    first, second = completed_job(api, CLIP), completed_job(api, CLIP)
    etags = {http.head(job["download_url"]).headers["ETag"] for job in (first, second)}
    assert len(etags) == 2


@pytest.mark.parametrize(
    "name",
    ["clip.mp4.part", "../../evil.sh", "..", 'a "quoted" \\ name', "été 1.mp4", "a/b?c#d%e", "x\r\ny"],
)
def test_the_filename_query_names_the_file_exactly(api, http, name):
    job = completed_job(api, f"https://example.com/v?size=64&filename={quote(name, safe='')}")
    assert job["filename"] == name
    response = http.get(job["download_url"])
    assert response.status_code == 200 and len(response.content) == 64
    disposition = response.headers["Content-Disposition"]
    if name.isascii() and name.isprintable():
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        assert disposition == f'attachment; filename="{escaped}"'
    else:
        assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name
