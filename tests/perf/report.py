"""One row per figure; printed as a plain table and written as the README's markdown table."""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Row:
    key: str  # "P1", "P1·100 MB", …
    figure: str  # what was measured, in words
    measured: str  # the app's figure, formatted
    reference: str = "—"  # the same-run reference, formatted
    ratio: str = "—"
    target: str = "—"
    verdict: str = "info"  # PASS / MISS / info (growth figures have no target)


HEADERS = ("#", "Figure", "Measured", "Reference (same run)", "Ratio", "Target", "Result")


def cells(row: Row) -> tuple[str, ...]:
    return (row.key, row.figure, row.measured, row.reference, row.ratio, row.target, row.verdict)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def text_table(rows: list[Row]) -> str:
    table = [HEADERS, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |" for r in rows]
    return "\n".join(lines)


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, load average {load}")


def write_markdown(path: Path, rows: list[Row], command: str, notes: list[str]) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M")
    text = [f"Measured {stamp} on {machine()} with `{command}`.", "", markdown_table(rows), ""]
    text += [f"- {note}" for note in notes]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")



README_START = "<!-- make bench: table start -->"
README_END = "<!-- make bench: table end -->"


def write_readme_table(readme: Path, rows: list[Row], command: str) -> bool:
    """Replace the README's table (between its two markers) by this run's rows that have a
    target; False when the README has no markers (nothing written)."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return False
    headline = [row for row in rows if row.verdict != "info"]
    block = (f"{README_START}\nMeasured {time.strftime('%Y-%m-%d %H:%M')} on {machine()} with "
             f"`{command}`:\n\n{markdown_table(headline)}\n")
    readme.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return True


def size_label(size: int) -> str:
    if size >= 1 << 30 and size % (1 << 30) == 0:
        return f"{size >> 30} GiB"
    return f"{size / 1e6:,.0f} MB"
