"""A signed download link never reaches the log file: not its path token, not its query. A real
download from the sandbox's file origin (token in the path) with logging set up as the app does,
at INFO and at DEBUG; the host stays readable."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import pytest

from app.engine.model import ItemState
from app.logs import redact, setup_logging
from app.sandbox import run_in_thread
from tests.integration.engine_harness import only, running_engine, wait_for


@pytest.fixture(scope="module")
def sandbox():
    with run_in_thread(plan="business", credits=1000, job_seconds=0.2, default_size=100_000) as server:
        yield server


pytestmark = pytest.mark.usefixtures("restore_root_logger")


@pytest.mark.asyncio
@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
async def test_a_download_link_is_logged_with_its_host_only(sandbox, tmp_path, level):
    log_file = setup_logging(tmp_path / "logs", level)
    link = f"https://example.com/watch/private-{level}?v=secret{level}"

    async with running_engine(sandbox, tmp_path) as engine:
        engine.add_urls([link])
        item = await wait_for(lambda: only(engine.items).state is ItemState.COMPLETED and only(engine.items),
                              what="the download")
    for handler in logging.getLogger().handlers:
        handler.flush()

    served = [entry for entry in sandbox.admin.log("files") if entry["path"].startswith("/files/")]
    assert served, "no download happened"
    token = served[-1]["path"].split("/")[2]
    assert len(token) >= 16
    text = log_file.read_text(encoding="utf-8")
    file_host = urlsplit(sandbox.file_base).netloc
    # httpx writes one INFO line per request: it is there, but cut down to the host.
    assert f"HTTP Request: GET http://{file_host}/… " in text
    assert token not in text and "/files/" not in text
    assert f"secret{level}" not in text and "/watch/" not in text
    assert item.job_id  # the job itself may be named; only links are cut


@pytest.mark.parametrize("line, expected", [
    ('HTTP Request: GET https://cdn.example.net/f/AbC123tok/clip.mp4?sig=zz&exp=9 "HTTP/1.1 200 OK"',
     'HTTP Request: GET https://cdn.example.net/… "HTTP/1.1 200 OK"'),
    ("proxy http://user:pa55@proxy.corp:3128/ refused", "proxy http://…@proxy.corp:3128 refused"),
    ("bad link ('https://h.example/dl?token=vc_abc#frag')", "bad link ('https://h.example/…')"),
    ("service at https://videoconduit.com/ answered", "service at https://videoconduit.com answered"),
    ("no link here, only /files/tok", "no link here, only /files/tok"),
])
def test_redact_cuts_every_web_address_to_its_host(line, expected):
    assert redact(line) == expected
