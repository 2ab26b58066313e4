"""The queue: items, their order, the commands a person gives, and the scheduler that decides
which item works next. The work on one item lives in ``pipeline.py``; what stops the whole
queue lives in ``account.py``; everything is persisted through ``store.py``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from app.api.client import VideoConduitClient
from app.api.errors import ApiError
from app.api.models import DownloadOptions
from app.engine import urls
from app.engine.account import AccountGate
from app.engine.heap import give_back_freed_memory
from app.engine.model import (
    Account,
    AccountChanged,
    AccountState,
    EngineEvent,
    IntakeReport,
    Item,
    ItemChanged,
    ItemsAdded,
    ItemsRemoved,
    ItemsReordered,
    ItemState,
    Outcome,
    ProblemKind,
    RequestFailed,
    WaitReason,
    waiting_items,
)
from app.engine.part_disk import FileId
from app.engine.part_writer import writer_busy
from app.engine.parts import PartFiles, PartIdentity, delete_own_part, delete_own_part_when_free
from app.engine.pipeline import ItemPipeline, PipelineParts
from app.engine.request_problems import request_problem
from app.engine.store import ItemRow, Store
from app.engine.submission import BRIEF_LOOK, PATIENT_LOOK_SECONDS
from app.engine.transfer import make_file_client
from app.engine.watcher import JobWatcher

log = logging.getLogger("app.engine")

# Item fields that live in the database; the rest (speed, ETA, …) is only for the screen.
_PERSISTED = {
    "state", "position", "job_id", "filename", "part_name", "part_identity", "file_path",
    "bytes_done", "bytes_total", "problem", "problem_kind", "field_errors",
}
# Not fields of an Item (the screen has no use for them), but persisted with it.
LOAD_STEP = 1000  # stored rows adopted per turn of the loop at start (~9 ms of work here)
LONG_LIVED_BATCH = 1_000  # items made at once from which they are frozen out of full collections
STILL_LOADING = "The queue is still loading; add these links again in a moment."
_STORE_ONLY = {"part_name", "part_identity"}


class Engine:
    def __init__(
        self,
        store: Store,
        client: VideoConduitClient,
        *,
        download_dir: Path,
        concurrency: int = 3,
        file_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.time,
        brief_look: tuple[float, ...] = BRIEF_LOOK,
        patient_look: float = PATIENT_LOOK_SECONDS,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.client = client
        self.download_dir = Path(download_dir)
        self.concurrency = max(1, concurrency)
        self.file_client = file_client or make_file_client()
        self._owns_file_client = file_client is None
        self.clock = clock
        self.gate = AccountGate(self._account_changed, clock)
        self.watcher = JobWatcher(client)
        self._items: dict[int, Item] = {}
        self._order: list[int] = []
        self._keys: dict[str, int] = {}  # normalized URL → item id, for de-duplication
        self._url_keys: dict[int, str] = {}
        self.parts = PartFiles()
        self.pipeline = ItemPipeline(PipelineParts(
            client=client, watcher=self.watcher, ledger=store, gate=self.gate, parts=self.parts,
            file_client=self.file_client, folder=lambda: self.download_dir, item=self.item,
            report=self.update, same_url=_same_url, clock=clock,
            brief_look=brief_look, patient_look=patient_look, sleep=sleep))
        self._tasks: dict[int, asyncio.Task[None]] = {}
        # Kept up to date item by item, so a command on 10,000 rows stays linear.
        self._waiting = 0  # items in WAITING
        self._unsubmitted = 0  # items that still need a (paid) submission
        self._unsubmitted_cost = 0
        self._listeners: list[Callable[[EngineEvent], None]] = []
        self._settled = asyncio.Event()
        self._recheck: asyncio.TimerHandle | None = None
        self._started = False
        self._loading = False
        self._closing = False
        self._part_deletions: set[asyncio.Future[None]] = set()  # parts waiting for their task
        # Tasks a command stopped that are still unwinding (closing their .part): close()
        # waits for them too, so a quit right after a pause leaves nothing running.
        self._stopping: set[asyncio.Task[None]] = set()
        client.subscribe(self.gate.on_client_event)

    # -- observing ------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[EngineEvent], None]) -> None:
        self._listeners.append(listener)

    def emit(self, event: EngineEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not stop the queue
                log.exception("engine listener failed")

    def _account_changed(self, account: Account) -> None:
        self.emit(AccountChanged(account))

    @property
    def items(self) -> list[Item]:
        return [self._items[i] for i in self._order]

    def item(self, item_id: int) -> Item | None:
        return self._items.get(item_id)

    @property
    def account(self) -> Account:
        return self.gate.account

    @property
    def estimated_cost(self) -> int:
        return self._unsubmitted_cost

    def _track(self, old: Item | None, new: Item | None) -> None:
        """Move the counters from an item's old snapshot to its new one."""
        if old is not None:
            self._count(old, -1)
        if new is not None:
            self._count(new, 1)

    def _count(self, item: Item, times: int) -> None:
        """Count `item` `times` times (negative: take it out) — a paste of 50,000 alike items
        is counted once, times 50,000."""
        if item.state is ItemState.WAITING:
            self._waiting += times
        # (Not one being confirmed: it may be paid already, and is never sent again by itself.)
        if (item.job_id is None and item.state in (ItemState.WAITING, ItemState.SUBMITTING)
                and item.waiting_for is not WaitReason.CONFIRMING):
            self._unsubmitted += times
            self._unsubmitted_cost += times * item.credit_cost

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self, progress: Callable[[int, int], object] | None = None) -> None:
        """Load the stored queue, then start scheduling. Rows are read a step of LOAD_STEP at a
        time off the loop (a thread; never all 50,000 at once: their freed memory would stay
        resident, ~40 MB), each step adopted, announced with ItemsAdded and followed by a turn of
        the loop, so a window stays responsive; `progress(loaded, total)` after each step. Links
        added meanwhile are refused with a sentence: their duplicates may not be loaded yet."""
        self._loading = True
        loaded = 0
        try:
            total = await asyncio.to_thread(self.store.count_items)
            rows = self.store.iter_items()
            options: dict[tuple[Any, ...], DownloadOptions] = {}
            while step := await asyncio.to_thread(lambda: list(itertools.islice(rows, LOAD_STEP))):
                self.emit(ItemsAdded(tuple(self._adopt(row, options) for row in step)))
                loaded += len(step)
                if progress is not None:
                    progress(loaded, max(total, loaded))
                await asyncio.sleep(0)
        finally:
            self._loading = False
        if not loaded:
            self.emit(ItemsAdded(()))
        else:
            self._keep_long_lived(loaded)
            give_back_freed_memory()  # the rows read on the way (~2 MB at 50,000 items)
        self._started = True
        if self.client.api_key is None:
            self.gate.key_missing()
        self.kick()

    def _adopt(self, row: ItemRow, options: dict[tuple[Any, ...], DownloadOptions]) -> Item:
        """One stored row into the queue's indexes."""
        item = _item_from_row(row, options)
        if item.state.is_active:  # interrupted: the pipeline picks it up from its job/intent
            item = dataclasses.replace(item, state=ItemState.WAITING)
        self._items[item.id] = item
        self._track(None, item)
        self._order.append(item.id)
        # Keys of older versions were made by an older normalisation: derive them again.
        key = urls.canonical_url(row.url)
        self._keys[key] = item.id
        self._url_keys[item.id] = key
        if row.part_name:
            self.parts.remember(item.id, row.part_name, PartIdentity.from_dict(row.part_identity))
        return item

    async def close(self) -> None:
        self._closing = True
        if self._recheck:
            self._recheck.cancel()
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, *self._stopping, return_exceptions=True)
        await self.watcher.close()
        await asyncio.gather(*self._part_deletions, return_exceptions=True)
        # Interrupted items are saved as waiting: the next start resumes them.
        for item in self._items.values():
            if item.state.is_active:
                self.store.update_item(item.id, state=ItemState.WAITING.value)
        if self._owns_file_client:
            await self.file_client.aclose()

    # -- intake ---------------------------------------------------------------------------

    def is_queued(self, url: str) -> bool:
        """Whether this link, in any of its forms, is in the queue already."""
        return urls.normalize_url(url) in self._keys

    def add_text(self, text: str, options: DownloadOptions | None = None) -> IntakeReport:
        return self._add_extraction(urls.extract_urls(text), options)

    def add_mime(self, payload: Mapping[str, bytes], options: DownloadOptions | None = None) -> IntakeReport:
        return self._add_extraction(urls.extract_from_mime(payload), options)

    def add_urls(self, candidates: Iterable[str], options: DownloadOptions | None = None) -> IntakeReport:
        return self.add_text("\n".join(candidates), options)

    def _add_extraction(self, found: urls.Extraction, options: DownloadOptions | None) -> IntakeReport:
        if self._loading:  # a link may be a stored one not loaded yet: never queue it twice
            return IntakeReport(not_added=len(found.urls), not_added_reason=STILL_LOADING)
        options = options or DownloadOptions()
        skipped = dict(found.skipped)
        keys = self._keys
        fresh_urls: list[str] = []
        fresh_keys: list[str] = []
        for url, key in zip(found.urls, found.url_keys, strict=True):
            if key in keys:
                skipped["already_queued"] = skipped.get("already_queued", 0) + 1
            else:
                keys[key] = -1  # reserved; a repeat later in this payload was already dropped
                fresh_urls.append(url)
                fresh_keys.append(key)
        now = self.clock()
        start = (max((self._items[i].position for i in self._order), default=0.0)) + 1
        try:
            # Stored (committed) before any of them is an item the scheduler can submit.
            ids = self.store.insert_links(
                fresh_urls, fresh_keys, options=options.to_dict(), state=ItemState.WAITING.value,
                first_position=start, added_at=now) if fresh_urls else range(0)
        except Exception as exc:
            # The store refused (disk full, read-only, locked …) in one transaction: nothing was
            # kept. Not queued, so not "already queued" either: the reservations go, and adding
            # the same links later works.
            for key in fresh_keys:
                if keys.get(key) == -1:
                    del keys[key]
            log.exception("could not save %d new links to the queue", len(fresh_urls))
            return IntakeReport(skipped={k: v for k, v in skipped.items() if v},
                                not_added=len(fresh_urls), not_added_reason=str(exc) or type(exc).__name__)
        added = self._adopt_new(ids, fresh_urls, fresh_keys, options, start, now)
        if added:
            self.emit(ItemsAdded(added))
            self._keep_long_lived(len(added))
            self.kick()
        return IntakeReport(added=tuple(ids), skipped={k: v for k, v in skipped.items() if v})

    def _adopt_new(self, ids: Sequence[int], links: list[str], keys: list[str],
                   options: DownloadOptions, start: float, now: float) -> tuple[Item, ...]:
        """Freshly stored links into the queue's indexes: waiting items, alike but for their
        link and position (start, start + 1, …)."""
        added = tuple(waiting_items(ids, links, options, start, now))
        self._items.update(zip(ids, added, strict=True))
        self._order.extend(ids)
        self._keys.update(zip(keys, ids, strict=True))
        self._url_keys.update(zip(ids, keys, strict=True))
        if added:
            self._count(added[0], len(added))
        return added

    # -- commands -------------------------------------------------------------------------

    def _command(self, apply: Callable[[Iterable[int]], None], ids: Iterable[int]) -> None:
        """A command on many rows: one transaction, then one scheduling pass."""
        ids = list(ids)
        with self.store.batch():
            apply(ids)
        self._keep_long_lived(len(ids))
        self.kick()

    @staticmethod
    def _keep_long_lived(made: int) -> None:
        """Items made by the thousand (the stored queue loaded, a long paste, a command on many
        rows) live until the next such command. A full garbage collection walking 50,000 of them
        held the window's loop for 25-80 ms in the middle of downloads (tests/perf P3's max):
        frozen, later collections skip them. Items hold no reference cycles, so one that is
        replaced later is still freed at once. Collected first: freeze() also keeps for good
        whatever cyclic garbage awaits a collection (~11 ms at 50,000 rows, inside a command
        that takes ~0.9 s; later collections skip what the earlier freezes kept)."""
        if made >= LONG_LIVED_BATCH:
            gc.collect()
            gc.freeze()

    def pause(self, ids: Iterable[int]) -> None:
        self._command(self._pause, ids)

    def _pause(self, ids: Iterable[int]) -> None:
        for item_id in ids:
            item = self._items.get(item_id)
            if item and item.state.is_pausable:
                self._stop_task(item_id)
                self.update(item_id, state=ItemState.PAUSED, speed=None, eta=None, waiting_for=None)

    def resume(self, ids: Iterable[int]) -> None:
        self._command(self._resume, ids)

    def _resume(self, ids: Iterable[int]) -> None:
        for item_id in ids:
            item = self._items.get(item_id)
            if item and item.state is ItemState.PAUSED:
                self.update(item_id, state=ItemState.WAITING)

    def cancel(self, ids: Iterable[int]) -> None:
        self._command(self._cancel, ids)

    def _cancel(self, ids: Iterable[int]) -> None:
        for item_id in ids:
            item = self._items.get(item_id)
            if item and not item.state.is_finished:
                self._discard_part(item_id, self._stop_task(item_id))
                self.update(item_id, state=ItemState.CANCELLED, speed=None, eta=None,
                            bytes_done=0, waiting_for=None, wait_until=None)

    def retry(self, ids: Iterable[int]) -> None:
        """Go on with failed or cancelled items without paying again: a paid job is reused, and
        an item that would need a new charge is left alone (that is ``submit_again``)."""
        self._command(self._retry, ids)

    def _retry(self, ids: Iterable[int]) -> None:
        for item_id in ids:
            item = self._items.get(item_id)
            if item and item.state in (ItemState.FAILED, ItemState.CANCELLED) and not item.needs_new_charge:
                self.update(item_id, state=ItemState.WAITING, problem=None, problem_kind=None,
                            field_errors=())

    def look_again(self, ids: Iterable[int]) -> None:
        """An unconfirmed submit: look for its job in the list once more (costs nothing)."""
        self._command(self._look_again, ids)

    def _look_again(self, ids: Iterable[int]) -> None:
        for item_id in ids:
            item = self._items.get(item_id)
            if item and item.state is ItemState.UNCONFIRMED:
                self.update(item_id, state=ItemState.WAITING)

    def submit_again(self, ids: Iterable[int]) -> None:
        """The person asked for a new, paid submission: for an unconfirmed submit (giving up
        its open intent), a failed job or a job the service no longer has."""
        self._command(self._submit_again, ids)

    def _submit_again(self, ids: Iterable[int]) -> None:
        for item_id in ids:
            item = self._items.get(item_id)
            if item and item.needs_new_charge:
                self.pipeline.submitter.abandon_open_intent(item_id)
                self._discard_part(item_id)  # the new job's file is not the old one's
                self.update(item_id, state=ItemState.WAITING, job_id=None, problem=None,
                            problem_kind=None, field_errors=(), bytes_done=0)

    def retry_plan(self, ids: Iterable[int]) -> tuple[list[int], list[int], int]:
        """(ids retried for free, ids that need a new charge, the credits those would cost)."""
        free: list[int] = []
        paid: list[int] = []
        for item_id in ids:
            item = self._items.get(item_id)
            if item is None:
                continue
            if item.needs_new_charge:
                paid.append(item_id)
            elif item.state in (ItemState.FAILED, ItemState.CANCELLED):
                free.append(item_id)
        return free, paid, sum(self._items[i].credit_cost for i in paid)

    def failed_ids(self) -> list[int]:
        return [i for i in self._order
                if self._items[i].state in (ItemState.FAILED, ItemState.UNCONFIRMED)]

    def remove(self, ids: Iterable[int]) -> None:
        removed = []
        for item_id in ids:
            item = self._items.get(item_id)
            if item is None:
                continue
            ending = self._stop_task(item_id)
            if item.state is not ItemState.COMPLETED:
                self._discard_part(item_id, ending)
            del self._items[item_id]
            self._track(item, None)
            self._keys.pop(self._url_keys.pop(item_id, ""), None)
            removed.append(item_id)
        if removed:
            gone = set(removed)
            self._order = [i for i in self._order if i not in gone]
            with self.store.batch():
                self.store.detach_intents(removed)  # money may have moved: keep their intents
                self.store.delete_items(removed)
            self.emit(ItemsRemoved(tuple(removed)))
            self.kick()

    def clear_finished(self) -> None:
        self.remove([i for i in self._order
                     if self._items[i].state in (ItemState.COMPLETED, ItemState.CANCELLED)])

    def move(self, ids: Iterable[int], before_id: int | None) -> None:
        moving = [i for i in ids if i in self._items]
        moving_set = set(moving)
        rest = [i for i in self._order if i not in moving_set]
        at = rest.index(before_id) if before_id in rest else len(rest)
        self._order = rest[:at] + moving + rest[at:]
        positions = [(item_id, float(n)) for n, item_id in enumerate(self._order)]
        self.store.set_positions(positions)
        for item_id, position in positions:
            self._items[item_id] = dataclasses.replace(self._items[item_id], position=position)
        self.emit(ItemsReordered(tuple(self._order)))
        self.kick()

    def set_api_key(self, key: str | None) -> None:
        self.client.api_key = key
        if key:
            self.gate.key_changed()
        else:
            self.gate.key_missing()
        self.kick()

    def retry_now(self) -> None:
        self.gate.recheck_credits_now()
        self.kick()

    def set_concurrency(self, n: int) -> None:
        self.concurrency = max(1, n)
        self.kick()

    def set_download_dir(self, path: Path) -> None:
        self.download_dir = Path(path)

    async def fetch_info(self, item_id: int) -> dict[str, Any]:
        """Costs the person a credit: only ever called when they asked for details.
        Raises RequestFailed with what went wrong."""
        try:
            return await self.client.get_info(self._items[item_id].url)
        except ApiError as exc:
            raise RequestFailed(request_problem(exc)) from None

    # -- state changes (used by the pipeline) ---------------------------------------------

    def update(self, item_id: int, *, persist: bool = True, **changes: Any) -> Item | None:
        """The one writer of items: the snapshot, the row (a job id together with its ledger
        entry) and the event."""
        item = self._items.get(item_id)
        if item is None:
            return None
        old, item = item, dataclasses.replace(
            item, **{k: v for k, v in changes.items() if k not in _STORE_ONLY})
        self._items[item_id] = item
        self._track(old, item)
        stored = {k: _to_db(v) for k, v in changes.items() if k in _PERSISTED}
        if persist and stored:
            self.store.update_item(item_id, **stored)
        self.emit(ItemChanged(item))
        if "state" in changes or "job_id" in changes:
            self._refresh_waiting_counts()
            self._check_settled()
        if changes.get("waiting_for") is WaitReason.CONFIRMING:
            asyncio.get_running_loop().call_soon(self.kick)  # its slot is free for another
        return item

    def _discard_part(self, item_id: int, ending: asyncio.Task[None] | None = None) -> None:
        """Forget the item's .part now and delete the file once nothing writes it: Cancel and
        Remove stop the item's task (``ending``), whose writer may still hold the file open.
        Only the file we created is deleted, in the folder we created it in (not a same-named
        file in today's download folder, nor one that took its name). The command itself stays
        synchronous."""
        identity = self.parts.identity_of(item_id)
        name = self.parts.release(item_id)
        if name is None:
            return
        self.update(item_id, part_name=None, part_identity=None)
        if identity is None or identity.folder is None:
            return  # nothing tells where a part of ours would be, or that there is one
        path = Path(identity.folder) / name
        if ending is None and not writer_busy(path):
            delete_own_part(path, identity.file_id)
            return
        deletion = asyncio.ensure_future(self._delete_part_after(item_id, path, identity.file_id, ending))
        self._part_deletions.add(deletion)
        deletion.add_done_callback(self._part_deletions.discard)

    async def _delete_part_after(self, item_id: int, path: Path, own: FileId | None,
                                 task: asyncio.Task[None] | None) -> None:
        if own is None and task is not None:  # the task may create the part after the command
            await asyncio.wait([task])
            late = self.parts.identity_of(item_id)
            if late is not None and self.parts.name_of(item_id) is None:
                self.parts.set_identity(item_id, None)
                own = late.file_id
        await delete_own_part_when_free(path, own, task)

    def _refresh_waiting_counts(self) -> None:
        self.gate.waiting_counts(self._unsubmitted, self._unsubmitted_cost)

    # -- scheduling -----------------------------------------------------------------------

    def kick(self) -> None:
        """Start whatever may start now. Cheap; called after anything changes."""
        if not self._started or self._closing:
            return
        busy = self._busy_slots()
        for item_id in self._order:
            if busy >= self.concurrency or not self.gate.may_call_api:
                break
            item = self._items[item_id]
            if item.state is not ItemState.WAITING or item_id in self._tasks:
                continue
            # Items without a job (an open intent included: it reconciles before it may POST
            # again) need the account's permission to submit.
            if item.job_id is None and not self.gate.claim_submission():
                continue
            self._tasks[item_id] = asyncio.ensure_future(self._run(item_id))
            busy += 1
        self._schedule_credit_recheck()
        self._refresh_waiting_counts()
        self._check_settled()

    def _busy_slots(self) -> int:
        """Tasks that take a slot: looking for a lost submit's job (up to ten minutes of a few
        list reads) does not, or three such links would stop the whole queue meanwhile."""
        return sum(1 for item_id in self._tasks
                   if (item := self._items.get(item_id)) is None
                   or item.waiting_for is not WaitReason.CONFIRMING)

    def _schedule_credit_recheck(self) -> None:
        delay = self.gate.seconds_until_recheck()
        if self._recheck:
            self._recheck.cancel()
            self._recheck = None
        if delay is not None and delay > 0:
            self._recheck = asyncio.get_running_loop().call_later(delay + 0.05, self.kick)

    async def _run(self, item_id: int) -> None:
        try:
            await self.pipeline.run(item_id)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug must cost one row, not the queue
            log.exception("item %s failed unexpectedly", item_id)
            self.update(item_id, state=ItemState.FAILED, problem_kind=ProblemKind.UNEXPECTED,
                        problem=f"{type(exc).__name__}: {exc}", speed=None, eta=None)
        finally:
            if self._tasks.get(item_id) is asyncio.current_task():
                del self._tasks[item_id]
            self.gate.submission_ended()
            self.kick()

    def _stop_task(self, item_id: int) -> asyncio.Task[None] | None:
        """Cancel the item's task; returns it (it ends a little later) if there was one."""
        task = self._tasks.pop(item_id, None)
        if task:
            task.cancel()
            self._stopping.add(task)
            task.add_done_callback(self._stopping.discard)
        return task

    # -- settling (for --quit-when-done) --------------------------------------------------

    def _check_settled(self) -> None:
        if self._tasks:
            self._settled.clear()
            return
        needs_person = self.account.state in (AccountState.WAITING_FOR_CREDITS, AccountState.WAITING_FOR_KEY)
        if not self._waiting or needs_person:
            self._settled.set()
        else:
            self._settled.clear()

    async def wait_until_settled(self) -> Outcome:
        while True:
            await self._settled.wait()
            await asyncio.sleep(0)  # let a kick that is about to start work do so
            if self._settled.is_set():
                break
        states = [i.state for i in self._items.values()]
        if {ItemState.WAITING, ItemState.PAUSED, ItemState.UNCONFIRMED} & set(states):
            return Outcome.WAITING_FOR_USER
        if ItemState.FAILED in states:
            return Outcome.SOME_FAILED
        return Outcome.ALL_COMPLETED


def _same_url(a: str, b: str) -> bool:
    """Whether a job's url (as the service tells it) is this item's link."""
    return urls.canonical_url(a) == urls.canonical_url(b)


def _to_db(value: Any) -> Any:
    if isinstance(value, ItemState | ProblemKind):
        return value.value
    return value


def _options_of(stored: Any, seen: dict[tuple[Any, ...], DownloadOptions]) -> DownloadOptions:
    try:
        key = tuple(sorted(stored.items())) if isinstance(stored, dict) else None
        hash(key)
    except TypeError:  # a list or dict inside: parse it on its own
        key = None
    if key is None:
        return DownloadOptions.from_dict(stored)
    if key not in seen:
        seen[key] = DownloadOptions.from_dict(stored)
    return seen[key]


def _item_from_row(row: ItemRow, options: dict[tuple[Any, ...], DownloadOptions]) -> Item:
    """`options`: parsed options by their stored form, shared across a load (most of a queue
    has the same few: one object each, and no parsing per row)."""
    return Item(
        id=row.id, url=row.url, options=_options_of(row.options, options),
        state=ItemState(row.state), position=row.position, added_at=row.added_at,
        job_id=row.job_id, filename=row.filename, file_path=row.file_path,
        bytes_done=row.bytes_done, bytes_total=row.bytes_total, problem=row.problem,
        problem_kind=ProblemKind(row.problem_kind) if row.problem_kind else None,
        field_errors=row.field_errors,
    )
