"""SQLite persistence: the queue, the submission ledger and the download history.

The only module that writes SQL. WAL mode, so a killed process loses at most the transaction in
flight, and every state change is its own short transaction. The ledger is what keeps a URL from
being charged twice: the intent to submit is committed *before* the POST and the job id right
after it, so a restart can tell "never sent" from "sent, reply lost".
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 4

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        url_key TEXT NOT NULL,
        options TEXT NOT NULL,
        state TEXT NOT NULL,
        position REAL NOT NULL,
        added_at REAL NOT NULL,
        job_id TEXT,
        filename TEXT,
        part_name TEXT,
        file_path TEXT,
        bytes_done INTEGER NOT NULL DEFAULT 0,
        bytes_total INTEGER,
        problem TEXT,
        problem_kind TEXT,
        field_errors TEXT,
        updated_at REAL NOT NULL
    );
    CREATE INDEX items_url_key ON items(url_key);
    CREATE TABLE ledger (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL,
        url TEXT NOT NULL,
        intent_at REAL NOT NULL,
        job_id TEXT,
        settled_at REAL
    );
    CREATE INDEX ledger_item ON ledger(item_id);
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        job_id TEXT,
        file_path TEXT NOT NULL,
        size INTEGER,
        completed_at REAL NOT NULL
    );
    """,
    # The ledger learns the Idempotency-Key of each intent, the service's clock when it was made,
    # and what became of its last POST (see IntentOutcome). An open intent of version 1 has no
    # outcome: like one whose POST was in flight, it is looked up, never re-sent on a guess.
    2: """
    ALTER TABLE ledger ADD COLUMN idempotency_key TEXT;
    ALTER TABLE ledger ADD COLUMN service_at REAL;
    ALTER TABLE ledger ADD COLUMN outcome TEXT;
    """,
    # What an item's .part holds (parts.PartIdentity as JSON: job id, the host's validator, the
    # announced size). A part of version 2 has none, so it is never resumed: restarting it costs
    # bandwidth once, resuming it could finish a file with another job's bytes.
    3: """
    ALTER TABLE items ADD COLUMN part_identity TEXT;
    """,
    # Which API key an intent was sent with (a one-way fingerprint, never the key): an
    # Idempotency-Key is only good for the API key it was first sent with.
    4: """
    ALTER TABLE ledger ADD COLUMN key_fingerprint TEXT;
    """,
}

ITEM_COLUMNS = (
    "url", "url_key", "options", "state", "position", "added_at", "job_id", "filename",
    "part_name", "file_path", "bytes_done", "bytes_total", "problem", "problem_kind",
    "field_errors", "part_identity",
)


@dataclass(frozen=True)
class ItemRow:
    """One persisted item, exactly as stored."""

    id: int
    url: str
    url_key: str
    options: dict[str, Any]
    state: str
    position: float
    added_at: float
    job_id: str | None
    filename: str | None
    part_name: str | None
    file_path: str | None
    bytes_done: int
    bytes_total: int | None
    problem: str | None
    problem_kind: str | None
    field_errors: tuple[str, ...]
    part_identity: dict[str, Any] | None = None


class IntentOutcome(StrEnum):
    """What the ledger knows about an intent's last POST."""

    SENDING = "sending"  # sent, or about to be: no answer recorded — money may have moved
    TROUBLE = "trouble"  # the service said it had trouble (documented 5xx): may be re-sent after a look
    REFUSED = "refused"  # a definite refusal: nothing was charged
    JOB = "job"  # accepted: the job id is recorded
    ABANDONED = "abandoned"  # the person chose to submit again instead of waiting for this one


@dataclass(frozen=True)
class Intent:
    item_id: int
    url: str
    intent_at: float  # local clock
    idempotency_key: str | None = None
    service_at: float | None = None  # the service's clock at the intent, when known
    outcome: IntentOutcome = IntentOutcome.SENDING
    key_fingerprint: str | None = None


@dataclass(frozen=True)
class HistoryEntry:
    url: str
    job_id: str | None
    file_path: str
    size: int | None
    completed_at: float


class StoreError(Exception):
    """The database could not be opened or written; the message is for a person."""


class Store:
    def __init__(self, path: Path | str) -> None:
        try:
            self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed intent or job id survives a power cut, not only a crash (the
            # ledger is what keeps a link from being paid twice); tests/perf measures the cost.
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"Could not open the queue database {path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    # -- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"The queue database was written by a newer version (schema {current}); "
                "please update VideoConduit Desktop."
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            # One statement at a time: executescript() would commit our transaction early.
            statements = [s for s in _MIGRATIONS[version].split(";") if s.strip()]
            with self._transaction():
                for statement in statements:
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version={version}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def batch(self) -> _Transaction:
        """One transaction for many writes (a command on 10,000 rows): all or nothing, one commit."""
        return _Transaction(self._db)

    # -- items ----------------------------------------------------------------------------

    def load_items(self) -> list[ItemRow]:
        return list(self.iter_items())

    def count_items(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM items").fetchone()[0])

    def iter_items(self) -> Iterator[ItemRow]:
        """The stored items one at a time, in queue order: a caller that keeps only what it
        derives from each row never holds 50,000 rows at once (their freed memory stays
        resident, scattered between what is kept: ~40 MB at 50,000 items)."""
        cursor = self._db.execute(
            f"SELECT id, {', '.join(ITEM_COLUMNS)} FROM items ORDER BY position, id"
        )
        for row in cursor:
            yield _row_to_item(row)

    def insert_items(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert items with any stored columns in one transaction; returns their ids in order
        (rows of any state, as tests and tools set them up; shares one statement per column set
        and one encoding per distinct options). New links from the person go through
        insert_links."""
        ids: list[int] = []
        statements: dict[tuple[str, ...], str] = {}
        encoded: dict[tuple[str, Any], Any] = {}
        now = time.time()
        with self._transaction():
            for row in rows:
                columns = tuple(c for c, v in row.items() if v is not None and c in _ITEM_COLUMN_SET)
                statement = statements.get(columns)
                if statement is None:
                    statement = statements[columns] = (
                        f"INSERT INTO items ({', '.join(columns)}, updated_at) "
                        f"VALUES ({', '.join('?' * len(columns))}, ?)")
                values = [_encode_cached(c, row[c], encoded) if c in _JSON_COLUMNS else row[c]
                          for c in columns]
                cursor = self._db.execute(statement, (*values, now))
                ids.append(int(cursor.lastrowid or 0))
        return ids

    def insert_links(self, urls: Sequence[str], url_keys: Sequence[str], *, options: dict[str, Any],
                     state: str, first_position: float, added_at: float) -> range:
        """New items, one per link of `urls` (its key the same place of `url_keys`), alike but
        for their link and consecutive positions from `first_position`: all or none, in one
        transaction; returns their ids in order. A paste of 50,000 links: one executemany of
        rows made as it goes instead of one execute per row (half of the insert's time). The
        ids are given, not left to SQLite: the next ones after the highest, as SQLite itself
        would pick them, read under the transaction's write lock, so no other writer can take
        them in between."""
        now = time.time()
        encoded = _encode("options", options)
        with self._transaction():
            first = int(self._db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM items").fetchone()[0])
            self._db.executemany(
                "INSERT INTO items (id, url, url_key, options, state, position, added_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((first + n, url, key, encoded, state, first_position + n, added_at, now)
                 for n, (url, key) in enumerate(zip(urls, url_keys, strict=True))))
        return range(first, first + len(urls))

    def update_item(self, item_id: int, **fields: Any) -> None:
        """The one writer of an item's row. A job id is written together with the settling of
        the item's open intent, in one transaction: the ledger and the row never disagree."""
        unknown = set(fields) - set(ITEM_COLUMNS)
        if unknown:
            raise ValueError(f"unknown item fields: {sorted(unknown)}")
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        values = [_encode(name, value) for name, value in fields.items()]
        now = time.time()
        with self._transaction():
            if fields.get("job_id"):
                self._db.execute(
                    "UPDATE ledger SET job_id = ?, settled_at = ?, outcome = ? "
                    "WHERE item_id = ? AND settled_at IS NULL",
                    (fields["job_id"], now, IntentOutcome.JOB.value, item_id),
                )
            self._db.execute(
                f"UPDATE items SET {assignments}, updated_at = ? WHERE id = ?",
                (*values, now, item_id),
            )

    def set_positions(self, positions: Iterable[tuple[int, float]]) -> None:
        with self._transaction():
            self._db.executemany(
                "UPDATE items SET position = ? WHERE id = ?",
                [(position, item_id) for item_id, position in positions],
            )

    def delete_items(self, ids: Iterable[int]) -> None:
        with self._transaction():
            self._db.executemany("DELETE FROM items WHERE id = ?", [(i,) for i in ids])

    # -- the submission ledger ------------------------------------------------------------

    def record_intent(self, item_id: int, url: str, now: float, idempotency_key: str | None = None,
                      service_at: float | None = None, key_fingerprint: str | None = None) -> Intent:
        """Committed (durably) before the POST: from here on, a restart must look, not resubmit."""
        self._db.execute(
            "INSERT INTO ledger (item_id, url, intent_at, idempotency_key, service_at, outcome, "
            "key_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (item_id, url, now, idempotency_key, service_at, IntentOutcome.SENDING.value,
             key_fingerprint),
        )
        return Intent(item_id, url, now, idempotency_key, service_at, key_fingerprint=key_fingerprint)

    def set_intent_service_time(self, item_id: int, service_at: float) -> None:
        """The service's clock at the intent, learnt from the first reply after it."""
        self._db.execute(
            "UPDATE ledger SET service_at = ? WHERE item_id = ? AND settled_at IS NULL "
            "AND service_at IS NULL", (service_at, item_id))

    def detach_intents(self, item_ids: Iterable[int]) -> None:
        """The items are removed, but money may have moved for their open intents: keep those,
        belonging to no item (a negative id), until the same link is queued again."""
        self._db.executemany(
            "UPDATE ledger SET item_id = -item_id WHERE item_id = ? AND settled_at IS NULL",
            [(i,) for i in item_ids])

    def detached_intents(self) -> list[tuple[int, str]]:
        """(ledger row id, url) of open intents whose item was removed."""
        return list(self._db.execute(
            "SELECT id, url FROM ledger WHERE item_id < 0 AND settled_at IS NULL"))

    def attach_intent(self, ledger_id: int, item_id: int) -> None:
        """A removed item's open intent becomes this item's (the same link, queued again)."""
        self._db.execute("UPDATE ledger SET item_id = ? WHERE id = ? AND item_id < 0",
                         (item_id, ledger_id))

    def set_intent_outcome(self, item_id: int, outcome: IntentOutcome, now: float) -> None:
        """Record what became of the open intent's POST; REFUSED and ABANDONED settle it."""
        settled = now if outcome in (IntentOutcome.REFUSED, IntentOutcome.ABANDONED) else None
        self._db.execute(
            "UPDATE ledger SET outcome = ?, settled_at = ? WHERE item_id = ? AND settled_at IS NULL",
            (outcome.value, settled, item_id),
        )

    def open_intent(self, item_id: int) -> Intent | None:
        row = self._db.execute(
            "SELECT item_id, url, intent_at, idempotency_key, service_at, outcome, key_fingerprint "
            "FROM ledger WHERE item_id = ? AND settled_at IS NULL ORDER BY intent_at LIMIT 1",
            (item_id,),
        ).fetchone()
        if row is None:
            return None
        outcome = IntentOutcome(row[5]) if row[5] else IntentOutcome.SENDING
        return Intent(row[0], row[1], row[2], row[3], row[4], outcome, row[6])

    def known_job_ids(self) -> set[str]:
        rows = self._db.execute("SELECT job_id FROM ledger WHERE job_id IS NOT NULL")
        return {row[0] for row in rows}

    # -- history --------------------------------------------------------------------------

    def add_history(self, entry: HistoryEntry) -> None:
        self._db.execute(
            "INSERT INTO history (url, job_id, file_path, size, completed_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (entry.url, entry.job_id, entry.file_path, entry.size, entry.completed_at),
        )

    def history(self, limit: int = 1000) -> list[HistoryEntry]:
        rows = self._db.execute(
            "SELECT url, job_id, file_path, size, completed_at FROM history "
            "ORDER BY completed_at DESC LIMIT ?",
            (limit,),
        )
        return [HistoryEntry(*row) for row in rows]


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error (the connection is in autocommit mode).
    Inside an open transaction it joins that one, so batches can wrap any store call."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._outermost = False

    def __enter__(self) -> None:
        self._outermost = not self._db.in_transaction
        if self._outermost:
            self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._outermost:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")


_JSON_COLUMNS = frozenset({"options", "field_errors", "part_identity"})
_ITEM_COLUMN_SET = frozenset(ITEM_COLUMNS)  # no other key of a row ever reaches the SQL


def _encode_cached(column: str, value: Any, cache: dict[tuple[str, Any], Any]) -> Any:
    try:
        key = (column, tuple(sorted(value.items())) if isinstance(value, dict) else tuple(value))
        hash(key)
    except TypeError:  # unhashable parts: encode it every time
        return _encode(column, value)
    if key not in cache:
        cache[key] = _encode(column, value)
    return cache[key]


def _encode(column: str, value: Any) -> Any:
    if column == "options":
        return json.dumps(value or {}, sort_keys=True)
    if column == "field_errors":
        return json.dumps(list(value or []))
    if column == "part_identity":
        return None if value is None else json.dumps(value, sort_keys=True)
    return value


def _row_to_item(row: tuple[Any, ...]) -> ItemRow:
    values = dict(zip(("id", *ITEM_COLUMNS), row, strict=True))
    values["options"] = _decode_json(values["options"], {})
    values["field_errors"] = tuple(_decode_json(values["field_errors"], []))
    values["part_identity"] = _decode_json(values["part_identity"], None)
    return ItemRow(**values)


def _decode_json(text: str | None, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default
