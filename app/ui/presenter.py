"""One place that turns the engine's account state and fixable item problems into what a person
sees: banners while the queue waits, and at most one dialog per kind — shown once per occurrence
of a state, never once per item.

Account states: credits (dialog + banner), the key (dialog + banner), rate limit (banner with a
countdown, no dialog: the wait fixes itself), service trouble (banner with the next try).
Item problems a person can fix here (a full disk, an unwritable folder, an expired link): one
banner per kind with the fix. The sandbox gets a banner of its own so nobody mistakes it for the
real, charging service.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QStyle

from app.engine.filenames import is_dangerous
from app.engine.model import Account, AccountState, Item, ItemState, KeyProblem, ProblemKind
from app.ui.bridge import EngineBridge
from app.ui.dialogs.account_banners import CreditsBanner, KeyBanner, SandboxBanner
from app.ui.dialogs.banner import Banner, Severity
from app.ui.dialogs.credits_dialog import CreditsDialog
from app.ui.dialogs.details_dialog import DetailsDialog
from app.ui.dialogs.fix_banner import FixBanner
from app.ui.dialogs.forbidden_dialog import ForbiddenDialog
from app.ui.dialogs.key_dialog import KeyDialog, KeyTestResult
from app.ui.dialogs.message_dialog import MessageDialog
from app.ui.dialogs.rate_limit_banner import RateLimitBanner
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.dialogs.trouble_banner import TroubleBanner
from app.ui.dialogs.welcome_dialog import WelcomeDialog
from app.ui.problem_text import FIXABLE_KINDS, dangerous_open_question, new_charge_question

if TYPE_CHECKING:
    from app.context import AppContext

# Banner kinds, top to bottom in the order they are shown.
SANDBOX, KEY, CREDITS, RATE_LIMIT, TROUBLE = "sandbox", "key", "credits", "rate_limit", "trouble"
KEYRING = "keyring"
SESSION_KEY = "session_key"
_ACCOUNT_BANNERS = {
    AccountState.WAITING_FOR_KEY: KEY,
    AccountState.WAITING_FOR_CREDITS: CREDITS,
    AccountState.RATE_LIMITED: RATE_LIMIT,
    AccountState.SERVICE_TROUBLE: TROUBLE,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presenter", text)


class Presenter(QObject):
    def __init__(self, window: Any, context: AppContext, *, bridge: EngineBridge | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._clock = clock
        self.banners: dict[str, Banner] = {}
        self.dialogs: dict[str, Any] = {}  # kind → the one dialog of that kind, shown or waiting
        # One dialog on screen at a time. One the person asked for (a button, a key, another
        # dialog's button) covers the one on screen and gives it back when it closes; one the
        # app brings up by itself (welcome, credits, a refused key) waits its turn.
        self._waiting: list[str] = []
        self._covers: dict[str, str] = {}  # kind shown → kind it hides until it closes
        self._started = False  # before start() the account is not known (the key is being read)
        self._account: Account | None = None
        self._fixable: dict[ProblemKind, set[int]] = {kind: set() for kind in FIXABLE_KINDS}
        self._allowed_to_open: set[str] = set()  # dangerous files the person chose to open
        bridge = bridge or getattr(window, "bridge", None) or EngineBridge(context.engine, self)
        bridge.accountChanged.connect(self.show_account)
        bridge.itemsAdded.connect(self._items_changed)
        bridge.itemsChanged.connect(self._items_changed)
        bridge.itemsRemoved.connect(self._items_removed)

    @property
    def engine(self) -> Any:
        return self._context.engine

    def wait_for_keyring(self) -> None:
        """Until start(): the key is being read, and the system keyring may be asking for its
        password in a window of its own."""
        text = _tr("Waiting for the system keyring to give the API key. If it asks for a "
                   "password in another window, answer it there.")
        self._banner(KEYRING, lambda: Banner(Severity.INFO)).set_text(text)

    def start(self) -> None:
        """Show what already holds: the sandbox, the account state, problems of loaded items;
        on a first run without any key, the welcome — the one dialog (the key dialog opens
        from its "Enter my API key", from the key banner or from Settings)."""
        self._started = True
        self._drop_banner(KEYRING)
        if self._context.in_sandbox:
            self._banner(SANDBOX, SandboxBanner)
        self._items_changed(self.engine.items)
        needs_welcome = not self._context.in_sandbox and self._context.key_store.get() is None
        if needs_welcome:
            self.show_welcome()
        self.show_account(self.engine.account)

    # -- account-wide states --------------------------------------------------------------

    def show_account(self, account: Account) -> None:
        if not self._started:
            return  # start() shows the account as it is then
        previous, self._account = self._account, account
        entered = previous is None or (previous.state, previous.key_problem) != (
            account.state, account.key_problem)
        wanted = _ACCOUNT_BANNERS.get(account.state)
        for kind in (KEY, CREDITS, RATE_LIMIT, TROUBLE):
            if kind != wanted:
                self._drop_banner(kind)
        if account.state is not AccountState.WAITING_FOR_CREDITS:
            self._close_dialog(CREDITS)
        if account.key_problem is not KeyProblem.FORBIDDEN:
            self._close_dialog("forbidden")

        if wanted == CREDITS:
            self._banner(CREDITS, self._credits_banner).set_account(account)
            if entered:
                self.show_credits_dialog(asked=False)
            elif (dialog := self.dialogs.get(CREDITS)) is not None:
                dialog.set_account(account)
        elif wanted == RATE_LIMIT:
            self._banner(RATE_LIMIT, lambda: RateLimitBanner(account, self._clock)).set_account(
                account)
        elif wanted == TROUBLE:
            self._banner(TROUBLE, self._trouble_banner).set_account(account)
        elif wanted == KEY:
            self._banner(KEY, self._key_banner).set_problem(account.key_problem)
            # A refused key is news: ask at once. A missing one is known (the welcome, the
            # banner): a person asked before they chose would meet two dialogs at once.
            if entered and account.key_problem is not KeyProblem.MISSING:
                self._ask_for_key(account, asked=False)

    def _ask_for_key(self, account: Account, asked: bool = True) -> None:
        if account.key_problem is KeyProblem.FORBIDDEN:
            self.show_forbidden_dialog(asked)
        else:
            self.show_key_dialog(asked)

    def show_credits_dialog(self, asked: bool = True) -> CreditsDialog:
        def make() -> CreditsDialog:
            dialog = CreditsDialog(self._account or self.engine.account, self._window)
            dialog.buy_requested.connect(self.buy_credits)
            dialog.upgrade_requested.connect(
                lambda: self._context.open_url(self._context.upgrade_url))
            dialog.retry_requested.connect(self.engine.retry_now)
            return dialog
        return self._dialog(CREDITS, make, asked)

    def show_key_dialog(self, asked: bool = True) -> KeyDialog:
        account = self._account or self.engine.account
        def make() -> KeyDialog:
            dialog = KeyDialog(self._context.key_store, self._test_key, account.key_problem,
                               account.detail, self._context.key_settings_url, self._window)
            dialog.key_saved.connect(self._key_saved)
            dialog.open_url_requested.connect(self._context.open_url)
            return dialog
        return self._dialog("key", make, asked)

    def show_forbidden_dialog(self, asked: bool = True) -> ForbiddenDialog:
        def make() -> ForbiddenDialog:
            account = self._account or self.engine.account
            dialog = ForbiddenDialog(account.detail, self._context.key_settings_url, self._window)
            dialog.other_key_requested.connect(self.show_key_dialog)
            dialog.open_url_requested.connect(self._context.open_url)
            return dialog
        return self._dialog("forbidden", make, asked)

    def buy_credits(self) -> None:
        self._context.open_url(self._context.billing_url)

    async def _test_key(self, key: str) -> KeyTestResult:
        reason = await self._context.test_key(key)
        if reason is not None:
            return KeyTestResult(reason=reason)
        plan_after_test = getattr(self._context, "plan_after_test", None)
        plan = plan_after_test() if plan_after_test is not None else None
        label = getattr(plan, "label", None)
        return KeyTestResult(plan=label if plan is not None and plan.requests_per_minute else None)

    def _key_saved(self, key: str, result: Any) -> None:
        self.engine.set_api_key(key)
        self._close_dialog("forbidden")
        if result.persistent:
            status_bar = getattr(self._window, "statusBar", None)
            if callable(status_bar):
                status_bar().showMessage(result.message, 10_000)
            self._drop_banner(SESSION_KEY)
        else:  # worth more than a passing message: the key will be asked for again next time
            banner = self._banner(SESSION_KEY, lambda: Banner(Severity.WAIT))
            banner.set_text(result.message)
            if not banner.buttons():
                banner.add_button(_tr("Dismiss"), lambda: self._drop_banner(SESSION_KEY))

    # -- first run, settings, details ------------------------------------------------------

    def show_welcome(self) -> WelcomeDialog:
        start_sandbox = getattr(self._context, "start_sandbox", None)
        def make() -> WelcomeDialog:
            dialog = WelcomeDialog(start_sandbox is not None, self._window)
            dialog.key_chosen.connect(self.show_key_dialog)
            dialog.sandbox_chosen.connect(self.start_sandbox)
            return dialog
        return self._dialog("welcome", make, asked=False)

    def start_sandbox(self) -> None:
        start_sandbox = getattr(self._context, "start_sandbox", None)
        if start_sandbox is None:
            return
        start_sandbox()
        self._banner(SANDBOX, SandboxBanner)

    def show_settings(self) -> SettingsDialog:
        def make() -> SettingsDialog:
            dialog = SettingsDialog(self._context, self._window)
            dialog.change_key_requested.connect(self.show_key_dialog)
            return dialog
        return self._dialog("settings", make)

    def show_details(self, item_id: int) -> DetailsDialog | None:
        item = self.engine.item(item_id)
        if item is None:
            return None
        kind = f"details:{item_id}"
        for other in [k for k in self.dialogs if k.startswith("details:") and k != kind]:
            self._close_dialog(other)  # one details dialog: the newest question wins
        return self._dialog(kind, lambda: DetailsDialog(item, self.engine.fetch_info, self._window))

    def confirm_new_charge(self, ids: list[int], credits: int) -> MessageDialog:
        """One question before anything is paid for again; the newest question replaces an
        older one (its rows are still there to ask about)."""
        self._close_dialog("new_charge")

        def make() -> MessageDialog:
            unconfirmed = sum(1 for i in ids if (item := self.engine.item(i)) is not None
                              and item.state is ItemState.UNCONFIRMED)
            headline, explanation, button = new_charge_question(len(ids), credits, unconfirmed)
            dialog = MessageDialog(QStyle.StandardPixmap.SP_MessageBoxQuestion, self._window)
            dialog.setWindowTitle(_tr("Submit again"))
            dialog.set_headline(headline)
            dialog.add_paragraph(explanation)

            def confirmed() -> None:
                self.engine.submit_again(ids)
                dialog.accept()
            dialog.add_button(button, QDialogButtonBox.ButtonRole.AcceptRole, confirmed)
            dialog.add_button(_tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole, dialog.reject)
            return dialog
        return self._dialog("new_charge", make)

    def open_file(self, item: Item) -> MessageDialog | None:
        """Open a finished file — after one question if its type runs code when opened; once
        the person said yes, that file opens without asking again (this session)."""
        path = item.file_path
        if not path:
            return None
        if not is_dangerous(path) or path in self._allowed_to_open:
            self._context.open_url(QUrl.fromLocalFile(path).toString())
            return None

        def make() -> MessageDialog:
            headline, explanation, button = dangerous_open_question(Path(path).name)
            dialog = MessageDialog(QStyle.StandardPixmap.SP_MessageBoxWarning, self._window)
            dialog.setWindowTitle(_tr("Open file"))
            dialog.set_headline(headline)
            dialog.add_paragraph(explanation)

            def confirmed() -> None:
                self._allowed_to_open.add(path)
                self._context.open_url(QUrl.fromLocalFile(path).toString())
                dialog.accept()
            dialog.add_button(button, QDialogButtonBox.ButtonRole.AcceptRole, confirmed)
            dialog.add_button(_tr("Don't open"), QDialogButtonBox.ButtonRole.RejectRole,
                              dialog.reject)
            return dialog
        return self._dialog(f"open:{path}", make)

    # -- item problems a person can fix ------------------------------------------------------

    def _items_changed(self, items: Any) -> None:
        touched = False
        # While no row is stopped by a fixable problem, an item that is not one has nothing to
        # leave: a 50,000-link paste then costs one check per item, not one per item and kind.
        watching = any(self._fixable.values())
        for item in items:
            now = item.problem_kind if item.state is ItemState.FAILED else None
            if now is None and not watching:
                continue
            for kind, ids in self._fixable.items():
                stopped = now is kind
                if stopped != (item.id in ids):
                    touched = watching = True
                    (ids.add if stopped else ids.discard)(item.id)
        if touched:
            self._show_fixable()

    def _items_removed(self, ids: Any) -> None:
        for stopped in self._fixable.values():
            stopped.difference_update(ids)
        self._show_fixable()

    def _show_fixable(self) -> None:
        for kind, ids in self._fixable.items():
            if not ids:
                self._drop_banner(kind.value)
                continue
            banner = self._banner(kind.value, partial(self._fix_banner, kind))
            banner.set_count(len(ids), str(self._context.settings.download_dir))

    def _fix_banner(self, kind: ProblemKind) -> FixBanner:
        banner = FixBanner(kind)
        banner.retry_requested.connect(lambda: self.engine.retry(set(self._fixable[kind])))
        banner.change_folder_requested.connect(self.change_download_folder)
        return banner

    def change_download_folder(self) -> QFileDialog:
        def make() -> QFileDialog:
            dialog = QFileDialog(self._window, _tr("Choose a download folder"),
                                 str(self._context.settings.download_dir))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly)
            dialog.fileSelected.connect(lambda folder: self.use_download_folder(Path(folder)))
            return dialog
        return self._dialog("folder", make)

    def use_download_folder(self, folder: Path) -> None:
        """A new folder for downloads, then another try for everything the old one refused."""
        self._context.settings.download_dir = folder
        self._context.save_settings()
        self.engine.set_download_dir(folder)
        self.engine.retry(set(self._fixable[ProblemKind.NOT_WRITABLE]))

    # -- banners and dialogs: at most one of each kind ---------------------------------------

    def _credits_banner(self) -> CreditsBanner:
        banner = CreditsBanner(self._account or Account())
        banner.buy_requested.connect(self.buy_credits)
        banner.retry_requested.connect(self.engine.retry_now)
        return banner

    def _trouble_banner(self) -> TroubleBanner:
        banner = TroubleBanner(self._account or Account(), self._clock)
        banner.retry_requested.connect(self.engine.retry_now)
        return banner

    def _key_banner(self) -> KeyBanner:
        problem = self._account.key_problem if self._account else None
        banner = KeyBanner(problem)
        banner.key_requested.connect(
            lambda: self._ask_for_key(self._account or self.engine.account))
        return banner

    def _banner(self, kind: str, make: Callable[[], Any]) -> Any:
        banner = self.banners.get(kind)
        if banner is None:
            banner = make()
            self.banners[kind] = banner
            # The sandbox reminder stays on top; waits and fixes follow in order of arrival.
            if kind == SANDBOX:
                self._window.banner_area.insertWidget(0, banner)
            else:
                self._window.banner_area.addWidget(banner)
            banner.show()  # now, not on the next turn of the event loop
        return banner

    def _drop_banner(self, kind: str) -> None:
        banner = self.banners.pop(kind, None)
        if banner is not None:
            self._window.banner_area.removeWidget(banner)
            banner.hide()
            banner.deleteLater()

    def present(self, kind: str, make: Callable[[], Any]) -> Any:
        """A dialog the person asked for (the window's own, such as Add URLs), under the same
        one-on-screen rule as the presenter's."""
        return self._dialog(kind, make)

    def _dialog(self, kind: str, make: Callable[[], Any], asked: bool = True) -> Any:
        """`asked`: the person asked for it, so it covers the dialog on screen; otherwise it
        waits until that one is closed."""
        dialog = self.dialogs.get(kind)
        if dialog is None:
            dialog = make()
            self.dialogs[kind] = dialog
            dialog.finished.connect(lambda _result, kind=kind: self._dialog_closed(kind))
        elif dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        elif kind in self._waiting and not asked:
            return dialog  # asked for again by the app: it keeps its place in the line
        shown = self._shown_kind()
        if shown is not None and not asked:
            if kind not in self._waiting:
                self._waiting.append(kind)  # its turn comes when the one on screen closes
            return dialog
        if kind in self._waiting:
            self._waiting.remove(kind)
        if shown is not None:
            self._covers[kind] = shown
            self.dialogs[shown].hide()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _shown_kind(self) -> str | None:
        return next((kind for kind, dialog in self.dialogs.items()
                     if kind not in self._waiting and dialog.isVisible()), None)

    def _dialog_closed(self, kind: str) -> None:
        if self.dialogs.pop(kind, None) is None:
            return
        if kind in self._waiting:
            self._waiting.remove(kind)
        covered = self._covers.pop(kind, None)
        if self._shown_kind() is not None:
            return
        if covered is not None and covered in self.dialogs:
            follow = covered
        elif self._waiting:
            follow = self._waiting.pop(0)
        else:
            return
        dialog = self.dialogs[follow]
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _close_dialog(self, kind: str) -> None:
        dialog = self.dialogs.get(kind)
        if dialog is not None:
            # finished is not emitted for a dialog that waits hidden: say it closed ourselves.
            self._dialog_closed(kind)
            dialog.close()
