"""The .part file on disk: opened without following links, measured, synced, moved into place
under its final name without overwriting anything, and deleted.

No write ever follows a link: a .part is opened with O_NOFOLLOW where the OS has it, checked with
lstat where it has not (Windows), and a link at its name is refused with TransferError("symlink").
A part is ours only as the file we created (its ``FileId``, taken by fstat after an exclusive
create): a new part is created O_EXCL, an existing one is reopened only while it is that file with
no second name (a hard link), and a file at the name that is not ours is "part_taken" — never
truncated, written, resumed or deleted. The final name is made by a hard link of the .part (which
cannot overwrite and never is a symlink) or, where a file system has no hard links, by an
exclusively created placeholder that the .part then replaces.
"""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from app.engine.filenames import safe_filename, unique_path
from app.engine.transfer_errors import TransferError, os_error

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows: lstat checks stand in
_BINARY = getattr(os, "O_BINARY", 0)  # Windows only: no newline translation
# What open(O_NOFOLLOW) says about a link: ELOOP (Linux, macOS), EMLINK (FreeBSD).
_LINK_ERRNOS = frozenset({errno.ELOOP, errno.EMLINK})
# A hard link of the part itself, never of what a link points to (the part is lstat-checked
# first on systems where link() cannot be told so).
_LINK_FOLLOWS = os.link not in os.supports_follow_symlinks

# "Hard links are not supported here", as Linux (vfat, exfat, some FUSE and network file
# systems), macOS (ENOTSUP is not EOPNOTSUPP there) and Windows (FAT32/exFAT: EINVAL from
# ERROR_INVALID_FUNCTION; SMB shares) say it. A real permission problem among these makes the
# fallback rename fail with the real error, so falling back is never wrong.
_NO_LINK_ERRNOS = frozenset({
    errno.EPERM, errno.EACCES, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP),
    errno.EMLINK, errno.EXDEV, errno.ENOSYS, errno.EINVAL,
})
# ERROR_INVALID_FUNCTION, ERROR_ACCESS_DENIED, ERROR_NOT_SAME_DEVICE, ERROR_NOT_SUPPORTED,
# ERROR_INVALID_PARAMETER, ERROR_TOO_MANY_LINKS.
_NO_LINK_WINERRORS = frozenset({1, 5, 17, 50, 87, 1142})


def refuse_link(path: Path) -> None:
    """TransferError("symlink") when a link (or a Windows junction) sits at path."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_error(exc) from exc
    if stat.S_ISLNK(info.st_mode) or getattr(path, "is_junction", lambda: False)():
        raise TransferError("symlink")


FileId = tuple[int, int]  # (st_dev, st_ino): which file a part is, whatever its name


def file_id(info: os.stat_result) -> FileId:
    return info.st_dev, info.st_ino


def _is_own(info: os.stat_result, own: FileId | None) -> bool:
    """A regular file that is the one we created (own), and has no other name: a hard link
    elsewhere would be written through with it."""
    return (own is not None and stat.S_ISREG(info.st_mode) and info.st_nlink == 1
            and file_id(info) == own)


def own_part_size(path: Path, own: FileId | None) -> int:
    """Bytes in our .part at path: 0 when nothing is there. Anything else at the name — a link,
    a file we did not create (``own`` is None: we have created none yet), another file than
    ``own``, or ours with a second name — is not ours: TransferError("symlink") for a link,
    TransferError("part_taken") for the rest (never measured, written or deleted)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise os_error(exc) from exc
    if stat.S_ISLNK(info.st_mode) or getattr(path, "is_junction", lambda: False)():
        raise TransferError("symlink")
    if not stat.S_ISREG(info.st_mode):
        raise TransferError("not_writable", f"{path.name} is in the way and is not a file.")
    if not _is_own(info, own):
        raise TransferError("part_taken")
    return info.st_size


def is_own_part(path: Path, own: FileId | None) -> bool:
    """Whether the file at path (never followed) is our part ``own``."""
    try:
        return _is_own(path.lstat(), own)
    except OSError:
        return False


def open_part(path: Path, start: int, own: FileId | None = None) -> tuple[BinaryIO, FileId]:
    """Our .part opened for appending at ``start`` (cut back to it; 0: started again), and which
    file it is. Without ``own`` the part is new: created exclusively, so a file, link or hard
    link that sits at the name (another program's, another instance's) is never opened —
    TransferError("part_taken"), or "symlink". With ``own`` only that file is reopened, and only
    while it has no other name. Opening it before anything is written tells a read-only or
    missing folder apart from a full disk."""
    refuse_link(path)  # the only check where O_NOFOLLOW is missing
    flags = os.O_WRONLY | os.O_APPEND
    if own is None:
        flags |= os.O_CREAT | os.O_EXCL
    try:
        # 0o666 and the umask: a part (and so the video) never gets an execute bit.
        fd = os.open(path, flags | _NOFOLLOW | _BINARY, 0o666)
    except FileExistsError as exc:  # something sits at the name: not ours
        if path.is_symlink():
            raise TransferError("symlink") from exc
        raise TransferError("part_taken") from exc
    except FileNotFoundError as exc:
        if own is not None and path.parent.is_dir():  # our part was deleted meanwhile
            raise TransferError("part_taken") from exc
        raise os_error(exc) from exc
    except OSError as exc:
        if exc.errno in _LINK_ERRNOS and path.is_symlink():
            raise TransferError("symlink") from exc
        raise os_error(exc) from exc
    try:
        info = os.fstat(fd)
        if not _is_own(info, own or file_id(info)) or info.st_size < start:
            raise TransferError("part_taken")  # another file, or one with a second name
        if info.st_size != start:
            os.ftruncate(fd, start)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "ab", buffering=0), file_id(info)


def check_free_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise os_error(exc) from exc
    if needed > free:
        raise TransferError(
            "disk_full",
            f"There is not enough free space on the disk for this video. It needs {needed:,} "
            f"more bytes; {free:,} are free.",
        )


def _sync_and_size(fd: int) -> int:
    os.fsync(fd)
    return os.fstat(fd).st_size


async def sync_and_size(fd: int) -> int:
    """fsync the .part (off the event loop) and return its size on disk."""
    return await asyncio.to_thread(_sync_and_size, fd)


def remove_part(path: Path) -> None:
    """Delete the .part, or a link at its name (unlink never follows one); gone already is fine."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def remove_own_part(path: Path, own: FileId | None) -> bool:
    """Delete the .part at path only if it is the file we created (``own``); True if deleted.
    A file of someone else's at the name — or one we cannot tell is ours — stays."""
    if not is_own_part(path, own):
        return False
    remove_part(path)
    return True


def _links_unsupported(exc: OSError) -> bool:
    return exc.errno in _NO_LINK_ERRNOS or getattr(exc, "winerror", None) in _NO_LINK_WINERRORS


def _rename_no_overwrite(part_path: Path, target: Path) -> bool:
    """Rename part_path to target unless the name is taken; False if it is. The name is first
    claimed by creating it exclusively (without following a link); replacing that placeholder is
    then replacing our own file."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    try:
        os.replace(part_path, target)
    except OSError:
        remove_part(target)
        raise
    return True


def _place(part_path: Path, target: Path) -> bool:
    """Give part_path the name target unless that name exists; False if it does. A hard link
    then unlink is atomic and cannot overwrite (os.replace can, if the name appears between a
    check and the rename); file systems without hard links get the placeholder rename."""
    try:
        os.link(part_path, target, follow_symlinks=_LINK_FOLLOWS)
    except FileExistsError:
        return False
    except OSError as exc:
        if not _links_unsupported(exc):
            raise
        return _rename_no_overwrite(part_path, target)
    os.unlink(part_path)
    return True


def _without_execute_bits(part_path: Path) -> None:
    """A video never needs to be executable; a dangerous type must not be. The part was created
    without one, but an older or tampered part might carry it."""
    mode = stat.S_IMODE(part_path.lstat().st_mode)
    if mode & 0o111:
        os.chmod(part_path, mode & ~0o111)


def finalize_part(part_path: Path, directory: Path, preferred_name: str,
                  before_move: Callable[[Path], object] = lambda target: None) -> Path:
    """Move the finished .part into directory under a safe, unused name; never overwrites, never
    follows or leaves a link. The caller has waited for the .part's writer to close it.
    ``before_move(target)`` runs before each try at a name: the caller records it, so that after
    a kill mid-move the file is found there (``moved_part``)."""
    name = safe_filename(preferred_name)
    refuse_link(part_path)
    try:
        _without_execute_bits(part_path)
        while True:
            target = unique_path(directory, name)
            before_move(target)
            if _place(part_path, target):
                _sync_folder(target.parent)
                return target
    except OSError as exc:
        raise os_error(exc) from exc


def moved_part(target: Path, part_path: Path, own: FileId, size: int | None,
               mtime_ns: int | None) -> int | None:
    """The size of the finished file at target if it is our part, moved there by a finalize_part
    that a kill cut short (before the row said "completed"): the same file (``own``, and the
    mtime it had when finished: an inode number is reused once its file is deleted), not a
    link, of the job's size. Its .part name, if still a second name of that file (killed between
    link and unlink), is removed. None if target is not that file: nothing is touched."""
    try:
        info = target.lstat()
    except OSError:
        return None
    if not (stat.S_ISREG(info.st_mode) and file_id(info) == own):
        return None
    if (size is not None and info.st_size != size) or info.st_mtime_ns != mtime_ns:
        return None
    try:
        if file_id(part_path.lstat()) == own:
            os.unlink(part_path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise os_error(exc) from exc
    _sync_folder(target.parent)
    return info.st_size


def _sync_folder(folder: Path) -> None:
    """The file's bytes were fsynced; its new name lives in the folder, which a power cut could
    still lose: "done" means both are on the disk. Where a folder cannot be opened or synced
    (Windows, some network file systems) the name is as durable as the system makes it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
