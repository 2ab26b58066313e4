"""Why a transfer stopped, for the program (``kind``) and as the transfer's own note (``message``,
shown in a row's details for kinds the UI has no sentence of its own for), and how a file-system
error of Linux, Windows or macOS reads as one of those kinds."""

from __future__ import annotations

import errno

_MESSAGES = {
    "link_expired": "The download link has expired or is no longer valid.",
    "disk_full": "There is not enough free space on the disk for this video.",
    "not_writable": "The download folder cannot be written to. Choose another folder or check "
    "its permissions.",
    "not_media": "The file server sent a web page instead of the video.",
    "size_mismatch": "The video arrived with a different size than announced.",
    "short": "The file host sent less than VideoConduit announced.",
    "oversize": "The file host sent more than VideoConduit announced.",
    "symlink": "A link sits where the video would be saved, so nothing was written.",
    "bad_link": "VideoConduit's download link cannot be used.",
    "network": "The connection to the file server was interrupted.",
    "insecure_redirect": "The download link redirected to an insecure (http) address, so the "
    "download was stopped.",
    "http": "The file server answered with an error.",
    "stalled": "The file server sent the video too slowly, or stopped sending it.",
    "compressed": "The file server sent the video compressed, although it was asked for the "
    "file as it is, so nothing of it was kept.",
    "part_taken": "Another file sits at the partial file's name, so it was left alone.",
}

# errno values of a full disk or quota, and Windows' own error numbers for them, which Python
# does not always turn into ENOSPC (ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL,
# ERROR_DISK_QUOTA_EXCEEDED). EFBIG: the file system's largest file (FAT32's 4 GiB).
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_DISK_FULL_WINERRORS = frozenset({39, 112, 1295})


class TransferError(Exception):
    """Why a transfer stopped: `kind` for the program, `message` for a person, `retryable` when
    trying again later may well succeed (the .part keeps what arrived)."""

    def __init__(
        self,
        kind: str,
        message: str | None = None,
        *,
        retryable: bool | None = None,
        status: int | None = None,
    ) -> None:
        self.kind = kind
        self.message = message or _MESSAGES.get(kind, _MESSAGES["http"])
        self.retryable = kind in ("network", "short", "stalled") if retryable is None else retryable
        self.status = status
        super().__init__(self.message)


def message(kind: str) -> str:
    return _MESSAGES[kind]


def is_disk_full(exc: OSError) -> bool:
    return exc.errno in _DISK_FULL_ERRNOS or getattr(exc, "winerror", None) in _DISK_FULL_WINERRORS


def os_error(exc: OSError) -> TransferError:
    """A file-system failure as the person would describe it."""
    if is_disk_full(exc):
        return TransferError("disk_full")
    detail = exc.strerror or str(exc)
    return TransferError("not_writable", f"{_MESSAGES['not_writable']} ({detail})")
