"""The app shell: which screen shows when, locking, quick hide, idle auto-lock, drafts on exit.

Screens live in Textual *modes*: the gate (welcome or unlock), the journal (home and everything
opened from it) and the hidden screen. Moving between them builds the new mode fresh and removes
the old one, so locking unmounts every journal screen instead of hiding it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from importlib import import_module
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from peerjournal.errors import PeerJournalError
from peerjournal.gate import gate_language
from peerjournal.i18n import N_, _, choose_language, current_language, set_language
from peerjournal.tui import text, warm
from peerjournal.tui.commands import SYSTEM_COMMANDS, JournalCommands, Palette
from peerjournal.tui.keys import usable_hide_key
from peerjournal.tui.messages import GateWanted, JournalOpened
from peerjournal.tui.notices import say
from peerjournal.tui.themes import HIGH_CONTRAST
from peerjournal.tui.typography import keep_no_break_spaces
from peerjournal.tui.undo import UNDO_SECONDS, PendingDeletes

keep_no_break_spaces()  # French « … » and « : » never split across lines

if TYPE_CHECKING:  # the crypto and database modules load in the unlock worker, not at launch
    from peerjournal.journal import Journal, KdfParams, Settings

AUTOSAVE_SECONDS = 3.0
IDLE_CHECK_SECONDS = 1.0
WARM_UP_DELAY = 0.2
MAX_NOTICES = 2  # shown at once, newest last
NEUTRAL_BLOCKED = {"help", "command_palette"}
# The screens opened over Home by `open('<name>')` (keys, palette, Home's buttons): the module in
# tui/screens and its class, imported when first opened (not at launch, which must stay quick).
JOURNAL_SCREENS: dict[str, tuple[str, str]] = {
    "entries": ("entries", "EntriesScreen"),
    "settings": ("settings", "SettingsScreen"),
    "export": ("export_wizard", "ExportWizardScreen"),
    "terms": ("terms", "TermsScreen"),
    "consent": ("consent", "ConsentScreen"),
    "withdraw": ("withdraw", "WithdrawScreen"),
    "prompt_sets": ("prompt_sets", "PromptSetScreen"),
}
JOURNAL_ACTIONS = {"lock", "write", "home", "open"}


def idle_note(kept_draft: bool) -> str:
    """What the unlock screen says after the journal locked itself."""
    if kept_draft:
        return _(
            "Your journal locked itself after a quiet while. What you were writing is kept as "
            "a draft: unlock to go on with it."
        )
    return _("Your journal locked itself after a quiet while.")


class PeerJournalApp(App[None]):
    """One journal directory, locked or unlocked. `journal` is None whenever it is locked."""

    CSS_PATH = "app.tcss"
    TITLE = text.APP_TITLE
    SUB_TITLE = ""
    COMMANDS = App.COMMANDS | {JournalCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f12",
            "quick_hide",
            N_("Hide"),
            id="quick_hide",
            priority=True,
            tooltip=N_("Hide everything at once and lock the journal"),
        ),
        Binding(
            "ctrl+l",
            "lock",
            N_("Lock"),
            id="lock",
            priority=True,
            tooltip=N_("Save what you are writing and lock the journal"),
        ),
        Binding("f1", "help", N_("Help"), id="help", tooltip=N_("Keys and help for this screen")),
        Binding(
            "ctrl+z",
            "undo_delete",
            N_("Undo delete"),
            id="undo_delete",
            tooltip=N_("Bring back the entry you just deleted"),
        ),
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            id="quit",
            priority=True,
            show=False,
            tooltip=N_("Save what you are writing, lock and close the app"),
        ),
    ]

    def __init__(
        self,
        journal_dir: Path,
        *,
        kdf: KdfParams | None = None,
        autosave_seconds: float = AUTOSAVE_SECONDS,
        autolock_seconds: float | None = None,
        warm_up: bool = True,
        idle_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.idle_clock = idle_clock or suspend_clock()
        self.journal_dir = journal_dir
        self.kdf = kdf
        self.autosave_seconds = autosave_seconds
        self.autolock_seconds = autolock_seconds
        self.journal: Journal | None = None
        self.settings: Settings | None = None  # the journal's own, read when it is unlocked
        self.writers: set = set()  # open WriteScreens, so every exit path can save their drafts
        self._last_activity = self.idle_clock()
        self._last_check = self._last_activity
        self._mode_names = count(1)
        self._own_modes: list[str] = []
        self._warmed = not warm_up
        self.pending_deletes = PendingDeletes()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, minus Screenshot (it would write journal text to disk),
        Theme (themes are chosen in settings, so the choice is kept), Quit (ours saves first) and
        Keys (F1 lists every key in the person's language; Textual's panel is English only);
        the rest in the app's language."""
        for command in super().get_system_commands(screen):
            if command.title in SYSTEM_COMMANDS:
                title, help_text = SYSTEM_COMMANDS[command.title]
                yield command._replace(title=_(title), help=_(help_text))

    def action_command_palette(self) -> None:
        """Textual's palette, in the app's language (tui/commands.py)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(id="--command-palette"))

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        """Every notice is plain text unless a caller asks otherwise: notices quote titles, file
        names and errors, and Textual would read `[x]` in them as markup (or crash on `[/b]`)."""
        super().notify(message, markup=markup, **options)

    def _on_notify(self, event) -> None:
        """Notices are a status line (app.tcss): the newest `MAX_NOTICES` show, older ones give
        way, so a quick run of steps never stacks notices until the screen has no room left."""
        super()._on_notify(event)
        for old in list(self._notifications)[:-MAX_NOTICES]:
            self._unnotify(old, refresh=False)
        self._refresh_notifications()

    def copy_to_clipboard(self, text: str) -> None:
        """Copy inside the app only. Textual also sends the text to the terminal (OSC 52), which
        puts it on the system clipboard, where it outlives the lock and reaches other programs;
        the app's own clipboard is emptied when the journal locks."""
        self._clipboard = text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Journal actions only while a journal is open (so the footer shows only what works)."""
        if action in NEUTRAL_BLOCKED and getattr(self.screen, "NEUTRAL", False):
            return False  # the hidden screen must not open anything that names the journal
        if action == "undo_delete":
            return bool(self.pending_deletes.waiting) and self.journal is not None
        return not (action in JOURNAL_ACTIONS and self.journal is None)

    # -- start and stop --------------------------------------------------------------------------

    async def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.set_interval(IDLE_CHECK_SECONDS, self._lock_when_idle, name="idle-lock")
        self.use_language(choose_language(gate_language(self.journal_dir)))
        await self.show_gate()

    async def on_unmount(self) -> None:
        self.save_and_close()

    async def action_quit(self) -> None:
        self.save_and_close()
        self.exit()

    # -- activity and idle lock ------------------------------------------------------------------

    async def on_event(self, event) -> None:
        from textual import events

        if isinstance(
            event,
            events.Key
            | events.MouseDown
            | events.MouseScrollDown
            | events.MouseScrollUp
            | events.Paste,
        ):
            self._last_activity = self.idle_clock()
        await super().on_event(event)

    @property
    def idle_limit(self) -> float | None:
        """Seconds of no key or mouse activity before the journal locks itself; None: never."""
        if self.autolock_seconds is not None:
            return self.autolock_seconds
        minutes = self.settings.autolock_minutes if self.settings else 0
        return minutes * 60.0 if minutes > 0 else None

    async def _lock_when_idle(self) -> None:
        """Lock after `idle_limit` seconds without a key or a click, counted on a clock that
        runs while the computer sleeps, and at once when that clock jumps backwards (it was set
        back, so idle time cannot be trusted)."""
        now = self.idle_clock()
        jumped = now < self._last_check
        self._last_check = now
        self.offer_prompt_sets()
        limit = self.idle_limit
        if self.journal is None or limit is None:
            return
        if jumped or now - self._last_activity >= limit:
            kept = bool(self.writers)
            await self.action_lock(note=idle_note(kept))

    # -- modes -----------------------------------------------------------------------------------

    async def _enter(self, factory: Callable[[], Screen]) -> None:
        """Show a freshly built screen stack and remove every other one (their screens unmount)."""
        name = f"m{next(self._mode_names)}"
        self.add_mode(name, lambda: self._current_styles(factory()))
        await self.switch_mode(name)
        old, self._own_modes = self._own_modes, [name]
        await self._drop_modes(old)

    async def _drop_modes(self, modes: list[str]) -> None:
        """Remove old modes, their screens' timers stopped and editors' histories emptied first."""
        from peerjournal.tui.forget import wipe_screen

        for mode in modes:
            for screen in self._screen_stacks.get(mode, []):
                wipe_screen(screen)
            await self.remove_mode(mode)

    def _current_styles(self, screen: Screen) -> Screen:
        """Mark a brand-new screen as styled with the current stylesheet. Textual otherwise reparses
        every stylesheet when a mode's first screen appears (for theme changes made while that
        mode was away), which a new screen cannot have missed; it costs ~0.1 s per unlock."""
        if hasattr(screen, "_css_update_count"):
            screen._css_update_count = self._css_update_count
        return screen

    async def show_gate(self, note: str = "") -> None:
        """The welcome screen for a new journal, the unlock screen for an existing one."""
        from peerjournal.journal import Journal

        if Journal.exists(self.journal_dir):
            from peerjournal.tui.screens.unlock import UnlockScreen

            await self._enter(lambda: UnlockScreen(self.journal_dir, note=note))
        else:
            from peerjournal.tui.screens.welcome import WelcomeScreen

            await self._enter(lambda: WelcomeScreen(self.journal_dir, self.kdf))
        if not self._warmed:
            self._warmed = True
            self.set_timer(WARM_UP_DELAY, self._warm_up)

    def _warm_up(self) -> None:
        """While the passphrase is typed: import the journal screens in a thread and load their
        styles in one pass, so home appears at once after the key is derived."""
        self.run_worker(
            warm.import_modules,
            thread=True,
            exit_on_error=False,
            group="warm-up",
            description="Preparing screens",
        )
        warm.load_styles(self)
        warm.widget_styles(self)

    async def on_gate_wanted(self, message: GateWanted) -> None:
        await self.show_gate()

    async def on_journal_opened(self, message: JournalOpened) -> None:
        await self.open_journal(message.journal, message.recovery_code)

    async def open_journal(self, journal: Journal, recovery_code: str | None = None) -> None:
        """Show home for a journal the gate just opened, then the recovery code and any draft."""
        from peerjournal.tui.screens.home import HomeScreen
        from peerjournal.tui.screens.welcome import WelcomeScreen

        first_run = isinstance(self.screen, WelcomeScreen)  # the journal was just made
        self.journal = journal
        self._last_activity = self.idle_clock()
        self._apply_settings(journal.settings.load())
        self.use_language(journal.ui_language())
        journal.remember_language(current_language())
        await self._enter(lambda: HomeScreen(journal))
        for warning in journal.warnings:
            say(self, _(warning), warning=True)  # constants are marked N_
        self.offer_prompt_sets(first_run=first_run)
        if recovery_code:
            from peerjournal.tui.screens.recovery_code import RecoveryCodeScreen

            await self.push_screen(RecoveryCodeScreen(recovery_code))
        self.offer_drafts()

    def offer_prompt_sets(self, *, first_run: bool = False) -> None:
        """A set handed over by `prompts install` while the app had the journal open, or, on a
        new journal that follows none, the choice of a set (under the recovery code)."""
        if self.journal is None:
            return
        from peerjournal.promptset.choose import is_handed_over, take_handed_over
        from peerjournal.tui.screens.prompt_sets import PromptSetScreen

        if any(isinstance(s, PromptSetScreen) for s in self.screen_stack):
            return
        if is_handed_over(self.journal.directory):
            try:
                offered = take_handed_over(self.journal.directory)
            except PeerJournalError as error:
                say(self, error.message, warning=True)
                return
            self.push_screen(PromptSetScreen(self.journal, offered))
        elif first_run and self.journal.program.active() is None:
            self.push_screen(PromptSetScreen(self.journal))

    def offer_drafts(self) -> None:
        """Offer back unfinished writing; an empty draft (from an older version) is dropped."""
        if self.journal is None:
            return
        for draft in self.journal.drafts.list():
            if not (draft.body.strip() or draft.title.strip() or draft.tags):
                self.journal.drafts.discard(draft.id)
        if not self.journal.drafts.count():
            return
        from peerjournal.tui.screens.draft_offer import DraftOfferScreen

        self.push_screen(DraftOfferScreen(self.journal))

    # -- settings --------------------------------------------------------------------------------

    def _apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if settings.theme != self.theme and settings.theme in self.available_themes:
            self.theme = settings.theme
        self.set_keymap({"quick_hide": usable_hide_key(settings.quick_hide_key)})

    def save_settings(self, settings: Settings) -> Settings:
        """Store new settings in the journal and apply them at once (raises PeerJournalError)."""
        if self.journal is None:
            return settings
        saved = self.journal.settings.save(settings)
        self._apply_settings(saved)
        if self.use_language(self.journal.ui_language()):
            self.journal.remember_language(current_language())
            self.call_later(self._rebuild_in_new_language)
        return saved

    # -- language --------------------------------------------------------------------------------

    def use_language(self, code: str) -> bool:
        """Show the app in `code` from now on; True when that changed the language."""
        before = current_language()
        set_language(code)
        self.refresh_bindings()
        return current_language() != before

    async def _rebuild_in_new_language(self, settings: bool = True) -> None:
        """Screens write their text when they are built: build the journal's screens again, back
        where the person was (home, then settings if `settings`). Open writing is kept as a
        draft first and offered back."""
        if self.journal is None:
            return
        from peerjournal.tui.screens.home import HomeScreen
        from peerjournal.tui.screens.settings import SettingsScreen

        journal = self.journal
        writing = bool(self.writers)
        for writer in list(self.writers):
            try:
                writer.save_draft(journal)
            except PeerJournalError as error:
                say(self, error.message, warning=True)
                return  # the screens stay as they are, in the old language, nothing lost
        self.writers.clear()
        await self._enter(lambda: HomeScreen(journal))
        if settings:
            await self.push_screen(SettingsScreen(journal))
        if writing:
            self.offer_drafts()

    def offer_set_language(self) -> None:
        """After a prompt set was installed: when the person never chose a language and the set
        speaks one the app has, other than the one shown, ask (in the set's language) whether
        to show the app in it. Yes switches now; no keeps this language as the person's choice."""
        if self.journal is None or self.journal.settings.load().language:
            return  # a language chosen by the person comes first (docs/i18n.md)
        wanted = self.journal.ui_language()
        if wanted == current_language():
            return
        from peerjournal.tui.screens.language_offer import LanguageOfferScreen
        from peerjournal.tui.screens.settings import SettingsScreen

        settings = any(isinstance(screen, SettingsScreen) for screen in self.screen_stack)

        def answered(switch: bool | None) -> None:
            if self.journal is None:
                return
            if not switch:
                self.journal.settings.update(language=current_language())
                return
            self.use_language(wanted)
            self.journal.remember_language(current_language())
            self.call_later(self._rebuild_in_new_language, settings)

        self.push_screen(LanguageOfferScreen(wanted), answered)

    # -- safety ----------------------------------------------------------------------------------

    def save_and_close(self) -> None:
        """Every way out goes through here: save each open draft, then close (zero the key)."""
        journal, self.journal = self.journal, None
        if journal is None:
            return
        self.pending_deletes.finish(journal)  # an undo cannot outlive the unlocked journal
        for writer in list(self.writers):
            try:
                writer.save_draft(journal)
            except PeerJournalError as error:  # never lose the lock because a save failed
                say(self, error.message, warning=True)
        self.writers.clear()
        journal.close()

    def _handle_exception(self, error: Exception) -> None:
        """An error nobody caught: save every draft and close the journal, then leave with one
        line that names no content. Textual's own report prints a traceback with local
        variables (journal text among them) into the terminal's scrollback after the app
        leaves the alternate screen; the type of the error and the place in peerjournal's code
        are enough for a bug report and say nothing of what was written."""
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it for the tests
            self._exception = error
            self._exception_event.set()
        from rich.segment import Segment, Segments

        with contextlib.suppress(Exception):  # a failed close must not stop the line below
            self.save_and_close()
        self._exit_renderables.clear()

        line = [Segment(crash_line(error)), Segment.line()]
        self._exit_renderables.append(Segments(line))  # as is: no wrapping into two lines
        self._close_messages_no_wait()

    async def action_lock(self, note: str = "") -> None:
        """Save and lock; `note` says on the unlock screen why it locked (the idle lock)."""
        if self.journal is None:
            return
        self.save_and_close()
        self.clear_notifications()
        await self.show_gate(note)
        self.forget()

    def forget(self) -> None:
        """After the journal screens are gone: empty the clipboard and the libraries' caches."""
        from peerjournal.tui.forget import clear_caches

        self._clipboard = ""
        clear_caches()

    async def action_quick_hide(self) -> None:
        """Neutral screen first, then save and lock behind it."""
        from peerjournal.tui.screens.hidden import HiddenScreen

        self.clear_notifications()
        name = f"m{next(self._mode_names)}"
        self.add_mode(name, lambda: self._current_styles(HiddenScreen()))
        await self.switch_mode(name)
        self.save_and_close()
        old, self._own_modes = self._own_modes, [name]
        await self._drop_modes(old)
        self.forget()

    def action_help(self) -> None:
        from peerjournal.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, self.focused))

    # -- deleting, with a way back ----------------------------------------------------------------

    def delete_entry(self, entry_id: str) -> None:
        """Delete an entry after UNDO_SECONDS; until then Ctrl+Z brings it back."""
        if self.journal is None:
            return
        timer = self.set_timer(UNDO_SECONDS, lambda: self._delete_now(entry_id))
        self.pending_deletes.add(entry_id, timer)
        self.refresh_bindings()
        self.notify(
            _("Entry deleted. Ctrl+Z brings it back in the next {seconds} seconds.").format(
                seconds=int(UNDO_SECONDS)
            ),
            timeout=UNDO_SECONDS,
        )

    def _delete_now(self, entry_id: str) -> None:
        if self.journal is None:
            return
        for problem in self.pending_deletes.finish(self.journal, entry_id):
            say(self, problem, warning=True)
        self.refresh_bindings()

    def action_undo_delete(self) -> None:
        entry_id = self.pending_deletes.take_back()
        self.refresh_bindings()
        if entry_id is None:
            return
        self.clear_notifications()
        say(self, _("The entry is back in your journal"))
        resume = getattr(self.screen, "on_screen_resume", None)
        if resume is not None:  # the list on screen shows it again
            self.call_later(resume)

    # -- actions the palette and the home screen share -------------------------------------------

    def action_write(
        self, session_number: int | None = None, prompt_key: int | None = None
    ) -> None:
        if self.journal is None:
            return
        from peerjournal.tui.screens.write import WriteScreen

        self.push_screen(
            WriteScreen(self.journal, session_number=session_number, prompt_key=prompt_key)
        )

    def action_open(self, name: str) -> None:
        """Open one of the journal's screens over Home, by its name in `JOURNAL_SCREENS`."""
        if self.journal is None:
            return
        module, cls = JOURNAL_SCREENS[name]
        screen_class = getattr(import_module(f"peerjournal.tui.screens.{module}"), cls)
        self.push_screen(screen_class(self.journal))

    def action_home(self) -> None:
        if self.journal is None:
            return
        for writer in list(self.writers):  # leaving a writing screen always keeps the draft
            try:
                writer.save_draft()
            except PeerJournalError as error:
                say(self, error.message, warning=True)
                return
        while len(self.screen_stack) > 1:
            self.pop_screen()


def crash_line(error: BaseException) -> str:
    """`peerjournal stopped on an error (KeyError, tui/screens/home.py:170)...`: the error's
    type and the innermost place in peerjournal's own code, never its message or any value."""
    import traceback

    from textual.worker import WorkerFailed

    if isinstance(error, WorkerFailed) and isinstance(error.error, BaseException):
        error = error.error
    place = ""
    for frame in traceback.extract_tb(error.__traceback__):
        path = frame.filename.replace("\\", "/")
        if "/peerjournal/" in path:
            place = f", {path.rsplit('/peerjournal/', 1)[1]}:{frame.lineno}"
    return _(
        "peerjournal stopped on an error ({detail}). Your writing was saved as a draft "
        "and the journal is locked."
    ).format(detail=type(error).__name__ + place)


def suspend_clock() -> Callable[[], float]:
    """Seconds on a clock that keeps running while the computer sleeps: `CLOCK_BOOTTIME` on
    Linux; elsewhere the wall clock (`time.monotonic` stops during suspend on macOS and Linux,
    so a lid closed while unlocked would reopen unlocked)."""
    import time

    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return lambda: time.clock_gettime(boottime)
    return time.time


def make_app(journal_dir: Path, **options) -> PeerJournalApp:
    """The one way to build the app, for the CLI, the tests and the benchmarks."""
    return PeerJournalApp(journal_dir, **options)


def _set_terminal_title(title: str) -> None:
    if sys.stdout.isatty():
        sys.stdout.write(f"\x1b]2;{title}\x07")
        sys.stdout.flush()


def run_app(journal_dir: Path | None) -> None:
    """Run the app on a journal directory (None: the default one), in the alternate screen."""
    from peerjournal.paths import resolve_journal_dir

    app = make_app(resolve_journal_dir(journal_dir))
    _set_terminal_title(text.APP_TITLE)
    try:
        app.run()
    finally:
        app.save_and_close()
        _set_terminal_title("")
    if app.return_code:
        raise SystemExit(app.return_code)
