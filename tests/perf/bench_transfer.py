"""P1 (download throughput against curl -o) and P2 (RSS growth during the download).

The sandbox serves from its own process; curl and the app (one engine item, in a fresh process)
download files of the same size from it into the same folder, alternating which goes first.
Throughput of the app counts from the file request to the finished, renamed file — so it includes
the engine's fsync before the rename, which curl does not do.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.report import Row, size_label, verdict
from tests.perf.sandbox_proc import REPO, SandboxProcess

MiB = 1 << 20
GiB = 1 << 30
FULL_SIZES = {100_000_000: 5, 1 * GiB: 3, 2 * GiB: 3}  # size → trials
DISK_SIZES = {100_000_000: 3, 1 * GiB: 2, 2 * GiB: 3}  # the shared disk: fewer GiB written
QUICK_SIZES = {1 * GiB: 2}
P1_TARGET = 0.95
P2_TARGET = 30 * 1_000_000
CHILD_TIMEOUT = 300


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def curl_seconds(url: str, path: Path) -> tuple[int, float]:
    reply = subprocess.run(
        ["curl", "-sS", "-f", "--max-time", "120", "-o", str(path), "-w", "%{size_download} %{time_total}",
         url], capture_output=True, text=True, check=True, timeout=CHILD_TIMEOUT)
    size, seconds = reply.stdout.split()
    path.unlink()
    return int(size), float(seconds)


def app_download(sandbox: SandboxProcess, size: int, folder: Path) -> dict:
    data = Path(tempfile.mkdtemp(dir=folder, prefix="data-"))
    try:
        reply = subprocess.run(
            [sys.executable, "-m", "tests.perf.transfer_child", sandbox.api_base, sandbox.api_key,
             str(size), str(folder), str(data)],
            cwd=REPO, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    if reply.returncode:
        raise RuntimeError(f"the app's download failed: {reply.stderr.strip()[-2000:]}")
    return json.loads(reply.stdout.strip().splitlines()[-1])


def measure_size(sandbox: SandboxProcess, size: int, trials: int, folder: Path) -> dict:
    url = sandbox.download_url(size)
    ratios, app_speeds, curl_speeds, growths, app_cpu, curl_cpu = [], [], [], [], [], []
    for trial in range(trials):
        def curl() -> float:
            cpu_before = children_cpu()
            got, seconds = curl_seconds(url, folder / "curl.bin")
            curl_cpu.append((children_cpu() - cpu_before) / (size / GiB))
            assert got == size, f"curl got {got} bytes"
            return size / seconds

        def app() -> float:
            result = app_download(sandbox, size, folder)
            assert result["bytes"] == size, f"the app wrote {result['bytes']} bytes"
            growths.append(result["rss_peak"] - result["rss_before"])
            app_cpu.append(result["cpu"] / (size / GiB))
            return size / result["seconds"]

        if trial % 2:
            app_speed, curl_speed = app(), curl()
        else:
            curl_speed, app_speed = curl(), app()
        app_speeds.append(app_speed)
        curl_speeds.append(curl_speed)
        ratios.append(app_speed / curl_speed)
    return {"app": statistics.median(app_speeds), "curl": statistics.median(curl_speeds),
            "ratio": statistics.median(ratios), "rss_growth": max(growths), "trials": trials,
            "app_cpu": statistics.median(app_cpu), "curl_cpu": statistics.median(curl_cpu)}


def destinations(folder: Path | None) -> list[tuple[str, Path | None]]:
    """Where both write: the disk (the system temp folder, or --folder) and, where there is one,
    tmpfs — there the disk is out of the picture and the figure is the transfer path's own."""
    found: list[tuple[str, Path | None]] = [("disk", folder)]
    shm = Path("/dev/shm")
    if folder is None and shm.is_dir() and shutil.disk_usage(shm).free > 5 * GiB:
        found.insert(0, ("tmpfs", shm))
    return found


def run(quick: bool, folder: Path | None = None) -> list[Row]:
    sizes = QUICK_SIZES if quick else FULL_SIZES
    headline = max(sizes)
    results: dict[tuple[str, int], dict] = {}
    with SandboxProcess() as sandbox:
        for label, where in destinations(folder):
            with tempfile.TemporaryDirectory(dir=where, prefix="vc-bench-") as tmp:
                plan = sizes if quick or label != "disk" else DISK_SIZES
                for size, trials in plan.items():
                    started = time.monotonic()
                    results[label, size] = measure_size(sandbox, size, trials, Path(tmp))
                    print(f"  P1/P2 {label} {size_label(size)}: {time.monotonic() - started:.0f} s",
                          file=sys.stderr)
    rows = []
    for (label, size), r in results.items():
        last = size == headline
        rows.append(Row(
            "P1" if last else "P1·growth",
            f"download {size_label(size)} to {label} (median of {r['trials']})",
            f"{r['app'] / 1e6:,.0f} MB/s, {r['app_cpu']:.2f} CPU s/GiB",
            f"curl -o {r['curl'] / 1e6:,.0f} MB/s, {r['curl_cpu']:.2f} CPU s/GiB", f"{r['ratio']:.2f}",
            f"≥ {P1_TARGET} × curl" if last else "—", verdict(r["ratio"] >= P1_TARGET) if last else "info"))
    for size in sizes:
        growth = max(r["rss_growth"] for (_, s), r in results.items() if s == size)
        last = size == headline
        rows.append(Row(
            "P2" if last else "P2·growth", f"peak RSS − RSS before, {size_label(size)} (worst run)",
            f"{growth / 1e6:.1f} MB", target="≤ 30 MB" if last else "—",
            verdict=verdict(growth <= P2_TARGET) if last else "info"))
    return rows


NOTE = ("P1/P2: the sandbox serves from its own process; the app is one engine item in a fresh "
        "process, timed from its file request to the finished, renamed file (its fsync included); "
        "curl -o writes to the same folder and does not fsync. tmpfs (/dev/shm) takes the disk out "
        "of the figure; disk is the system temp folder, where the app's fsync waits for the disk. "
        "Ratio = median of the per-pair ratios (curl and app alternate who goes first). "
        "CPU s/GiB: user+system time of the download (app: every thread, from the DOWNLOADING "
        "state on; curl: the whole process). P2 is VmHWM − VmRSS of the app's process "
        "(Linux /proc), reset when the download starts.")
