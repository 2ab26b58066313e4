"""The options strip: what new links are queued with, what they cost, what the queue will cost."""

from __future__ import annotations

import json

import pytest

from tests.ui.conftest import sandbox_options


@pytest.fixture
def sandbox_settings():
    return sandbox_options(credits=0)  # nothing can be submitted: the queue keeps waiting


def test_the_strip_says_what_each_download_and_the_waiting_queue_cost(running_app, qtbot):
    window = running_app.window
    strip = window.options_strip
    assert strip.cost_label.text() == "Each video costs 2 credits · audio only 1"

    window.intake.add_text("https://a.example/1 https://a.example/2 https://a.example/3")
    strip.audio_only.setChecked(True)
    window.intake.add_text("https://a.example/song")

    qtbot.waitUntil(lambda: strip.estimate_label.text() == "Queue: ~7 credits for 4 waiting items",
                    timeout=5000)


def test_chosen_options_are_remembered_in_the_settings_file(running_app):
    strip = running_app.window.options_strip
    strip.format_box.setCurrentIndex(strip.format_box.findData("webm"))
    strip.quality_box.setCurrentIndex(strip.quality_box.findData("720p"))

    saved = json.loads(running_app.context.settings_store.path.read_text())
    assert (saved["default_format"], saved["default_quality"]) == ("webm", "720p")
    assert strip.options().format == "webm"


def test_an_audio_format_turns_audio_only_on_and_quality_off(running_app):
    strip = running_app.window.options_strip
    strip.format_box.setCurrentIndex(strip.format_box.findData("mp3"))

    assert strip.audio_only.isChecked()
    assert not strip.quality_box.isEnabled()
    options = strip.options()
    assert (options.format, options.audio_only, options.quality) == ("mp3", True, None)
