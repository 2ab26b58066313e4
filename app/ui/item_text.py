"""Words about one queue item: its status, its details line, its tooltip and its progress.

Pure functions of an Item snapshot, shared by the table model, the progress delegate and the tray.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication

from app.engine.filenames import is_dangerous
from app.engine.model import AccountState, Item, ItemState, WaitReason
from app.ui.formatting import (
    format_bytes,
    format_eta,
    format_percent,
    format_progress,
    format_speed,
)
from app.ui.i18n import tr_n
from app.ui.problem_text import describe_problem, unconfirmed_text, waiting_text, waiting_text_for

SEPARATOR = " · "


def _tr(text: str) -> str:
    return QCoreApplication.translate("item_text", text)


def title(item: Item) -> str:
    """The saved file's name once known, else the link without its scheme."""
    if item.filename:
        return item.filename
    parts = urlsplit(item.url)
    shown = unquote(parts.netloc + parts.path).rstrip("/")
    if parts.query:
        shown += "?" + parts.query
    return shown or item.url


def progress_fraction(item: Item) -> float | None:
    """0–1 for the bar: the service's percent while processing, bytes while downloading."""
    if item.state is ItemState.COMPLETED:
        return 1.0
    if item.state is ItemState.PROCESSING:
        return None if item.job_progress is None else item.job_progress / 100
    if item.bytes_total:
        return min(item.bytes_done / item.bytes_total, 1.0)
    return None


def status_text(item: Item) -> str:
    state = item.state
    if state is ItemState.WAITING:
        return _tr("Waiting")
    if state is ItemState.SUBMITTING:
        if item.waiting_for is WaitReason.CONFIRMING:
            return _tr("Confirming…")
        return _tr("Submitting…")
    if state is ItemState.PROCESSING:
        if item.job_progress is None:
            return _tr("Processing on VideoConduit")
        return _tr("Processing on VideoConduit {percent}").format(
            percent=format_percent(item.job_progress / 100)
        )
    if state is ItemState.DOWNLOADING:
        return _tr("Downloading")
    if state is ItemState.PAUSED:
        return _tr("Paused")
    if state is ItemState.COMPLETED:
        return _tr("Done")
    if state is ItemState.CANCELLED:
        return _tr("Cancelled")
    if state is ItemState.UNCONFIRMED:
        return _tr("Not confirmed")
    # The sentence itself lives in the Details column and the tooltip: saying it twice in one row
    # only meant both copies were cut short.
    return _tr("Failed")


def runs_programs(item: Item) -> bool:
    """Whether the item's file is of a type that runs code when opened (marked in its row)."""
    name = item.file_path or item.filename
    return bool(name) and is_dangerous(name)


def dangerous_mark(item: Item) -> str:
    return _tr("⚠ Can run programs") if runs_programs(item) else ""


def status_line(item: Item) -> str:
    """The status with its reason, for places with room for it (the tooltip)."""
    if item.state is ItemState.FAILED:
        return _tr("Failed: {problem}").format(problem=describe_problem(item) or _tr("unknown reason"))
    if item.state is ItemState.UNCONFIRMED:
        return _tr("Not confirmed: {problem}").format(problem=unconfirmed_text(full=True))
    return status_text(item)


def speed_and_eta(item: Item) -> str:
    """"1.25 MB/s · 3 min 20 s left" while downloading; empty before anything was measured."""
    left = format_eta(item.eta)
    return SEPARATOR.join(part for part in (format_speed(item.speed), left) if part)


def size_text(item: Item) -> str:
    if not item.bytes_done and not item.bytes_total:
        return ""
    if item.state is ItemState.DOWNLOADING or (item.bytes_done and not item.state.is_finished):
        return format_progress(item.bytes_done, item.bytes_total)
    if item.bytes_total:
        return format_bytes(item.bytes_total)
    return ""


def details_text(item: Item, account_state: AccountState = AccountState.READY,
                 folder: str | None = None) -> str:
    """The last column: what the progress bar does not say. Where the file is going while it is
    on its way, why a waiting row waits, the problem of a failed one, where a finished one is."""
    state = item.state
    if state in (ItemState.FAILED, ItemState.UNCONFIRMED):
        return describe_problem(item) or ""
    if state is ItemState.COMPLETED:
        return SEPARATOR.join(part for part in (dangerous_mark(item), saved_in(item.file_path))
                              if part)
    waiting = waiting_text(item)
    if waiting and state in (ItemState.WAITING, ItemState.PAUSED, ItemState.SUBMITTING):
        return waiting
    held = account_wait_text(account_state)  # a rate limit holds even a row being sent
    if held and state in (ItemState.WAITING, ItemState.SUBMITTING):
        return held
    if state is ItemState.WAITING:
        return tr_n("item_text", item.credit_cost, "In line · costs %n credit",
                    "In line · costs %n credits")
    if state in (ItemState.SUBMITTING, ItemState.PROCESSING, ItemState.DOWNLOADING) and folder:
        return _tr("To {folder}").format(folder=shown_folder(Path(folder)))
    return ""


def account_wait_text(state: AccountState) -> str:
    """Why a row that was not sent yet waits, when the account holds every submission."""
    if state is AccountState.WAITING_FOR_CREDITS:
        return waiting_text_for(WaitReason.CREDITS)
    if state is AccountState.WAITING_FOR_KEY:
        return waiting_text_for(WaitReason.KEY)
    if state is AccountState.RATE_LIMITED:
        return _tr("Waiting for the rate limit to lift")
    if state is AccountState.SERVICE_TROUBLE:
        return _tr("Waiting for VideoConduit to recover")
    return ""


def shown_folder(folder: Path) -> str:
    """A folder as people read it: "~/Downloads/VideoConduit" inside the home folder."""
    try:
        return "~/" + folder.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(folder)


def saved_in(file_path: str | None) -> str:
    """"In ~/Downloads/VideoConduit": the title already names the file; this says where."""
    if not file_path:
        return ""
    return _tr("In {folder}").format(folder=shown_folder(Path(file_path).parent))


def tooltip(item: Item) -> str:
    """Everything about the row: link, status, the full problem and each 422 field error."""
    lines = [item.url, status_line(item)]
    if item.state is ItemState.FAILED and item.problem and item.problem not in lines[1]:
        lines.append(_tr("The service said: {detail}").format(detail=item.problem))
    if item.field_errors:
        lines.append(_tr("What VideoConduit rejected:"))
        lines.extend(f"  • {error}" for error in item.field_errors)
    waiting = waiting_text(item)
    if waiting:
        lines.append(waiting)
    if item.file_path:
        lines.append(_tr("Saved as {path}").format(path=item.file_path))
    if runs_programs(item):
        lines.append(_tr("This type of file can run programs on your computer; Open file asks "
                         "before opening it."))
    return "\n".join(lines)
