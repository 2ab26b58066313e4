"""Safe file names for downloaded videos.

A name comes from a server (Content-Disposition, the URL) or a video title: all of them are
untrusted. Whatever comes in, what goes out is a single plain file name that stays inside the
chosen folder on Linux, Windows and macOS. Pure functions; unique_path only looks at the disk.

Also kept here, in one place: the suffix of the app's own files in the download folder, the file
types that run code when opened, and the platform rules for names (case, path length).
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

PART_SUFFIX = ".part"
# Suffixes of the app's own files in the download folder: a server-chosen name never ends in one,
# so a finished video can never be taken for (and deleted as) another item's partial file.
OWN_SUFFIXES = (PART_SUFFIX,)

# Types that run code when opened (double-click, "Open file") on Windows, macOS or a Linux
# desktop. One list for every platform: a file saved on one system is easily opened on another.
DANGEROUS_SUFFIXES = frozenset({
    # Windows
    ".exe", ".msi", ".msp", ".mst", ".bat", ".cmd", ".com", ".scr", ".pif", ".cpl", ".hta",
    ".ps1", ".psm1", ".psd1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".jar", ".lnk",
    ".url", ".scf", ".reg", ".msc", ".appref-ms", ".application", ".gadget", ".appx",
    ".appxbundle", ".msix", ".msixbundle", ".library-ms", ".settingcontent-ms",
    # Linux desktops
    ".desktop", ".sh", ".bash", ".zsh", ".csh", ".ksh", ".run", ".bin", ".appimage",
    ".flatpakref", ".deb", ".rpm", ".py", ".pyw", ".pl", ".rb",
    # macOS
    ".app", ".command", ".pkg", ".mpkg", ".dmg", ".tool", ".workflow", ".scpt",
    ".applescript", ".terminal", ".action", ".osax",
})

# The platform the rules below apply to; a module attribute so tests can play Windows or macOS.
PLATFORM = sys.platform
WINDOWS_MAX_PATH = 259  # characters of a legacy Windows path: MAX_PATH (260) counts the NUL
# Room kept for the " (n)" a taken name gets and the ".part" of the partial file.
_NUMBER_ROOM = len(" (999)")
_MIN_STEM = 8  # a shorter stem is no longer a recognisable name: the folder is too deep

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
    except (LookupError, UnicodeError, ValueError, TypeError):
        # An unknown charset, or a codec that is no text encoding or cannot replace ("idna",
        # "punycode", "rot13"…): read the bytes as UTF-8, which every real server means anyway.
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
    return _not_own_file(stem + ext) if stem else ""


def _not_own_file(name: str) -> str:
    """"clip.part" → "clip_part": the name of a video never looks like one of the app's own
    files, whatever case the file system ignores."""
    folded = name.casefold()
    for suffix in OWN_SUFFIXES:
        if folded.endswith(suffix):
            return f"{name[: -len(suffix)]}_{name[-len(suffix) + 1 :]}"
    return name


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


def is_dangerous(name: str | os.PathLike[str]) -> bool:
    """Whether opening a file of this name runs code (see DANGEROUS_SUFFIXES)."""
    return os.path.splitext(os.fspath(name))[1].casefold() in DANGEROUS_SUFFIXES


def case_insensitive_names() -> bool:
    """Whether the platform's usual file systems treat "A.mp4" and "a.mp4" as one name (NTFS,
    APFS and HFS+ by default; Linux file systems do not)."""
    return PLATFORM in ("win32", "darwin")


def name_key(name: str) -> str:
    """What two names are compared by on this platform."""
    return name.casefold() if case_insensitive_names() else name


class PathTooLong(ValueError):
    """The folder leaves no room for a recognisable file name under Windows' path limit."""


def legacy_path_limit() -> bool:
    """True on Windows unless long paths are turned on (LongPathsEnabled; the app's manifest
    declares itself long-path aware, as python.exe and PyInstaller's bootloader do)."""
    return PLATFORM == "win32" and not _long_paths_enabled()


def _long_paths_enabled() -> bool:
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
                            r"SYSTEM\CurrentControlSet\Control\FileSystem") as key:
            value, _type = winreg.QueryValueEx(key, "LongPathsEnabled")  # type: ignore[attr-defined,unused-ignore]
            return bool(value)
    except (ImportError, OSError):
        return False


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit_to_folder(name: str, folder: Path) -> str:
    """name, shortened (keeping its extension) so that folder + name + " (n)" + ".part" stays
    within the legacy Windows path limit where that applies; PathTooLong when even a short
    name would not fit."""
    if not legacy_path_limit():
        return name
    # The folder as Windows will see it (a relative one is longer than it looks).
    room = (WINDOWS_MAX_PATH - _utf16_len(os.path.abspath(folder)) - 1 - len(PART_SUFFIX)
            - _NUMBER_ROOM)
    if _utf16_len(name) <= room:
        return name
    stem, ext = _split_extension(name)
    stem_room = room - _utf16_len(ext)
    if stem_room < _MIN_STEM:
        raise PathTooLong(str(folder))
    while _utf16_len(stem) > stem_room:
        stem = stem[:-1]
    return stem.rstrip(" .") + ext


def unique_path(directory: Path, name: str) -> Path:
    """directory/name if free, else "name (1).ext", "name (2).ext" … — the first that is free."""
    for candidate_name in numbered_names(name):
        candidate = directory / candidate_name
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise AssertionError("unreachable: numbered_names never ends")
