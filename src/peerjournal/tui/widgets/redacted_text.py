"""A text as it will leave the journal: labels such as [PERSON] highlighted where they replaced
something, so the participant sees at a glance what the redaction hid."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from peerjournal.export.redaction import Redacted
from peerjournal.export.review import MANUAL_KIND

FOUND_STYLE = "bold $text-warning on $warning-muted"
MAYBE_STYLE = "bold underline $text-accent on $accent-muted"
MANUAL_STYLE = "bold $text-error on $error-muted"
CURRENT_STYLE = "reverse"


def highlighted(
    redacted: Redacted, current: int | None = None, maybe: frozenset[int] = frozenset()
) -> Content:
    """The redacted text with each label styled by who hid it (the finder, or the participant),
    and `maybe` (indices into `redacted.shown`) as "maybe identifying"; `current` is shown
    reversed, to point at one redaction. The text itself is plain: never parsed as markup."""
    content = Content(redacted.text)
    for index, span in enumerate(redacted.shown):
        if span.kind == MANUAL_KIND:
            style = MANUAL_STYLE
        else:
            style = MAYBE_STYLE if index in maybe else FOUND_STYLE
        content = content.stylize(style, span.start, span.end)
        if index == current:
            content = content.stylize(CURRENT_STYLE, span.start, span.end)
    return content


class RedactedText(Static):
    """Shows one `Redacted` with its labels highlighted; `show()` replaces it."""

    DEFAULT_CSS = """
    RedactedText {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, redacted: Redacted | None = None, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.redacted = redacted

    def on_mount(self) -> None:
        if self.redacted is not None:
            self.show(self.redacted)

    def show(
        self, redacted: Redacted, current: int | None = None, maybe: frozenset[int] = frozenset()
    ) -> None:
        self.redacted = redacted
        self.update(highlighted(redacted, current, maybe))
