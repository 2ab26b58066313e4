"""Settings survive restarts, damaged files never stop the app, and the key never lands here."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

import pytest
from keyring.backends import fail

from app.keys import KeyStore
from app.settings import AppPaths, Settings, SettingsStore

KEY = "vc_SettingsTestKey_123456"


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths(tmp_path / "data")


def changed_settings(paths: AppPaths) -> Settings:
    return Settings(
        download_dir=paths.data_dir / "my videos",
        concurrency=5,
        notifications=False,
        clipboard_autofill=True,
        close_to_tray=True,
        billing_url="http://127.0.0.1:8765/top-up",
        upgrade_url="https://example.test/upgrade",
        api_base="http://127.0.0.1:8765",
        default_format="webm",
        default_quality="720p",
        default_audio_only=True,
        window_geometry="AdnQywADAAAAAAAA",
    )


def write_settings_file(paths: AppPaths, content: str | bytes) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode() if isinstance(content, str) else content
    paths.config_file.write_bytes(data)


def corrupt_copies(paths: AppPaths) -> list[Path]:
    return sorted(paths.config_file.parent.glob("settings.json.corrupt-*"))


def test_a_data_dir_holds_every_file_of_the_app(tmp_path):
    paths = AppPaths(tmp_path)
    assert paths.config_file == tmp_path / "settings.json"
    for path in (paths.database, paths.log_dir, paths.default_download_dir):
        assert path.parent == tmp_path


def test_without_a_data_dir_the_platform_locations_are_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    paths = AppPaths()
    assert paths.config_file == tmp_path / "config" / "videoconduit-desktop" / "settings.json"
    assert paths.database.parent == tmp_path / "share" / "videoconduit-desktop"
    assert paths.default_download_dir.name == "VideoConduit"


def test_first_start_gives_the_defaults(paths):
    settings = SettingsStore.for_paths(paths).load()
    assert settings == Settings(download_dir=paths.default_download_dir)
    assert settings.concurrency == 3 and settings.notifications and not settings.close_to_tray
    assert settings.billing_url == "https://videoconduit.com/pricing"


def test_settings_survive_a_restart(paths):
    wanted = changed_settings(paths)
    SettingsStore.for_paths(paths).save(wanted)

    assert SettingsStore.for_paths(paths).load() == wanted


@pytest.mark.parametrize("content", [
    b"", b"  \n", b"{not json", b"[1, 2, 3]", b'"a string"', b"\xff\xfe{}", b'{"concurrency": 4',
])
def test_a_damaged_file_gives_defaults_and_is_kept_aside_on_save(paths, content, caplog):
    write_settings_file(paths, content)
    store = SettingsStore.for_paths(paths)

    with caplog.at_level(logging.WARNING, logger="app.settings"):
        settings = store.load()

    assert settings == Settings(download_dir=paths.default_download_dir)
    assert "settings" in caplog.text
    assert paths.config_file.read_bytes() == content  # loading changes nothing
    store.save(settings)
    [kept] = corrupt_copies(paths)
    assert kept.read_bytes() == content
    assert json.loads(paths.config_file.read_text(encoding="utf-8"))["concurrency"] == 3


def test_bad_fields_fall_back_to_defaults_and_good_ones_are_kept(paths, caplog):
    write_settings_file(paths, json.dumps({
        "concurrency": "five",
        "notifications": False,
        "default_format": "avi",
        "default_quality": "1080p",
        "api_base": "ftp://nowhere",
        "close_to_tray": 1,
        "download_dir": "~/Videos/conduit",
        "a_setting_from_a_newer_version": True,
    }))

    original = paths.config_file.read_bytes()
    store = SettingsStore.for_paths(paths)
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        settings = store.load()

    assert settings.notifications is False
    assert settings.default_quality == "1080p"
    assert settings.download_dir == Path("~/Videos/conduit").expanduser()
    assert settings.concurrency == 3
    assert settings.default_format is None
    assert settings.api_base == "https://videoconduit.com"
    assert settings.close_to_tray is False
    for name in ("concurrency", "default_format", "api_base", "close_to_tray"):
        assert name in caplog.text
    store.save(settings)  # the user's hand edits are kept, not silently dropped
    assert [p.read_bytes() for p in corrupt_copies(paths)] == [original]


def test_a_good_file_is_not_kept_aside(paths):
    store = SettingsStore.for_paths(paths)
    store.save(changed_settings(paths))
    store.save(store.load())
    assert corrupt_copies(paths) == []


def test_every_field_is_checked(paths):
    # A field added to Settings without a check would let any JSON value through.
    nonsense = {f.name: {"nested": ["nonsense"]} for f in dataclasses.fields(Settings)}
    write_settings_file(paths, json.dumps(nonsense))

    defaults = Settings(download_dir=paths.default_download_dir)
    assert SettingsStore.for_paths(paths).load() == defaults


@pytest.mark.parametrize("concurrency", [0, -1, 11, 2.5, True])
def test_concurrency_out_of_range_is_refused(paths, concurrency):
    write_settings_file(paths, json.dumps({"concurrency": concurrency}))
    assert SettingsStore.for_paths(paths).load().concurrency == 3


def test_a_failed_save_leaves_the_previous_file_whole(paths):
    store = SettingsStore.for_paths(paths)
    previous = changed_settings(paths)
    store.save(previous)
    before = paths.config_file.read_bytes()

    # json.dump fails half-way through writing: an object it cannot serialise, after the others.
    unserialisable = dataclasses.replace(previous, window_geometry=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save(unserialisable)

    assert paths.config_file.read_bytes() == before
    assert [p.name for p in paths.config_file.parent.iterdir()] == ["settings.json"]
    assert store.load() == previous


def test_the_api_key_never_reaches_the_data_dir(paths, isolated_environment):
    keys = KeyStore(backend=fail.Keyring(), env={})
    keys.set(KEY)
    store = SettingsStore.for_paths(paths)
    store.save(store.load())

    assert paths.config_file.exists()
    for path in isolated_environment.rglob("*"):
        if path.is_file():
            assert b"vc_" not in path.read_bytes(), path


@pytest.fixture
def isolated_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path
