"""h11 with the pass-through receive buffer: the same events as with h11's own buffer for any
way the bytes are cut into pieces, and a body piece received into an empty buffer is handed on
as the very object received (no copy)."""

from __future__ import annotations

import random

import h11
import h11._connection
import h11._receivebuffer
import pytest

from app.engine import body_pieces
from app.engine.body_pieces import PassThroughBuffer

BODY = random.Random(5).randbytes(300_000)
LENGTH_FRAMED = (b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Type: video/mp4\r\n\r\n"
                 % len(BODY) + BODY)
CHUNKED = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
           + b"".join(b"%x\r\n%s\r\n" % (len(part), part)
                      for part in (BODY[:70_000], BODY[70_000:70_001], BODY[70_001:]))
           + b"0\r\nX-Trailer: 1\r\n\r\n")
NEXT = b"HTTP/1.1 204 No Content\r\n\r\n"


def events_for(buffer_class: type, stream: bytes, cuts: list[int],
               monkeypatch: pytest.MonkeyPatch) -> tuple[list, list[tuple[bytes, bytes]]]:
    """Every event of two requests' responses (stream holds both), fed in the given pieces;
    and for each Data event, (the piece it arrived in, its data)."""
    monkeypatch.setattr(h11._connection, "ReceiveBuffer", buffer_class)
    conn = h11.Connection(h11.CLIENT)
    conn.send(h11.Request(method="GET", target="/", headers=[("Host", "x")]))
    conn.send(h11.EndOfMessage())
    events: list = []
    seen: list[tuple[bytes, bytes]] = []
    bounds = [0, *sorted(set(cuts)), len(stream)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = stream[start:end]
        conn.receive_data(piece)
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                break
            if event is h11.PAUSED:  # the first response is done: ask for the second
                conn.start_next_cycle()
                conn.send(h11.Request(method="GET", target="/2", headers=[("Host", "x")]))
                conn.send(h11.EndOfMessage())
                continue
            if isinstance(event, h11.Data):
                seen.append((piece, event.data))
            events.append(event)
    return events, seen


def as_comparable(events: list) -> list:
    return [(type(e).__name__, bytes(e.data)) if isinstance(e, h11.Data) else e for e in events]


@pytest.mark.parametrize("framing", [LENGTH_FRAMED, CHUNKED], ids=["length", "chunked"])
@pytest.mark.parametrize("seed", range(6))
def test_the_same_events_as_h11s_own_buffer_however_the_bytes_are_cut(framing, seed,
                                                                        monkeypatch):
    stream = framing + NEXT
    rng = random.Random(seed)
    cuts = [rng.randrange(1, len(stream)) for _ in range(rng.choice((1, 5, 40)))]
    original, _ = events_for(h11._receivebuffer.ReceiveBuffer, stream, cuts, monkeypatch)
    passed, _ = events_for(PassThroughBuffer, stream, cuts, monkeypatch)
    assert as_comparable(passed) == as_comparable(original)
    body = b"".join(bytes(e.data) for e in passed if isinstance(e, h11.Data))
    assert body == BODY
    assert isinstance(passed[-1], h11.EndOfMessage) and passed[-2].status_code == 204


def test_a_body_piece_into_an_empty_buffer_is_handed_on_uncopied(monkeypatch):
    head = len(LENGTH_FRAMED) - len(BODY)
    cuts = [head + 10, head + 100_000, head + 200_000]  # the head and 10 body bytes, then pieces
    _, seen = events_for(PassThroughBuffer, LENGTH_FRAMED + NEXT, cuts, monkeypatch)
    later = seen[1:]  # the first body bytes came with the head, through h11's own buffer
    assert len(later) == 3
    assert all(data is piece for piece, data in later[:2])
    assert later[2][1] == BODY[200_000:] and later[2][1] is not later[2][0]  # NEXT follows


def test_the_file_client_installs_it():
    from app.engine.transfer import make_file_client

    make_file_client()
    assert body_pieces.installed()
    assert h11._connection.ReceiveBuffer is PassThroughBuffer
