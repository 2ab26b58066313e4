"""P6: N links on the Free plan (10 requests per window) with short jobs, the engine alone (no
window) in a process of its own; the sandbox's request log says how many requests were sent and
how many were refused with 429. Time is scaled: a 6 s window stands for the real 60 s minute and
jobs take 0.5 s."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter

from tests.perf.report import Row, verdict
from tests.perf.sandbox_proc import REPO, SandboxProcess

LIMIT = 10  # Free plan: requests per window
WINDOW = 6.0  # seconds, standing for 60
JOB_SECONDS = 0.5
TARGET = 1.2
# (links, engine concurrency, window seconds, job seconds); the first is the headline. The last
# runs nearer the real scale (a 20 s window), where the unscaled per-window costs weigh less.
FULL = ((100, 10, WINDOW, JOB_SECONDS), (100, 3, WINDOW, JOB_SECONDS), (30, 10, 20.0, 1.7))
QUICK = ((30, 10, WINDOW, JOB_SECONDS),)
CHILD_TIMEOUT = 600
NOTE = (f"P6: Free plan ({LIMIT} requests per window), the window shortened to {WINDOW:.0f} s "
        f"(×{60 / WINDOW:.0f} faster than the real minute), jobs of {JOB_SECONDS} s, files of 64 KiB. "
        "Theoretical minimum: every link needs one POST and one poll round must follow the last job, "
        "so request k can go at floor((k−1)/limit) windows at the earliest: "
        "max(floor(N/limit)·window, floor((N−1)/limit)·window + job). Concurrency is the engine's "
        "(items submitting, processing or downloading at once; 10 is the setting's maximum, 3 its "
        "default). Not scaled: the app's 1 s minimum poll interval, and the whole-second "
        "X-RateLimit-Reset plus the pacer's 0.5 s margin, which cost ~1 s per window — 15 % of a "
        "6 s window but 2 % of a real minute; hence the last row, at a 20 s window.")


def theoretical_minimum(links: int, window: float, job: float) -> float:
    return max((links // LIMIT) * window, ((links - 1) // LIMIT) * window + job)


def measure(links: int, concurrency: int, window: float, job: float) -> dict:
    with SandboxProcess(plan="free", credits=1_000_000, job_seconds=job,
                        window_seconds=window) as sandbox, \
            tempfile.TemporaryDirectory(prefix="vc-bench-api-") as downloads, \
            tempfile.TemporaryDirectory(prefix="vc-bench-api-data-") as data:
        reply = subprocess.run(
            [sys.executable, "-m", "tests.perf.api_child", sandbox.api_base, sandbox.api_key,
             str(links), str(concurrency), downloads, data],
            cwd=REPO, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
        if reply.returncode:
            raise RuntimeError(f"api_child failed: {reply.stderr.strip()[-2000:]}")
        result = json.loads(reply.stdout.strip().splitlines()[-1])
        statuses = Counter(entry["status"] for entry in sandbox.api_log())
    result["requests"] = sum(statuses.values())
    result["refused"] = statuses.get(429, 0)
    return result


def run(quick: bool) -> list[Row]:
    rows = []
    for n, (links, concurrency, window, job) in enumerate(QUICK if quick else FULL):
        r = measure(links, concurrency, window, job)
        print(f"  P6 {links} links, concurrency {concurrency}, {window:.0f} s window: "
              f"{r['seconds']:.0f} s", file=sys.stderr)
        minimum = theoretical_minimum(links, window, job)
        ratio = r["seconds"] / minimum
        ok = r["refused"] == 0 and ratio <= TARGET and r["completed"] == links
        head = n == 0
        rows.append(Row(
            "P6" if head else "P6·variant",
            f"{links} links, Free plan, concurrency {concurrency}, {window:.0f} s window",
            f"{r['seconds']:.1f} s, {r['refused']} × 429, {r['completed']} done",
            f"minimum {minimum:.1f} s", f"{ratio:.2f}",
            f"0 × 429, ≤ {TARGET} × minimum" if head else "—", verdict(ok) if head else "info"))
        rows.append(Row(
            "P6·growth", f"requests per completed job ({links} links, concurrency {concurrency})",
            f"{r['requests'] / max(r['completed'], 1):.2f} ({r['requests']} requests, "
            f"{r['watcher_polls']} polls)", f"minimum {(links + 1) / links:.2f}"))
    return rows
