"""Keep the translation catalogs in step with the code (Babel).

    python scripts/catalogs.py update         # extract every marked string into peerjournal.pot,
                                              # then merge it into each language's .po
    python scripts/catalogs.py add LANG       # start a new language from the template
    python scripts/catalogs.py check          # what the test suite checks, as a report

`update` keeps existing translations; a string whose English changed is marked fuzzy (it needs a
translator's eye and is not used until then). Compiled .mo files are never committed: the build
makes them (setup.py), and a source checkout compiles the .po in memory.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "peerjournal"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "peerjournal"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
COMMENT_TAGS = ("Translators:",)


def extract() -> Catalog:
    """Every string marked in src/peerjournal, as a fresh template."""
    template = Catalog(project="peerjournal", domain=DOMAIN, fuzzy=False)
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=DEFAULT_KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        location = (f"peerjournal/{filename}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def write(catalog: Catalog, path: Path, *, header: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        # No line numbers and no dated template header: a moved line or a rerun must not
        # rewrite every catalog.
        write_po(
            handle,
            catalog,
            width=100,
            include_lineno=False,
            sort_by_file=True,
            omit_header=not header,
        )


def update() -> None:
    template = extract()
    write(template, TEMPLATE, header=False)
    for language in languages():
        catalog = read(po_path(language), language)
        catalog.update(template, update_header_comment=False, update_creation_date=False)
        write(catalog, po_path(language))
        print(f"{language}: {len(catalog)} strings")


def add(language: str) -> None:
    path = po_path(language)
    if path.exists():
        raise SystemExit(f"{path} exists already; run `update`")
    catalog = Catalog(locale=language, project="peerjournal", domain=DOMAIN)
    catalog.update(extract())
    write(catalog, path)
    print(f"started {path}: translate every msgstr, then run the tests")


# -- checks (the test suite runs these) ---------------------------------------------------------


def _key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def _ids(catalog: Catalog) -> set[tuple]:
    return {_key(m) for m in catalog if m.id}


def stale_template() -> list[str]:
    """What a fresh extraction has that the committed template lacks, and the other way."""
    fresh, committed = _ids(extract()), _ids(read(TEMPLATE))
    missing = sorted(str(k[1]) for k in fresh - committed)
    extra = sorted(str(k[1]) for k in committed - fresh)
    return [f"not in {TEMPLATE.name}: {m}" for m in missing] + [
        f"in {TEMPLATE.name} but gone from the code: {e}" for e in extra
    ]


def translation_problems(language: str) -> list[str]:
    """Every template string untranslated, fuzzy, or with other placeholders than the English."""
    catalog = read(po_path(language), language)
    wanted = _ids(read(TEMPLATE))
    problems = []
    by_key = {_key(m): m for m in catalog if m.id}
    for key in sorted(wanted, key=str):
        message = by_key.get(key)
        english = key[1] if isinstance(key[1], str) else key[1][0]
        if message is None:
            problems.append(f"{language}: missing {english!r}")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"{language}: not translated {english!r}")
            continue
        sources = key[1] if isinstance(key[1], tuple) else (key[1],)
        expected = {p for source in sources for p in PLACEHOLDER.findall(source)}
        if len(sources) > 1 and len({frozenset(PLACEHOLDER.findall(x)) for x in sources}) > 1:
            # English forms that name different placeholders (Click's "Did you mean {possibility}?"
            # / "(... one of: {possibilities}?)"): each form may use some, all forms together all.
            got = {p for translated in strings for p in PLACEHOLDER.findall(translated)}
            if got != expected or any(not set(PLACEHOLDER.findall(t)) <= expected for t in strings):
                problems.append(
                    f"{language}: placeholders differ in {english!r}: "
                    f"{sorted(expected)} vs {sorted(got)}"
                )
            continue
        for translated in strings:
            got = set(PLACEHOLDER.findall(translated))
            if got != expected:
                problems.append(
                    f"{language}: placeholders differ in {english!r}: "
                    f"{sorted(expected)} vs {sorted(got)}"
                )
    return problems


def check() -> int:
    problems = stale_template()
    for language in languages():
        problems += translation_problems(language)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1:2] or ["check"]
    if command == ["update"]:
        update()
    elif command == ["add"] and len(sys.argv) == 3:
        add(sys.argv[2])
    elif command == ["check"]:
        sys.exit(check())
    else:
        raise SystemExit(__doc__)
