"""Which ``.part`` file belongs to which item, and to which job: chosen once, remembered across
restarts, and never shared, so two items can't write into one file, a retry finds its own bytes,
and a new job never resumes the bytes of an old one.

A part's *identity* is what its bytes are and which file holds them: the job they belong to, the
file host's validator (a strong ``ETag``, else ``Last-Modified``) of the response they came from,
the size the job announced, the folder the part lives in and the file itself (its st_dev/st_ino,
taken when the part was created). The pipeline resumes a part only for the same job and size,
only with ``If-Range`` carrying that validator, and only while the file at its name in its folder
is still the file we created: a same-named file in another download folder (a browser's
``film.mp4.part``), or one put at the name by another program or instance, is never resumed,
truncated or deleted. The engine persists the identity with the item's row.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.engine import filenames
from app.engine.part_disk import FileId, remove_own_part
from app.engine.part_writer import earlier_writer_done

log = logging.getLogger("app.engine")


def folder_key(folder: Path | str) -> str:
    """A folder as the identity records it: absolute, in the platform's case."""
    return os.path.normcase(os.path.abspath(folder))


@dataclass(frozen=True)
class PartIdentity:
    job_id: str
    validator: str | None = None  # None: no response seen yet, or the host sends none
    size: int | None = None  # the job's announced file_size
    folder: str | None = None  # folder_key of the folder the part lives in
    file_id: FileId | None = None  # the part file we created; None: not created yet
    # The name the finished part is being given, recorded before the move: a kill between the
    # move and the row's "completed" leaves the file there, to be taken as done (not fetched again).
    final_name: str | None = None
    # The finished part's mtime (ns): with file_id it tells our file from a later one that got
    # the same inode number once ours was deleted.
    final_mtime: int | None = None

    def belongs_to(self, job_id: str, size: int | None) -> bool:
        return self.job_id == job_id and self.size == size

    def lives_in(self, folder: Path | str) -> bool:
        return self.folder is not None and self.folder == folder_key(folder)

    def own_path(self, part_name: str) -> Path | None:
        """Where the part we created is, if we did create one."""
        return Path(self.folder) / part_name if self.folder and self.file_id else None

    def with_validator(self, validator: str | None) -> PartIdentity:
        return replace(self, validator=validator)

    def with_file(self, file_id: FileId | None) -> PartIdentity:
        return replace(self, file_id=file_id)

    def moving_to(self, name: str, mtime_ns: int) -> PartIdentity:
        return replace(self, final_name=name, final_mtime=mtime_ns)

    def to_dict(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "validator": self.validator, "size": self.size,
                "folder": self.folder,
                "file_id": list(self.file_id) if self.file_id is not None else None,
                "final_name": self.final_name, "final_mtime": self.final_mtime}

    @classmethod
    def from_dict(cls, data: object) -> PartIdentity | None:
        """The stored identity, or None for anything that is not one (an unknown part is never
        resumed, so a damaged record costs a restart, never a wrong file)."""
        if not isinstance(data, dict):
            return None
        job_id, validator, size = data.get("job_id"), data.get("validator"), data.get("size")
        if not isinstance(job_id, str) or not isinstance(validator, str | None):
            return None
        if size is not None and not _is_int(size):
            return None
        folder, file_id = data.get("folder"), data.get("file_id")
        final_name, final_mtime = data.get("final_name"), data.get("final_mtime")
        if not isinstance(folder, str | None) or not isinstance(final_name, str | None):
            return None
        if final_mtime is not None and not _is_int(final_mtime):
            return None
        if file_id is not None:
            if not (isinstance(file_id, list) and len(file_id) == 2
                    and all(_is_int(n) for n in file_id)):
                return None
            file_id = (file_id[0], file_id[1])
        return cls(job_id, validator, size, folder, file_id, final_name, final_mtime)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class PartFiles:
    def __init__(self) -> None:
        self._names: dict[int, str] = {}
        self._identities: dict[int, PartIdentity] = {}

    def remember(self, item_id: int, part_name: str, identity: PartIdentity | None = None) -> None:
        """A part name (and what its bytes are, if known) loaded from the store."""
        self._names[item_id] = part_name
        if identity is not None:
            self._identities[item_id] = identity

    def name_of(self, item_id: int) -> str | None:
        return self._names.get(item_id)

    def identity_of(self, item_id: int) -> PartIdentity | None:
        return self._identities.get(item_id)

    def set_identity(self, item_id: int, identity: PartIdentity | None) -> None:
        if identity is None:
            self._identities.pop(item_id, None)
        else:
            self._identities[item_id] = identity

    def claim(self, item_id: int, folder: Path, name: str) -> tuple[Path, bool]:
        """The item's part in ``folder``; True when it was chosen just now (to be persisted).
        A remembered name counts only in the folder its identity records: one remembered for
        another folder (the download folder changed), or with no identity to tell, is let go
        of (the caller deletes an old part of ours first, if it wants). A new name is free in
        the table and on disk — where the platform ignores case, in any case — and not even a
        (dangling) link sits there."""
        part_name = self._names.get(item_id)
        identity = self._identities.get(item_id)
        if part_name is not None and identity is not None and identity.lives_in(folder):
            return folder / part_name, False
        self.release(item_id)
        taken = {filenames.name_key(n) for n in self._names.values()}
        part_name = next(
            candidate for candidate in (f"{n}{filenames.PART_SUFFIX}"
                                        for n in filenames.numbered_names(name))
            if filenames.name_key(candidate) not in taken
            and not (folder / candidate).is_symlink() and not (folder / candidate).exists()
        )
        self._names[item_id] = part_name
        self._identities.pop(item_id, None)  # a new file: nothing known about its bytes yet
        return folder / part_name, True

    def release(self, item_id: int) -> str | None:
        """Forget the item's part (the file itself stays); returns its name."""
        self._identities.pop(item_id, None)
        return self._names.pop(item_id, None)


def delete_own_part(path: Path, own: FileId | None) -> None:
    """Delete our part at path now (only the file we created); a part that cannot be deleted
    costs disk space, never the command that wanted it gone."""
    try:
        remove_own_part(path, own)
    except OSError:
        log.warning("could not delete the partial file %s", path.name, exc_info=True)


async def delete_own_part_when_free(path: Path, own: FileId | None,
                                    after: asyncio.Task[None] | None = None) -> None:
    """The same, once nothing writes the file: the task that wrote it (``after``) has ended and
    its writer has closed it — Windows cannot delete an open file."""
    if after is not None:
        await asyncio.wait([after])
    await earlier_writer_done(path)
    delete_own_part(path, own)
