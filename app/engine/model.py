"""What the engine tells the outside world: item and account snapshots, and the events that carry
them. Everything here is immutable, so a listener (the UI) can keep what it receives."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.api.models import DownloadOptions, RateLimitInfo


class ItemState(StrEnum):
    WAITING = "waiting"
    SUBMITTING = "submitting"
    PROCESSING = "processing"
    DOWNLOADING = "downloading"
    PAUSED = "paused"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    # The service may have accepted the link (a reply got lost) but its job list does not show
    # it: nothing is sent again until the person chooses "Look again" or "Submit again".
    UNCONFIRMED = "unconfirmed"

    @property
    def is_finished(self) -> bool:
        return self in (ItemState.COMPLETED, ItemState.FAILED, ItemState.CANCELLED)

    @property
    def is_active(self) -> bool:
        return self in (ItemState.SUBMITTING, ItemState.PROCESSING, ItemState.DOWNLOADING)

    @property
    def is_pausable(self) -> bool:
        """Waiting or being worked on: Pause stops it."""
        return self is ItemState.WAITING or self.is_active


class ProblemKind(StrEnum):
    """Why an item stopped, so the UI can pick words and a fix without parsing text."""

    BAD_REQUEST = "bad_request"  # 400
    UNSUPPORTED = "unsupported"  # 404: site not supported or video unavailable
    CONFLICT = "conflict"  # 409
    VALIDATION = "validation"  # 422, with field errors
    JOB_FAILED = "job_failed"  # the service could not produce the file
    JOB_GONE = "job_gone"  # the service no longer knows a paid job (404/410 on its id)
    NO_FILE_LINK = "no_file_link"  # the job completed without a file link
    LINK_EXPIRED = "link_expired"  # the file link expired and a fresh one could not be had
    DISK_FULL = "disk_full"
    NOT_WRITABLE = "not_writable"
    NOT_MEDIA = "not_media"
    NETWORK = "network"  # gave up after retries
    SERVER = "server"  # gave up after retries
    SHORT_FILE = "short_file"  # the file host kept sending less than the job announced
    OVERSIZE_FILE = "oversize_file"  # the file host sent more than the job announced
    SIZE_MISMATCH = "size_mismatch"  # the host's own size and what arrived disagreed, repeatedly
    LINK_IN_THE_WAY = "link_in_the_way"  # a symlink sits at the .part's name: nothing written
    BAD_FILE_LINK = "bad_file_link"  # the job's download link is malformed or not http(s)
    PATH_TOO_LONG = "path_too_long"  # Windows: the folder leaves no room for a name (260 chars)
    FILE_HOST_STALLED = "file_host_stalled"  # the file host stayed too slow, after retries
    COMPRESSED_FILE = "compressed_file"  # the file host sent the file compressed: not kept
    PART_TAKEN = "part_taken"  # other files kept taking the partial file's name
    UNEXPECTED = "unexpected"  # a bug: ``problem`` holds the exception, for the details view
    OTHER = "other"


# Kinds whose retry needs a new, paid submission: never done without the person asking for it.
NEW_CHARGE_KINDS = frozenset({ProblemKind.JOB_FAILED, ProblemKind.JOB_GONE})


class WaitReason(StrEnum):
    """What a waiting or submitting item waits for, so the UI can say it (and until when)."""

    CREDITS = "credits"
    KEY = "key"
    CONFIRMING = "confirming"  # looking for the job of a submit whose answer got lost


class AccountState(StrEnum):
    READY = "ready"
    WAITING_FOR_CREDITS = "waiting_for_credits"  # 402: submissions paused, downloads go on
    WAITING_FOR_KEY = "waiting_for_key"  # 401/403 or no key: everything that needs the API waits
    RATE_LIMITED = "rate_limited"  # 429: resumes by itself at resume_at
    SERVICE_TROUBLE = "service_trouble"  # 5xx / network: retrying at resume_at


class KeyProblem(StrEnum):
    MISSING = "missing"
    INVALID = "invalid"  # 401
    FORBIDDEN = "forbidden"  # 403: deactivated or lacks permission


class TroubleKind(StrEnum):
    SERVER = "server"  # 500
    UPSTREAM = "upstream"  # 502: the video site failed, not VideoConduit
    UNAVAILABLE = "unavailable"  # 503
    NETWORK = "network"  # no connection / timeout
    MALFORMED = "malformed"  # a reply we could not read


# Slots: 50,000 snapshots live at once (engine and table); an instance dict each costs ~130 B.
@dataclass(frozen=True, slots=True)
class Item:
    id: int
    url: str
    options: DownloadOptions
    state: ItemState
    position: float
    added_at: float
    job_id: str | None = None
    filename: str | None = None
    file_path: str | None = None
    bytes_done: int = 0
    bytes_total: int | None = None
    job_progress: float | None = None  # the service's own 0–100 while processing
    speed: float | None = None  # bytes per second while downloading
    eta: float | None = None  # seconds left while downloading
    problem: str | None = None  # friendly sentence for the row
    problem_kind: ProblemKind | None = None
    field_errors: tuple[str, ...] = ()
    waiting_for: WaitReason | None = None
    wait_until: float | None = None  # Unix time the current wait ends (a look-up's deadline)

    @property
    def credit_cost(self) -> int:
        return self.options.credit_cost

    @property
    def needs_new_charge(self) -> bool:
        """Whether going on means a new paid submission (the person must say so)."""
        return self.state is ItemState.UNCONFIRMED or (
            self.state is ItemState.FAILED and self.problem_kind in NEW_CHARGE_KINDS)


def _waiting_items_builder() -> Callable[..., list[Item]]:
    """The body of waiting_items, written out from Item's own fields (as dataclasses writes
    __init__), so a field added to Item is set here too."""
    fields_ = dataclasses.fields(Item)
    given = ("id", "url", "options", "state", "position", "added_at")
    assert tuple(f.name for f in fields_[: len(given)]) == given
    names: dict[str, Any] = {"_new": Item.__new__, "_Item": Item}
    sets = []
    for number, item_field in enumerate(fields_):
        names[f"_set{number}"] = getattr(Item, item_field.name).__set__  # the slot itself
        if number < len(given):
            continue
        if item_field.default_factory is not dataclasses.MISSING:  # a fresh one for each item
            names[f"_default{number}"] = item_field.default_factory
            sets.append(f"_set{number}(item, _default{number}())")
        else:
            names[f"_default{number}"] = item_field.default
            sets.append(f"_set{number}(item, _default{number})")
    source = "\n".join([
        "def waiting_items(ids, urls, options, state, start, added_at):",
        "    made = []",
        "    for n, (item_id, url) in enumerate(zip(ids, urls, strict=True)):",
        "        item = _new(_Item)",
        "        _set0(item, item_id); _set1(item, url); _set2(item, options); _set3(item, state)",
        "        _set4(item, start + n); _set5(item, added_at)",
        f"        {'; '.join(sets)}",
        "        made.append(item)",
        "    return made",
    ])
    exec(source, names)  # noqa: S102 — our own text, made from Item's fields
    return names["waiting_items"]


_build_waiting_items = _waiting_items_builder()


def waiting_items(ids: Iterable[int], urls: Iterable[str], options: DownloadOptions,
                  start: float, added_at: float) -> list[Item]:
    """New WAITING items, alike but for their id, link and position (start, start + 1, …): the
    same snapshots Item(...) makes, built without its keyword handling and its frozen-field
    checks on each of 19 fields — half the time of a paste of 50,000 links's items."""
    return _build_waiting_items(ids, urls, options, ItemState.WAITING, start, added_at)


@dataclass(frozen=True)
class Account:
    state: AccountState = AccountState.READY
    key_problem: KeyProblem | None = None
    detail: str | None = None  # the server's own words for the current account-wide state
    credits_required: int | None = None
    credits_available: int | None = None  # last known balance (from a 402 body)
    rate_limit: RateLimitInfo | None = None
    resume_at: float | None = None  # Unix time: end of a 429 wait, a backoff or a credit re-check
    retry_attempt: int | None = None
    trouble: TroubleKind | None = None
    waiting_items: int = 0  # items that still need a submission
    waiting_credits: int = 0  # credits those items would cost


class RequestProblemKind(StrEnum):
    """Why a request the person asked for (details, a key test) did not work."""

    CREDITS = "credits"
    KEY_INVALID = "key_invalid"
    KEY_FORBIDDEN = "key_forbidden"
    UNSUPPORTED = "unsupported"
    RATE_LIMITED = "rate_limited"
    REJECTED = "rejected"  # 400/409/422: the request itself
    UPSTREAM = "upstream"
    NETWORK = "network"
    TROUBLE = "trouble"  # 5xx or an unreadable reply
    OTHER = "other"


@dataclass(frozen=True)
class RequestProblem:
    kind: RequestProblemKind
    detail: str | None = None  # the service's own words
    available: int | None = None  # credits, for CREDITS
    retry_after: float | None = None  # seconds, for RATE_LIMITED
    field_errors: tuple[str, ...] = ()


class RequestFailed(Exception):
    """A request the person asked for failed; ``problem`` says why, for the UI to word."""

    def __init__(self, problem: RequestProblem) -> None:
        super().__init__(problem.detail or problem.kind.value)
        self.problem = problem


@dataclass(frozen=True)
class IntakeReport:
    """What one paste/drop/command line did, so the UI can say it — never silently."""

    added: tuple[int, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)  # reason → count ("already_queued", …)
    # New links that were NOT queued because saving them failed (the queue's database refused
    # the insert: disk full, read-only, locked). Nothing of them was kept; adding them again
    # later works. ``not_added_reason`` is the store's own words, for the person.
    not_added: int = 0
    not_added_reason: str | None = None

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


class Outcome(StrEnum):
    """How a run ended, for --quit-when-done: the exit codes are 0, 1, 2."""

    ALL_COMPLETED = "all_completed"
    SOME_FAILED = "some_failed"
    WAITING_FOR_USER = "waiting_for_user"

    @property
    def exit_code(self) -> int:
        return {"all_completed": 0, "some_failed": 1, "waiting_for_user": 2}[self.value]


@dataclass(frozen=True)
class ItemsAdded:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ItemChanged:
    item: Item


@dataclass(frozen=True)
class ItemsRemoved:
    ids: tuple[int, ...]


@dataclass(frozen=True)
class ItemsReordered:
    order: tuple[int, ...]  # every item id, in the new order


@dataclass(frozen=True)
class AccountChanged:
    account: Account


EngineEvent = ItemsAdded | ItemChanged | ItemsRemoved | ItemsReordered | AccountChanged
