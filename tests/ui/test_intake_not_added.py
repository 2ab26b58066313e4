"""The intake sentence says when links were not added because the queue could not be saved."""

from __future__ import annotations

from app.engine.model import IntakeReport
from app.ui.intake import report_message


def test_links_the_store_refused_are_said_to_be_not_added(qapp):
    assert report_message(IntakeReport(not_added=3, not_added_reason="database or disk is full")) == (
        "3 links were not added: the queue could not be saved (database or disk is full)")
    assert report_message(IntakeReport(not_added=1)) == (
        "1 link was not added: the queue could not be saved")


def test_the_sentence_still_counts_what_was_skipped(qapp):
    report = IntakeReport(skipped={"already_queued": 1}, not_added=2, not_added_reason="database is locked")
    assert report_message(report) == (
        "2 links were not added: the queue could not be saved (database is locked)"
        " · skipped 1 (1 already in the queue)")


def test_a_report_without_failures_reads_as_before(qapp):
    assert report_message(IntakeReport(added=(1, 2))) == "Queued 2 links"
    assert report_message(IntakeReport()) == "No links found — drop or paste web links (https://…)"
