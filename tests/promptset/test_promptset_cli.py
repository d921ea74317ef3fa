"""The `peerjournal prompts` commands, run through the real app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peerjournal.cli.main import app
from peerjournal.promptset import load_file
from tests.promptset.conftest import VALID

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted((REPO / "prompts").glob("*.md"))


def run(*args: str):
    return runner.invoke(app, ["prompts", *args])


def test_list_shows_every_shipped_set() -> None:
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "LANGUAGE", "VERSION", "SESSIONS", "TITLE"]
    assert any(
        line.split()[:4] == ["peer-advocate-training", "fr-CA", "1.0", "8"] for line in lines
    )
    assert any("Daily reflection" in line for line in lines)


def test_list_json() -> None:
    rows = json.loads(run("list", "--json").stdout)
    assert {
        "id": "daily-reflection",
        "language": "en",
        "version": "1.0",
        "title": "Daily reflection",
        "sessions": 2,
    } in rows


def test_show_shipped_set_in_french() -> None:
    result = run("show", "peer-advocate-training", "--language", "fr")
    assert result.exit_code == 0
    assert "Séance" not in result.stdout.splitlines()[0]
    assert "Formation de pair·e·s aidant·e·s en santé" in result.stdout
    assert "[useful]" in result.stdout and "scale 1-5" in result.stdout
    assert "also shipped in: en" in result.stdout


def test_show_file_lists_study_terms_and_questions(write) -> None:
    result = run("show", str(write(VALID)))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "study: Peer journals pilot (pilot-2026)" in out
    assert "  - location: Jarry Park" in out
    assert "[q3] How was the pace? (choice: Too slow | About right | Too fast)" in out


def test_show_unknown_id_is_one_error_line() -> None:
    result = run("show", "no-such-set")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("peerjournal: error: no shipped prompt set 'no-such-set'")
    assert len(result.stderr.splitlines()) == 1


def test_show_broken_file_prints_every_problem(write) -> None:
    path = write(VALID.replace("- version: 1.2", "- version: x").replace("   - range: 1-5\n", ""))
    result = run("show", str(path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{path}:") for line in lines)
    assert "Traceback" not in result.output


def test_validate_every_shipped_file() -> None:
    result = run("validate", *map(str, SHIPPED))
    assert result.exit_code == 0, result.output
    assert (
        [line.split()[0] for line in result.stdout.splitlines()]
        == ["ok"] * len(SHIPPED)
        == ["ok"] * 4
    )


def test_validate_reports_every_problem_with_file_and_line(write, tmp_path) -> None:
    good = write(VALID, "good.md")
    broken_text = (
        VALID.replace("- language: en", "- language: English")
        .replace("- age key: age1", "- age key: age2")
        .replace("3. What do you already know?", "3.")
    )
    bad = write(broken_text, "bad.md")
    result = run("validate", str(good), str(bad), str(tmp_path / "missing.md"))
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0] == f"ok {good} (test-training 1.2, en, 2 sessions)"
    lines = {
        n
        for n, line in enumerate(broken_text.splitlines(), 1)
        if line.startswith(("- language", "- age key")) or line == "3."
    }
    reported = [line for line in out if line.startswith(f"{bad}:")]
    assert {int(line.split(":")[1]) for line in reported} == lines
    assert f"{tmp_path / 'missing.md'}: no prompt set file at" in result.stdout
    assert result.stderr.strip() == (
        "peerjournal: error: 2 of 3 prompt set files have problems (listed above)"
    )


def test_validate_checks_translations_against_the_first_file(write) -> None:
    english = write(VALID, "a.en.md")
    french = write(
        VALID.replace("- language: en", "- language: fr").replace("- One question left?\n", ""),
        "a.fr.md",
    )
    result = run("validate", str(english), str(french))
    assert result.exit_code == 1
    assert f"{french}:1: session 2 has 2 prompts, 3 in {english} (en)" in result.stdout


def test_new_writes_a_valid_starter_and_never_overwrites(tmp_path) -> None:
    target = tmp_path / "mine.md"
    result = run("new", "Peer support: spring group", "-o", str(target))
    assert result.exit_code == 0, result.output
    ps = load_file(target)
    assert ps.title == "Peer support: spring group" and ps.id == "peer-support-spring-group"
    assert len(ps.sessions) == 2 and ps.language == "en"
    before = target.read_text(encoding="utf-8")
    again = run("new", "Other", "-o", str(target))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == before


def test_new_in_french_and_default_file_name(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "Atelier d'été", "--language", "fr")
    assert result.exit_code == 0, result.output
    ps = load_file(tmp_path / "atelier-d-ete.md")
    assert ps.language == "fr-CA" and ps.sessions[0].title == "Pour commencer"
    assert run("new", "x", "--language", "de").exit_code == 2


def test_preview_renders_what_participants_see(write) -> None:
    result = run("preview", str(write(VALID)), "--width", "100")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Session 1 · Agreements and goals" in out and "To reflect on" in out
    assert "1 = Not useful … 5 = Very useful" in out
    assert "○ Too slow" in out
    assert "Taking part in research" in out and "I agree that the entries" in out
    assert "- id:" not in out and "type: scale" not in out


def test_preview_one_session_of_a_shipped_french_set() -> None:
    result = run(
        "preview", "peer-advocate-training", "-l", "fr", "--session", "6", "--width", "120"
    )
    assert result.exit_code == 0, result.output
    assert "Séance 6 · Droits, sécurité et signalement des mauvais clients" in result.stdout
    assert "Pour réfléchir" in result.stdout and "Séance 5" not in result.stdout
    missing = run("preview", "peer-advocate-training", "--session", "9")
    assert missing.exit_code == 2 and "has no session 9" in missing.stderr


def test_validate_two_versions_of_one_language_is_not_a_translation_check(write) -> None:
    old = write(VALID, "v1.md")
    new = write(
        VALID.replace("- version: 1.2", "- version: 1.3").replace("- One question left?\n", ""),
        "v2.md",
    )
    result = run("validate", str(old), str(new))
    assert result.exit_code == 0, result.output


def test_no_starter_in_a_language_is_a_one_line_error_in_the_persons_language(tmp_path) -> None:
    from peerjournal import i18n
    from peerjournal.errors import NoStarter, UsageError
    from peerjournal.promptset.starter import starter_text

    with pytest.raises(NoStarter) as raised:
        starter_text("Mine", "de")
    assert isinstance(raised.value, UsageError) and raised.value.language == "de"
    assert str(raised.value) == "no starter in “de”; choose one of: en, fr"
    assert starter_text("Mine", "fr_CA").startswith(starter_text("Mine", "fr-CA")[:40])
    i18n.set_language("fr")
    result = run("new", "Le mien", "-l", "de", "-o", str(tmp_path / "le-mien.md"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "peerjournal\u00a0: erreur\u00a0: pas de jeu de départ en «\u00a0de\u00a0»; "
        "choisissez parmi\u00a0: en, fr"
    ]
    assert not (tmp_path / "le-mien.md").exists()
