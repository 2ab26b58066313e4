"""Where a windowed build's --version, --help and console messages go.

The Windows build is a GUI program (no console window flashes at start). Windows gives such a
program no stdout/stderr unless the caller redirected them, so Python sets sys.stdout and
sys.stderr to None and `--version` would print nothing. Run from a terminal, we attach to the
terminal's console (AttachConsole(ATTACH_PARENT_PROCESS)) and write there; started some other way
(Explorer, a shortcut), there is no console to attach to and the text goes to a file in the log
folder instead. Streams the caller redirected (a pipe, a file: CI, scripts) are used as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

ATTACH_PARENT_PROCESS = 0xFFFFFFFF  # (DWORD)-1


def attach_parent_console() -> bool:
    """True when this process now shares its parent's console (Windows only)."""
    if sys.platform != "win32":
        return False
    import ctypes

    return bool(ctypes.WinDLL("kernel32", use_last_error=True).AttachConsole(ATTACH_PARENT_PROCESS))


def fallback_file() -> Path:
    import platformdirs

    return platformdirs.user_log_path("videoconduit-desktop", False) / "console-output.txt"


def give_output_somewhere(attach: Callable[[], bool] = attach_parent_console,
                          fallback: Callable[[], Path] = fallback_file) -> str:
    """Fill in sys.stdout/sys.stderr where they are None. Says where output goes: "as is",
    "console" or the fallback file's path."""
    if sys.stdout is not None and sys.stderr is not None:
        return "as is"
    stream: TextIO
    where: str
    if attach():
        stream = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        where = "console"
    else:
        path = fallback()
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(path, "a", encoding="utf-8", errors="replace")  # noqa: SIM115
        where = str(path)
    stream.reconfigure(line_buffering=True)
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
    return where
