"""Moving in and out through the real CLI: real files of other tools (tests/data), and the dump
read back into a fresh journal, dumped again, identical."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from tests.cli.conftest import Cli
from tests.helpers import FAST_KDF_ARGS, pw

DATA = Path(__file__).parents[1] / "data"


def entries(cli: Cli) -> list[dict]:
    return sorted(json.loads(cli.ok("list", "--json")), key=lambda e: e["created_at"])


def fresh(tmp_path: Path, name: str) -> Cli:
    other = Cli(tmp_path / name, tmp_path / "pass")
    other.ok("init", "--no-recovery-code", *FAST_KDF_ARGS)
    return other


def test_a_real_jrnl_export(cli: Cli) -> None:
    out = cli.ok("import", str(DATA / "jrnl" / "jrnl-4.6-export.json"))
    assert "imported 3 entries" in out
    got = entries(cli)
    assert [e["title"] for e in got] == [
        "Outreach night.",
        "Session notes*.",
        "Tired but proud; three new people came to the drop-in.",
    ]
    assert got[0]["tags"] == ["safety", "amara"] and got[1]["tags"] == []
    when = datetime.fromisoformat(got[0]["created_at"].replace("Z", "+00:00")).astimezone()
    assert (when.date().isoformat(), when.strftime("%H:%M")) == ("2026-11-03", "19:30")


def _dayone_zip(tmp_path: Path) -> Path:
    """The zip Day One writes: Journal.json at the top, photos/ beside it."""
    zipped = tmp_path / "Export-Journal.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        for path in (DATA / "dayone").rglob("*"):
            if path.is_file() and path.name != "README.md":
                z.write(path, path.relative_to(DATA / "dayone").as_posix())
    return zipped


@pytest.mark.parametrize("form", ["json", "folder", "zip"])
def test_day_one_in_every_form(cli: Cli, tmp_path: Path, form: str) -> None:
    source = {
        "json": DATA / "dayone" / "Journal.json",
        "folder": DATA / "dayone",
        "zip": _dayone_zip(tmp_path),
    }[form]
    out = cli.ok("import", str(source))
    assert "imported 2 entries" in out
    assert (
        "not imported: 1 photo, 1 video, 1 place, 1 weather record, "
        "2 time zone names (the times themselves are kept)"
    ) in out
    first, second = entries(cli)
    assert first["title"] == "First night at the drop-in"
    assert first["body"] == (
        "We met at 7. Bring: condoms (lots), snacks & water!\n\n"
        "- not a list, just a dash\n"
        "#notatag and a backslash \\ and `code` `tick`\n\n"
        "[a photo from Day One was here; it was not imported]\n\n"
        "Felt *welcome*."
    )
    assert first["tags"] == ["outreach", "peer support", "starred"]
    assert first["created_at"] == "2026-10-07T23:12:45.000000Z"
    assert first["updated_at"] == "2026-10-08T01:02:03.000000Z"
    assert second["title"] == ""
    assert second["body"].startswith("No title here, just words: 50% of the time it works.\n")
    assert "[a video from Day One was here; it was not imported]" in second["body"]
    assert "dayone-moment" not in first["body"] + second["body"]


def test_an_obsidian_vault(cli: Cli) -> None:
    assert "imported 4 entries" in cli.ok("import", str(DATA / "obsidian" / "vault"))
    got = {e["title"]: e for e in entries(cli)}
    assert sorted(got) == [
        "A heading as the title",
        "Drop-in: what went well",
        "It's been a quiet week",
        "Offsets",
    ]
    drop_in = got["Drop-in: what went well"]
    assert drop_in["tags"] == ["health", "peer support"]
    assert drop_in["created_at"] == "2026-11-02T23:45:00.000000Z"  # -05:00 honoured
    assert drop_in["body"].startswith("We opened at six. **Four** people came.")
    quiet = got["It's been a quiet week"]
    assert quiet["tags"] == ["rest", "self care"]
    local = datetime(2026, 11, 9, 21, 30).astimezone().astimezone(UTC)
    assert quiet["created_at"] == local.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    offsets = got["Offsets"]
    assert offsets["tags"] == ["health", "rights"]
    assert offsets["created_at"] == "2026-11-15T14:30:00.000000Z"
    assert got["A heading as the title"]["body"].startswith("Written straight into the vault")
    everything = json.dumps(list(got.values()))
    for skipped in ("thrown away", "{{title}}", "How I feel"):
        assert skipped not in everything


def _fill(directory: Path) -> None:
    """Entries with every field set, awkward text, seconds and fractions, shared and not."""
    journal = Journal.open(directory, pw())
    try:
        when = datetime(2026, 3, 8, 14, 7, 9, 123456, tzinfo=timezone(timedelta(hours=-5)))
        journal.entries.add_many(
            [
                NewEntry(
                    body='---\nnot front matter\n---\nquotes " and \\ and é 🌱\n\n\n',
                    title='A "quoted": title',
                    tags=("health", "peer support", "#x"),
                    mood=4,
                    session_number=3,
                    prompt_key=2,
                    prompt_text="What stayed with you?\nTake your time.",
                    prompt_set_id="peer-health",
                    prompt_set_version="1.2",
                    shared=True,
                    created_at=when,
                ),
                NewEntry(body="plain", created_at=when + timedelta(days=40)),
                NewEntry(body="", title="only a title: yes", created_at=when + timedelta(days=1)),
            ]
        )
    finally:
        journal.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_dump_import_dump_is_identical(cli: Cli, tmp_path: Path, fmt: str) -> None:
    _fill(cli.journal)
    first = tmp_path / f"first-{fmt}"
    cli.ok("dump", str(first), "--format", fmt, "--yes")
    other = fresh(tmp_path, "other")
    source = first / "entries.json" if fmt == "json" else first
    assert "imported 3 entries" in other.ok("import", str(source))
    second = tmp_path / f"second-{fmt}"
    other.ok("dump", str(second), "--format", fmt, "--yes")
    assert _files(first) == _files(second)
    assert entries(cli) == entries(other)
    again = other.ok("import", str(source))
    assert "imported 0 entries" in again and "3 entries were already in this journal" in again


@pytest.mark.parametrize(
    ("tags", "words"),
    [
        (5, "entry 2: the field 'tags' should be a list of words"),
        ("abc", "entry 2: the field 'tags' should be a list of words"),
    ],
)
def test_wrong_types_are_one_line_and_import_nothing(
    cli: Cli, tmp_path: Path, tags: object, words: str
) -> None:
    doc = json.loads((DATA / "jrnl" / "jrnl-4.6-export.json").read_text("utf-8"))
    doc["entries"][1]["tags"] = tags
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    line = cli.fails("import", str(bad))
    assert words in line and str(bad) in line
    assert entries(cli) == []


def test_wrong_types_in_a_dump_and_in_front_matter(cli: Cli, tmp_path: Path) -> None:
    dump = {"format": "peerjournal-dump", "version": 1, "entries": [{"id": "x" * 32}]}
    bad = tmp_path / "dump.json"
    bad.write_text(json.dumps(dump), "utf-8")
    assert "the field 'id' should be an entry id" in cli.fails("import", str(bad))
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("---\ntags: {a: 1}\n---\nbody\n", "utf-8")
    assert "the field 'tags' should be a list of words" in cli.fails("import", str(notes))
    (notes / "a.md").write_text("---\ntitle: [unclosed\n---\nbody\n", "utf-8")
    assert "front matter is not valid YAML" in cli.fails("import", str(notes))
    assert entries(cli) == []


def test_one_word_count_for_the_list_and_the_export(cli: Cli) -> None:
    from peerjournal.export import build

    body = "peer — support, again: c'est l’été"
    cli.ok("write", input=body)
    (listed,) = entries(cli)
    assert listed["word_count"] == build.word_count(body) == 5
