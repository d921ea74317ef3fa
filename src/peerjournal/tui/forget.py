"""What the app forgets when the journal locks: the clipboard it keeps, and the caches in Rich
and Textual that are keyed on text that was on screen.

Rich and Textual memoise small functions (cell widths, segment splits, markup parses, key
sequences) with `functools.lru_cache`, keyed on the strings they were given: a title, a line of an
entry. Those caches live as long as the process, so lock clears every one of them in the two
libraries. Python cannot promise more than that: freed strings stay in memory until it is reused
(SECURITY.md says so).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

LIBRARIES = ("rich", "textual", "markdown_it")


def _lru_caches() -> Iterator[Any]:
    """Every function (or method) with `cache_clear` defined in the libraries' loaded modules."""
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in LIBRARIES:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                yield value
            elif isinstance(value, type) and value.__module__ == name:
                for attribute in list(vars(value).values()):
                    target = getattr(attribute, "__func__", attribute)
                    if callable(getattr(target, "cache_clear", None)):
                        yield target


def clear_caches() -> int:
    """Empty every memoised cache of Rich, Textual and markdown-it; returns how many."""
    cleared = 0
    for cached in _lru_caches():
        cached.cache_clear()
        cleared += 1
    return cleared


def wipe_screen(screen: Any) -> None:
    """Before a journal screen is dropped: stop every timer of it and its widgets (a running
    timer keeps a screen, and the text it shows, alive after it is removed) and empty every
    editor's undo and redo history. The text itself is left alone: clearing it would post a
    change that a writing screen might save.

    The app's signals (theme changes) keep each subscriber in a weak-keyed table whose value
    holds the subscriber itself, and the app's reactive watchers (a TextArea watches the theme)
    are pruned only when the value next changes: either way a TextArea, its text and its
    history, would stay in memory after the lock; unsubscribing and pruning lets them go."""
    from textual.signal import Signal
    from textual.widgets import TextArea

    app = screen.app
    signals = [v for v in vars(app).values() if isinstance(v, Signal)]
    nodes = [screen, *screen.walk_children(with_self=False)]
    for node in nodes:
        for timer in list(getattr(node, "_timers", ())):
            timer.stop()
        for signal in signals:  # the app's signals hold their subscribers for ever otherwise
            signal.unsubscribe(node)
        if isinstance(node, TextArea):
            node.history.clear()
            _unhook_parser(node.document)
    dropped = {id(node) for node in nodes}
    for watchers in getattr(app, "__watchers", {}).values():  # watchers of the app's reactives
        watchers[:] = [pair for pair in watchers if id(pair[0]) not in dropped]


def _unhook_parser(document: Any) -> None:
    """A highlighted document's tree-sitter parser (a C object the garbage collector cannot see
    into) holds the document's own read callback: a cycle never collected, keeping the whole
    text. Dropping the parser and its tree breaks it."""
    for attribute in ("_parser", "_syntax_tree"):
        if hasattr(document, attribute):
            setattr(document, attribute, None)
