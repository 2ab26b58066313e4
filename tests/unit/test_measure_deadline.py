"""packaging/measure.py cannot hang CI: a run that never prints its marker is stopped at the
deadline and reported (a real child process that waits forever)."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_measure():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("measure", ROOT / "packaging" / "measure.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_run_that_never_prints_its_marker_is_stopped_at_the_deadline():
    measure = load_measure()
    silent = [sys.executable, "-c", "import time; time.sleep(600)"]
    started = time.monotonic()
    with pytest.raises(SystemExit, match=r"stopped after 2 s without printing 'first window'"):
        measure.timed_run([], "first window", program=silent, deadline=2.0)
    assert time.monotonic() - started < 30


def test_the_marker_is_read_from_stderr_with_qt_logging_forced_there():
    measure = load_measure()
    speaker = [sys.executable, "-c",
               "import os, sys; print('ready' if os.environ.get('QT_FORCE_STDERR_LOGGING') == '1'"
               " else 'no', file=sys.stderr, flush=True); import time; time.sleep(600)"]
    assert measure.timed_run([], "ready", program=speaker, deadline=30.0) < 30
