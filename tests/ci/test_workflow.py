"""The CI workflow cannot hang and runs what it says: a timeout on every job and on every step
that runs something, Node 24 majors of the actions, the keyring and quit checks, the .rpm."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = yaml.safe_load((ROOT / ".github/workflows/build.yml").read_text())
# The first majors that run on Node 24 (the runners dropped Node 20).
NODE24_MAJORS = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6,
                 "actions/download-artifact": 7}


def steps():
    for job in WORKFLOW["jobs"].values():
        yield from job["steps"]


def test_every_job_and_every_step_that_runs_something_has_a_timeout():
    assert all("timeout-minutes" in job for job in WORKFLOW["jobs"].values())
    untimed = [step.get("name", step["run"][:40]) for step in steps()
               if "run" in step and "timeout-minutes" not in step]
    assert not untimed, f"steps without timeout-minutes: {untimed}"


def test_actions_are_on_node24_majors():
    for step in steps():
        if "uses" in step:
            action, version = step["uses"].split("@")
            assert int(re.match(r"v(\d+)", version)[1]) >= NODE24_MAJORS[action], step["uses"]


def test_it_builds_arm64_and_x86_64_macs_and_checks_keyring_quit_and_rpm():
    (job,) = WORKFLOW["jobs"].values()
    assert {"macos-latest", "macos-15-intel"} <= set(job["strategy"]["matrix"]["os"])
    text = (ROOT / ".github/workflows/build.yml").read_text()
    for needed in ("--store-key", "CredRead", "cmdkey", "security find-generic-password",
                   "tests/integration/test_quit_paths.py", "dist/*.rpm", "innosetup --version",
                   "LSMinimumSystemVersion"):
        assert needed in text, needed
    assert "for attempt in" in (ROOT / "packaging/build.sh").read_text()  # hdiutil retries
