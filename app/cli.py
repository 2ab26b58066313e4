"""The command line: a stable contract that scripts and later checks depend on."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from app import __version__

DEFAULT_API_BASE = "https://videoconduit.com"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def app_command() -> list[str]:
    """How to start this app again: the frozen executable, or this Python with `-m app`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app"]


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="videoconduit-desktop",
        description="Download videos and audio through the VideoConduit service.",
    )
    parser.add_argument("urls", nargs="*", metavar="URL", help="video page URLs to queue")
    parser.add_argument(
        "--api-base",
        default=os.environ.get("VIDEOCONDUIT_API_BASE"),
        help=f"service base URL (env VIDEOCONDUIT_API_BASE; default {DEFAULT_API_BASE})",
    )
    parser.add_argument("--sandbox", action="store_true",
                        default=os.environ.get("VIDEOCONDUIT_SANDBOX") == "1",
                        help="start the embedded sandbox in-process and use it with its demo key "
                             "(env VIDEOCONDUIT_SANDBOX=1)")
    parser.add_argument("--download-dir", type=Path, help="where files go")
    parser.add_argument("--data-dir", type=Path,
                        default=_env_path("VIDEOCONDUIT_DATA_DIR"),
                        help="all state (settings, SQLite, logs) here instead of the platform "
                             "defaults (env VIDEOCONDUIT_DATA_DIR)")
    parser.add_argument("--concurrency", type=positive_int, help="items worked on at once")
    parser.add_argument("--no-window", action="store_true",
                        help="run the queue without a window; one progress line per state change on stderr")
    parser.add_argument("--quit-when-done", action="store_true",
                        help="exit when nothing is left to do: 0 all completed, 1 some failed, "
                             "2 paused waiting for the user (credits/key); when another process "
                             "owns the queue, its links are handed over and the exit is 0 (3 if it "
                             "did not answer)")
    parser.add_argument("--store-key", action="store_true",
                        help="read an API key from stdin and store it in the OS keyring")
    parser.add_argument("--log-level", default="INFO", type=str.upper, choices=LOG_LEVELS)
    parser.add_argument("--install-browser-integration", action="store_true",
                        help="let Chromium, Chrome, Brave, Edge, Vivaldi and Firefox reach this app "
                             "(writes their per-user native-messaging host manifests)")
    parser.add_argument("--remove-browser-integration", action="store_true",
                        help="remove what --install-browser-integration wrote")
    parser.add_argument("--native-messaging", action="store_true",
                        help="the browser extension's host: read messages on stdin, answer on "
                             "stdout (browsers start it this way; see README)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    arguments = sys.argv[1:] if argv is None else argv
    plain = read_plain_launch(arguments)
    return plain if plain is not None else build_parser().parse_args(arguments)


# What a plain launch may carry, read without building the parser (~3 ms of the window's start):
# each option as argparse reads it (its type), or a flag. Anything else — --help, --version, the
# one-shot commands, an abbreviation, "--", a value that argparse would refuse — goes to argparse,
# which then says what it always said. tests/unit/test_cli.py holds the two readings equal.
_PLAIN_VALUES: dict[str, Callable[[str], object]] = {
    "--api-base": str, "--download-dir": Path, "--data-dir": Path, "--concurrency": positive_int,
    "--log-level": str.upper}
_PLAIN_FLAGS = ("--sandbox", "--no-window", "--quit-when-done")


def read_plain_launch(arguments: list[str]) -> argparse.Namespace | None:
    """The Namespace argparse would return for `arguments`, or None when they are not plain."""
    values: dict[str, object] = {}
    urls: list[str] = []
    urls_ended = False
    rest = iter(arguments)
    for argument in rest:
        if not argument.startswith("-"):
            if urls_ended:  # argparse takes one run of URLs: it refuses a second one
                return None
            urls.append(argument)
            continue
        urls_ended = bool(urls)
        name, given, text = argument.partition("=")
        if name in _PLAIN_FLAGS and not given:
            values[name] = True
            continue
        if name not in _PLAIN_VALUES:
            return None
        if not given:
            text = next(rest, "-")
        if text.startswith("-"):
            return None
        try:
            values[name] = _PLAIN_VALUES[name](text)
        except (ValueError, argparse.ArgumentTypeError):
            return None
    if values.get("--log-level", "INFO") not in LOG_LEVELS:
        return None

    def given_or(option: str, default: object) -> object:
        return values.get(option, default)

    return argparse.Namespace(
        urls=urls, api_base=given_or("--api-base", os.environ.get("VIDEOCONDUIT_API_BASE")),
        sandbox=given_or("--sandbox", os.environ.get("VIDEOCONDUIT_SANDBOX") == "1"),
        download_dir=given_or("--download-dir", None),
        data_dir=given_or("--data-dir", _env_path("VIDEOCONDUIT_DATA_DIR")),
        concurrency=given_or("--concurrency", None), no_window=given_or("--no-window", False),
        quit_when_done=given_or("--quit-when-done", False), store_key=False,
        log_level=given_or("--log-level", "INFO"), install_browser_integration=False,
        remove_browser_integration=False, native_messaging=False)
