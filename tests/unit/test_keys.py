"""The API key store: the real Secret Service, no keyring at all, a broken one, the env override."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail
from keyring.errors import KeyringLocked, NoKeyringError

from app.keys import (
    ENV_VARIABLE,
    SERVICE_NAME,
    SESSION_ONLY_DESCRIPTION,
    USERNAME,
    KeyStore,
    validate_key_format,
)

KEY = "vc_TestKey_0123456789-abcdef"
OTHER_KEY = "vc_AnotherKey_9876543210"
REPO_ROOT = Path(__file__).resolve().parents[2]


def secret_tool_lookup(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["secret-tool", "lookup", "service", SERVICE_NAME, "username", USERNAME],
        env=env, capture_output=True, text=True, timeout=15,
    )


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


@pytest.fixture
def real_store(secret_service):
    """A KeyStore on the private Secret Service, with nothing stored before or after the test."""
    store = KeyStore(backend=secret_service.backend(), env={})
    store.delete()
    yield store
    KeyStore(backend=secret_service.backend(), env={}).delete()


@pytest.fixture
def isolated_home(tmp_path, monkeypatch):
    """HOME, XDG dirs and the working directory inside tmp_path, so a file written anywhere a
    plaintext fallback would write it can be found by scanning tmp_path."""
    for name, sub in [("HOME", "home"), ("XDG_DATA_HOME", "home/.local/share"),
                      ("XDG_CONFIG_HOME", "home/.config"), ("XDG_CACHE_HOME", "home/.cache")]:
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.chdir(tmp_path)
    return tmp_path


class BrokenKeyring(KeyringBackend):
    """A keyring whose every call fails the way a locked or unreachable one does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        raise self.error

    def set_password(self, service, username, password):
        raise self.error

    def delete_password(self, service, username):
        raise self.error


class ForgetfulKeyring(KeyringBackend):
    """Says yes to everything and keeps nothing, like a chainer whose backends all decline."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        pass

    def delete_password(self, service, username):
        pass


class EmptyChainer(chainer.ChainerBackend):
    backends: list[KeyringBackend] = []  # type: ignore[assignment]


# --- the real Secret Service -------------------------------------------------------------------


@pytest.mark.keyring
def test_key_is_saved_in_the_secret_service_and_read_back_by_others(real_store, secret_service):
    result = real_store.set(KEY + "\n")

    assert result.persistent and real_store.persistent
    assert real_store.backend_description == "GNOME Keyring (Secret Service)"
    assert "GNOME Keyring" in result.message
    lookup = secret_tool_lookup(secret_service.env)
    assert lookup.returncode == 0, lookup.stderr
    assert lookup.stdout.strip() == KEY
    assert KeyStore(backend=secret_service.backend(), env={}).get() == KEY


@pytest.mark.keyring
def test_setting_a_new_key_replaces_the_old_one(real_store, secret_service):
    real_store.set(KEY)
    real_store.set(OTHER_KEY)

    assert secret_tool_lookup(secret_service.env).stdout.strip() == OTHER_KEY
    assert KeyStore(backend=secret_service.backend(), env={}).get() == OTHER_KEY


@pytest.mark.keyring
def test_delete_removes_the_key_from_the_secret_service(real_store, secret_service):
    real_store.set(KEY)
    real_store.delete()

    assert real_store.get() is None
    assert KeyStore(backend=secret_service.backend(), env={}).get() is None
    lookup = secret_tool_lookup(secret_service.env)
    assert lookup.returncode != 0 and lookup.stdout == ""
    real_store.delete()  # deleting again is not an error


@pytest.mark.keyring
def test_env_override_wins_and_is_never_persisted(real_store, secret_service):
    real_store.set(KEY)
    store = KeyStore(backend=secret_service.backend(), env={ENV_VARIABLE: f" {OTHER_KEY}\n"})

    assert store.get() == OTHER_KEY
    assert store.env_override == OTHER_KEY
    assert secret_tool_lookup(secret_service.env).stdout.strip() == KEY


@pytest.mark.keyring
def test_the_app_process_finds_the_secret_service_by_itself(secret_service):
    description = _default_store_in_child(secret_service.env)
    assert description == "True GNOME Keyring (Secret Service)"


def test_without_a_session_bus_the_app_process_keeps_keys_for_the_session_only():
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    assert _default_store_in_child(env) == f"False {SESSION_ONLY_DESCRIPTION}"


def _default_store_in_child(env: dict[str, str]) -> str:
    """What a fresh app process picks: keyring chooses its backend once per process."""
    code = ("from app.keys import KeyStore; s = KeyStore(env={}); "
            "print(s.persistent, s.backend_description)")
    child = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == 0, child.stderr
    return child.stdout.strip()


# --- no keyring, or a broken one ---------------------------------------------------------------


@pytest.mark.parametrize("backend", [fail.Keyring(), EmptyChainer()], ids=["fail", "empty-chain"])
def test_without_a_keyring_the_key_is_kept_for_this_session_only(backend, isolated_home):
    store = KeyStore(backend=backend, env={})
    assert not store.persistent
    assert store.backend_description == SESSION_ONLY_DESCRIPTION

    result = store.set(KEY)

    assert not result.persistent
    assert "this session only" in result.message
    assert store.get() == KEY
    assert KeyStore(backend=backend, env={}).get() is None
    assert files_containing(isolated_home, KEY) == []
    store.delete()
    assert store.get() is None


@pytest.mark.parametrize("error", [
    KeyringLocked("Failed to unlock the collection!"),
    NoKeyringError("No recommended backend was available"),
    RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown"),
    ConnectionRefusedError(111, "Connection refused"),
], ids=lambda e: type(e).__name__)
def test_a_broken_keyring_never_crashes(error, isolated_home, caplog):
    store = KeyStore(backend=BrokenKeyring(error), env={})

    with caplog.at_level(logging.WARNING, logger="app.keys"):
        assert store.get() is None
        result = store.set(KEY)
        store.delete()

    assert not result.persistent and not store.persistent
    assert store.backend_description == SESSION_ONLY_DESCRIPTION
    assert "system keyring" in caplog.text and type(error).__name__ in caplog.text
    assert KEY not in caplog.text
    assert files_containing(isolated_home, KEY) == []


def test_a_keyring_that_does_not_keep_the_key_is_not_called_persistent():
    store = KeyStore(backend=ForgetfulKeyring(), env={})
    assert not store.set(KEY).persistent
    assert store.backend_description == SESSION_ONLY_DESCRIPTION
    assert store.get() == KEY


def test_an_unreachable_secret_service_is_a_broken_keyring(tmp_path, monkeypatch):
    # The real backend, with a bus address nobody listens on: the D-Bus error a user gets when
    # the keyring daemon has died.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    store = KeyStore(backend=SecretService.Keyring(), env={})

    assert store.get() is None
    assert not store.set(KEY).persistent
    assert store.get() == KEY


def test_a_key_set_in_this_session_wins_over_the_env_override():
    store = KeyStore(backend=fail.Keyring(), env={ENV_VARIABLE: OTHER_KEY})
    assert store.get() == OTHER_KEY
    store.set(KEY)
    assert store.get() == KEY


def test_an_empty_env_override_is_ignored():
    store = KeyStore(backend=fail.Keyring(), env={ENV_VARIABLE: "  \n"})
    assert store.env_override is None
    assert store.get() is None


def test_set_refuses_something_that_is_not_a_key():
    store = KeyStore(backend=fail.Keyring(), env={})
    with pytest.raises(ValueError, match="starts with vc_"):
        store.set("sk_live_12345678")
    assert store.get() is None


# --- key format --------------------------------------------------------------------------------


@pytest.mark.parametrize("pasted", [
    "vc_abcdefgh", "vc_ABC123_-xyz789", f"  {KEY}\n", f"{KEY}\r\n", f"\t{KEY}",
])
def test_valid_keys_are_accepted(pasted):
    assert validate_key_format(pasted) is None


@pytest.mark.parametrize(("pasted", "reason_part"), [
    ("", "Paste"),
    (" \n ", "Paste"),
    ("abcdefghijk", "starts with vc_"),
    ("VC_abcdefghijk", "starts with vc_"),
    ("Bearer vc_abcdefghijk", "starts with vc_"),
    ("vc_abcd efghijk", "no spaces"),
    ("vc_abcd\nefghijk", "no spaces"),
    ("vc_abcdefg", "too short"),
    ("vc_", "too short"),
    ("vc_abcdefgh!", "letters, digits"),
    ("vc_abcdéfghij", "letters, digits"),
])
def test_invalid_keys_get_a_friendly_reason(pasted, reason_part):
    reason = validate_key_format(pasted)
    assert reason is not None and reason_part in reason
