"""Which ``.part`` file belongs to which item, and to which job: chosen once, remembered across
restarts, and never shared, so two items can't write into one file, a retry finds its own bytes,
and a new job never resumes the bytes of an old one.

A part's *identity* is what its bytes are: the job they belong to, the file host's validator
(a strong ``ETag``, else ``Last-Modified``) of the response they came from, and the size the job
announced. The pipeline resumes a part only for the same job and size, and only with ``If-Range``
carrying that validator; the engine persists the identity with the item's row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.engine import filenames


@dataclass(frozen=True)
class PartIdentity:
    job_id: str
    validator: str | None = None  # None: no response seen yet, or the host sends none
    size: int | None = None  # the job's announced file_size

    def belongs_to(self, job_id: str, size: int | None) -> bool:
        return self.job_id == job_id and self.size == size

    def with_validator(self, validator: str | None) -> PartIdentity:
        return replace(self, validator=validator)

    def to_dict(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "validator": self.validator, "size": self.size}

    @classmethod
    def from_dict(cls, data: object) -> PartIdentity | None:
        """The stored identity, or None for anything that is not one (an unknown part is never
        resumed, so a damaged record costs a restart, never a wrong file)."""
        if not isinstance(data, dict):
            return None
        job_id, validator, size = data.get("job_id"), data.get("validator"), data.get("size")
        if not isinstance(job_id, str) or not isinstance(validator, str | None):
            return None
        if size is not None and (not isinstance(size, int) or isinstance(size, bool)):
            return None
        return cls(job_id, validator, size)


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
        A new name is free in the table and on disk — where the platform ignores case, in any
        case — and not even a (dangling) link sits there."""
        part_name = self._names.get(item_id)
        if part_name is not None:
            return folder / part_name, False
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
