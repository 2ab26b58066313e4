"""Logging to a rotated file and stderr, with API keys, bearer tokens and the secret parts of
web addresses redacted on the way out.

The redaction is a filter on every handler, applied to the fully formatted message, the
exception traceback and the stack text, so no call site has to remember not to log a key.
A web address keeps its scheme and host (enough to tell the API from a file host or a proxy);
its path, query and fragment — where a signed download link carries its token — and any
``user:password@`` are cut, at every level. That covers httpx's own INFO line per request
("HTTP Request: GET https://host/…") as well as anything quoted in an error.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

LOG_FILE_NAME = "videoconduit.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Bearer first: it may carry a token of any shape; what is left of a key is caught by the second.
_BEARER = re.compile(r"(Bearer\s+)[^\s'\",;]+", re.IGNORECASE)
_API_KEY = re.compile(r"vc_[A-Za-z0-9_\-]+")
_URL = re.compile(
    r"\b(?P<scheme>https?://)(?P<user>[^\s/?#@'\"<>]*@)?(?P<host>[^\s/?#'\"<>]+)"
    # A quote may be part of a token (httpx leaves ' unescaped): the path runs on past quotes
    # and stops only at a quote that closes it (one followed by a space, bracket or the end).
    r"(?P<rest>[/?#][^\s\"<>]*?(?=['\"]?(?:[\s)\]}]|[,;.](?:\s|$)|$)))?",
    re.IGNORECASE,
)
_OUR_HANDLER = "_videoconduit_handler"


def _short_url(match: re.Match[str]) -> str:
    user = "…@" if match["user"] else ""
    rest = "/…" if match["rest"] and match["rest"] != "/" else ""
    return f"{match['scheme']}{user}{match['host']}{rest}"


def redact_urls(text: str) -> str:
    """`text` with every http(s) address cut down to its scheme and host."""
    return _URL.sub(_short_url, text)


def redact(text: str) -> str:
    """`text` with every API key, bearer token and web address's path and query replaced."""
    text = redact_urls(text)
    text = _BEARER.sub(r"\1…redacted", text)
    return _API_KEY.sub("vc_…redacted", text)


class RedactingFilter(logging.Filter):
    """Rewrites a record in place so that no handler can write a key out.

    The record is shared by all handlers, so the work is done once and the result is stable.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not turn logging into a crash
            message = f"{record.msg} (unformattable arguments: {record.args!r})"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(log_dir: Path, level: str = "INFO", rotate: bool = True) -> Path:
    """Log to `log_dir`/videoconduit.log (1 MB × 3) at `level` and to stderr at WARNING.

    Calling it again replaces the handlers it installed before. Returns the log file's path.
    `rotate=False` appends without the size check, for the few lines before the window's first
    paint (logging.handlers takes ~9 ms to import); the session calls it again with rotation.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OUR_HANDLER, False):
            root.removeHandler(handler)
            handler.close()

    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / LOG_FILE_NAME
    file_handler: logging.Handler
    if rotate:
        from logging.handlers import RotatingFileHandler

        file_handler = RotatingFileHandler(
            log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    else:
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
    handlers: list[logging.Handler] = [file_handler]
    # A windowed build (pythonw, PyInstaller --windowed) has no stderr at all.
    if sys.stderr is not None:
        stderr_handler = logging.StreamHandler(sys.stderr)
        stderr_handler.setLevel(logging.WARNING)
        handlers.append(stderr_handler)

    formatter = logging.Formatter(FORMAT)
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _OUR_HANDLER, True)
        root.addHandler(handler)
    # Handlers someone else added (a test harness, a debugger) must not leak keys either.
    for handler in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())

    numeric_level = logging.getLevelNamesMapping().get(level.upper())
    if numeric_level is None:
        root.setLevel(logging.INFO)
        logging.getLogger(__name__).warning("Unknown log level %r; logging at INFO", level)
    else:
        root.setLevel(numeric_level)
    # qasync logs every worker thread's result at DEBUG: the stored queue read at start is one
    # line of megabytes (50,000 rows: 16 MB) that would rotate every earlier log away.
    logging.getLogger("qasync").setLevel(max(root.level, logging.INFO))
    return log_file
