"""The native-messaging protocol as browsers speak it: 4-byte native-order length + UTF-8 JSON,
both ways, one answer per message; and what the host lets through to the queue's owner."""

from __future__ import annotations

import io
import json
import struct

import pytest

from app.browser.host import called_by_browser
from app.browser.links import MAX_LINKS, MISREAD_SENTENCE, check_links, scheme_address, scheme_links
from app.browser.native_host import (
    MAX_MESSAGE,
    ProtocolError,
    read_message,
    serve,
    write_message,
)


def frame(message: object) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return struct.pack("=I", len(body)) + body


def frames_of(data: bytes) -> list[dict]:
    out, stream = [], io.BytesIO(data)
    while (message := read_message(stream)) is not None:
        out.append(message)
    return out


class Trickle(io.RawIOBase):
    """A pipe that hands over one byte per read, as a slow or busy browser may."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(1 if size != 0 else 0)


class Deliveries:
    def __init__(self, reply: dict | None = None) -> None:
        self.calls: list[list[str]] = []
        self.reply = reply or {"ok": True, "queued": 1, "skipped": 0, "held": 0}

    def __call__(self, links: list[str]) -> dict:
        self.calls.append(links)
        return dict(self.reply, queued=len(links))


def run_host(data: bytes, deliver: Deliveries | None = None) -> tuple[int, list[dict], Deliveries]:
    deliver = deliver or Deliveries()
    out = io.BytesIO()
    code = serve(io.BytesIO(data) if isinstance(data, bytes) else data, out, deliver)
    return code, frames_of(out.getvalue()), deliver


def test_a_reply_is_framed_with_a_native_order_length_and_utf8_json():
    out = io.BytesIO()
    write_message(out, {"ok": False, "reason": "Ünïcode ✓"})
    data = out.getvalue()
    (length,) = struct.unpack("=I", data[:4])
    assert length == len(data) - 4
    assert json.loads(data[4:].decode("utf-8")) == {"ok": False, "reason": "Ünïcode ✓"}


def test_every_message_gets_one_answer_in_order():
    data = frame({"urls": ["https://a.example/1"]}) + frame({"urls": ["https://b.example/2",
                                                                      "https://c.example/3"]})
    code, replies, deliver = run_host(data)
    assert code == 0
    assert deliver.calls == [["https://a.example/1"], ["https://b.example/2", "https://c.example/3"]]
    assert [r["queued"] for r in replies] == [1, 2]


def test_a_message_split_into_single_bytes_is_read_whole():
    data = frame({"urls": ["https://a.example/watch?v=1"], "title": "A", "source": "context-menu"})
    code, replies, deliver = run_host(Trickle(data))  # type: ignore[arg-type]
    assert code == 0 and replies[0]["ok"] is True
    assert deliver.calls == [["https://a.example/watch?v=1"]]


def test_a_stream_that_ends_mid_message_is_left_without_queuing_anything():
    data = frame({"urls": ["https://a.example/1"]})
    code, replies, deliver = run_host(data[:-3])
    assert (code, replies, deliver.calls) == (0, [], [])


def test_a_message_over_one_megabyte_is_refused_and_the_host_stops():
    body = json.dumps({"urls": ["https://a.example/" + "x" * MAX_MESSAGE]}).encode()
    data = struct.pack("=I", len(body)) + body + frame({"urls": ["https://b.example/"]})
    code, replies, deliver = run_host(data)
    assert code == 1
    assert len(replies) == 1 and replies[0]["ok"] is False
    assert "too large" in replies[0]["reason"]
    assert deliver.calls == []
    with pytest.raises(ProtocolError):
        read_message(io.BytesIO(data))


def test_bad_json_is_answered_and_the_next_message_still_works():
    bad = b"{not json"
    data = struct.pack("=I", len(bad)) + bad + frame({"urls": ["https://a.example/1"]})
    code, replies, deliver = run_host(data)
    assert code == 0
    assert replies[0] == {"ok": False, "reason": replies[0]["reason"]}
    assert "not UTF-8 JSON" in replies[0]["reason"]
    assert replies[1]["ok"] is True and deliver.calls == [["https://a.example/1"]]


@pytest.mark.parametrize("message", [[], "https://a.example/", {"url": "https://a.example/"},
                                     {"urls": []}, {"urls": "https://a.example/"}])
def test_a_message_without_a_list_of_links_is_refused(message):
    code, replies, deliver = run_host(frame(message))
    assert replies[0]["ok"] is False and replies[0]["reason"]
    assert deliver.calls == []


def test_only_web_links_get_through_in_canonical_form_and_the_rest_count_as_skipped():
    urls = ["javascript:alert(1)", "file:///etc/passwd", "ftp://a.example/x", "blob:https://a/x",
            "https://user:pw@a.example/", "https://a.example/x\nhttps://evil.example/",
            "HTTPS://Video.Example:443/watch?v=7&utm_source=mail#t=3", 42,
            "https://video.example/watch?v=7"]
    code, replies, deliver = run_host(frame({"urls": urls}))
    assert deliver.calls == [["https://video.example/watch?v=7"]]
    assert replies[0] == {"ok": True, "queued": 1, "skipped": 7, "held": 0}


def test_a_message_of_only_other_schemes_is_refused_with_a_sentence():
    code, replies, deliver = run_host(frame({"urls": ["javascript:alert(1)", "data:text/html,x"]}))
    assert replies[0] == {"ok": False, "reason": "None of these is a web link (http:// or https://)."}
    assert deliver.calls == []


def test_a_thousand_links_go_in_one_message_and_one_more_is_refused():
    thousand = [f"https://v.example/watch/{i}" for i in range(MAX_LINKS)]
    code, replies, deliver = run_host(frame({"urls": thousand})
                                      + frame({"urls": [*thousand, "https://v.example/x"]}))
    assert deliver.calls == [thousand]
    assert replies[0]["queued"] == MAX_LINKS
    too_many = f"Too many links at once: {MAX_LINKS + 1} (at most {MAX_LINKS})."
    assert replies[1] == {"ok": False, "reason": too_many}


def test_an_owners_refusal_travels_back_as_it_is():
    out = io.BytesIO()
    serve(io.BytesIO(frame({"urls": ["https://a.example/"]})), out,
          lambda links: {"ok": False, "reason": "the owner says no"})
    assert frames_of(out.getvalue()) == [{"ok": False, "reason": "the owner says no"}]


@pytest.mark.parametrize(("argv", "expected"), [
    (["chrome-extension://apjidpmeibgkjefdcngkjknbhleiaoph/"], True),
    (["chrome-extension://apjidpmeibgkjefdcngkjknbhleiaoph/", "--parent-window=0"], True),
    (["/usr/lib/mozilla/native-messaging-hosts/com.videoconduit.desktop.json",
      "desktop@videoconduit.com"], True),
    (["--native-messaging"], True),
    (["https://a.example/"], False),
    (["/tmp/com.videoconduit.desktop.json", "someone-else@example.com"], False),
    ([], False),
])
def test_the_host_mode_is_recognised_from_how_browsers_call_it(argv, expected):
    assert called_by_browser(argv) is expected


def test_scheme_links_carry_percent_encoded_links_both_ways():
    links = ["https://a.example/watch?v=1&list=2", "https://b.example/x y"]
    address = scheme_address(links)
    assert address.startswith("videoconduit://add?url=https%3A%2F%2Fa.example")
    assert scheme_links(address) == links
    assert scheme_links("videoconduit://remove?url=https%3A%2F%2Fa.example") == []
    assert check_links(scheme_links(address)).links == ["https://a.example/watch?v=1&list=2"]


SMUGGLED = [
    # one address that the queue owner, reading lines as text, would split into several links
    "https://evil.example/a,https://www.youtube.com/watch?v=AAAAAAAAAAA;https://vimeo.com/1",
    # or cut short: it would queue a link that was never sent
    "https://video.example/watch?v=1)", "https://video.example/a.", 'https://video.example/a"b',
]


@pytest.mark.parametrize("link", SMUGGLED)
def test_a_link_the_owner_would_read_as_other_links_is_refused(link):
    code, replies, deliver = run_host(frame({"urls": [link]}))
    assert deliver.calls == []
    assert replies[0] == {"ok": False, "reason": MISREAD_SENTENCE}  # says why, and what to do


def test_every_link_handed_over_is_read_back_by_the_owner_as_itself():
    from app.engine.urls import extract_urls

    urls = [*SMUGGLED, "https://en.wikipedia.org/wiki/Python_(language)",
            "https://a.example/redirect?to=https://b.example/x", "https://video.example/watch?v=1"]
    links = check_links(urls).links
    assert links == ["https://en.wikipedia.org/wiki/Python_(language)",
                     "https://a.example/redirect?to=https://b.example/x",
                     "https://video.example/watch?v=1"]
    assert extract_urls("\n".join(links)).urls == links


def test_a_json_null_is_answered_and_the_next_message_still_works():
    code, replies, deliver = run_host(frame(None) + frame({"urls": ["https://a.example/1"]}))
    assert replies[0] == {"ok": False, "reason": "The message is not a JSON object."}
    assert replies[1]["ok"] is True and deliver.calls == [["https://a.example/1"]]


def test_a_queue_that_cannot_be_reached_is_answered_with_a_sentence(tmp_path, monkeypatch):
    from app.browser import native_host

    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    monkeypatch.setenv("VIDEOCONDUIT_DATA_DIR", str(not_a_folder))
    monkeypatch.setattr(native_host, "start_app", lambda: True)  # no app to start in a unit test
    out = io.BytesIO()
    code = serve(io.BytesIO(frame({"urls": ["https://a.example/1"]})), out, native_host.deliver_to_app)
    assert code == 0
    assert frames_of(out.getvalue()) == [
        {"ok": False, "reason": "VideoConduit Desktop's queue could not be reached (File exists)."}]
