"""User settings as JSON in the platform's config directory, and where every file of the app lives.

Settings never hold the API key (that is app.keys' business). A damaged settings file never stops
the app: bad fields fall back to their defaults, and the original is kept as
settings.json.corrupt-<timestamp> before anything overwrites it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_DIR_NAME = "videoconduit-desktop"
FORMATS = ("mp4", "webm", "mp3", "m4a")
QUALITIES = ("best", "1080p", "720p", "480p", "360p")
MAX_CONCURRENCY = 10


@dataclass(frozen=True)
class AppPaths:
    """Where files go: platformdirs locations, or everything under `data_dir` when one is given
    (--data-dir: portable use, demos and tests never touch the user's real folders)."""

    data_dir: Path | None = None

    @property
    def config_file(self) -> Path:
        return self._under("settings.json", platformdirs.user_config_path(APP_DIR_NAME, False))

    @property
    def database(self) -> Path:
        return self._under("videoconduit.sqlite3", platformdirs.user_data_path(APP_DIR_NAME, False))

    @property
    def sandbox_database(self) -> Path:
        """The embedded sandbox's queue, beside the real one: demo jobs never mix with real ones."""
        return self.database.with_name("sandbox-queue.sqlite3")

    def queue_database(self, sandbox: bool) -> Path:
        return self.sandbox_database if sandbox else self.database

    @property
    def log_dir(self) -> Path:
        if self.data_dir is not None:
            return self.data_dir / "logs"
        return platformdirs.user_log_path(APP_DIR_NAME, False)

    @property
    def default_download_dir(self) -> Path:
        if self.data_dir is not None:
            return self.data_dir / "downloads"
        return platformdirs.user_downloads_path() / "VideoConduit"

    def _under(self, name: str, platform_dir: Path) -> Path:
        return (self.data_dir if self.data_dir is not None else platform_dir) / name


@dataclass
class Settings:
    download_dir: Path
    concurrency: int = 3
    notifications: bool = True
    clipboard_autofill: bool = False
    close_to_tray: bool = False
    billing_url: str = "https://videoconduit.com/pricing"
    upgrade_url: str = "https://videoconduit.com/pricing"
    api_base: str = "https://videoconduit.com"
    default_format: str | None = None
    default_quality: str | None = None
    default_audio_only: bool = False
    window_geometry: str | None = None
    # How long to look for the job of a submit whose answer got lost before asking the person
    # (advanced: settings file only; the job list of a busy service can lag by minutes).
    lookup_seconds: float = 600.0
    # Links from a browser: a videoconduit:// link (any web page can open one) waits in a bar for
    # the person's OK; one sent from our extension's menu (the person clicked it) starts at once.
    hold_scheme_links: bool = True
    hold_extension_links: bool = False


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_concurrency(value: Any) -> bool:
    return type(value) is int and 1 <= value <= MAX_CONCURRENCY


def _is_http_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def service_address_problem(value: Any) -> str | None:
    """None when ``value`` may be the service address; else the sentence saying why not. The
    API key travels with every request, so it must be https:// — plain http:// only for this
    computer (127.0.0.0/8, ::1, localhost: the embedded sandbox)."""
    if value == Settings.api_base:  # the usual case, known good: httpx is not needed for it
        return None
    from app.api.transport import INVALID_SERVICE_SENTENCE, service_url_problem

    if not isinstance(value, str):
        return INVALID_SERVICE_SENTENCE
    return service_url_problem(value)


def _is_service_address(value: Any) -> bool:
    return service_address_problem(value) is None


def _is_optional_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _one_of_or_none(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda value: value is None or value in choices


def _is_path(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


# Why a refused value is refused, where a sentence says more than "using the default".
_PROBLEMS: dict[str, Callable[[Any], str | None]] = {"api_base": service_address_problem}

_VALIDATORS: dict[str, Callable[[Any], bool]] = {
    "download_dir": _is_path,
    "concurrency": _is_concurrency,
    "notifications": _is_bool,
    "clipboard_autofill": _is_bool,
    "close_to_tray": _is_bool,
    "billing_url": _is_http_url,
    "upgrade_url": _is_http_url,
    "api_base": _is_service_address,
    "default_format": _one_of_or_none(FORMATS),
    "default_quality": _one_of_or_none(QUALITIES),
    "default_audio_only": _is_bool,
    "window_geometry": _is_optional_str,
    "lookup_seconds": lambda value: type(value) in (int, float) and 1 <= value <= 86_400,
    "hold_scheme_links": _is_bool,
    "hold_extension_links": _is_bool,
}


class SettingsStore:
    """Loads and saves Settings at `path`; `defaults` supplies every field the file lacks."""

    def __init__(self, path: Path, defaults: Settings) -> None:
        self.path = path
        self.defaults = defaults
        self._keep_original_before_save = False

    @classmethod
    def for_paths(cls, paths: AppPaths) -> SettingsStore:
        return cls(paths.config_file, Settings(download_dir=paths.default_download_dir))

    def load(self) -> Settings:
        """The saved settings; defaults for anything missing or wrong. Never raises."""
        self._keep_original_before_save = False
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return dataclasses.replace(self.defaults)
        except (OSError, UnicodeDecodeError) as exc:
            return self._unusable(f"cannot be read ({exc})")
        if not text.strip():
            return self._unusable("is empty")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return self._unusable(f"is not valid JSON ({exc})")
        if not isinstance(data, dict):
            return self._unusable("does not hold a JSON object")
        return self._from_dict(data)

    def save(self, settings: Settings) -> None:
        """Write atomically: a crash mid-save leaves the previous file, never half of one.

        Raises OSError when the directory is not writable; the caller decides how to say so.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._keep_original_before_save and self.path.exists():
            kept = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            os.replace(self.path, kept)
            log.warning("Kept the damaged settings file as %s", kept)
        self._keep_original_before_save = False
        data = dataclasses.asdict(settings)
        data["download_dir"] = str(settings.download_dir)
        import tempfile  # (only when saving: the window's start waits for this module)

        fd, temp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as temp:
                json.dump(data, temp, indent=2, sort_keys=True)
                temp.write("\n")
                temp.flush()
                os.fsync(temp.fileno())
            os.replace(temp_name, self.path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise

    def _unusable(self, why: str) -> Settings:
        log.warning("The settings file %s %s; using the defaults", self.path, why)
        self._keep_original_before_save = True
        return dataclasses.replace(self.defaults)

    def _from_dict(self, data: dict[str, Any]) -> Settings:
        values: dict[str, Any] = {}
        for name, is_valid in _VALIDATORS.items():
            if name not in data:
                continue
            if is_valid(data[name]):
                values[name] = data[name]
            else:
                problem = _PROBLEMS[name](data[name]) if name in _PROBLEMS else None
                log.warning("Ignoring the setting %s=%r in %s; using the default%s", name,
                            data[name], self.path, f". {problem}" if problem else "")
                self._keep_original_before_save = True
        if "download_dir" in values:
            values["download_dir"] = Path(values["download_dir"]).expanduser()
        return dataclasses.replace(self.defaults, **values)
