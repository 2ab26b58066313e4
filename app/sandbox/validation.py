"""Request validation for the /v1/ endpoints, answered FastAPI-style: 422 with ``detail`` a list
of ``{loc, msg, type}`` (the documented shape)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

FORMATS = ("mp4", "webm", "mp3", "m4a")
QUALITIES = ("best", "1080p", "720p", "480p", "360p")
MAX_PAGE = 100

FieldError = dict[str, Any]


def field_error(loc: tuple[str | int, ...], msg: str, type_: str) -> FieldError:
    return {"loc": list(loc), "msg": msg, "type": type_}


def missing(loc: tuple[str | int, ...]) -> FieldError:
    return field_error(loc, "field required", "value_error.missing")


@dataclass(frozen=True)
class DownloadRequest:
    url: str
    format: str | None
    quality: str
    audio_only: bool


def url_errors(value: object, loc: tuple[str, ...]) -> list[FieldError]:
    if value is None:
        return [missing(loc)]
    if not isinstance(value, str):
        return [field_error(loc, "str type expected", "type_error.str")]
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https"):
        return [field_error(loc, "URL scheme not permitted", "value_error.url.scheme")]
    if not parts.hostname:
        return [field_error(loc, "URL host invalid", "value_error.url.host")]
    return []


def _choice_errors(body: dict[str, Any], name: str, choices: tuple[str, ...]) -> list[FieldError]:
    if name not in body or body[name] in choices:
        return []
    permitted = ", ".join(repr(choice) for choice in choices)
    msg = f"value is not a valid enumeration member; permitted: {permitted}"
    return [field_error(("body", name), msg, "type_error.enum")]


def parse_json_body(raw: bytes) -> tuple[Any, list[FieldError]]:
    if not raw.strip():
        return None, [missing(("body",))]
    try:
        return json.loads(raw), []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [field_error(("body",), str(exc), "value_error.jsondecode")]


def validate_download(body: Any) -> tuple[DownloadRequest | None, list[FieldError]]:
    if not isinstance(body, dict):
        return None, [field_error(("body",), "value is not a valid dict", "type_error.dict")]
    errors = url_errors(body.get("url"), ("body", "url"))
    errors += _choice_errors(body, "format", FORMATS)
    errors += _choice_errors(body, "quality", QUALITIES)
    audio_only = body.get("audio_only", False)
    if not isinstance(audio_only, bool):
        msg = "value could not be parsed to a boolean"
        errors.append(field_error(("body", "audio_only"), msg, "type_error.bool"))
    if errors:
        return None, errors
    request = DownloadRequest(
        url=body["url"].strip(),
        format=body.get("format"),
        quality=body.get("quality", "best"),
        audio_only=audio_only,
    )
    return request, []


def parse_limit(text: str | None, default: int = 20) -> tuple[int, list[FieldError]]:
    loc = ("query", "limit")
    if text is None:
        return default, []
    try:
        limit = int(text)
    except ValueError:
        return default, [field_error(loc, "value is not a valid integer", "type_error.integer")]
    if limit < 1:
        msg = "ensure this value is greater than or equal to 1"
        return default, [field_error(loc, msg, "value_error.number.not_ge")]
    if limit > MAX_PAGE:
        msg = f"ensure this value is less than or equal to {MAX_PAGE}"
        return default, [field_error(loc, msg, "value_error.number.not_le")]
    return limit, []
