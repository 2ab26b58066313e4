"""The API key, kept in the operating system's keyring — and nowhere else on disk.

This is the only module that imports keyring. When there is no usable keyring (no D-Bus session,
a locked or broken Secret Service, keyring's fail backend) the key lives in memory for this
session only and the store says so; it never falls back to a plaintext file.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

import keyring
import keyring.backend
from keyring.backends import chainer, fail
from keyring.errors import PasswordDeleteError

# The reasons below are marked for translation (the key dialog translates them; the CLI prints
# them as they are); the marker only returns its text.
from PySide6.QtCore import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SERVICE_NAME = "VideoConduit Desktop"
USERNAME = "api-key"
ENV_VARIABLE = "VIDEOCONDUIT_API_KEY"

KEY_PREFIX = "vc_"
MIN_KEY_BODY_LENGTH = 8
# Same alphabet as the log redaction pattern in app.logs, so every valid key is redactable.
_KEY_BODY = re.compile(r"[A-Za-z0-9_\-]+")

SESSION_ONLY_DESCRIPTION = "no system keyring — the key is kept for this session only"

# Backend module → what a user recognises. keyring's own names ("SecretService Keyring") are not.
_BACKEND_DESCRIPTIONS = {
    "keyring.backends.SecretService": "GNOME Keyring (Secret Service)",
    "keyring.backends.libsecret": "GNOME Keyring (libsecret)",
    "keyring.backends.kwallet": "KDE Wallet",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Locker",
}


def normalize_key(key: str) -> str:
    """The key as meant: pasted keys often carry a trailing newline or surrounding spaces."""
    return key.strip()


def validate_key_format(key: str) -> str | None:
    """None if `key` (after stripping whitespace) looks like an API key, else a friendly reason."""
    key = normalize_key(key)
    if not key:
        return QT_TRANSLATE_NOOP("keys", "Paste your API key.")
    if not key.startswith(KEY_PREFIX):
        return QT_TRANSLATE_NOOP("keys", "An API key starts with vc_")
    body = key[len(KEY_PREFIX) :]
    if any(ch.isspace() for ch in body):
        return QT_TRANSLATE_NOOP("keys", "An API key has no spaces in it — copy it again in one piece.")
    if len(body) < MIN_KEY_BODY_LENGTH:
        return QT_TRANSLATE_NOOP("keys", "This key is too short — copy the whole key.")
    if not _KEY_BODY.fullmatch(body):
        return QT_TRANSLATE_NOOP("keys", "An API key contains only letters, digits, '-' and '_'.")
    return None


@dataclass(frozen=True)
class StoreResult:
    """What happened to a key given to KeyStore.set, in words the UI can show as they are."""

    persistent: bool
    message: str


class KeyStore:
    """Reads, stores and forgets the API key.

    Precedence for get(): a key set during this session, then the VIDEOCONDUIT_API_KEY
    environment variable (never persisted), then the system keyring.
    """

    def __init__(
        self,
        backend: keyring.backend.KeyringBackend | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._backend = backend if backend is not None else _system_keyring()
        self._env = env if env is not None else os.environ
        self._session_key: str | None = None
        self._persistent = _is_usable(self._backend)
        self._loaded = False  # load() has read the keyring: get() answers from memory
        self._stored_key: str | None = None
        self._changes = 0  # set()/delete() calls: a read that overlapped one is stale

    @property
    def persistent(self) -> bool:
        """True while keys given to set() survive a restart of the app."""
        return self._persistent

    @property
    def backend_description(self) -> str:
        if not self._persistent:
            return SESSION_ONLY_DESCRIPTION
        return _describe(self._backend)

    @property
    def env_override(self) -> str | None:
        """The key from VIDEOCONDUIT_API_KEY, if that is set."""
        value = normalize_key(self._env.get(ENV_VARIABLE, ""))
        return value or None

    def get(self) -> str | None:
        if self._session_key is not None:
            return self._session_key
        if (override := self.env_override) is not None:
            return override
        if self._loaded:
            return self._stored_key
        return self._read_keyring()

    def load(self) -> str | None:
        """Read the stored key once and remember it; later get() calls answer from memory.

        This may block for minutes: a Secret Service whose collection is locked (or not created
        yet) shows its own password prompt and answers only when the person does. The window
        calls it on a worker thread and says meanwhile that it waits for the keyring."""
        if self._session_key is None and self.env_override is None:
            changes = self._changes
            stored = self._read_keyring()
            if changes == self._changes:  # else the person set or removed the key meanwhile
                self._stored_key = stored
                self._loaded = True
        return self.get()

    @property
    def changes(self) -> int:
        """How many times the key was set or removed in this session."""
        return self._changes

    def _read_keyring(self) -> str | None:
        if not _is_usable(self._backend):
            return None
        try:
            return self._backend.get_password(SERVICE_NAME, USERNAME)
        except Exception as exc:  # a locked or broken keyring must not stop the app
            _warn("read the API key from", exc)
            self._persistent = False
            return None

    def set(self, key: str) -> StoreResult:
        """Store `key` (stripped). Raises ValueError if it does not look like an API key."""
        key = normalize_key(key)
        if (reason := validate_key_format(key)) is not None:
            raise ValueError(reason)
        self._changes += 1
        self._session_key = key
        self._persistent = self._write_to_keyring(key)
        if self._persistent:
            self._stored_key = key
        if self._persistent:
            return StoreResult(True, f"The key is saved in {self.backend_description}.")
        return StoreResult(False, "There is no usable system keyring, so the key is kept for this "
                                  "session only; you will be asked for it again next time.")

    def delete(self) -> None:
        """Forget the key in this session and in the keyring. The environment variable stays."""
        self._changes += 1
        self._session_key = None
        self._stored_key = None
        self._loaded = True  # removed: a read still under way must not bring it back
        if not _is_usable(self._backend):
            return
        try:
            self._backend.delete_password(SERVICE_NAME, USERNAME)
        except PasswordDeleteError:
            pass  # nothing was stored: already forgotten
        except Exception as exc:
            _warn("remove the API key from", exc)

    def _write_to_keyring(self, key: str) -> bool:
        if not _is_usable(self._backend):
            return False
        try:
            self._backend.set_password(SERVICE_NAME, USERNAME, key)
            # Some backends "succeed" without storing (an empty chainer); trust only a read-back.
            stored = self._backend.get_password(SERVICE_NAME, USERNAME)
        except Exception as exc:
            _warn("save the API key in", exc)
            return False
        if stored != key:
            log.warning("The system keyring did not keep the API key; keeping it for this session")
            return False
        return True


def _system_keyring() -> keyring.backend.KeyringBackend:
    try:
        return keyring.get_keyring()
    except Exception as exc:  # e.g. a keyringrc.cfg naming a backend that does not load
        _warn("open", exc)
        return fail.Keyring()


def _is_usable(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def _describe(backend: keyring.backend.KeyringBackend) -> str:
    if isinstance(backend, chainer.ChainerBackend) and backend.backends:
        backend = backend.backends[0]
    fallback = f"the system keyring ({backend.name})"
    return _BACKEND_DESCRIPTIONS.get(type(backend).__module__, fallback)


def _warn(action: str, exc: Exception) -> None:
    # The type tells a D-Bus error from a locked keyring; the log filter redacts any key in it.
    log.warning("Could not %s the system keyring: %s: %s", action, type(exc).__name__, exc)
