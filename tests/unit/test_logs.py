"""The log file never holds an API key or bearer token, however a call site logs it."""

from __future__ import annotations

import logging

import pytest

from app.logs import LOG_BACKUPS, setup_logging

KEY = "vc_LogTestKey_0123456789-xyz"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.sessiontoken"

log = logging.getLogger("tests.logs")


pytestmark = pytest.mark.usefixtures("restore_root_logger")


def test_keys_are_redacted_in_message_args_and_traceback(tmp_path):
    log_file = setup_logging(tmp_path / "logs", "DEBUG")

    log.info(f"key in the message itself: {KEY}")
    log.info("key as an argument: %s", KEY)
    log.debug("headers: %r", {"Authorization": f"Bearer {KEY}", "X-Other": f"Bearer {TOKEN}"})
    try:
        raise ValueError(f"server said the key {KEY} is invalid")
    except ValueError:
        log.exception("request failed for %s", KEY)
    # The stack text quotes this source line, key and all.
    log.info("with stack", stack_info=True)  # vc_KeyInTheSourceLine123

    text = log_file.read_text(encoding="utf-8")
    assert KEY not in text and TOKEN not in text and "vc_KeyInTheSourceLine123" not in text
    for redacted in [
        "key in the message itself: vc_…redacted",
        "key as an argument: vc_…redacted",
        "{'Authorization': 'Bearer …redacted', 'X-Other': 'Bearer …redacted'}",
        "request failed for vc_…redacted",
        "ValueError: server said the key vc_…redacted is invalid",
        "# vc_…redacted",
    ]:
        assert redacted in text
    assert "Traceback (most recent call last)" in text and "Stack (most recent call last)" in text


def test_stderr_gets_warnings_only_and_redacted(tmp_path, capsys):
    setup_logging(tmp_path, "DEBUG")

    log.info("just information about %s", KEY)
    log.warning("the key %s was refused", KEY)

    err = capsys.readouterr().err
    assert "just information" not in err
    assert "was refused" in err and KEY not in err


def test_a_second_setup_does_not_double_the_output(tmp_path):
    setup_logging(tmp_path, "INFO")
    log_file = setup_logging(tmp_path, "INFO")

    log.info("once please")

    assert log_file.read_text(encoding="utf-8").count("once please") == 1


def test_the_level_is_honoured_and_an_unknown_one_falls_back_to_info(tmp_path):
    log_file = setup_logging(tmp_path, "warning")
    log.info("quiet info")
    log.warning("loud warning")
    setup_logging(tmp_path, "chatty")
    log.debug("debug after fallback")
    log.info("info after fallback")

    text = log_file.read_text(encoding="utf-8")
    assert "quiet info" not in text and "loud warning" in text
    assert "debug after fallback" not in text and "info after fallback" in text
    assert "Unknown log level 'chatty'" in text


def test_a_bad_format_string_is_logged_not_raised(tmp_path):
    log_file = setup_logging(tmp_path, "INFO")

    log.info("expects a number: %d", KEY)

    text = log_file.read_text(encoding="utf-8")
    assert "expects a number" in text and KEY not in text


def test_the_log_is_rotated_and_old_files_are_dropped(tmp_path):
    log_file = setup_logging(tmp_path, "INFO")
    chunk = "x" * 10_000
    for _ in range(600):  # ~6 MB: more than the file plus its backups can hold
        log.info(chunk)

    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [log_file.name] + [f"{log_file.name}.{n}" for n in range(1, LOG_BACKUPS + 1)]
    assert all(p.stat().st_size <= 1_100_000 for p in tmp_path.iterdir())


def test_a_quote_inside_a_download_token_does_not_end_the_redaction():
    from app.logs import redact

    line = ("HTTP Request: GET http://127.0.0.1:38811/files/v1'SECRETPATHTOKEN/clip.mp4"
            "?exp=1&sig=x'SECRETSIGNATURE \"HTTP/1.1 200 OK\"")
    shown = redact(line)
    assert "SECRET" not in shown and "127.0.0.1:38811/…" in shown
    # …while a quote or comma that closes a link is still kept as text.
    assert redact("bad link ('https://h.example/dl?sig=a,b;c')") == "bad link ('https://h.example/…')"
    assert redact("see https://h.example/a?sig=x'y, then") == "see https://h.example/…, then"


def test_debug_does_not_copy_what_a_worker_thread_returns(tmp_path, qtbot, qasync_loop):
    """qasync logs each executor result at DEBUG: the stored queue read at start (50,000 rows,
    one 16 MB line) would rotate every earlier log away."""
    import asyncio

    from tests.ui.conftest import _stop_executor_threads

    log_file = setup_logging(tmp_path / "logs", "DEBUG")
    rows = [f"stored-row-{n}" for n in range(3)]
    read = asyncio.ensure_future(asyncio.to_thread(lambda: rows))
    try:
        qtbot.waitUntil(read.done, timeout=5000)
    finally:
        _stop_executor_threads()
    assert read.result() == rows
    log.debug("our own debug line")

    text = log_file.read_text(encoding="utf-8")
    assert "our own debug line" in text
    assert "stored-row-" not in text
