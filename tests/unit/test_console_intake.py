"""The command line says what happened to the links it was given — including when the queue
could not save them."""

from app.engine.model import IntakeReport
from app.main import _print_intake


def test_links_the_store_refused_are_said_to_be_not_added(capsys):
    _print_intake(IntakeReport(skipped={"already_queued": 1}, not_added=2,
                               not_added_reason="database is locked"))
    line = capsys.readouterr().err.strip()
    assert line == ("Queued 0 link(s); skipped 1 (1 already queued); 2 link(s) NOT added: the queue "
                    "could not be saved (database is locked)")
