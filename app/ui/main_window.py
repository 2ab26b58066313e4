"""The main window: toolbar, banner area, options strip, the queue and the status bar.

It presents engine state and turns clicks into engine commands; account-wide dialogs and
banners belong to the Presenter (``window.presenter``, set by the composition root), which puts
its banners into ``window.banner_area``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Signal
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QToolBar, QVBoxLayout, QWidget

from app import APP_NAME
from app.instance import LAUNCH, Refused
from app.resources import app_icon
from app.ui.actions import QueueActions
from app.ui.i18n import tr_n
from app.ui.options_strip import OptionsStrip
from app.ui.qt_values import TOOL_BUTTON_TEXT_BESIDE_ICON, set_qt_property
from app.ui.queue_view import QueueView
from app.ui.status_bar import AccountStatusBar
from app.ui.theme import follow_system_color_scheme

if TYPE_CHECKING:  # the engine side, menus and dialogs are imported after the first paint
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from app.context import AppContext
    from app.engine.model import Account, IntakeReport, Item
    from app.settings import Settings, SettingsStore
    from app.ui.add_dialog import AddDialog
    from app.ui.held_links import HeldReport
    from app.ui.queue_model import QueueModel
    from app.ui.tray import Tray

log = logging.getLogger(__name__)


@dataclass
class WindowStart:
    """What the window needs before the engine exists: it is shown (and painted) first, and
    `MainWindow.attach` gives it the whole AppContext once the heavy parts are imported and built."""

    settings: Settings
    settings_store: SettingsStore
    in_sandbox: bool
    api_base: str = ""

    def save_settings(self) -> None:
        self.settings_store.save(self.settings)


class MainWindow(QMainWindow):
    quitRequested = Signal()  # the person really wants to quit (the composition root ends the app)

    def __init__(self, context: AppContext | WindowStart, parent: QWidget | None = None, *,
                 attach: bool = True) -> None:
        """`attach=False` builds only what shows before the engine exists (toolbar, empty
        table, status bar saying it is starting); `attach(context)` completes it."""
        super().__init__(parent)
        self.context: Any = context
        self.engine: Any = None  # set by attach()
        self.presenter: Any = None  # the composition root sets Presenter(window, context)
        self.quit_dialog: QMessageBox | None = None
        self.add_dialog: AddDialog | None = None
        self.tray: Tray | None = None
        self._quitting = False  # the person confirmed: close without asking again
        self._quit_requested = False  # Quit from the tray: close even if close-to-tray is on
        self._ready = False  # links are taken once the stored queue has loaded (see ready)
        self._early_links: list[tuple[str, str]] = []  # handed over before that (macOS, a launch)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME + (self.tr(" — Sandbox") if context.in_sandbox else ""))

        self.model: QueueModel  # set by attach(): the empty table needs no model of items
        self.options_strip = OptionsStrip(context.settings, self.save_settings, self)
        self.commands = QueueActions(self)
        self.status = AccountStatusBar(context.api_base, context.in_sandbox, self)
        self.setStatusBar(self.status)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner_holder = QWidget(central)
        banner_holder.setObjectName("bannerArea")
        self.banner_area = QVBoxLayout(banner_holder)  # the Presenter's banners go here
        self.banner_area.setContentsMargins(8, 4, 8, 0)
        self.banner_area.setSpacing(4)
        layout.addWidget(banner_holder)
        layout.addWidget(self.options_strip)
        self.view = QueueView(parent=central)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._restore_geometry()
        self.commands.hold_all()
        self.status.show_starting()
        self.view.set_opening(True)
        if attach:
            self.attach(context)  # type: ignore[arg-type]
            self.ready()

    def attach(self, context: AppContext) -> None:
        """The engine exists: wire it and show the account. Rows arrive as the engine loads
        them (ItemsAdded), after this; links are taken from `ready()` on."""
        from app.ui.bridge import EngineBridge
        from app.ui.held_links import HeldLinksBar
        from app.ui.intake import LinkIntake
        from app.ui.queue_model import QueueModel

        self.context = context
        self.engine = context.engine
        # Here, after the first paint: asking Qt for the scheme builds its whole enum namespace
        # (app.ui.qt_values). Before it, run_window matched Windows' dark mode by itself.
        follow_system_color_scheme()
        self.model = QueueModel(on_move=lambda ids, before: self.engine.move(ids, before), parent=self,
                                download_dir=lambda: self.context.settings.download_dir)
        self.view.setModel(self.model)
        self.setWindowIcon(app_icon())  # here, not before the first paint: it renders 8 sizes
        self.view.paint_progress_bars()
        self.bridge = EngineBridge(self.engine, self)
        self.intake = LinkIntake(self.engine, self.options_strip.options, self)
        self.held_links = HeldLinksBar(self.options_strip.options, self.intake.add_text,
                                       self.engine.is_queued, self.banner_area.parentWidget())
        self.banner_area.insertWidget(0, self.held_links)
        self.status.set_connection(context.api_base, context.in_sandbox)
        self._wire()
        self.tray = self._make_tray()
        self.model.reset_items(self.engine.items)
        self.show_account(self.engine.account)
        self._refresh()

    def ready(self) -> None:
        """The stored queue has loaded: drops, paste, the Add dialog and the clipboard now
        queue links (before, a link could duplicate a stored one not loaded yet). Called again
        (a window built ready, whose engine loaded afterwards) it only clears the loading count."""
        from app.ui.clipboard_watch import ClipboardWatch

        self.status.started()
        if self._ready:
            return
        self._ready = True
        if self.tray is not None:
            self.tray.take_commands(True)
        self.view.set_opening(False)
        self.intake.watch(self)
        self.intake.watch(self.view.viewport())
        self.clipboard_watch = ClipboardWatch(self, self.intake.add_text,
                                              lambda: self.context.settings.clipboard_autofill)
        self._refresh()
        early, self._early_links = self._early_links, []
        for text, source in early:
            try:
                self.receive_links(text, source)
            except Refused as refused:  # the held bar is full: said, as to a later launch
                self.status.show_report(str(refused))

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def quit_confirmed(self) -> bool:
        """The person quit (the window accepted its close for good)."""
        return self._quitting

    def save_settings(self) -> None:
        self.context.save_settings()

    # ---- building ------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        acts = self.commands
        bar = QToolBar(self.tr("Queue"), self)
        bar.setObjectName("queueToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        set_qt_property(bar, "toolButtonStyle", TOOL_BUTTON_TEXT_BESIDE_ICON)
        bar.addActions([acts.add_urls, acts.paste])
        bar.addSeparator()
        bar.addActions([acts.pause, acts.resume, acts.cancel, acts.retry, acts.look_again,
                        acts.submit_again, acts.remove])
        bar.addSeparator()
        bar.addActions([acts.retry_all_failed, acts.clear_finished])
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(acts.settings)
        self.addToolBar(bar)
        self.toolbar = bar
        # Window-wide shortcuts (Ctrl+V …) work wherever focus is; row keys only in the table.
        self.addActions(acts.window_wide())
        self.view.addActions([acts.remove, acts.toggle_pause, acts.copy_url])

    def _wire(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        bridge, acts, engine = self.bridge, self.commands, self.engine
        bridge.itemsAdded.connect(self._items_added)
        bridge.itemsChanged.connect(self._items_changed)
        bridge.itemsRemoved.connect(self._items_removed)
        bridge.itemsReordered.connect(self._items_reordered)
        bridge.accountChanged.connect(self.show_account)
        self.intake.reported.connect(lambda message, _report: self.status.show_report(message))
        self.options_strip.optionsChanged.connect(self.held_links.refresh_cost)
        self.view.selectionModel().selectionChanged.connect(self._refresh)
        self.view.customContextMenuRequested.connect(self._context_menu)
        # The Menu key opens it by itself; Shift+F10 is the other key people know for it.
        menu_key = QShortcut(QKeySequence("Shift+F10"), self.view, self._context_menu_by_key,
                             context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.context_menu_key = menu_key
        self.view.doubleClicked.connect(lambda _index: self._open_selected_file())

        acts.add_urls.triggered.connect(self.show_add_dialog)
        acts.paste.triggered.connect(self.intake.paste)
        acts.pause.triggered.connect(lambda: engine.pause(self.selected_ids()))
        acts.resume.triggered.connect(lambda: engine.resume(self.selected_ids()))
        acts.toggle_pause.triggered.connect(self._toggle_pause)
        acts.cancel.triggered.connect(lambda: engine.cancel(self.selected_ids()))
        acts.retry.triggered.connect(lambda: engine.retry(self.selected_ids()))
        acts.remove.triggered.connect(lambda: engine.remove(self.selected_ids()))
        acts.look_again.triggered.connect(lambda: engine.look_again(self.selected_ids()))
        acts.submit_again.triggered.connect(lambda: self._go_on_with(self.selected_ids()))
        acts.retry_all_failed.triggered.connect(lambda: self._go_on_with(engine.failed_ids()))
        acts.clear_finished.triggered.connect(engine.clear_finished)
        acts.settings.triggered.connect(self._show_settings)
        acts.open_file.triggered.connect(self._open_selected_file)
        acts.show_in_folder.triggered.connect(self._show_selected_in_folder)
        acts.copy_url.triggered.connect(self._copy_selected_urls)
        acts.get_details.triggered.connect(self._show_details)

    def _make_tray(self) -> Tray | None:
        from app.ui.tray import Tray

        if not Tray.available():
            return None
        tray = Tray(self, self.engine, lambda: self.context.settings.notifications)
        tray.showRequested.connect(self.show_and_raise)
        tray.quitRequested.connect(self.request_quit)
        tray.take_commands(self._ready)
        return tray

    # ---- engine → screen -----------------------------------------------------------------

    def _items_added(self, items: tuple[Item, ...]) -> None:
        self.model.add_items(items)
        self.held_links.refresh_cost()  # a held link queued meanwhile is held no more
        self._refresh()

    def _items_changed(self, items: list[Item]) -> None:
        self.model.update_items(items)
        self._refresh()

    def _items_removed(self, ids: tuple[int, ...]) -> None:
        self.model.remove_ids(ids)
        self._refresh()

    def _items_reordered(self, order: tuple[int, ...]) -> None:
        self.model.reorder(order)

    def show_account(self, account: Account) -> None:
        self.status.set_account(account)
        self.model.set_account_state(account.state)
        self.options_strip.set_estimate(account.waiting_items, account.waiting_credits)

    def _refresh(self) -> None:
        if not self._ready:  # nothing can be done until the queue is there
            self.commands.hold_all()
            return
        self.commands.update(self.selected_items(), self.model.present_states())
        if self.tray is not None:
            self.tray.refresh(self.model.items())

    # ---- selection and commands ----------------------------------------------------------

    def selected_items(self) -> list[Item]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [item for row in rows if (item := self.model.item_at(row)) is not None]

    def selected_ids(self) -> list[int]:
        return [item.id for item in self.selected_items()]

    def _toggle_pause(self) -> None:
        items = self.selected_items()
        running = [item.id for item in items if item.state.is_pausable]
        if running:
            self.engine.pause(running)
        else:
            self.engine.resume([item.id for item in items])  # the engine resumes the paused ones

    def show_add_dialog(self) -> AddDialog:
        if self.add_dialog is None:
            from PySide6.QtCore import Qt

            from app.ui.add_dialog import AddDialog

            options = self.options_strip.options()
            summary = (self.tr("They are queued as audio only: 1 credit each.")
                       if options.audio_only else
                       self.tr("They are queued as videos: {n} credits each.").format(
                           n=options.credit_cost))
            dialog = AddDialog(summary, self)
            dialog.linksSubmitted.connect(self.intake.add_text)
            dialog.finished.connect(lambda _result: setattr(self, "add_dialog", None))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.add_dialog = dialog
            if self.presenter is None:
                dialog.show()
        if self.presenter is not None:  # one dialog on screen, the window's own included
            self.presenter.present("add", lambda: self.add_dialog)
        self.add_dialog.raise_()
        return self.add_dialog

    def receive_links(self, text: str, source: str = LAUNCH) -> IntakeReport | HeldReport | None:
        """Links handed over by a later launch or a browser: queue them, or hold them for the
        person's OK (app.ui.held_links), and come to the front. Before the stored queue has
        loaded they wait here (their duplicates may not be loaded yet)."""
        if not self._ready:
            self._early_links.append((text, source))
            self.show_and_raise()
            return None
        if self.context.holds_links_from(source) and text.strip():
            report: IntakeReport | HeldReport | None = self.held_links.hold(text)
        else:
            report = self.intake.add_text(text) if text.strip() else None
        self.show_and_raise()
        return report

    def show_and_raise(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _single_selected(self) -> Item | None:
        items = self.selected_items()
        return items[0] if len(items) == 1 else None

    def _open_selected_file(self) -> None:
        from app.engine.filenames import is_dangerous  # (here: not needed before the first paint)
        from app.engine.model import ItemState

        item = self._single_selected()
        if item is None or not item.file_path or item.state is not ItemState.COMPLETED:
            return

        if self.presenter is not None:  # it asks first when the file's type runs programs
            self.presenter.open_file(item)
        elif not is_dangerous(item.file_path):
            from PySide6.QtCore import QUrl

            self.context.open_url(QUrl.fromLocalFile(item.file_path).toString())

    def _show_selected_in_folder(self) -> None:
        from PySide6.QtCore import QUrl

        item = self._single_selected()
        if item is not None and item.file_path:
            folder = str(Path(item.file_path).parent)
            self.context.open_url(QUrl.fromLocalFile(folder).toString())

    def _copy_selected_urls(self) -> None:
        from PySide6.QtGui import QGuiApplication

        urls = [item.url for item in self.selected_items()]
        if urls:
            QGuiApplication.clipboard().setText("\n".join(urls))
            self.status.show_report(tr_n("MainWindow", len(urls), "Copied %n link",
                                                 "Copied %n links"))

    def _go_on_with(self, ids: list[int]) -> None:
        """Retry what costs nothing at once; what needs a new charge only after one question."""
        free, paid, credits = self.engine.retry_plan(ids)
        self.engine.retry(free)
        if paid and self.presenter is not None:
            self.presenter.confirm_new_charge(paid, credits)

    def _show_details(self) -> None:
        item = self._single_selected()
        if item is not None and self.presenter is not None:
            self.presenter.show_details(item.id)

    def _show_settings(self) -> None:
        if self.presenter is not None:
            self.presenter.show_settings()

    def _context_menu_by_key(self) -> None:
        from PySide6.QtCore import QRect

        current = self.view.currentIndex()
        rect = self.view.visualRect(current) if current.isValid() else QRect()
        self._context_menu(rect.center() if rect.isValid() else self.view.viewport().rect().center())

    def _context_menu(self, position: QPoint) -> None:
        from PySide6.QtWidgets import QMenu

        acts = self.commands
        menu = QMenu(self)
        menu.addActions([acts.pause, acts.resume, acts.cancel, acts.retry, acts.look_again,
                         acts.submit_again, acts.remove])
        menu.addSeparator()
        menu.addActions([acts.open_file, acts.show_in_folder, acts.copy_url])
        menu.addSeparator()
        menu.addAction(acts.get_details)
        menu.popup(self.view.viewport().mapToGlobal(position))
        self.context_menu = menu

    # ---- closing -------------------------------------------------------------------------

    def reshow(self) -> None:
        """The Dock icon was clicked (macOS): a window hidden to the tray comes back."""
        if not self.isVisible():
            self.show_and_raise()

    def request_quit(self) -> None:
        """Quit for real (tray menu): asks first when downloads are running."""
        self._quit_requested = True
        self.show_and_raise()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_geometry()
        wants_quit = self._quitting or self._quit_requested
        if not wants_quit and self.context.settings.close_to_tray and self.tray is not None:
            event.ignore()
            self.hide()
            return
        # (Closed before attach(): no engine, nothing running.)
        active = [item for item in self.model.items() if item.state.is_active] if self.engine else []
        if active and not self._quitting:
            event.ignore()
            self._ask_before_quitting(len(active))
            return
        self._quitting = True
        event.accept()
        self.quitRequested.emit()

    def _ask_before_quitting(self, active: int) -> None:
        if self.quit_dialog is not None:
            self.quit_dialog.raise_()
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit {app}?").format(app=APP_NAME),
                          tr_n("MainWindow", active, "%n download is still running.",
                               "%n downloads are still running."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("They stop now and continue where they left off the next "
                                       "time you open the app."))
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep downloading"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            self.quit_dialog = None
            self._quit_requested = False
            if box.clickedButton() is quit_button:
                self._quitting = True
                self.close()

        box.finished.connect(answered)
        self.quit_dialog = box
        box.open()

    def _save_geometry(self) -> None:
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        try:
            self.context.save_settings()
        except OSError as exc:
            log.warning("Could not save the window's size and place: %s", exc)

    def _restore_geometry(self) -> None:
        saved = self.context.settings.window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1120, 640)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: recolour what we set
            self.status.set_connection(self.context.api_base, self.context.in_sandbox)
        super().changeEvent(event)

