"""``python -m tests.perf [--quick] [--only P1,P3] [--folder DIR] [--out FILE] [--strict] [--readme]``

Runs the benchmarks, prints the table (each figure, its same-run reference, the ratio, the
target, PASS/MISS, plus the growth figures) and writes it as markdown for the README.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from tests.perf import report

HERE = Path(__file__).resolve().parent
SCENARIOS = ("P1", "P3", "P5", "P6")  # P2 comes with P1, P4 with P3


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.perf", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast subset (about a minute)")
    parser.add_argument("--only", default=",".join(SCENARIOS),
                        help="comma-separated scenarios: P1 (with P2), P3 (with P4), P5, P6")
    parser.add_argument("--folder", type=Path, default=None,
                        help="where downloads are written (default: the system temp folder)")
    parser.add_argument("--out", type=Path, default=HERE / "latest.md", help="markdown table file")
    parser.add_argument("--strict", action="store_true", help="exit with 1 if a target is missed")
    parser.add_argument("--readme", action="store_true",
                        help="also write the rows with a target into README.md's Performance table")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wanted = {part.strip().upper() for part in args.only.split(",") if part.strip()}
    rows: list[report.Row] = []
    notes: list[str] = []
    started = time.monotonic()
    if "P1" in wanted or "P2" in wanted:
        from tests.perf import bench_transfer

        rows += bench_transfer.run(args.quick, args.folder)
        notes.append(bench_transfer.NOTE)
    if "P3" in wanted or "P4" in wanted:
        from tests.perf import bench_ui

        rows += bench_ui.run(args.quick)
        notes.append(bench_ui.NOTE)
    if "P5" in wanted:
        from tests.perf import bench_startup

        rows += bench_startup.run(args.quick)
        notes.append(bench_startup.NOTE)
    if "P6" in wanted:
        from tests.perf import bench_api

        rows += bench_api.run(args.quick)
        notes.append(bench_api.NOTE)
    command = "make bench" + (f' ARGS="{shlex.join(argv or sys.argv[1:])}"' if (argv or sys.argv[1:]) else "")
    print()
    print(report.text_table(rows))
    print(f"\n{report.machine()}; {time.monotonic() - started:.0f} s")
    report.write_markdown(args.out, rows, command, notes)
    print(f"Markdown table: {args.out}")
    if args.readme and report.write_readme_table(HERE.parents[1] / "README.md", rows, command):
        print("README.md's Performance table: rewritten from this run")
    missed = [r.key for r in rows if r.verdict == "MISS"]
    if missed:
        print(f"Missed: {', '.join(missed)}")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
