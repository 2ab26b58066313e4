"""A second launch hands its links to the running window and exits; instances of different
users or data folders never meet."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from app.ui.single_instance import (
    InstanceServer,
    decode,
    encode,
    hand_off,
    server_name,
)

SECOND_LAUNCH = (
    "import sys\n"
    "from app.ui.single_instance import hand_off\n"
    "sys.exit(0 if hand_off(sys.argv[1], sys.argv[2]) else 3)\n"
)
REPO = Path(__file__).resolve().parents[2]


def launch_second(instance_dir: Path, text: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SECOND_LAUNCH, str(instance_dir), text],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def first_instance(running_app):
    """The running app listening for later launches, wired as the composition root wires it."""
    server = InstanceServer(running_app.data_dir)
    assert server.listen()
    server.linksReceived.connect(running_app.window.receive_links)
    yield server
    server.close()


def test_a_second_launch_hands_its_links_to_the_first(running_app, first_instance, qtbot):
    links = "https://a.example/watch/1\nhttps://b.example/watch/2"
    second = launch_second(running_app.data_dir, links)

    qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
    assert second.returncode == 0, second.stderr.read().decode()
    assert [item.url for item in running_app.engine.items] == [
        "https://a.example/watch/1", "https://b.example/watch/2"]
    assert running_app.window.isVisible()
    assert running_app.window.status.currentMessage() == "Queued 2 links"


def test_an_empty_hand_off_just_brings_the_window_back(running_app, first_instance, qtbot):
    running_app.window.hide()
    second = launch_second(running_app.data_dir, "")

    qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
    assert second.returncode == 0
    assert running_app.window.isVisible()
    assert running_app.engine.items == []


def test_another_data_folder_is_another_instance(running_app, first_instance, tmp_path, qtbot):
    second = launch_second(tmp_path / "elsewhere", "https://a.example/watch/1")

    qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
    assert second.returncode == 3  # nobody answered: it would start its own window
    assert running_app.engine.items == []


def test_without_a_first_instance_the_hand_off_says_no(tmp_path, qapp):
    assert hand_off(tmp_path, "https://a.example/watch/1", timeout_ms=500) is False


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files only")
def test_a_socket_left_by_a_crashed_instance_does_not_block_the_next_start(tmp_path, qapp):
    name = server_name(tmp_path)
    stale = Path(QDir.tempPath()) / name
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(stale))  # bound, never listening, never cleaned up: like a killed process
    crashed.close()
    server = InstanceServer(tmp_path)
    try:
        assert server.listen()
    finally:
        server.close()


def test_names_differ_per_folder_and_stay_short(tmp_path):
    first, second = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert first != second
    assert server_name(tmp_path / "a") == first
    assert len(first) < 60


@pytest.mark.parametrize("text", ["", "https://a.example/1", "ünïcode ✓\n" * 1000])
def test_frames_carry_the_text_exactly(text):
    frame = encode(text)
    assert decode(frame) == (text, False)
    assert decode(frame[:-1] if text else frame[:5]) == (None, False)


def test_garbage_is_recognised_as_garbage():
    assert decode(b"GET / HTTP/1.1\r\n") == (None, True)
    assert decode(b"VCD1\xff\xff\xff\xff") == (None, True)
