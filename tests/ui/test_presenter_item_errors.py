"""Per-item problems from the real sandbox live in their rows, in words; problems a person can fix
on this machine also raise one banner per kind with the fix."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from app.engine.model import ItemState, ProblemKind
from app.ui.queue_model import Column

FILE_SIZE = 300_000
VALIDATION_REPLY = {"status": 422, "json": {"detail": [
    {"loc": ["body", "url"], "msg": "URL is too long", "type": "value_error.any_str.max_length"},
    {"loc": ["body", "quality"], "msg": "unexpected value", "type": "value_error.const"},
]}}


def row_texts(window, url: str) -> tuple[str, str]:
    model = window.model
    for row in range(model.rowCount()):
        if model.item_at(row).url == url:
            return (model.index(row, Column.STATUS).data(),
                    model.index(row, Column.DETAILS).data())
    raise AssertionError(f"no row for {url}")


def test_refused_links_explain_themselves_in_their_rows(running_app, qtbot):
    window = running_app.window
    unsupported = "https://unsupported.example/watch/1"
    bad = "https://video.example/badrequest"
    conflict = "https://video.example/conflict"
    invalid = "https://video.example/too-long"
    running_app.engine.add_urls([unsupported, bad, conflict])
    running_app.wait_for_items(lambda items: all(i.state is ItemState.FAILED for i in items))
    running_app.sandbox.admin.queue_faults("/v1/download", [VALIDATION_REPLY], "POST")
    running_app.engine.add_urls([invalid])
    running_app.wait_for_items(lambda items: all(i.state is ItemState.FAILED for i in items))
    qtbot.waitUntil(lambda: row_texts(window, invalid)[0].startswith("Failed"), timeout=2000)

    assert row_texts(window, unsupported)[1] == (
        "This site isn't supported, or the video is unavailable")
    assert row_texts(window, bad)[1].startswith("VideoConduit could not accept this link (")
    assert row_texts(window, conflict)[1].startswith("VideoConduit already has this download (")
    assert row_texts(window, invalid)[1] == ("VideoConduit rejected the request: "
                                             "url: URL is too long; quality: unexpected value")
    for url in (unsupported, bad, conflict, invalid):
        assert row_texts(window, url)[0] == "Failed"  # the sentence is said once, in Details
    # Nothing here is account-wide: no dialog, no banner but the sandbox's.
    assert list(window.presenter.banners) == ["sandbox"]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def pretend_the_disk_is_full(monkeypatch, folder: Path) -> None:
    """Without root there is no small disk to fill, so the download folder reports 1 KB free —
    the same answer a full disk gives. Everything else (sandbox, engine, transfer) is real."""
    real_usage = shutil.disk_usage

    def usage(path):
        found = real_usage(path)
        if Path(path).resolve().is_relative_to(folder.resolve()):
            return found._replace(free=1000)
        return found

    monkeypatch.setattr(shutil, "disk_usage", usage)


def test_a_full_disk_raises_one_banner_with_the_fix(running_app, qtbot, monkeypatch):
    presenter = running_app.window.presenter
    pretend_the_disk_is_full(monkeypatch, running_app.download_dir)
    running_app.engine.add_urls([f"https://video.example/huge-{n}?size={FILE_SIZE}"
                                 for n in range(2)])
    running_app.wait_for_items(
        lambda items: all(i.problem_kind is ProblemKind.DISK_FULL for i in items), timeout=15)
    qtbot.waitUntil(lambda: "disk_full" in presenter.banners
                    and "2 downloads" in presenter.banners["disk_full"].text(), timeout=2000)
    banner = presenter.banners["disk_full"]
    assert banner.text() == ("Your disk is full — free some space, then press Retry. "
                             "(2 downloads are stopped.)")

    running_app.engine.remove([running_app.engine.items[0].id])
    qtbot.waitUntil(lambda: "(2 downloads" not in banner.text(), timeout=2000)
    assert banner.text() == "Your disk is full — free some space, then press Retry."
    banner.action_button.click()  # Retry: the disk is still full, so the banner comes back
    running_app.wait_for_items(lambda items: items[0].state is ItemState.FAILED, timeout=10)
    qtbot.waitUntil(lambda: "disk_full" in presenter.banners, timeout=2000)


def test_an_unwritable_folder_offers_another_folder(running_app, qtbot, tmp_path):
    presenter, context = running_app.window.presenter, running_app.context
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("a file where the download folder should be")
    missing = a_file / "videos"
    context.settings.download_dir = missing
    running_app.engine.set_download_dir(missing)
    running_app.engine.add_urls(["https://video.example/homeless"])
    qtbot.waitUntil(lambda: "not_writable" in presenter.banners, timeout=10_000)
    banner = presenter.banners["not_writable"]
    assert banner.text() == f"Can't write to {missing} — choose another download folder."

    banner.action_button.click()
    chooser = presenter.dialogs["folder"]
    chooser.selectFile(str(running_app.download_dir))
    chooser.accept()

    running_app.wait_for_items(lambda items: items[0].state is ItemState.COMPLETED)
    assert context.settings.download_dir == running_app.download_dir
    assert running_app.engine.download_dir == running_app.download_dir
    assert len(list(running_app.download_dir.iterdir())) == 1
    qtbot.waitUntil(lambda: "not_writable" not in presenter.banners, timeout=2000)
