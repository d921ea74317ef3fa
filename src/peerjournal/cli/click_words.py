"""Click's and Typer's own words ("Usage:", "Options", "Missing argument"...) in our language.

Click and Typer call the standard library's `gettext` under the global domain, which knows none of
our catalogs. Each of their modules binds `_` (and `ngettext`) at import, so pointing those names at
peerjournal.i18n makes their help screens and errors speak the chosen language. Typer's Rich panel
titles are module constants, set here too. The messages are listed below, exactly as the libraries
write them, so that extraction puts them in our catalog; a message they change in a new version is
simply shown in English until the list follows.
"""

from __future__ import annotations

import importlib

from peerjournal import i18n
from peerjournal.i18n import N_

MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.termui",
    "typer.core",
)

# typer.rich_utils constants, with their English (its fixed strings are translated at import).
RICH_CONSTANTS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
}

# Typer's completion options, whose help is fixed when the root command is built.
COMPLETION_HELP = {
    "install_completion": N_("Install completion for the current shell."),
    "show_completion": N_(
        "Show completion for the current shell, to copy it or customize the installation."
    ),
}

# What the libraries show most: help screens and the errors of a mistyped command.
MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Arguments"),
    N_("Show this message and exit."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("Aborted!"),
    # click.Path: what it calls the file, and why it refuses one ("File 'x.key' does not exist.").
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
)

# The names Click gives its value types, shown in help (`INTEGER RANGE [x>=1]`) and in errors
# ("'abc' is not a valid integer range."); class attributes, so set once the language is chosen.
TYPE_CONTEXT = "type of value"
TYPE_NAMES = {
    "StringParamType": "text",
    "IntParamType": "integer",
    "IntRange": "integer range",
    "FloatParamType": "float",
    "FloatRange": "float range",
}  # not "boolean": Typer hides a flag's type by comparing its name with "BOOLEAN"


def _plural_marks() -> None:  # never called: only here so that extraction finds the plurals
    i18n.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
    i18n.ngettext(
        "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1
    )
    i18n.ngettext(
        "Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1
    )
    i18n.ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)
    i18n.pgettext("type of value", "text")
    i18n.pgettext("type of value", "integer")
    i18n.pgettext("type of value", "integer range")
    i18n.pgettext("type of value", "float")
    i18n.pgettext("type of value", "float range")


def speak_our_language() -> None:
    """Point Click's and Typer's translation calls at ours (call after choosing the language)."""
    for name in MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = i18n._  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    import click.types

    for class_name, english in TYPE_NAMES.items():
        getattr(click.types, class_name).name = i18n.pgettext(TYPE_CONTEXT, english)


def speak_our_language_in_help() -> None:
    """The same for Typer's Rich help screens. Importing Rich costs almost half a second, so this
    runs only when a help screen may be shown, not for every command."""
    try:
        from typer import rich_utils
    except ImportError:  # no Rich: Typer shows Click's plain help, already translated
        return
    rich_utils._ = i18n._
    for constant, english in RICH_CONSTANTS.items():
        setattr(rich_utils, constant, i18n._(english))


# The words of a usage line ("Usage: peerjournal show [OPTIONS] ENTRY_ID") that Click writes
# itself, and the names of our arguments there (Click writes a parameter's name in capitals).
USAGE_WORDS = {
    "options": N_("[OPTIONS]"),
    "command": N_("COMMAND [ARGS]..."),
    "optional command": N_("[COMMAND] [ARGS]..."),
}
ARGUMENT_NAMES = {
    "entry_id": N_("ENTRY_ID"),
    "tags": N_("TAGS"),
    "file": N_("FILE"),
    "files": N_("FILES"),
    "destination": N_("DESTINATION"),
    "source": N_("SOURCE"),
    "term": N_("TERM"),
    "spec": N_("SET"),
    "exports": N_("EXPORTS"),
}


def translate_usage(command) -> None:
    """Usage lines and argument names in our language, for `command` and every command under
    it. An argument's name is what Click shows in the usage line and in its errors ("Missing
    argument 'ENTRY_ID'."), with its marks for optional ("[...]") and repeated ("...")."""
    import click

    command.options_metavar = i18n._(USAGE_WORDS["options"])
    if isinstance(command, click.Group):
        optional = (command.subcommand_metavar or "").startswith("[")
        key = "optional command" if optional else "command"
        command.subcommand_metavar = i18n._(USAGE_WORDS[key])
        for sub in command.commands.values():
            translate_usage(sub)
    for param in command.params:
        english = ARGUMENT_NAMES.get(param.name or "")
        if not isinstance(param, click.Argument) or english is None:
            continue
        if getattr(param, "_english_metavar", None) is None:
            param._english_metavar = param.metavar  # type: ignore[attr-defined]
        if param._english_metavar is not None:  # type: ignore[attr-defined]
            continue  # named by its command already ("NUMBER", "[QUERY]")
        name = i18n._(english)
        param.opts = [name.lower()]
        param.metavar = (name if param.required else f"[{name}]") + (
            "..." if param.nargs != 1 else ""
        )


def translate_completion_help(params) -> None:
    """The root command's --install-completion and --show-completion help, in our language."""
    for param in params:
        english = COMPLETION_HELP.get(param.name or "")
        if english:
            param.help = i18n._(english)
