"""A launch with a videoconduit:// link comes from the OS on behalf of a web page: its links are
held, and nothing beside them is obeyed (an option could send the key to another address)."""

from __future__ import annotations

from app.cli import parse_args
from app.main import links_of_launch, scheme_launch_arguments

LINK = "videoconduit://add?url=https%3A%2F%2Fexample.com%2Fwatch%2Fone"


def test_options_beside_a_scheme_link_are_ignored_and_said(capsys):
    raw = [LINK, "--api-base", "https://evil.example", "--download-dir", "/tmp/elsewhere", "--no-window"]
    args = parse_args(scheme_launch_arguments(raw))
    assert args.api_base is None and args.download_dir is None
    assert args.no_window, "how the app shows itself is harmless: kept"
    assert links_of_launch(args.urls) == (["https://example.com/watch/one"], "scheme")
    assert "Ignored beside a videoconduit:// link: --api-base https://evil.example" in capsys.readouterr().err


def test_the_windows_handler_form_and_a_plain_launch_are_unchanged(capsys):
    assert scheme_launch_arguments(["--", LINK]) == [LINK]
    assert capsys.readouterr().err == ""
    plain = ["--api-base", "https://videoconduit.com", "https://example.com/watch/two"]
    assert scheme_launch_arguments(plain) == plain
