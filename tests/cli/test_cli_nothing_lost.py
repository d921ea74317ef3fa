"""Issue 12 on the command line: nothing typed is lost, the right thing by default, the words.

Each test runs the real CLI on a real journal (CliRunner, or a child on a pseudo-terminal where
only a terminal shows the behaviour) and fails on the code before the fix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyrage
import pytest

from tests.cli.conftest import Cli
from tests.cli.terminal import Terminal
from tests.helpers import FAST_KDF_ARGS, PASSPHRASE, STUDY_SET

pytestmark = pytest.mark.slow


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return {**env, "LANG": "C.UTF-8", "TERM": "xterm", "COLUMNS": "100", **extra}


def test_global_options_work_after_the_command_name(cli: Cli):
    from typer.testing import CliRunner

    from peerjournal.cli.main import app

    cli.ok("write", input="typed after\n")
    args = ["list", "--journal", str(cli.journal), "--passphrase-file", str(cli.passfile)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "typed after" in result.stdout
    result = CliRunner().invoke(
        app, ["list", f"--journal={cli.journal}", "--passphrase-file", str(cli.passfile)]
    )
    assert result.exit_code == 0 and "typed after" in result.stdout, result.stderr


def test_a_group_alone_prints_its_help_not_an_error(cli: Cli):
    result = cli("terms")
    assert result.exit_code == 0, result.stderr
    assert "error" not in result.stderr and "add" in result.stdout and "remove" in result.stdout
    assert result.stdout.count("Usage") == 1, result.stdout  # shown once, not twice


def test_backup_refuses_a_destination_whose_parent_is_missing(cli: Cli, tmp_path: Path):
    unplugged = tmp_path / "media" / "usb" / "journal-copy"
    line = cli.fails("backup", str(unplugged))
    assert "no folder" in line and "USB stick" in line
    assert not (tmp_path / "media").exists()


def test_a_too_short_id_says_the_minimum(cli: Cli):
    entry = cli.ok("write", input="short ids\n").strip()
    line = cli.fails("show", entry[:3])
    assert "at least 4 characters" in line
    assert json.loads(cli.ok("show", entry[:4], "--json"))["id"] == entry


def test_init_and_passwd_follow_the_apps_passphrase_rule(cli: Cli, tmp_path: Path):
    short = tmp_path / "short"
    short.write_text("abc\n")
    fresh = Cli(tmp_path / "fresh", short)
    assert "at least 8 characters" in fresh.fails("init", "--no-recovery-code", *FAST_KDF_ARGS)
    assert not (tmp_path / "fresh").exists()
    line = cli.fails("passwd", "--new-passphrase-file", str(short))
    assert "at least 8 characters" in line
    cli.ok("list")  # the old passphrase still opens it


def test_counted_words_agree_with_their_number(cli: Cli, tmp_path: Path):
    cli.ok("prompts", "install", "peer-advocate-training")
    cli.ok("write", "--session", "1", input="one entry\n")
    first = cli.ok("sessions").splitlines()[1]
    assert "1 entry " in first + " " and "1 entries" not in first
    assert "0 entries" in cli.ok("sessions").splitlines()[2]
    source = tmp_path / "notes"
    source.mkdir()
    (source / "2026-01-02.md").write_text("# One\n\nimported text\n")
    assert "imported 1 entry" in cli.ok("import", str(source))
    assert cli.ok("import", str(source)).strip().endswith("entry")


def test_sharing_with_no_study_says_so_and_what_to_ask_for(cli: Cli):
    entry = cli.ok("write", input="for later\n").strip()
    said = cli.ok("share", entry)
    assert "no study yet" in said and "facilitator" in said
    assert "next research export" not in said


def test_an_upgrade_that_adds_a_study_says_a_study_was_added(cli: Cli, tmp_path: Path):
    recipient = pyrage.x25519.Identity.generate().to_public()
    with_study = STUDY_SET.format(recipient=recipient)
    start, end = with_study.index("## Study"), with_study.index("## Codebook")
    plain = tmp_path / "v1.md"
    plain.write_text(with_study[:start] + with_study[end:])
    cli.ok("prompts", "install", str(plain))
    upgraded = tmp_path / "v2.md"
    upgraded.write_text(with_study.replace("- version: 1.0", "- version: 1.1"))
    said = cli.ok("prompts", "install", str(upgraded))
    assert "a study was added" in said and "study details changed" not in said


# -- at a terminal ------------------------------------------------------------------------------


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n")
    Cli(tmp_path / "journal", passfile).ok("init", "--no-recovery-code", *FAST_KDF_ARGS)
    return tmp_path / "journal"


def test_write_asks_the_passphrase_first_retries_and_keeps_the_text(journal: Path):
    Cli(journal, journal.parent / "pass").ok("prompts", "install", "peer-advocate-training")
    from peerjournal.promptset import find_shipped

    question = find_shipped("peer-advocate-training").session(1).prompt(1).text
    term = Terminal(
        "--journal", str(journal), "write", "--session", "1", "--prompt", "1", env=_env()
    )
    term.expect("Passphrase")
    term.send("not the passphrase")
    term.expect("try again")
    term.expect("Passphrase")
    term.send(PASSPHRASE)
    term.expect(question[:40])  # the question shows before the person types
    term.expect("Ctrl+D")
    term.send("Every word I typed is kept.")
    term.eof()
    term.expect("Title")
    term.eof()  # Ctrl+D: no title, no tags, and the entry is saved all the same
    assert term.wait() == 0, term.text
    shown = Cli(journal, journal.parent / "pass").ok("list", "--json")
    assert json.loads(shown)[0]["body"].strip() == "Every word I typed is kept."
    assert json.loads(shown)[0]["title"] == ""


def test_write_at_a_terminal_asks_title_and_tags_after_the_text(journal: Path):
    """Typed, not given as options (which stay in the shell history): the title and the tags
    are asked after the body; a tag too long is asked again; the id still goes to stdout."""
    term = Terminal("--journal", str(journal), "write", env=_env())
    term.expect("Passphrase")
    term.send(PASSPHRASE)
    term.expect("Ctrl+D")
    term.send("A long night, but we got everyone home.")
    term.eof()
    term.expect("Title")
    term.send("Night outreach")
    term.expect("Tags")
    term.send("x" * 200)
    term.expect("try again")
    term.expect("Tags")
    term.send("outreach, #safety")
    assert term.wait() == 0, term.text
    (entry,) = json.loads(Cli(journal, journal.parent / "pass").ok("list", "--json"))
    assert entry["title"] == "Night outreach"
    assert entry["tags"] == ["outreach", "safety"]
    assert entry["id"] in term.text
    assert "shell history" not in term.text  # nothing was given as an option


def test_ctrl_c_at_the_title_keeps_the_entry(journal: Path):
    """Ctrl+C after the text was typed skips the title and tags; the text is saved."""
    term = Terminal("--journal", str(journal), "write", env=_env())
    term.expect("Passphrase")
    term.send(PASSPHRASE)
    term.expect("Ctrl+D")
    term.send("Typed before a Ctrl+C.")
    term.eof()
    term.expect("Title")
    os.write(term.fd, b"\x03")  # Ctrl+C at the terminal: SIGINT to the command
    assert term.wait() == 0, term.text
    (entry,) = json.loads(Cli(journal, journal.parent / "pass").ok("list", "--json"))
    assert entry["body"].strip() == "Typed before a Ctrl+C." and entry["title"] == ""


def test_a_title_in_another_encoding_is_asked_again_and_the_entry_kept(journal: Path):
    """A terminal sending Latin-1 (été as E9 74 E9) at the title: not UTF-8, so it is asked
    again, and the text typed before it is saved (it was read as text with lone surrogates and
    saving failed as an unexpected problem, exit 70, the typed text lost)."""
    term = Terminal("--journal", str(journal), "write", env=_env(LANG="fr_CA.UTF-8"))
    term.expect("Phrase de passe")
    term.send(PASSPHRASE)
    term.expect("Ctrl+D")
    term.send("Tapé avant le titre.")
    term.eof()
    term.expect("Titre")
    os.write(term.fd, b"\xe9t\xe9\r")
    term.expect("UTF-8")
    term.expect("Titre")
    term.send("Été")
    term.expect("Étiquettes")
    term.send("")
    assert term.wait() == 0, term.text
    assert "Traceback" not in term.text and "inattendu" not in term.text
    (entry,) = json.loads(Cli(journal, journal.parent / "pass").ok("list", "--json"))
    assert entry["body"].strip() == "Tapé avant le titre." and entry["title"] == "Été"


def test_write_with_title_option_asks_only_the_tags_and_piped_text_asks_nothing(journal: Path):
    term = Terminal("--journal", str(journal), "write", "--title", "Given", env=_env())
    term.expect("Passphrase")
    term.send(PASSPHRASE)
    term.expect("Ctrl+D")
    term.send("Body.")
    term.eof()
    term.expect("Tags")
    term.send("")
    assert term.wait() == 0, term.text
    assert "Title (optional" not in term.text
    cli = Cli(journal, journal.parent / "pass")
    cli.ok("write", input="Piped body.\n")  # not a terminal: exactly as before, nothing asked
    entries = json.loads(cli.ok("list", "--json"))
    assert [e["title"] for e in entries] == ["", "Given"]
    assert all(e["tags"] == [] for e in entries)


@pytest.mark.parametrize(
    "option", [("--title", "x" * 301), ("--tag", "x" * 65)], ids=["title", "tag"]
)
def test_a_title_or_tag_option_that_does_not_fit_stops_before_the_text_is_typed(
    journal: Path, option: tuple[str, str]
):
    """Saving would refuse it after the text was typed, and the typed text would be lost: it is
    refused before the passphrase is asked."""
    term = Terminal("--journal", str(journal), "write", *option, env=_env())
    assert term.wait() != 0
    assert "too long" in term.text, term.text
    assert "Passphrase" not in term.text and "Ctrl+D" not in term.text, term.text


def test_three_wrong_passphrases_stop_before_anything_is_typed(journal: Path):
    term = Terminal("--journal", str(journal), "write", env=_env())
    for _ in range(3):
        term.expect("Passphrase")
        term.send("wrong again")
    assert term.wait() != 0
    assert "wrong passphrase" in term.text and "Ctrl+D" not in term.text


def test_feedback_asks_again_after_an_answer_that_does_not_fit(journal: Path):
    """Out of range, not an option, a text holding a control character or bytes that are not
    UTF-8: asked again, and the answers already given are kept."""
    Cli(journal, journal.parent / "pass").ok("prompts", "install", "peer-advocate-training")
    from peerjournal.promptset import find_shipped

    questions = find_shipped("peer-advocate-training").session(1).feedback
    term = Terminal("--journal", str(journal), "feedback", "1", env=_env())
    term.expect("Passphrase")
    term.send(PASSPHRASE)
    expected = {}
    for q in questions:
        term.expect(q.text[:30])
        if q.type == "scale":
            term.send(str(q.scale_max + 2))  # out of range: asked again, nothing lost
            term.expect("try again")
            term.send(str(q.scale_max))
            expected[q.id] = q.scale_max
        elif q.type == "choice":
            term.send("not an option")
            term.expect("try again")
            term.send("1")
            expected[q.id] = q.options[0]
        else:  # an arrow key where no line editing reads it: a control character, refused
            term.send("kept \x1b[D as typed")
            term.expect("leave out control characters; try again")
            os.write(term.fd, b"\xe9t\xe9\r")  # a terminal sending Latin-1: not UTF-8
            term.expect("not UTF-8 text")
            term.send("kept as typed")
            expected[q.id] = "kept as typed"
    assert term.wait() == 0, term.text
    assert "error" not in term.text
    saved = Cli(journal, journal.parent / "pass").ok("feedback", "1", "--show", "--json")
    assert {a["question_id"]: a["value"] for a in json.loads(saved)["answers"]} == expected


def test_a_misspelled_session_heading_is_one_problem(cli: Cli, tmp_path: Path):
    starter = tmp_path / "ours.md"
    cli.ok("prompts", "new", "Our training", "-o", str(starter))
    text = starter.read_text()
    first = text.index("## Session 1")
    starter.write_text(text[:first] + "## Sesion 9" + text[first + len("## Session 1") :])
    starter.write_text(starter.read_text().split("## Session 2")[0])  # the only session, misspelled
    result = cli("prompts", "validate", str(starter))
    assert result.exit_code != 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Sesion 9" in lines[0] and "did you mean '## Session 9" in lines[0]


def test_an_empty_review_does_not_ask_to_send_exactly_this(journal: Path, tmp_path: Path):
    recipient = pyrage.x25519.Identity.generate().to_public()
    (tmp_path / "study.md").write_text(STUDY_SET.format(recipient=recipient))
    cli = Cli(journal, journal.parent / "pass")
    cli.ok("prompts", "install", str(tmp_path / "study.md"))
    cli.ok("consent", "--accept")
    entry = cli.ok("write", "--share", input="shared once\n").strip()
    out = tmp_path / "out"
    out.mkdir()
    cli.ok("export", "--yes", "-o", str(out))
    cli.ok("unshare", entry)
    term = Terminal("--journal", str(journal), "export", "--review", "-o", str(out), env=_env())
    term.expect("Passphrase")
    term.send(PASSPHRASE)
    term.expect("Nothing is shared now")
    term.send("n")
    assert term.wait() != 0
    assert "Send exactly this?" not in term.text


def test_passwd_says_older_key_file_copies_still_open_and_points_to_rekey(cli: Cli, tmp_path: Path):
    (tmp_path / "new").write_text("another quiet place\n")
    said = cli.ok("passwd", "--new-passphrase-file", str(tmp_path / "new"))
    assert "copy of the key file made before now" in said and "peerjournal rekey" in said
