"""Trigger URLs: how a source URL steers the sandbox (documented in the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

MAX_SIZE = 1 << 40  # a size= beyond 1 TiB is ignored

UNSUPPORTED = {"detail": "Could not extract info from URL: Unsupported URL"}
BAD_REQUEST = {
    "detail": "The source URL cannot be processed with these parameters",
    "code": "bad_request",
}
CONFLICT = {"detail": "A job for this URL is already being processed", "code": "conflict"}


def refusal(url: str) -> tuple[int, dict[str, Any]] | None:
    """The (status, body) a trigger URL is refused with, or None for a downloadable video."""
    parts = urlsplit(url)
    path = parts.path.lower()
    if "unsupported" in (parts.hostname or ""):
        return 404, UNSUPPORTED
    if "badrequest" in path:
        return 400, BAD_REQUEST
    if "conflict" in path:
        return 409, CONFLICT
    return None


@dataclass(frozen=True)
class Traits:
    fails: bool
    no_credits: bool  # path ``nocredits``: refused with 402 as if the balance were empty
    slow: bool
    size: int
    filename: str | None  # query ``filename=NAME``: the produced file's exact name, unsanitised


def traits(url: str, default_size: int) -> Traits:
    parts = urlsplit(url)
    path = parts.path.lower()
    query = parse_qs(parts.query)
    size = default_size
    for value in query.get("size", [])[:1]:
        if value.isdigit() and int(value) <= MAX_SIZE:
            size = int(value)
    # Deliberately not sanitised: it lets a test hand the client a hostile name.
    filename = next(iter(query.get("filename", [])), None)
    return Traits(fails="fail" in path, no_credits="nocredits" in path, slow="slow" in path,
                  size=size, filename=filename)
