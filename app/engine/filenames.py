"""Safe file names for downloaded videos.

A name comes from a server (Content-Disposition, the URL) or a video title: all of them are
untrusted. Whatever comes in, what goes out is a single plain file name that stays inside the
chosen folder on Linux, Windows and macOS. Pure functions; unique_path only looks at the disk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_NAME_BYTES = 200
# Longest tail still treated as an extension (".mp4", ".webm", ".tar.gz" is two): a longer one
# is most likely part of a title ("Part 1. The beginning of everything").
_MAX_EXTENSION_CHARS = 10

# Reserved device names on Windows, whatever the extension ("CON.mp4" opens the console).
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
# Unicode categories never wanted in a name: controls, format characters (the right-to-left
# override makes "gpj.exe" look like "exe.jpg"), surrogates, line and paragraph separators.
# Zero-width (non-)joiners are format characters that scripts and emoji sequences need.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_KEPT_FORMAT_CHARS = frozenset("\u200c\u200d")

# filename*=charset'language'percent-encoded (RFC 6266 / 5987) and filename="quoted" or token.
_PARAM = re.compile(
    r"""(?:^|;)\s*(filename\*?)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)""",
    re.IGNORECASE,
)


def _decode_ext_value(value: str) -> str | None:
    charset, sep, rest = value.partition("'")
    if not sep:
        return None
    _language, sep, encoded = rest.partition("'")
    if not sep:
        return None
    try:
        return unquote(encoded, encoding=charset.strip() or "utf-8", errors="replace")
    except LookupError:
        return unquote(encoded, encoding="utf-8", errors="replace")


def filename_from_content_disposition(header: str | None) -> str | None:
    """The file name a server suggests, decoded but not yet made safe; filename*= (RFC 5987,
    any charset) wins over filename=. None when the header has neither."""
    if not header:
        return None
    plain: str | None = None
    extended: str | None = None
    for match in _PARAM.finditer(header):
        name, raw = match.group(1).lower(), match.group(2).strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        if name == "filename*":
            extended = extended or _decode_ext_value(raw)
        elif plain is None:
            plain = raw
    chosen = extended or plain
    return chosen if chosen and chosen.strip() else None


def filename_from_url(url: str) -> str | None:
    """The last path segment of a URL, percent-decoded (the query is ignored); None if empty."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    segment = path.rstrip("/").rpartition("/")[2]
    name = unquote(segment, errors="replace")
    return name if name.strip() else None


def _split_extension(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    if dot and stem and 0 < len(ext) <= _MAX_EXTENSION_CHARS and " " not in ext:
        return stem, "." + ext
    return name, ""


def _truncate_utf8(text: str, limit: int) -> str:
    return text.encode("utf-8")[: max(limit, 0)].decode("utf-8", errors="ignore")


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name))
    name = "".join(
        ch
        for ch in name
        if ch in _KEPT_FORMAT_CHARS or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    # Basename only: whatever a path-looking name says, keep its last component.
    parts = [part for part in re.split(r"[/\\]", name) if part.strip(" .")]
    name = parts[-1] if parts else ""
    name = _FORBIDDEN.sub("_", name)
    # Leading dots would hide the file; trailing dots and spaces are stripped by Windows.
    name = name.lstrip(" .").rstrip(" .")
    stem, ext = _split_extension(name)
    if stem.split(".")[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    budget = MAX_NAME_BYTES - len(ext.encode("utf-8"))
    stem = _truncate_utf8(stem, budget).rstrip(" .")
    return stem + ext if stem else ""


def safe_filename(name: str | None, fallback: str = "video") -> str:
    """A single plain file name: no directories, no control or reserved characters, not
    hidden, not a Windows device name, at most 200 bytes of UTF-8 with its extension kept.
    Falls back to `fallback` (itself made safe, else "video") when nothing usable is left."""
    for candidate in (name, fallback):
        cleaned = _clean(candidate) if candidate else ""
        if cleaned:
            return cleaned
    return "video"


def numbered_names(name: str) -> Iterator[str]:
    """name, then "name (1).ext", "name (2).ext" … (each within the length limit)."""
    yield name
    stem, ext = _split_extension(name)
    number = 1
    while True:
        suffix = f" ({number})"
        budget = MAX_NAME_BYTES - len(ext.encode("utf-8")) - len(suffix)
        yield f"{_truncate_utf8(stem, budget).rstrip(' .')}{suffix}{ext}"
        number += 1


def unique_path(directory: Path, name: str) -> Path:
    """directory/name if free, else "name (1).ext", "name (2).ext" … — the first that is free."""
    for candidate_name in numbered_names(name):
        candidate = directory / candidate_name
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise AssertionError("unreachable: numbered_names never ends")
