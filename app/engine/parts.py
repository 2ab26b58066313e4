"""Which ``.part`` file belongs to which item: chosen once, remembered across restarts, and
never shared, so two items can't write into one file and a retry finds its own bytes."""

from __future__ import annotations

from pathlib import Path

from app.engine import filenames


class PartFiles:
    def __init__(self) -> None:
        self._names: dict[int, str] = {}

    def remember(self, item_id: int, part_name: str) -> None:
        """A part name loaded from the store."""
        self._names[item_id] = part_name

    def name_of(self, item_id: int) -> str | None:
        return self._names.get(item_id)

    def claim(self, item_id: int, folder: Path, name: str) -> tuple[Path, bool]:
        """The item's part in ``folder``; True when it was chosen just now (to be persisted)."""
        part_name = self._names.get(item_id)
        if part_name is not None:
            return folder / part_name, False
        taken = set(self._names.values())
        part_name = next(
            candidate for candidate in (f"{n}.part" for n in filenames.numbered_names(name))
            if candidate not in taken and not (folder / candidate).exists()
        )
        self._names[item_id] = part_name
        return folder / part_name, True

    def release(self, item_id: int) -> str | None:
        """Forget the item's part (the file itself stays); returns its name."""
        return self._names.pop(item_id, None)

    def discard(self, item_id: int, folder: Path) -> bool:
        """Delete the item's part file and forget it; True when there was one to forget."""
        part_name = self._names.pop(item_id, None)
        if part_name is None:
            return False
        (folder / part_name).unlink(missing_ok=True)
        return True
