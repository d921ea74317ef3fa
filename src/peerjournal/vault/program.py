"""The program a journal follows: its installed prompt set, attended sessions and feedback answers.

The journal stores the prompt set's Markdown exactly as installed and parses it when opened, so
what a participant sees never depends on files outside the encrypted journal. Entries keep their
own snapshot of the prompt they answered; upgrading the set never rewrites them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from peerjournal import clock, rules
from peerjournal.errors import AnswerRefused, InvalidInput, NotFound, UsageError
from peerjournal.i18n import _, format_number
from peerjournal.promptset import (
    PromptSet,
    Question,
    Session,
    SetDiff,
    compare_versions,
    diff,
    parse,
)
from peerjournal.vault.db import Database
from peerjournal.vault.settings import ACTIVE_PROMPT_SET_KEY as ACTIVE_KEY
from peerjournal.vault.sharing import STUDY_KEY, follow_study


@dataclass(frozen=True)
class SessionStatus:
    """A session of the active set, with what the participant has done for it."""

    session: Session
    attended_on: date | None
    entry_count: int
    feedback_done: bool
    feedback_shared: bool


@dataclass(frozen=True)
class InstallReport:
    action: Literal["installed", "upgraded", "unchanged", "switched"]
    prompt_set: PromptSet
    previous: PromptSet | None = None
    changes: SetDiff | None = None


@dataclass(frozen=True)
class Answer:
    """One answer, with the question's text as it was asked (a snapshot, like prompts)."""

    question_id: str
    question: str
    type: str
    value: str | int


@dataclass(frozen=True)
class FeedbackRecord:
    id: str
    session_number: int
    prompt_set_id: str
    session_title: str
    answers: tuple[Answer, ...]
    created_at: datetime
    updated_at: datetime
    shared: bool


def check_answer(question: Question, raw: str | int) -> str | int:
    """The stored form of an answer to `question`, or a clear error naming the question."""
    if question.type == "scale":
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise AnswerRefused(question.id, _("give a whole number")) from None
        low, high = question.scale_min, question.scale_max
        if low is not None and high is not None and not low <= value <= high:
            raise AnswerRefused(
                question.id, _("give a number from {low} to {high}").format(low=low, high=high)
            )
        return value
    if question.type == "choice":
        text = str(raw).strip()
        if text.isdigit() and 1 <= int(text) <= len(question.options):
            return question.options[int(text) - 1]
        for option in question.options:
            if option.casefold() == text.casefold():
                return option
        raise AnswerRefused(
            question.id, _("choose one of: {options}").format(options=", ".join(question.options))
        )
    text = str(raw)
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # bytes a terminal sent in another encoding
        raise AnswerRefused(
            question.id, _("what was typed is not UTF-8 text (check the terminal's encoding)")
        )
    try:
        return rules.body(text).strip()
    except InvalidInput:  # an AnswerRefused too, so that the terminal asks it again
        if len(text) > rules.MAX_BODY_CHARS:
            problem = _("write at most {count} characters").format(
                count=format_number(rules.MAX_BODY_CHARS)
            )
        else:
            problem = _("leave out control characters")
        raise AnswerRefused(question.id, problem) from None


class ProgramStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._active: PromptSet | None = None
        self._active_loaded = False

    # -- the prompt set ---------------------------------------------------------------------

    def active(self) -> PromptSet | None:
        """The set this journal follows (parsed once per opening), or None."""
        if not self._active_loaded:
            self._active = self._load_active()
            self._active_loaded = True
            self._record_study(self._active)
        return self._active

    def _record_study(self, ps: PromptSet | None) -> None:
        """A journal upgraded to schema 7 records, once, which study its current shares are for."""
        if self._db.query("SELECT 1 FROM meta WHERE key = ?", (STUDY_KEY,)):
            return
        with self._db.transaction() as conn:
            follow_study(conn, ps.study.id if ps is not None and ps.study else "")

    def _load_active(self) -> PromptSet | None:
        rows = self._db.query("SELECT value FROM meta WHERE key = ?", (ACTIVE_KEY,))
        if not rows:
            return None
        set_id, language = json.loads(rows[0][0])
        found = self._db.query(
            "SELECT source FROM prompt_sets WHERE set_id = ? AND language = ?", (set_id, language)
        )
        return parse(found[0][0], f"journal:{set_id}", installed=True) if found else None

    def install(self, candidate: PromptSet) -> InstallReport:
        """Install or upgrade `candidate` and make it the set this journal follows."""
        previous = self.active()
        stored = self._stored(candidate.id, candidate.language)
        if stored is not None:
            order = compare_versions(candidate.version, stored.version)
            if order < 0:
                raise UsageError(
                    f"this journal already has {candidate.id} {stored.version}, newer than "
                    f"{candidate.version}; nothing was changed"
                )
            if order == 0 and stored.content_hash != candidate.content_hash:
                raise UsageError(
                    f"{candidate.id} {candidate.version} is installed with different content; "
                    "give the changed file a new version number"
                )
        self._save(candidate)
        self._active, self._active_loaded = candidate, True
        if stored is not None and stored.content_hash == candidate.content_hash:
            same = previous is not None and previous.id == candidate.id
            return InstallReport("unchanged" if same else "switched", candidate, previous)
        if stored is not None:
            return InstallReport("upgraded", candidate, stored, diff(stored, candidate))
        if previous is not None and previous.id == candidate.id:
            return InstallReport("switched", candidate, previous)
        return InstallReport("installed" if previous is None else "switched", candidate, previous)

    def _stored(self, set_id: str, language: str) -> PromptSet | None:
        rows = self._db.query(
            "SELECT source FROM prompt_sets WHERE set_id = ? AND language = ?", (set_id, language)
        )
        return parse(rows[0][0], f"journal:{set_id}", installed=True) if rows else None

    def _save(self, ps: PromptSet) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO prompt_sets (set_id, language, version, title, source, "
                "source_hash, installed_at) VALUES (?,?,?,?,?,?,?)",
                (
                    ps.id,
                    ps.language,
                    ps.version,
                    ps.title,
                    ps.source,
                    ps.content_hash,
                    clock.to_db(clock.now()),
                ),
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (ACTIVE_KEY, json.dumps([ps.id, ps.language])),
            )
            follow_study(conn, ps.study.id if ps.study else "")

    def _require_active(self) -> PromptSet:
        ps = self.active()
        if ps is None:
            raise UsageError(
                _(
                    "this journal follows no prompt set yet; "
                    "install one with `peerjournal prompts install`"
                )
            )
        return ps

    def session(self, number: int) -> Session:
        ps = self._require_active()
        found = ps.session(number)
        if found is None:
            numbers = ", ".join(str(s.number) for s in ps.sessions)
            raise NotFound(
                _("{title} has no session {number} (sessions: {numbers})").format(
                    title=ps.title, number=number, numbers=numbers
                )
            )
        return found

    def prompt_link(self, number: int, prompt_key: int | None) -> dict:
        """The entry fields for session `number` and prompt `prompt_key`, with the prompt's text."""
        ps = self.active()
        if ps is None:
            if prompt_key is not None:
                raise UsageError(_("no prompt set is installed in this journal yet"))
            return {"session_number": number}
        session = self.session(number)
        link = {"session_number": number, "prompt_set_id": ps.id, "prompt_set_version": ps.version}
        if prompt_key is not None:
            prompt = session.prompt(prompt_key)
            if prompt is None:
                raise NotFound(
                    _("session {number} has no prompt {key} (it has {count})").format(
                        number=number, key=prompt_key, count=len(session.prompts)
                    )
                )
            link.update(prompt_key=prompt_key, prompt_text=prompt.text)
        return link

    # -- attendance -------------------------------------------------------------------------

    def attend(self, number: int, on: date | None = None) -> Session:
        session = self.session(number)
        day = on or date.today()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO attendance (session_number, attended_on) VALUES (?, ?)",
                (number, day.isoformat()),
            )
        return session

    def unattend(self, number: int) -> None:
        self.session(number)
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM attendance WHERE session_number = ?", (number,))

    def attended(self) -> dict[int, date]:
        rows = self._db.query("SELECT session_number, attended_on FROM attendance")
        return {n: date.fromisoformat(d) for n, d in rows}

    def first_attended(self) -> date | None:
        days = self.attended().values()
        return min(days) if days else None

    def sessions(self) -> list[SessionStatus]:
        """Every session of the active set with attendance, entries written and feedback."""
        ps = self.active()
        if ps is None:
            return []
        attended = self.attended()
        counts = dict(
            self._db.query(
                "SELECT session_number, count(*) FROM entries WHERE session_number IS NOT NULL "
                "GROUP BY session_number"
            )
        )
        feedback = {
            n: bool(s)
            for n, s in self._db.query(
                "SELECT session_number, shared FROM feedback WHERE prompt_set_id = ?", (ps.id,)
            )
        }
        return [
            SessionStatus(
                s,
                attended.get(s.number),
                counts.get(s.number, 0),
                s.number in feedback,
                feedback.get(s.number, False),
            )
            for s in ps.sessions
        ]

    def next_session(self) -> Session | None:
        """The first session after the last one attended (the first session when none is)."""
        ps = self.active()
        if ps is None or not ps.sessions:
            return None
        attended = self.attended()
        if not attended:
            return ps.sessions[0]
        later = [s for s in ps.sessions if s.number > max(attended)]
        return later[0] if later else None

    # -- feedback ---------------------------------------------------------------------------

    def save_feedback(
        self, number: int, answers: Mapping[str, str | int], shared: bool = False
    ) -> FeedbackRecord:
        """Store answers to session `number`'s form (replacing earlier ones), each one checked."""
        ps = self._require_active()
        session = self.session(number)
        known = {q.id: q for q in session.feedback}
        unknown = sorted(set(answers) - set(known))
        if unknown:
            raise InvalidInput(
                _("session {number} has no question “{id}”; its questions: {questions}").format(
                    number=number, id=unknown[0], questions=", ".join(known) or _("none")
                )
            )
        checked = tuple(
            Answer(q.id, q.text, q.type, check_answer(q, answers[q.id]))
            for q in session.feedback
            if q.id in answers and str(answers[q.id]).strip() != ""
        )
        if not checked:
            raise InvalidInput(_("no answers given; nothing was saved"))
        now = clock.to_db(clock.now())
        payload = json.dumps([a.__dict__ for a in checked], ensure_ascii=False)
        with self._db.transaction(scrub=True) as conn:  # earlier answers are overwritten
            conn.execute(
                "INSERT INTO feedback (id, session_number, prompt_set_id, session_title, answers, "
                "created_at, updated_at, shared) VALUES (?,?,?,?,?,?,?,?) "
                "ON CONFLICT (prompt_set_id, session_number) DO UPDATE SET "
                "answers = excluded.answers, "
                "session_title = excluded.session_title, updated_at = excluded.updated_at, "
                "shared = excluded.shared",
                (uuid.uuid4().hex, number, ps.id, session.title, payload, now, now, int(shared)),
            )
        record = self.feedback(number)
        assert record is not None
        return record

    def feedback(self, number: int) -> FeedbackRecord | None:
        ps = self.active()
        if ps is None:
            return None
        rows = self._db.query(
            "SELECT id, session_number, prompt_set_id, session_title, answers, created_at, "
            "updated_at, shared FROM feedback WHERE prompt_set_id = ? AND session_number = ?",
            (ps.id, number),
        )
        return _record(rows[0]) if rows else None

    def set_feedback_shared(self, number: int, shared: bool) -> FeedbackRecord:
        if self.feedback(number) is None:
            raise NotFound(_("no feedback answers for session {number} yet").format(number=number))
        ps = self._require_active()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE feedback SET shared = ? WHERE prompt_set_id = ? AND session_number = ?",
                (int(shared), ps.id, number),
            )
        record = self.feedback(number)
        assert record is not None
        return record

    def unshare_feedback_record(self, record_id: str) -> None:
        """Stop sharing one stored form by its id, whichever prompt set it was answered in."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE feedback SET shared = 0 WHERE id = ?", (record_id,))

    def shared_feedback(self) -> list[FeedbackRecord]:
        """Feedback marked shared: with `EntryStore.shared`, the only way anything leaves."""
        rows = self._db.query(
            "SELECT id, session_number, prompt_set_id, session_title, answers, created_at, "
            "updated_at, shared FROM feedback WHERE shared = 1 ORDER BY session_number"
        )
        return [_record(r) for r in rows]


def _record(row: tuple) -> FeedbackRecord:
    answers = tuple(Answer(**a) for a in json.loads(row[4]))
    return FeedbackRecord(
        row[0],
        row[1],
        row[2],
        row[3],
        answers,
        clock.from_db(row[5]),
        clock.from_db(row[6]),
        bool(row[7]),
    )
