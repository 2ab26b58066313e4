"""A plain launch is read without building argparse's parser (app.cli.read_plain_launch); what it
reads must be exactly what argparse reads, and anything it does not know goes to argparse."""

from __future__ import annotations

import pytest

from app.cli import build_parser, parse_args, read_plain_launch

PLAIN = [
    [],
    ["https://example.com/watch/a"],
    ["https://example.com/watch/a", "https://example.com/watch/b"],
    ["--data-dir", "/tmp/d", "--download-dir", "dl", "--api-base", "http://127.0.0.1:9"],
    ["--data-dir=/tmp/d", "--api-base=https://x.example/?a=b", "--api-base="],
    ["--sandbox", "--no-window", "--quit-when-done", "https://example.com/watch/a"],
    ["https://example.com/watch/a", "https://example.com/watch/b", "--sandbox"],
    ["--concurrency", "4", "--log-level", "debug", "https://example.com/watch/a"],
    ["--log-level=warning", "--concurrency=10", "--concurrency", "2"],
    ["--data-dir", "a", "--data-dir", "b", ""],
]
NOT_PLAIN = [
    ["--help"], ["-h"], ["--version"], ["--store-key"], ["--native-messaging"],
    ["--install-browser-integration"], ["--remove-browser-integration"],
    ["--sand"],  # an abbreviation: argparse's to expand
    ["--", "https://example.com/watch/a"],
    ["https://example.com/watch/a", "--sandbox", "https://example.com/watch/b"],
    ["--concurrency", "0"], ["--concurrency", "many"], ["--concurrency", "-5"],
    ["--log-level", "loud"], ["--data-dir"], ["--api-base", "--sandbox"], ["--sandbox=1"],
    ["-x"], ["-"],
]


@pytest.mark.parametrize("argv", PLAIN)
def test_a_plain_launch_reads_as_argparse_reads_it(argv):
    assert read_plain_launch(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", NOT_PLAIN)
def test_anything_else_is_left_to_argparse(argv):
    assert read_plain_launch(argv) is None


def test_the_environment_sets_the_same_defaults(monkeypatch):
    monkeypatch.setenv("VIDEOCONDUIT_API_BASE", "https://env.example")
    monkeypatch.setenv("VIDEOCONDUIT_SANDBOX", "1")
    monkeypatch.setenv("VIDEOCONDUIT_DATA_DIR", "/tmp/env-data")
    for argv in ([], ["--api-base", "https://given.example", "--data-dir", "/tmp/given"]):
        assert read_plain_launch(argv) == build_parser().parse_args(argv)


def test_every_option_of_the_parser_has_its_value_in_a_plain_reading():
    """A new option added to the parser alone would be missing from a plain launch's reading."""
    assert vars(read_plain_launch([])).keys() == vars(build_parser().parse_args([])).keys()


def test_a_wrong_value_is_still_argparses_sentence(capsys):
    with pytest.raises(SystemExit) as exit_:
        parse_args(["--concurrency", "0"])
    assert exit_.value.code == 2
    assert "argument --concurrency: must be 1 or more" in capsys.readouterr().err
