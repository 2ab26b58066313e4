"""Tolerant readers for values that come off the wire.

The real service may differ from what we expect (the contract marks many fields as our own
choice), so every reader returns None for a value of the wrong shape instead of raising.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime


def header(headers: Mapping[str, str], name: str) -> str | None:
    """Case-insensitive header lookup that works on plain dicts too (tests, hypothesis)."""
    wanted = name.lower()
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == wanted:
            return value if isinstance(value, str) else None
    return None


def as_int(value: object) -> int | None:
    """An integer, from an int, an integral float or a decimal string; bools are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def as_float(value: object) -> float | None:
    """A finite float, from a number or a numeric string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            return None
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def as_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def as_datetime(value: object) -> datetime | None:
    """An aware UTC datetime from ISO 8601 (naive means UTC) or a Unix timestamp."""
    try:
        if isinstance(value, str) and value:
            parsed = datetime.fromisoformat(value.strip())
        elif isinstance(value, int | float) and not isinstance(value, bool):
            parsed = datetime.fromtimestamp(value, UTC)
        else:
            return None
    except (ValueError, OverflowError, OSError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def as_http_date(value: object) -> float | None:
    """The Unix time of an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"); GMT when it names no
    zone ("-0000"), as HTTP dates are."""
    if not isinstance(value, str):
        return None
    try:
        from email.utils import parsedate_to_datetime  # (email is slow to import)

        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()
