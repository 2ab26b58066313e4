"""Links from a web browser that wait for the person's OK: one bar, however many arrive.

Any web page can open a videoconduit:// link, and a queued link spends credits, so such links are
held here, not started: "3 links from your browser — Download (6 credits) · Dismiss". A flood
(a page opening the scheme a hundred times) grows the count of the same bar; past MAX_HELD links
the rest are refused with a sentence, in the bar and in the answer to the sender.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.api.models import DownloadOptions
from app.engine.urls import extract_urls
from app.instance import Refused
from app.ui.dialogs.banner import Banner, Severity
from app.ui.i18n import tr_n

MAX_HELD = 200  # more than any person picks on a page; a page opening thousands is an attack
LISTED = 20  # links named in the bar's tooltip


def _tr(text: str) -> str:
    return QCoreApplication.translate("HeldLinks", text)


@dataclass(frozen=True)
class HeldReport:
    """What the hand-off answers for held links (app.instance reads these three)."""

    held: int
    skipped_total: int
    added: tuple[int, ...] = field(default=())


class HeldLinksBar(Banner):
    """The bar. `queue(links)` is called with the held links when the person clicks Download;
    `is_queued(link)` says a link is in the queue already: it is neither held nor priced."""

    def __init__(self, options: Callable[[], DownloadOptions], queue: Callable[[str], object],
                 is_queued: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(Severity.INFO, parent)
        self.setObjectName("heldLinksBar")
        self._options = options
        self._queue = queue
        self._is_queued = is_queued
        self.links: list[str] = []
        self.refused = 0
        self.download_button = self.add_button("", self.download)
        self.dismiss_button = self.add_button(_tr("Dismiss"), self.dismiss)
        self.hide()

    def hold(self, text: str) -> HeldReport:
        """Hold the links of `text`; raises Refused when none could be held for the cap."""
        found = extract_urls(text).urls
        new = [link for link in dict.fromkeys(found)
               if link not in self.links and not self._is_queued(link)]
        room = max(0, MAX_HELD - len(self.links))
        taken, over = new[:room], len(new) - min(room, len(new))
        self.links += taken
        self.refused += over
        self._refresh()
        if over and not taken:
            raise Refused(self._cap_sentence(over))
        return HeldReport(held=len(taken), skipped_total=len(found) - len(taken))

    def download(self) -> None:
        links, self.links, self.refused = self.links, [], 0
        self.hide()
        if links:
            self._queue("\n".join(links))

    def dismiss(self) -> None:
        self.links, self.refused = [], 0
        self.hide()

    def refresh_cost(self) -> None:
        """The options strip or the queue changed: the count and the credits follow (a held
        link queued meanwhile, by a paste say, is no longer held)."""
        if self.links:
            self._refresh()

    def _refresh(self) -> None:
        self.links = [link for link in self.links if not self._is_queued(link)]
        n = len(self.links)
        if not n:
            self.hide()
            return
        text = tr_n("HeldLinks", n, "%n link from your browser", "%n links from your browser")
        if self.refused:
            text += "\n" + self._cap_sentence(self.refused)
        self.set_text(text)
        credits = n * self._options().credit_cost
        self.download_button.setText(
            tr_n("HeldLinks", credits, "Download (%n credit)", "Download (%n credits)"))
        self.download_button.setAccessibleName(self.download_button.text())
        shown = self.links[:LISTED]  # which links they are, not only how many
        more = n - len(shown)
        self.setToolTip("\n".join(shown) + ("\n" + tr_n("HeldLinks", more, "and %n more", "and %n more")
                                            if more else ""))
        self.show()

    def _cap_sentence(self, over: int) -> str:
        return tr_n("HeldLinks", over, "%n more link was not taken", "%n more links were not taken") + \
            _tr(": at most {max} links wait for your OK at once.").format(max=MAX_HELD)
