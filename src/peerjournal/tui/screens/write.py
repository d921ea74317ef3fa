"""Writing: a prompt (if any) above a Markdown editor; title, tags, mood, sharing, drafts.

The text lives only in this screen and in the encrypted database: autosave writes a draft every few
seconds when something changed, and the app saves it again on every way out (back, lock, quick hide,
quit). Saving the entry replaces the draft.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    ContentSwitcher,
    Input,
    Markdown,
    Select,
    Static,
    Switch,
    TextArea,
)

from peerjournal.errors import InvalidInput, PeerJournalError
from peerjournal.i18n import N_, _
from peerjournal.model import Draft, NewEntry
from peerjournal.tui import text
from peerjournal.tui.editing import markdown_language
from peerjournal.tui.format import MOOD_NAMES, mood_name, words
from peerjournal.tui.notices import describe, say, say_error
from peerjournal.tui.program import PromptRef, find_prompt
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter


def moods() -> list[tuple[str, int]]:
    """The mood choices, `4 · good`, in the current language."""
    return [(f"{n} · {mood_name(n)}", n) for n in MOOD_NAMES]


def _clean(body: str) -> str:
    """Drop control characters a paste may bring, so a draft can always be saved."""
    keep = {"\n", "\t"}
    return "".join(c for c in body if c in keep or unicodedata.category(c) != "Cc")


def share_hint(journal) -> str:
    """What the share switch means; when there is no study yet, that, and whom to ask."""
    from peerjournal.export.participant import study_or_none

    if study_or_none(journal) is None:
        return _(text.NO_STUDY_HINT)
    return _(text.SHARE_HINT)


if TYPE_CHECKING:
    from peerjournal.tui.app import PeerJournalApp


class WriteScreen(TranslatedBindings, Screen):
    if TYPE_CHECKING:  # for the type checker: the app this screen runs in, and what it offers
        app = getters.app(PeerJournalApp)

    CSS_PATH = "write.tcss"
    HELP = N_(
        "Write in Markdown: `*italic*`, `**bold**`, `# heading`, `- list`. F2 shows how it looks. "
        "Ctrl+S saves the entry; Escape goes back and keeps a draft."
    )
    AUTO_FOCUS = "#body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            N_("Save entry"),
            id="write.save",
            tooltip=N_("Save this as an entry in your journal"),
        ),
        Binding(
            "f2",
            "preview",
            N_("Preview"),
            id="write.preview",
            tooltip=N_("Show how the Markdown looks, or go back to editing"),
        ),
        Binding(
            "escape",
            "back",
            N_("Back"),
            id="write.back",
            tooltip=N_("Leave; what you wrote is kept as a draft"),
        ),
    ]

    def __init__(
        self,
        journal,
        *,
        entry_id: str | None = None,
        session_number: int | None = None,
        prompt_key: int | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__()
        self.journal = journal
        self._stored = draft is not None  # a row for this draft exists in the database
        self.draft = draft or self._start_draft(entry_id, session_number, prompt_key)
        self.prompt: PromptRef | None = self._prompt_of(self.draft)
        self._saved_state = self._state_of(self.draft) if self._stored else None
        self._finished = False  # saved as an entry: nothing here is a draft any more

    # -- building ----------------------------------------------------------------------------

    def _start_draft(self, entry_id, session_number, prompt_key) -> Draft:
        drafts = self.journal.drafts
        if entry_id is not None:
            entry = self.journal.entries.get(entry_id)
            for existing in drafts.list():
                if existing.entry_id == entry.id:
                    self._stored = True  # unsaved changes to this entry: go on with them
                    return existing
            return Draft(
                id=drafts.new_id(),
                updated_at=entry.updated_at,
                body=entry.body,
                title=entry.title,
                tags=entry.tags,
                mood=entry.mood,
                entry_id=entry.id,
                session_number=entry.session_number,
                prompt_key=entry.prompt_key,
                prompt_text=entry.prompt_text,
                shared=entry.shared,
            )
        found = find_prompt(self.journal, session_number, prompt_key)
        from peerjournal import clock

        return Draft(
            id=drafts.new_id(),
            updated_at=clock.now(),
            session_number=session_number,
            prompt_key=prompt_key,
            prompt_text=found.text if found else None,
        )

    def _prompt_of(self, draft: Draft) -> PromptRef | None:
        if draft.session_number is None:
            return None
        found = find_prompt(self.journal, draft.session_number, draft.prompt_key)
        title = found.session_title if found else ""
        return PromptRef(draft.session_number, title, draft.prompt_key, draft.prompt_text)

    def compose(self) -> ComposeResult:
        draft = self.draft
        if self.prompt is not None:
            with Vertical(id="prompt"):
                number = self.prompt.session_number
                if self.prompt.session_title:
                    heading = _("Session {number} · {title}").format(
                        number=number, title=self.prompt.session_title
                    )
                else:
                    heading = _("Session {number}").format(number=number)
                yield Static(Content(heading), id="session")
                if self.prompt.text:
                    yield Static(Content(self.prompt.text), id="prompt-text")
        with Horizontal(id="meta"):
            yield Input(draft.title, placeholder=_("Title (optional)"), id="title")
            yield Input(
                ", ".join(draft.tags),
                placeholder=_("Tags: rest, work"),
                tooltip=_("Tags, separated by commas"),
                id="tags",
            )
            yield Select(
                moods(), prompt=_("Mood (optional)"), value=draft.mood or Select.NULL, id="mood"
            )
        with ContentSwitcher(initial="body", id="editor"):
            yield TextArea(
                draft.body,
                language=markdown_language(),
                soft_wrap=True,
                show_line_numbers=False,
                id="body",
            )
            with VerticalScroll(id="preview"):
                yield Markdown("", id="rendered", open_links=False)
        with Horizontal(id="bar"):
            yield Switch(value=draft.shared, id="share")
            with Vertical(id="share-text"):
                yield Static(_("Share with research"), id="share-label")
                yield Static(share_hint(self.journal), id="share-hint")
            yield Static(words(len(draft.body.split())), id="count")
            yield Static("", id="saved")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.writers.add(self)
        self._autosave_timer = self.set_interval(
            self.app.autosave_seconds, self._autosave, name="autosave"
        )
        if self.draft.entry_id:
            self.sub_title = _("Editing an entry")
        if self._stored:  # a reopened draft: go on where the writing stopped
            body = self.query_one("#body", TextArea)
            body.move_cursor(body.document.end)

    def on_unmount(self) -> None:
        self.app.writers.discard(self)

    # -- what is on screen -------------------------------------------------------------------

    def current(self) -> Draft:
        """The draft as it stands on screen now."""
        mood = self.query_one("#mood", Select).value
        return replace(
            self.draft,
            body=_clean(self.query_one("#body", TextArea).text),
            title=self.query_one("#title", Input).value,
            tags=tuple(t for t in self.query_one("#tags", Input).value.split(",") if t.strip()),
            mood=mood if isinstance(mood, int) else None,
            shared=self.query_one("#share", Switch).value,
        )

    @staticmethod
    def _is_empty(draft: Draft) -> bool:
        """Nothing of the person's own in it (a prompt alone is not writing)."""
        return not (draft.body.strip() or draft.title.strip() or draft.tags)

    @staticmethod
    def _state_of(draft: Draft) -> tuple:
        return (draft.body, draft.title, draft.tags, draft.mood, draft.shared)

    @on(TextArea.Changed, "#body")
    def _count(self, event: TextArea.Changed) -> None:
        self.query_one("#count", Static).update(words(len(event.text_area.text.split())))

    # -- drafts ------------------------------------------------------------------------------

    def has_changes(self) -> bool:
        draft = self.current()
        state = self._state_of(draft)
        if self._saved_state is not None:
            return state != self._saved_state
        return bool(draft.body.strip() or draft.title.strip())

    def save_draft(self, journal=None) -> bool:
        """Save the draft if anything changed. Called by autosave and by every exit path.

        A draft emptied of everything the person typed is discarded, never kept: an empty draft
        offered back at every unlock is only noise."""
        journal = journal or self.journal
        if self._finished or not self.is_mounted or not journal.is_open:
            return False
        if not self.has_changes():
            return False
        draft = self.current()
        if self._is_empty(draft):
            if self._stored:
                journal.drafts.discard(draft.id)
                self._stored, self._saved_state = False, None
            return False
        try:
            saved = journal.drafts.save(draft)
        except InvalidInput:  # a bad tag or an over-long title must not cost the text itself
            saved = journal.drafts.save(replace(draft, title=draft.title[:300], tags=()))
        self._stored = True
        self._saved_state = self._state_of(draft)
        self.draft = replace(draft, updated_at=saved.updated_at)
        self.query_one("#saved", Static).update(_("Draft saved"))
        return True

    def _autosave(self) -> None:
        try:
            self.save_draft()
        except PeerJournalError as error:
            say_error(self.app, error)

    # -- actions -----------------------------------------------------------------------------

    def action_preview(self) -> None:
        switcher = self.query_one("#editor", ContentSwitcher)
        if switcher.current == "body":
            self.query_one("#rendered", Markdown).update(self.query_one("#body", TextArea).text)
            switcher.current = "preview"
            self.query_one("#preview").focus()
        else:
            switcher.current = "body"
            self.query_one("#body", TextArea).focus()

    def action_back(self) -> None:
        try:
            kept = self.save_draft()
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        if kept:
            say(self.app, _("Kept as a draft. You can go on with it from the home screen"))
        self.dismiss()

    def action_save(self) -> None:
        draft = self.current()
        if not draft.body.strip():
            self._field_message(_("Write something first: the entry is empty."))
            self.query_one("#body", TextArea).focus()
            return
        try:
            self._store(draft)
        except PeerJournalError as error:
            self._field_message(describe(error))
            return
        # Finished before anything else can run: an autosave tick between here and the
        # screen's unmount would otherwise store the saved text again as a fresh draft.
        self._finished = True
        self._autosave_timer.stop()
        if self._stored:
            self.journal.drafts.discard(draft.id)
        self._stored, self._saved_state = False, None
        self.app.writers.discard(self)
        say(self.app, _("Saved") if not draft.entry_id else _("Changes saved"))
        self.dismiss(True)

    def _store(self, draft: Draft) -> None:
        entries = self.journal.entries
        if draft.entry_id:
            entries.update(
                draft.entry_id,
                body=draft.body,
                title=draft.title,
                tags=draft.tags,
                mood=draft.mood,
                shared=draft.shared,
            )
            return
        link = self._link(draft)
        entries.add(
            NewEntry(
                body=draft.body,
                title=draft.title,
                tags=draft.tags,
                mood=draft.mood,
                shared=draft.shared,
                **link,
            )
        )

    def _link(self, draft: Draft) -> dict:
        """The session and prompt snapshot, as the journal links them; the text seen is kept."""
        if draft.session_number is None:
            return {}
        try:
            link = dict(self.journal.prompt_link(draft.session_number, draft.prompt_key))
        except PeerJournalError:
            link = {"session_number": draft.session_number}
        if draft.prompt_text:
            link["prompt_key"] = draft.prompt_key
            link["prompt_text"] = draft.prompt_text
        return link

    def _field_message(self, message: str) -> None:
        saved = self.query_one("#saved", Static)
        saved.update(Content(message))
        saved.add_class("-error")
        self.set_timer(6, lambda: saved.remove_class("-error"))
