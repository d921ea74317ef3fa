"""The longer texts the app shows, in one place, so they can be read and reworded together."""

from __future__ import annotations

from peerjournal.i18n import N_

APP_TITLE = "Journal"  # neutral: this is what a terminal's title bar or task list shows

WELCOME = N_(
    """\
# Welcome

This is your own journal for the program: a place to write about the sessions, your work and
your life, in your own words.

**What stays private**
- Everything you write is encrypted on this device with your passphrase. Nobody can read it
  without the passphrase: not the program, not the researchers, not us.
- Nothing is sent anywhere. There is no account and no internet connection.

**What is not private**
- Anyone who can use this device can see that the app is here.
- An entry leaves the journal only if you switch on *share with research* for it, and only when
  you make an export yourself. Names and places it can find are hidden first, and you review
  what goes out.

Choose a passphrase. You will need it every time you open the journal.
"""
)

WELCOME_SHORT = N_(
    "Your own journal for the program. Everything you write is encrypted on this device and "
    "nothing is sent anywhere. F1 says what is private and what is not."
)

RECOVERY_OFFER = N_(
    "A recovery code lets you set a new passphrase if you forget yours. "
    "Without it, a forgotten passphrase means your entries are lost: nobody can open them."
)

RECOVERY_SHOWN = N_(
    """\
## Your recovery code

Write it down on paper and keep it somewhere safe, away from this device.
It is shown **only this once**. Without it, a forgotten passphrase means your entries are lost.
"""
)

SHARE_HINT = N_(
    "Off: this entry stays only with you. On: it can go into a research export you make and review."
)

NO_STUDY_HINT = N_(
    "There is no research study in your prompt set yet, so nothing can be shared now. "
    "On: the entry is marked for a study your facilitator may add later."
)

UNLOCK_HINT = N_("Type your passphrase to open your journal.")

RECOVER_HINT = N_(
    "Type the recovery code you wrote down when you made the journal, then choose a new passphrase."
)

HIDDEN = N_("Nothing to show.")

HELP_GENERAL = N_(
    """\
## Keeping your journal safe

- **{hide}** hides everything at once and locks the journal, from any screen, even while typing.
- **Ctrl+L** locks the journal. It also locks by itself after a few idle minutes (see Settings).
- What you are writing is saved as a draft every few seconds and whenever you leave, lock or hide,
  and offered back to you when you unlock.
- **Ctrl+P** opens the command palette: type what you want to do.
"""
)
