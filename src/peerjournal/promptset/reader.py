"""Read a prompt set's Markdown into a `Draft`, walking markdown-it-py's token tree.

The file is ordinary Markdown so it reads well in any editor or on a web page:

    # Title                          the set's title (one `#` line)
    - id: ... / version / language   metadata as a `key: value` list
    ## Study / ### Consent           optional research block
    ## Codebook                      optional `- Theme: description` list
    ## Redaction terms               optional `- location: Jarry Park` list
    ## Session 1: Title              intro paragraphs, then `### Prompts` and `### Feedback` lists

Only the token tree is read (headings, lists, paragraphs with their line maps); the text of a
`key: value` item is split at its first colon. Anything the reader cannot place becomes a problem
at its line instead of being silently dropped.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from peerjournal.i18n import N_, _
from peerjournal.promptset import plaintext
from peerjournal.promptset import vocabulary as vocab
from peerjournal.promptset.draft import (
    Draft,
    DraftQuestion,
    DraftSession,
    DraftStudy,
    DraftTerm,
    DraftTheme,
    Entry,
)
from peerjournal.promptset.problems import Problems

LISTS = ("bullet_list", "ordered_list")
IGNORED = ("html_block", "hr")
SESSION_REST = re.compile(r"^(\S+?)\s*(?:[:.)–—-]\s*(.*))?$", re.DOTALL)
INDENT_HINT = N_(
    "indent it under its question with three spaces, so it starts below the question's text"
)
NOTE_HINT = N_("keep notes to yourself in <!-- comments -->")
SPECIAL_HINTS = {
    "title": N_("the title is the line that starts with '# '"),
    "consent": N_("write the consent text under a '### Consent' heading inside the study"),
    "consentement": N_(
        "write the consent text under a '### Consentement' heading inside the study"
    ),
}
SECTION_HINT = N_("use '## Session 1: Title', '## Study', '## Codebook' or '## Redaction terms'")
# Where a key-value line was written, as said in a problem ('unknown key ... in the study').
PLACES = {
    "set's details": N_("the set's details"),
    "study": N_("the study"),
    "redaction terms": N_("the redaction terms"),
    "question's settings": N_("the question's settings"),
}


def place(what: str) -> str:
    return _(PLACES.get(what, what))


def misspelled_session(words: list[str]) -> str | None:
    """'Session 9: Title' when `words` start with a near miss of a session word ('Sesion 9')."""
    import difflib

    if not words:
        return None
    close = difflib.get_close_matches(vocab.normalise(words[0]), vocab.SESSION_WORDS, 1, 0.75)
    if not close:
        return None
    rest = f" {words[1]}" if len(words) > 1 else ""
    word = {"session": "Session", "seance": "Séance", "rencontre": "Rencontre"}[close[0]]
    return f"{word}{rest}"


def line_of(node: SyntaxTreeNode) -> int:
    """1-based first line of a block node (markdown-it maps are 0-based, end-exclusive)."""
    return node.map[0] + 1 if node.map else 1


def flat(text: str) -> str:
    """One paragraph's text on one line (soft line breaks become spaces)."""
    return " ".join(part.strip() for part in text.splitlines()).strip()


def inline_text(node: SyntaxTreeNode) -> str:
    """The raw inline Markdown of a heading or paragraph node, on one line."""
    inline = next((c for c in node.children if c.type == "inline"), None)
    return flat(inline.content) if inline is not None else ""


def plain_key(text: str) -> str:
    """A key as typed, without emphasis or code marks (`**id**` -> `id`)."""
    return text.replace("*", "").replace("_", " ").replace("`", "").strip()


class Reader:
    """Walks the top-level blocks in order, keeping track of the section and part they fall in."""

    def __init__(self, text: str, problems: Problems, screen_checks: bool = True) -> None:
        self.screen_checks = screen_checks
        self.lines = text.splitlines()
        self.problems = problems
        self.draft = Draft()
        self.section = "preamble"
        self.part = ""
        self.seen_sections: dict[str, int] = {}

    # -- helpers -------------------------------------------------------------------------------

    def source_of(self, node: SyntaxTreeNode) -> str:
        """The block exactly as written (for intros, descriptions and consent text)."""
        if not node.map:
            return ""
        start, end = node.map
        return "\n".join(self.lines[start:end]).strip("\n")

    def report(self, node_or_line: SyntaxTreeNode | int, message: str, hint: str = "") -> None:
        line = node_or_line if isinstance(node_or_line, int) else line_of(node_or_line)
        self.problems.report(line, message, hint)

    def items(self, node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
        return [c for c in node.children if c.type == "list_item"]

    def item_parts(
        self, item: SyntaxTreeNode
    ) -> tuple[str, list[SyntaxTreeNode], list[SyntaxTreeNode]]:
        """A list item's text (its paragraphs), its nested lists, and anything else it holds."""
        paragraphs = [flat(inline_text(c)) for c in item.children if c.type == "paragraph"]
        nested = [c for c in item.children if c.type in LISTS]
        other = [c for c in item.children if c.type not in LISTS and c.type != "paragraph"]
        return "\n\n".join(p for p in paragraphs if p), nested, other

    def key_value(self, item: SyntaxTreeNode, what: str) -> tuple[str, Entry] | None:
        """Split a `key: value` list item; report it when it has no colon."""
        text, nested, other = self.item_parts(item)
        for extra in nested + other:
            self.report(
                extra,
                _("unexpected content inside a line of {where}").format(where=place(what)),
                _("write 'key: value' on one line"),
            )
        key, sep, value = text.partition(":")
        if not sep or not plain_key(key):
            self.report(
                item,
                _("expected 'key: value' in {where}, found '{text}'").format(
                    where=place(what), text=text[:40]
                ),
                _("write the key, a colon, then the value"),
            )
            return None
        typed = plain_key(key)
        return vocab.normalise(typed), Entry(value.strip(), line_of(item), typed)

    def canonical(self, table: dict[str, str], key: str, entry: Entry, what: str) -> str | None:
        """The format's own name for `key` (English or French), or None after reporting it."""
        name = table.get(key)
        if name is None:
            special = SPECIAL_HINTS.get(key)
            hint = (
                _(special) if special else _("known keys: {keys}").format(keys=vocab.known(table))
            )
            self.report(
                entry.line,
                _("unknown key '{key}' in {where}").format(key=entry.key or key, where=place(what)),
                hint,
            )
        return name

    def store(self, table: dict[str, Entry], key: str, entry: Entry, what: str) -> None:
        if key in table:
            self.report(
                entry.line,
                _("'{key}' is given twice in {where}").format(key=key, where=place(what)),
                _("keep one; the first is on line {line}").format(line=table[key].line),
            )
            return
        table[key] = entry

    # -- walking -------------------------------------------------------------------------------

    def read(self, root: SyntaxTreeNode) -> Draft:
        comments: list[int] = []
        for node in root.children:
            if node.type == "html_block" and node.content.lstrip().startswith("<!--"):
                start, end = node.map or (0, 0)
                comments.extend(range(start + 1, end + 1))
            if node.type in IGNORED:
                continue
            if node.type == "heading":
                self.heading(node)
            else:
                self.block(node)
        if self.screen_checks:
            plaintext.check(self.lines, comments, self.problems)
        return self.draft

    def heading(self, node: SyntaxTreeNode) -> None:
        level = int(node.tag[1])
        text = inline_text(node)
        if level == 1:
            self.title(node, text)
        elif level == 2:
            self.section_heading(node, text)
        elif level == 3:
            self.part_heading(node, text)
        elif self.section == "session" and not self.part:
            self.draft.sessions[-1].intro.append(self.source_of(node))
        else:
            self.report(
                node,
                _("unexpected heading '{text}'").format(text=text),
                _("only session intros may use '####' headings"),
            )

    def title(self, node: SyntaxTreeNode, text: str) -> None:
        if self.draft.title_line:
            self.report(
                node,
                _("a second title line '{text}'").format(text=text),
                _(
                    "a set has one '# Title' (line {line}); sessions start with "
                    "'## Session N: Title'"
                ).format(line=self.draft.title_line),
            )
            return
        self.draft.title, self.draft.title_line = text, line_of(node)
        if not text:
            self.report(node, _("the title is empty"), _("write the set's title after '# '"))

    def section_heading(self, node: SyntaxTreeNode, text: str) -> None:
        self.part = ""
        words = text.split(maxsplit=1)
        if words and vocab.normalise(words[0]) in vocab.SESSION_WORDS:
            self.start_session(node, words[1] if len(words) > 1 else "")
            return
        name = vocab.SECTIONS.get(vocab.normalise(text))
        if name is None:
            self.section = "unknown"
            meant = misspelled_session(words)
            if meant:
                self.draft.misspelled_sessions.append(line_of(node))
                self.report(
                    node,
                    _("unknown section '{text}'").format(text=text),
                    _("did you mean '## {meant}'?").format(meant=meant),
                )
            else:
                self.report(node, _("unknown section '{text}'").format(text=text), _(SECTION_HINT))
            return
        if name in self.seen_sections:
            self.section = "unknown"
            self.report(
                node,
                _("a second '{name}' section").format(name=name),
                _("merge it into the first one, on line {line}").format(
                    line=self.seen_sections[name]
                ),
            )
            return
        self.seen_sections[name] = line_of(node)
        self.section = name
        if name == "study":
            self.draft.study = DraftStudy(line=line_of(node))
        elif name == "codebook":
            self.draft.codebook_line = line_of(node)

    def start_session(self, node: SyntaxTreeNode, rest: str) -> None:
        self.section = "session"
        match = SESSION_REST.match(rest.strip())
        number, title = (match.group(1), (match.group(2) or "").strip()) if match else ("", "")
        self.draft.sessions.append(DraftSession(number=number, title=title, line=line_of(node)))

    def part_heading(self, node: SyntaxTreeNode, text: str) -> None:
        key = vocab.normalise(text)
        if self.section == "session":
            part = vocab.SESSION_PARTS.get(key)
            hint = _("a session has '### Prompts' and '### Feedback'")
        elif self.section == "study":
            part = vocab.STUDY_PARTS.get(key)
            hint = _("the study has one '### Consent' part")
        elif self.section == "unknown":
            return
        else:
            part, hint = None, _("'###' headings belong inside a session or the study")
        if part is None:
            self.part = "unknown"
            self.report(node, _("unknown heading '{text}'").format(text=text), hint)
            return
        if self.section == "session":
            seen = self.draft.sessions[-1].parts_seen
            if part in seen:
                self.report(
                    node,
                    _("a second '{part}' part in this session").format(part=part),
                    _("merge it into the first one, on line {line}").format(line=seen[part]),
                )
            seen.setdefault(part, line_of(node))
        elif part == "consent":
            assert self.draft.study is not None
            self.draft.study.consent_line = line_of(node)
        self.part = part

    def block(self, node: SyntaxTreeNode) -> None:
        handler = {
            ("preamble", ""): self.preamble_block,
            ("study", ""): self.study_block,
            ("study", "consent"): self.consent_block,
            ("codebook", ""): self.codebook_block,
            ("redaction terms", ""): self.terms_block,
            ("session", ""): self.intro_block,
            ("session", "prompts"): self.prompts_block,
            ("session", "feedback"): self.feedback_block,
        }.get((self.section, self.part))
        if handler is not None:
            handler(node)
        elif self.section != "unknown" and self.part != "unknown":
            self.report(node, _("text outside any section"), _(NOTE_HINT))

    # -- sections ------------------------------------------------------------------------------

    def preamble_block(self, node: SyntaxTreeNode) -> None:
        if node.type in LISTS:
            for item in self.items(node):
                pair = self.key_value(item, "set's details")
                name = pair and self.canonical(vocab.METADATA_KEYS, *pair, "set's details")
                if pair and name:
                    self.store(self.draft.metadata, name, pair[1], "set's details")
        else:
            self.draft.description.append(self.source_of(node))

    def study_block(self, node: SyntaxTreeNode) -> None:
        study = self.draft.study
        assert study is not None
        if node.type not in LISTS:
            self.report(
                node,
                _("text in the study section outside its list"),
                _("put the consent text under a '### Consent' heading"),
            )
            return
        for item in self.items(node):
            pair = self.key_value(item, "study")
            name = pair and self.canonical(vocab.STUDY_KEYS, *pair, "study")
            if pair and name:
                self.store(study.keys, name, pair[1], "study")

    def consent_block(self, node: SyntaxTreeNode) -> None:
        assert self.draft.study is not None
        self.draft.study.consent.append(self.source_of(node))

    def codebook_block(self, node: SyntaxTreeNode) -> None:
        if node.type not in LISTS:
            self.report(
                node,
                _("text in the codebook outside its list"),
                _("write each theme as '- Name: short description'; {note}").format(
                    note=_(NOTE_HINT)
                ),
            )
            return
        for item in self.items(node):
            text, nested, other = self.item_parts(item)
            for extra in nested + other:
                self.report(extra, _("unexpected content inside a theme"), _("one line per theme"))
            name, _colon, description = text.partition(":")
            self.draft.codebook.append(
                DraftTheme(plain_key(name), description.strip(), line_of(item))
            )

    def terms_block(self, node: SyntaxTreeNode) -> None:
        if node.type not in LISTS:
            self.report(
                node,
                _("text in the redaction terms outside its list"),
                _("write each term as '- location: Jarry Park' or '- person: Name'"),
            )
            return
        for item in self.items(node):
            pair = self.key_value(item, "redaction terms")
            if pair:
                self.draft.terms.append(DraftTerm(pair[1].key, pair[1].value, pair[1].line))

    def intro_block(self, node: SyntaxTreeNode) -> None:
        self.draft.sessions[-1].intro.append(self.source_of(node))

    def prompts_block(self, node: SyntaxTreeNode) -> None:
        if node.type not in LISTS:
            self.report(
                node,
                _("a prompt must be a list item"),
                _("start each prompt on its own line with '1.' or '-'"),
            )
            return
        for item in self.items(node):
            text, nested, other = self.item_parts(item)
            for extra in nested + other:
                self.report(
                    extra,
                    _("a prompt holds text only"),
                    _("start each prompt at the left margin with its own number"),
                )
            self.draft.sessions[-1].prompts.append(Entry(text, line_of(item)))

    def feedback_block(self, node: SyntaxTreeNode) -> None:
        if node.type not in LISTS:
            self.report(
                node,
                _("a feedback question must be a list item"),
                _("start each question on its own line with '1.' or '-'"),
            )
            return
        for item in self.items(node):
            self.question(item)

    def question(self, item: SyntaxTreeNode) -> None:
        text, nested, other = self.item_parts(item)
        for extra in other:
            self.report(
                extra, _("unexpected content inside a question"), _("a question is one paragraph")
            )
        key = vocab.normalise(plain_key(text.partition(":")[0])) if ":" in text else ""
        if key in vocab.QUESTION_KEYS:
            self.report(
                item,
                _("'{text}' looks like a setting of the question above").format(text=text[:40]),
                _(INDENT_HINT),
            )
            return
        question = DraftQuestion(text=text, line=line_of(item))
        for sub in nested:
            for setting in self.items(sub):
                pair = self.key_value(setting, "question's settings")
                if pair is None:
                    continue
                name = vocab.QUESTION_KEYS.get(pair[0])
                if name == "option":
                    question.options.append(pair[1])
                elif name is None:
                    self.report(
                        pair[1].line,
                        _("unknown question setting '{key}'").format(key=pair[1].key),
                        _("known settings: {keys}").format(keys=vocab.known(vocab.QUESTION_KEYS)),
                    )
                else:
                    self.store(question.settings, name, pair[1], "question's settings")
        self.draft.sessions[-1].questions.append(question)


def read(text: str, problems: Problems, *, screen_checks: bool = True) -> Draft:
    """The draft of `text`; structural problems go into `problems` (with `screen_checks`, also
    control characters, markup and HTML: see plaintext.py)."""
    tokens = MarkdownIt("commonmark").parse(text)
    return Reader(text, problems, screen_checks).read(SyntaxTreeNode(tokens))
