"""The command line is a contract scripts depend on: run it as a person's script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sandbox import run_in_thread

pytestmark = pytest.mark.slow


def _run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    base.pop("VIDEOCONDUIT_API_KEY", None)
    return subprocess.run([sys.executable, "-m", "app", *args], env={**base, **(env or {})},
                          input=stdin, capture_output=True, text=True, timeout=timeout)


def test_help_lists_the_whole_contract():
    out = _run("--help").stdout
    for option in ("--api-base", "--sandbox", "--download-dir", "--data-dir", "--concurrency",
                   "--no-window", "--quit-when-done", "--store-key", "--log-level", "URL"):
        assert option in out


def test_sandbox_headless_run_downloads_both_urls_and_exits_0(tmp_path):
    downloads, data = tmp_path / "D", tmp_path / "S"
    result = _run("--no-window", "--sandbox", "--quit-when-done", "https://example.com/watch/one",
                  "https://example.com/watch/two", "--download-dir", str(downloads),
                  "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in downloads.iterdir()) == ["one.mp4", "two.mp4"]
    assert all(p.stat().st_size > 0 for p in downloads.iterdir())
    assert "done" in result.stderr


@pytest.mark.parametrize(("credits", "urls", "expected"), [
    (1, ["https://example.com/too-expensive"], 2),  # paused waiting for credits
    (10, ["https://example.com/ok", "https://unsupported.example.com/x"], 1),  # one failed
])
def test_exit_codes_tell_scripts_what_happened(tmp_path, credits, urls, expected):
    with run_in_thread(plan="business", credits=credits, job_seconds=0.2, default_size=10_000) as sandbox:
        result = _run("--no-window", "--quit-when-done", "--api-base", sandbox.api_base,
                      "--data-dir", str(tmp_path / "S"), "--download-dir", str(tmp_path / "D"), *urls,
                      env={"VIDEOCONDUIT_API_KEY": sandbox.api_key})
    assert result.returncode == expected, result.stderr
    if expected == 2:
        assert "not enough credits" in result.stderr and "you have 1" in result.stderr


def test_no_key_anywhere_exits_2_and_says_how_to_add_one(tmp_path):
    with run_in_thread(plan="business", credits=10) as sandbox:
        result = _run("--no-window", "--quit-when-done", "--api-base", sandbox.api_base,
                      "--data-dir", str(tmp_path / "S"), "https://example.com/v",
                      env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"})
    assert result.returncode == 2
    assert "--store-key" in result.stderr


@pytest.mark.keyring
def test_store_key_puts_it_in_the_real_keyring_and_nowhere_else(tmp_path, secret_service):
    key = "vc_cli_stored_key_0123456789"
    data = tmp_path / "S"
    result = _run("--store-key", "--data-dir", str(data), stdin=f"  {key}\n", env=secret_service.env)
    assert result.returncode == 0, result.stderr
    assert "GNOME Keyring" in result.stderr or "Secret Service" in result.stderr
    lookup = subprocess.run(["secret-tool", "lookup", "service", "VideoConduit Desktop",
                             "username", "api-key"], env=secret_service.env,
                            capture_output=True, text=True, timeout=10)
    assert lookup.stdout.strip() == key
    assert all(key.encode() not in p.read_bytes() for p in Path(data).rglob("*") if p.is_file())


def test_store_key_refuses_something_that_is_not_a_key(tmp_path):
    result = _run("--store-key", "--data-dir", str(tmp_path), stdin="hello world\n")
    assert result.returncode == 2
    assert "vc_" in result.stderr
