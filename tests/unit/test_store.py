"""The SQLite store: schema, ledger and the promise that a reopened database has what was written."""

import sqlite3

import pytest

from app.engine.store import SCHEMA_VERSION, HistoryEntry, IntentOutcome, Store, StoreError


def _row(url: str, position: float = 1.0) -> dict:
    return {"url": url, "url_key": url, "options": {"audio_only": True}, "state": "waiting",
            "position": position, "added_at": 1.0}


def test_new_database_gets_current_schema_in_wal_mode(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(tmp_path / "q.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_items_survive_reopening(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    ids = store.insert_items([_row("https://a.example/1", 1), _row("https://a.example/2", 2)])
    store.update_item(ids[1], state="failed", problem="nope", field_errors=("url: bad",))
    store.close()
    rows = Store(tmp_path / "q.sqlite3").load_items()
    assert [r.url for r in rows] == ["https://a.example/1", "https://a.example/2"]
    assert rows[0].options == {"audio_only": True}
    assert (rows[1].state, rows[1].problem, rows[1].field_errors) == ("failed", "nope", ("url: bad",))


def test_ledger_keeps_an_open_intent_until_a_job_is_recorded(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    (item_id,) = store.insert_items([_row("https://a.example/1")])
    store.record_intent(item_id, "https://a.example/1", 100.0)
    store.close()
    store = Store(tmp_path / "q.sqlite3")  # as after a crash
    intent = store.open_intent(item_id)
    assert intent is not None and intent.intent_at == 100.0
    store.update_item(item_id, job_id="job-1")
    assert store.open_intent(item_id) is None
    assert store.known_job_ids() == {"job-1"}
    assert store.load_items()[0].job_id == "job-1"


def test_refused_intent_is_settled_without_a_job(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    (item_id,) = store.insert_items([_row("https://a.example/1")])
    store.record_intent(item_id, "https://a.example/1", 100.0)
    store.set_intent_outcome(item_id, IntentOutcome.REFUSED, 100.5)
    assert store.open_intent(item_id) is None
    assert store.known_job_ids() == set()


def test_history_outlives_the_queue_row(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    (item_id,) = store.insert_items([_row("https://a.example/1")])
    store.add_history(HistoryEntry("https://a.example/1", "job-1", "/d/a.mp4", 10, 5.0))
    store.delete_items([item_id])
    assert store.load_items() == []
    assert [h.file_path for h in store.history()] == ["/d/a.mp4"]


def test_database_from_a_newer_version_is_refused_with_words(tmp_path):
    path = tmp_path / "q.sqlite3"
    sqlite3.connect(path).execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version"):
        Store(path)


def test_unknown_field_update_is_a_programming_error(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    with pytest.raises(ValueError):
        store.update_item(1, colour="red")


def test_a_parts_identity_is_kept_with_its_row(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    (item_id,) = store.insert_items([_row("https://a.example/1")])
    identity = {"job_id": "job-1", "validator": '"etag"', "size": 1000}
    store.update_item(item_id, part_name="a.mp4.part", part_identity=identity)
    store.close()
    store = Store(tmp_path / "q.sqlite3")
    row = store.load_items()[0]
    assert (row.part_name, row.part_identity) == ("a.mp4.part", identity)
    store.update_item(item_id, part_name=None, part_identity=None)
    assert store.load_items()[0].part_identity is None


def test_a_version_2_queue_keeps_its_parts_without_an_identity(tmp_path):
    """Migration 3: a part written before identities were kept has none (so it is restarted,
    never resumed into what may be another job's file)."""
    path = tmp_path / "q.sqlite3"
    db = sqlite3.connect(path)
    from app.engine.store import _MIGRATIONS

    for version in (1, 2):
        for statement in _MIGRATIONS[version].split(";"):
            if statement.strip():
                db.execute(statement)
    db.execute("INSERT INTO items (url, url_key, options, state, position, added_at, part_name, "
               "updated_at) VALUES ('u', 'u', '{}', 'paused', 1, 1, 'a.mp4.part', 1)")
    db.execute("PRAGMA user_version=2")
    db.commit()
    db.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    row = store.load_items()[0]
    assert (row.part_name, row.part_identity) == ("a.mp4.part", None)


def test_an_open_intent_of_a_version_1_queue_is_looked_up_never_resent(tmp_path):
    """Migrations 2 and 4: an intent left open by version 1 (a crash mid-submit) has no outcome,
    no key and no fingerprint; it reads as SENDING — money may have moved, so it is looked up."""
    from app.engine.store import _MIGRATIONS, IntentOutcome

    path = tmp_path / "q.sqlite3"
    db = sqlite3.connect(path)
    for statement in _MIGRATIONS[1].split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT INTO items (url, url_key, options, state, position, added_at, updated_at) "
               "VALUES ('u', 'u', '{}', 'submitting', 1, 1, 1)")
    db.execute("INSERT INTO ledger (item_id, url, intent_at) VALUES (1, 'u', 5.0)")
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    intent = Store(path).open_intent(1)
    assert intent is not None and intent.outcome is IntentOutcome.SENDING
    assert (intent.idempotency_key, intent.key_fingerprint, intent.service_at) == (None, None, None)


def test_links_inserted_at_once_get_the_next_ids_in_order_and_survive_reopening(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    old = store.insert_items([_row("https://a.example/old", 1), _row("https://a.example/gone", 2)])
    store.delete_items([old[0]])
    ids = store.insert_links(["https://a.example/1", "https://a.example/2"], ["key-1", "key-2"],
                             options={"audio_only": True}, state="waiting", first_position=3.0,
                             added_at=7.0)
    assert list(ids) == [old[1] + 1, old[1] + 2]  # after the highest, as SQLite would pick them
    store.close()
    rows = Store(tmp_path / "q.sqlite3").load_items()
    assert [(r.id, r.url, r.url_key, r.position) for r in rows[1:]] == [
        (ids[0], "https://a.example/1", "key-1", 3.0), (ids[1], "https://a.example/2", "key-2", 4.0)]
    assert {(r.options["audio_only"], r.state, r.added_at) for r in rows[1:]} == {(True, "waiting", 7.0)}


def test_links_inserted_at_once_are_all_kept_or_none(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    store.insert_links(["https://a.example/1"], ["k1"], options={}, state="waiting",
                       first_position=1.0, added_at=1.0)
    # The second row breaks a constraint (no url): the first of the batch must not stay either.
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_links(["https://a.example/2", None], ["k2", "k3"],  # type: ignore[list-item]
                           options={}, state="waiting", first_position=2.0, added_at=1.0)
    assert [r.url for r in store.load_items()] == ["https://a.example/1"]
    again = store.insert_links(["https://a.example/2"], ["k2"], options={}, state="waiting",
                               first_position=2.0, added_at=1.0)
    assert [r.url for r in store.load_items()] == ["https://a.example/1", "https://a.example/2"]
    assert list(again) == [2]
