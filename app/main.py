"""The composition root: arguments, settings, key store, context (sandbox, client, store, engine),
then either the console session or the window on a qasync loop. Nothing else wires objects."""

from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
from pathlib import Path

from app import APP_NAME
from app.cli import parse_args

log = logging.getLogger("app")
_log_file: Path | None = None
HELD_WITHOUT_WINDOW = ("Links from a web browser wait for your OK in the window, but VideoConduit "
                       "Desktop runs without one here (--no-window), so they were not queued.")
DEMO_URLS = ("https://example.com/watch/sandbox-demo-video", "https://example.com/listen/sandbox-demo-song")


def _excepthook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
    """After start-up a crash shows a dialog pointing at the log; before, it prints and exits."""
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QMessageBox.critical(None, APP_NAME,
                             f"Something went wrong: {exc}\n\nDetails are in the log: {_log_file}")
        return
    traceback.print_exception(exc_type, exc, tb)
    if QApplication.instance() is None:
        sys.exit(70)


def main(argv: list[str] | None = None) -> int:
    sys.excepthook = _excepthook
    raw = sys.argv[1:] if argv is None else argv
    from app.browser.host import called_by_browser  # (light: the window's start waits for it)

    if called_by_browser(raw):  # the browser extension's host: no window, no queue of its own
        from app.browser import native_host

        return native_host.main()
    args = parse_args(scheme_launch_arguments(raw))
    if args.install_browser_integration or args.remove_browser_integration:
        return browser_integration(install=args.install_browser_integration)

    from app.settings import AppPaths

    paths = AppPaths(args.data_dir.resolve() if args.data_dir else None)
    if args.store_key:  # the key goes to the keyring, not into the queue: no need to own it
        from app.keys import KeyStore

        _setup_logging(paths, args.log_level)
        return store_key_from_stdin(KeyStore())

    # Before anything reads or writes the queue: own it for the whole session, or hand the links
    # to the process that owns it and leave everything else (store, sandbox, API) untouched.
    from app.instance import EXIT_OWNER_DID_NOT_ANSWER, SCHEME, HandOff, QueueBusy, claim_queue

    database = paths.queue_database(sandbox=args.sandbox)
    where = f"the sandbox queue in {database.parent}" if args.sandbox else str(database.parent)
    args.urls, source = links_of_launch(args.urls)
    args.held = args.urls if source == SCHEME else []
    try:
        claim = claim_queue(database, args.urls, where=where, source=source)
    except QueueBusy as busy:
        print(busy.sentence, file=sys.stderr)
        return EXIT_OWNER_DID_NOT_ANSWER
    except OSError as exc:  # no owner to wait for: a read-only folder, a disk without file locks
        print(f"VideoConduit Desktop cannot use the queue in {where}: its lock file could not be "
              f"taken ({exc.strerror or exc}). Choose a folder you can write to on this computer's "
              "own disk with --data-dir.", file=sys.stderr)
        return 1
    if isinstance(claim, HandOff):
        print(claim.sentence, file=sys.stderr)
        return 0
    if args.held:
        args.urls = []  # held, not started: a web page may have opened this videoconduit:// link
    try:
        return _run_session(args, paths, claim)
    finally:
        claim.release()


# Options that only change how the app shows itself: harmless beside a link from a web page.
PRESENTATION_OPTIONS = ("--no-window", "--quit-when-done")


def scheme_launch_arguments(raw: list[str]) -> list[str]:
    """A launch carrying a videoconduit:// link was made by the OS for a web page: only such
    links (and options that change nothing but how the app shows itself) count. Any other option
    beside one (a quote slipped into the link on Windows, whose handler is `app.exe -- "%1"`)
    could name another service address and send it the key, or another folder; the environment
    (VIDEOCONDUIT_DATA_DIR, VIDEOCONDUIT_API_BASE) is not the page's to set."""
    from app.browser.host import is_scheme_link

    links = [argument for argument in raw if is_scheme_link(argument)]
    if not links:
        return raw
    kept = [argument for argument in raw if argument in PRESENTATION_OPTIONS]
    ignored = [argument for argument in raw if argument not in links and argument not in kept
               and argument != "--"]
    if ignored:
        print(f"Ignored beside a videoconduit:// link: {' '.join(ignored)}", file=sys.stderr)
    return kept + links


def links_of_launch(arguments: list[str]) -> tuple[list[str], str]:
    """(links, source): a launch carrying a videoconduit:// link (the OS opens those for web
    pages) hands over the checked links it names, marked so the owner holds them."""
    from app.browser.host import is_scheme_link
    from app.instance import LAUNCH, SCHEME

    if not any(is_scheme_link(argument) for argument in arguments):
        return arguments, LAUNCH
    from app.browser.links import check_opened  # (here: a plain launch needs none of it)

    checked = check_opened(arguments)
    if checked.problem:
        print(f"Not handed over: {checked.problem}", file=sys.stderr)
    return checked.links, SCHEME


def browser_integration(install: bool) -> int:
    """--install-browser-integration / --remove-browser-integration (per user)."""
    from app.browser import manifests

    home = Path.home()
    if not install:
        lines = manifests.remove(home)
        for line in lines:
            print(line)
        if not lines:
            print("There was no browser integration to remove.")
        return 0
    try:
        written = manifests.install(home, manifests.own_executable())
    except manifests.NotRunnable as exc:
        print(f"Not set up: {exc}", file=sys.stderr)
        return 1
    for done in written:
        print(done)
    if not written:
        print("None of the browsers we know (" + ", ".join(b.name for b in manifests.BROWSERS)
              + ") has a settings folder for this user yet: start one once, then try again.")
        return 1
    print(f"Browsers can now reach VideoConduit Desktop ({manifests.HOST_NAME}); restart them "
          "if the extension still says it is not set up.")
    return 0


def _setup_logging(paths, level: str, rotate: bool = True) -> None:  # type: ignore[no-untyped-def]
    from app.logs import setup_logging

    global _log_file
    _log_file = setup_logging(paths.log_dir, level, rotate)


def _run_session(args, paths, owner) -> int:  # type: ignore[no-untyped-def]
    """This process owns the queue: the window or the console session."""
    from app.instance import SCHEME
    from app.settings import SettingsStore

    headless = args.no_window
    _setup_logging(paths, args.log_level, rotate=headless)  # the window's: once it has painted
    settings_store = SettingsStore.for_paths(paths)
    settings = settings_store.load()

    fallback = not headless and _no_display()
    if fallback:
        print("No display found: running the same session offscreen; progress is printed here "
              "and a screenshot of the window is saved when the queue is done.", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    if fallback and args.sandbox and not args.urls and not args.held:
        args.urls = list(DEMO_URLS)
        print("Queuing two sample links so the offscreen demo has something to show.", file=sys.stderr)

    def build(read_key: bool):  # type: ignore[no-untyped-def]
        """The context: keyring backend, client, store, engine (and the sandbox in demo mode)."""
        from app.context import build_context
        from app.keys import KeyStore

        if not headless:
            _setup_logging(paths, args.log_level)  # now with rotation
        return build_context(paths, settings, settings_store, KeyStore(), use_sandbox=args.sandbox,
                             api_base=args.api_base, download_dir=args.download_dir,
                             concurrency=args.concurrency, log_file=_log_file, read_key=read_key)

    if headless:
        import asyncio

        context = build(read_key=True)
        if args.held and context.holds_links_from(SCHEME):
            print(HELD_WITHOUT_WINDOW, file=sys.stderr)
        elif args.held:  # the person chose to start links from web pages at once
            args.urls = args.held
        return asyncio.run(run_console(context, args.urls, args.quit_when_done, owner))
    from app.ui.main_window import WindowStart
    from app.ui.run import run_window

    # The window shows first; `build` runs after its first paint, off the UI thread, and the
    # window reads the key on a worker thread too (its unlock prompt may take minutes).
    start = WindowStart(settings, settings_store, in_sandbox=args.sandbox,
                        api_base=args.api_base or settings.api_base)
    return run_window(start, lambda: build(read_key=False), args.urls, owner, held=args.held,
                      quit_when_done=args.quit_when_done or fallback,
                      screenshot=paths.log_dir.parent / "window.png" if fallback else None,
                      argv=sys.argv[:1], print_progress=fallback)


def _no_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def store_key_from_stdin(key_store) -> int:  # type: ignore[no-untyped-def]
    from app.keys import normalize_key, validate_key_format

    key = normalize_key(sys.stdin.read())
    problem = validate_key_format(key)
    if problem:
        print(f"Not stored: {problem}", file=sys.stderr)
        return 2
    result = key_store.set(key)
    print(result.message, file=sys.stderr)
    return 0 if result.persistent else 1


async def run_console(context, urls: list[str], quit_when_done: bool,  # type: ignore[no-untyped-def]
                      owner=None) -> int:
    """The headless session. `owner` (app.instance.QueueOwner) serves later launches: their
    links are queued here like this command line's own."""
    import asyncio  # (not at the top: the window shows before anything imports it)

    from app.console import ConsoleReporter
    from app.instance import LAUNCH, Refused

    engine = context.engine
    engine.subscribe(ConsoleReporter(context.billing_url))
    if context.sandbox:
        print(f"Using the embedded sandbox at {context.sandbox.api_base} (nothing is charged)",
              file=sys.stderr)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C raises instead
            pass

    def receive(text: str, source: str = LAUNCH):  # type: ignore[no-untyped-def]
        if context.holds_links_from(source):
            log.warning("Refused links from a web browser: nobody can confirm them without a window")
            print(HELD_WITHOUT_WINDOW, file=sys.stderr)
            raise Refused(HELD_WITHOUT_WINDOW)
        if not text.strip():
            return None
        report = engine.add_text(text)
        _print_intake(report, "Another launch handed over links. ")
        return report

    try:
        await engine.start()
        if urls:
            report = engine.add_urls(urls)
            _print_intake(report)
        if owner is not None:
            await owner.serve(receive, kind="console")
        if quit_when_done:
            settled = asyncio.ensure_future(engine.wait_until_settled())
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({settled, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if settled.done():
                outcome = settled.result()
                print(f"Finished: {outcome.value.replace('_', ' ')}", file=sys.stderr)
                return outcome.exit_code
            settled.cancel()
            return 130
        await stop.wait()
        return 0
    finally:
        if owner is not None:
            await owner.stop_serving()
        await context.close()


def _print_intake(report, prefix: str = "") -> None:  # type: ignore[no-untyped-def]
    line = f"{prefix}Queued {len(report.added)} link(s)"
    if report.skipped_total:
        reasons = ", ".join(f"{n} {why.replace('_', ' ')}" for why, n in report.skipped.items())
        line += f"; skipped {report.skipped_total} ({reasons})"
    if report.not_added:
        line += (f"; {report.not_added} link(s) NOT added: the queue could not be saved"
                 f" ({report.not_added_reason or 'unknown reason'})")
    print(line, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
