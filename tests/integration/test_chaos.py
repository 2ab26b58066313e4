"""Chaos: the real app (a subprocess) against the real sandbox, with random service faults and a
dozen kills at random moments, then one run to the end. Money first: every link is charged at
most once, every finished file is its job's bytes, nothing else is left in the folder, and a
link left waiting for the person was not charged.

The seed is printed; VC_CHAOS_SEED=N replays a run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.sandbox import run_in_thread
from tests.integration.engine_harness import job_sha256, sha256_of

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

LINKS = [f"https://example.com/watch/chaos-{n}?size={150_000 + 37_000 * n}" for n in range(8)]
KILLS = 12
TROUBLE = {"status": 503,
           "json": {"detail": "Service temporarily unavailable", "code": "service_unavailable"}}
FAULTS = [
    TROUBLE,
    {"status": 500, "json": {"detail": "boom", "code": "server_error"}, "after_processing": True},
    {"drop": True},
    {"drop": True, "after_processing": True},
    {"status": 504, "body": "<html>Gateway Time-out</html>", "after_processing": True},
    {"delay": 1.5, "after_processing": True},
]


def _launch(sandbox, data: Path, downloads: Path) -> subprocess.Popen:
    env = {**os.environ, "VIDEOCONDUIT_API_KEY": sandbox.api_key, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--no-window", "--quit-when-done", "--api-base", sandbox.api_base,
         "--data-dir", str(data), "--download-dir", str(downloads), *LINKS],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _queue_rows(data: Path) -> list[tuple[str, str, str | None, str | None]]:
    database = next(data.rglob("*.sqlite3"))
    with sqlite3.connect(database) as db:
        return db.execute("SELECT url, state, job_id, file_path FROM items").fetchall()


def test_kills_and_faults_never_charge_a_link_twice(tmp_path):
    seed = int(os.environ.get("VC_CHAOS_SEED", random.randrange(1 << 30)))
    print(f"chaos seed {seed}")
    rng = random.Random(seed)
    data, downloads = tmp_path / "data", tmp_path / "downloads"
    data.mkdir()
    # Look for a lost submit's job for 6 s instead of ten minutes; the list never lags longer.
    (data / "settings.json").write_text(json.dumps({"lookup_seconds": 6}))
    with run_in_thread(plan="business", credits=1000, job_seconds=0.4) as sandbox:
        sandbox.admin.file_faults(bytes_per_second=300_000)
        for _ in range(KILLS):
            sandbox.admin.set_list_lag(rng.choice([0.0, 0.5, 2.0]))
            sandbox.admin.queue_faults("/v1/download", rng.sample(FAULTS, rng.randint(1, 3)), method="POST")
            run = _launch(sandbox, data, downloads)
            time.sleep(rng.uniform(0.6, 3.0))  # a random moment: that is the point of this test
            run.send_signal(signal.SIGKILL)
            run.wait(10)
        sandbox.admin.set_list_lag(0.0)
        sandbox.admin.file_faults(bytes_per_second=0)
        final = _launch(sandbox, data, downloads)
        _, err = final.communicate(timeout=240)
        assert final.returncode in (0, 2), err

        rows = _queue_rows(data)
        assert sorted(url for url, *_ in rows) == sorted(LINKS)
        completed = set()
        for url, state, job_id, file_path in rows:
            jobs = sandbox.admin.jobs_for_url(url)
            assert jobs <= 1, f"{url} charged {jobs} times (seed {seed})"
            assert state in ("completed", "unconfirmed"), (url, state, err)
            if state == "completed":
                assert sha256_of(file_path) == job_sha256(sandbox, job_id), (url, seed)
                completed.add(Path(file_path).name)
            else:  # left for the person to decide: and indeed nothing was charged
                assert jobs == 0, (url, seed)
        assert {p.name for p in downloads.iterdir()} == completed, seed
