"""A windowed build (Windows GUI program: no stdout/stderr) still prints --version and --help:
to the console it was started from, else to a file. Here the missing streams are real (None, as
Python sets them in a GUI program) and the app's real argument parser prints; only the Windows
console attach is stood in for, by a function that answers as AttachConsole would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import __version__

SCRIPT = """
import sys
from pathlib import Path
sys.stdout = None; sys.stderr = None  # what Python gives a GUI program started without a console
from app.windowed_output import give_output_somewhere
where = give_output_somewhere(attach=lambda: False, fallback=lambda: Path(sys.argv[1]))
from app.main import main
try:
    main(sys.argv[2:])
except SystemExit as done:
    print("where:", where, "exit:", done.code)
"""


def run_windowed(tmp_path: Path, *args: str) -> str:
    output = tmp_path / "logs" / "console-output.txt"
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(output), *args], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout == "" and result.returncode == 0, result.stderr
    return output.read_text(encoding="utf-8")


def test_version_goes_to_the_file_when_there_is_no_console(tmp_path):
    text = run_windowed(tmp_path, "--version")
    assert __version__ in text
    assert f"where: {tmp_path / 'logs' / 'console-output.txt'} exit: 0" in text


def test_help_goes_there_too(tmp_path):
    assert "--store-key" in run_windowed(tmp_path, "--help")


def test_streams_the_caller_gave_are_kept(tmp_path):
    from app.windowed_output import give_output_somewhere

    def must_not_attach() -> bool:
        raise AssertionError("attached although stdout and stderr exist")

    assert give_output_somewhere(attach=must_not_attach, fallback=lambda: tmp_path / "x") == "as is"
    assert not (tmp_path / "x").exists()
