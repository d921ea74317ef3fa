"""Settings kept inside the encrypted journal (so even preferences say nothing to a finder)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any

from peerjournal.errors import InvalidInput
from peerjournal.vault.db import Database


@dataclass(frozen=True)
class Settings:
    """The person's preferences."""

    autolock_minutes: int = 5
    """Lock after this many idle minutes; 0 turns auto-lock off."""
    quick_hide_key: str = "f12"
    """The key that hides everything and locks, from any screen."""
    theme: str = "textual-dark"
    """A Textual theme name."""
    language: str = ""
    """The language of the app and of the prompt set, where it has a translation ('en', 'fr');
    empty: the prompt set's language, then the system's (peerjournal.i18n.choose_language)."""
    export_folder: str = ""
    """The folder the last research export was written to, offered again next time (empty:
    the home folder)."""

    def validated(self) -> Settings:
        if not 0 <= self.autolock_minutes <= 24 * 60:
            raise InvalidInput("auto-lock minutes must be between 0 (off) and 1440")
        if not self.quick_hide_key.strip():
            raise InvalidInput("the quick-hide key cannot be empty")
        return self


# The prompt set the journal follows, as [set id, language] in the meta table.
ACTIVE_PROMPT_SET_KEY = "active_prompt_set"


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def prompt_set_language(self) -> str | None:
        """The language of the prompt set this journal follows, without parsing the set."""
        rows = self._db.query("SELECT value FROM meta WHERE key = ?", (ACTIVE_PROMPT_SET_KEY,))
        return json.loads(rows[0][0])[1] if rows else None

    def load(self) -> Settings:
        stored = dict(self._db.query("SELECT key, value FROM settings"))
        known = {f.name: f.type for f in fields(Settings)}
        values: dict[str, Any] = {}
        for name in known:
            if name in stored:
                values[name] = json.loads(stored[name])
        try:
            return Settings(**values).validated()
        except (TypeError, InvalidInput):
            return Settings()

    def save(self, settings: Settings) -> Settings:
        settings.validated()
        with self._db.transaction() as conn:
            for f in fields(Settings):
                conn.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    (f.name, json.dumps(getattr(settings, f.name))),
                )
        return settings

    def update(self, **changes: Any) -> Settings:
        return self.save(replace(self.load(), **changes))
