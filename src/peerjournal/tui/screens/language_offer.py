"""After choosing a prompt set in another language: show the app in that language too?

Asked only when the person never chose a language (docs/i18n.md: their choice first, then the
prompt set's language). The question is written in the set's language, for a person who may not
read the one on screen, with a line in the current language below it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from peerjournal.i18n import N_, _, gettext_in, language_name_here
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

# Translators: these three name the language of YOUR catalog ("en français"): each is shown in
# the language of a prompt set, about that language.
QUESTION = N_("This program is in English. Show the app in English?")
SWITCH = N_("Yes, in English")
# Translators: shown in the language on screen now, which this names (keep it).
KEEP = N_("No, keep English")
OTHER = N_(
    "The prompt set you chose is in {language}. Show the app in {language} too? You can "
    "change this in Settings at any time."
)


class LanguageOfferScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[bool]):
    """Dismisses with True to show the app in `code`, False to keep the language shown."""

    CSS_PATH = "language_offer.tcss"
    HELP = N_(
        "The prompt set you chose is in another language. Choose the language the app shows; "
        "you can change it in Settings at any time."
    )
    AUTO_FOCUS = "#switch"  # the person just chose a program in that language
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "keep",
            N_("Keep this language"),
            id="language_offer.keep",
            tooltip=N_("Keep the app in the language it shows now"),
        ),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(gettext_in(self.code, QUESTION)), id="question")
            yield Static(
                Content(_(OTHER).format(language=language_name_here(self.code))), id="other"
            )
            with Horizontal(id="answers"):
                yield Button(gettext_in(self.code, SWITCH), variant="primary", id="switch")
                yield Button(_(KEEP), id="keep")
        yield KeyFooter()

    @on(Button.Pressed, "#switch")
    def _switch(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(False)
