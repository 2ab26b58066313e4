"""The browser extension's native-messaging host: this app's own executable in host mode.

Browsers start it with the caller as argument (Chromium: ``chrome-extension://<id>/``, Firefox:
the host manifest's path and the add-on id) or by hand with ``--native-messaging``. It speaks the
protocol exactly: each message is a 4-byte length in native byte order, then that many bytes of
UTF-8 JSON, in both directions. Every message gets one answer.

The contract (other tools may use it too):
  request  {"urls": ["https://…", …], "title": "…" (optional), "source": "…" (optional)}
  reply    {"ok": true, "queued": N, "skipped": M, "held": H}
           {"ok": false, "reason": "a sentence for a person"}
"queued" links start at once; "held" ones wait in the window for the person's OK (a setting);
"skipped" ones were already in the queue, repeated or not web links.

It never submits anything: it validates the links and hands them to the process that owns the
queue over the single-instance channel (app.instance), starting the app when none runs. It imports
no Qt and no widgets, so it answers in well under 300 ms when the app is running.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.browser.links import check_links
from app.cli import app_command

MAX_MESSAGE = 1024 * 1024  # what we accept from the browser (Chromium sends at most 4 GiB)
_LENGTH = struct.Struct("=I")  # native byte order, as the browsers write it
STARTUP_WAIT = 30.0  # seconds for a started app to open its hand-off channel

Deliver = Callable[[list[str]], dict[str, Any]]


class ProtocolError(Exception):
    """The stream is no longer in step (a message over the limit): answer once, then stop."""


def read_message(stream: Any) -> Any:
    """The next message decoded from JSON; None at the end of the stream (also mid-message: the
    browser went away). Raises ProtocolError for a message over MAX_MESSAGE and ValueError for
    one that is not UTF-8 JSON (the stream is still in step then)."""
    header = _read_exactly(stream, _LENGTH.size)
    if header is None:
        return None
    (length,) = _LENGTH.unpack(header)
    if length > MAX_MESSAGE:
        raise ProtocolError(f"The message is too large ({length} bytes; at most {MAX_MESSAGE}).")
    body = _read_exactly(stream, length)
    if body is None:
        return None
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"The message is not UTF-8 JSON ({exc}).") from None
    if message is None:  # JSON null: None here means the end of the stream, so answer it now
        raise ValueError("The message is not a JSON object.")
    return message


def write_message(stream: Any, message: dict[str, Any]) -> None:
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    stream.write(_LENGTH.pack(len(body)) + body)
    stream.flush()


def answer(message: Any, deliver: Deliver) -> dict[str, Any]:
    """The reply to one decoded message."""
    if not isinstance(message, dict):
        return refusal("The message is not a JSON object.")
    checked = check_links(message.get("urls"))
    if checked.problem:
        return refusal(checked.problem)
    reply = deliver(checked.links)
    if reply.get("ok"):
        reply["skipped"] = int(reply.get("skipped", 0)) + checked.refused
    return reply


def serve(stdin: Any, stdout: Any, deliver: Deliver) -> int:
    """Answer messages until the browser closes the pipe."""
    while True:
        try:
            message = read_message(stdin)
        except ProtocolError as exc:
            write_message(stdout, refusal(str(exc)))
            return 1
        except ValueError as exc:
            write_message(stdout, refusal(str(exc)))
            continue
        if message is None:
            return 0
        write_message(stdout, answer(message, deliver))


def refusal(reason: str) -> dict[str, Any]:
    return {"ok": False, "reason": reason}


def deliver_to_app(links: list[str]) -> dict[str, Any]:
    """Hand `links` to the queue's owner (starting the app if none runs); its answer as a reply."""
    try:
        return _deliver(links)
    except OSError as exc:  # e.g. a data folder that is a file, a lock file of another user
        # Answer anyway: a host that exits without one makes the extension say "isn't set up".
        return refusal(f"VideoConduit Desktop's queue could not be reached ({exc.strerror or exc}).")


def _deliver(links: list[str]) -> dict[str, Any]:
    from app.instance import EXTENSION, HandOff, QueueBusy, claim_queue, is_owned
    from app.settings import AppPaths

    data_dir = os.environ.get("VIDEOCONDUIT_DATA_DIR")
    paths = AppPaths(Path(data_dir).resolve() if data_dir else None)
    sandbox_first = os.environ.get("VIDEOCONDUIT_SANDBOX") == "1"
    # The real queue, unless only a sandbox session runs (a person trying the demo).
    queues = [paths.sandbox_database, paths.database]
    if not sandbox_first:
        queues.reverse()
    running = [database for database in queues if is_owned(database)]
    wait = None
    if not running:
        if not start_app():
            return refusal("VideoConduit Desktop is not running and could not be started.")
        running, wait = [queues[0]], STARTUP_WAIT
    try:
        claim = claim_queue(running[0], links, source=EXTENSION, own=False,
                            **({"wait": wait} if wait else {}))
    except QueueBusy as busy:
        return refusal(busy.sentence)
    assert isinstance(claim, HandOff)
    reply = claim.reply
    return {"ok": True, "queued": int(reply.get("queued", 0)), "skipped": int(reply.get("skipped", 0)),
            "held": int(reply.get("held", 0))}


def start_app() -> bool:
    """Start the app (its window) detached from the browser: it must outlive this host, and it
    must not write into the browser's message pipe."""
    options: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
                               "stderr": subprocess.DEVNULL, "close_fds": True}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True
    try:
        subprocess.Popen(app_command(), **options)  # noqa: S603 — our own executable
    except OSError as exc:
        print(f"Could not start VideoConduit Desktop: {exc}", file=sys.stderr)
        return False
    return True


def main() -> int:
    """Host mode on the real stdin/stdout (binary, unbuffered by us)."""
    if sys.stdin is None or sys.stdout is None:  # a windowed (GUI) build on Windows
        stdin, stdout = _windows_pipes()
    else:
        stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    return serve(stdin, stdout, deliver_to_app)


def _windows_pipes() -> tuple[Any, Any]:
    """The browser's pipes by their handles: a GUI-subsystem process gets no sys.stdin/stdout.
    (Not exercised by the Linux tests.)"""
    import ctypes
    import msvcrt

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    binary = getattr(os, "O_BINARY", 0)
    read_fd = msvcrt.open_osfhandle(kernel32.GetStdHandle(-10), os.O_RDONLY | binary)  # type: ignore[attr-defined]
    write_fd = msvcrt.open_osfhandle(kernel32.GetStdHandle(-11), binary)  # type: ignore[attr-defined]
    return os.fdopen(read_fd, "rb", buffering=0), os.fdopen(write_fd, "wb", buffering=0)


def _read_exactly(stream: Any, size: int) -> bytes | None:
    """`size` bytes, however the pipe splits them; None when the stream ends first."""
    chunks: list[bytes] = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
