"""Under LANG=fr_CA.UTF-8 the command line's own words are French too, in French typography
(issue 13): errors made by Click and Typer, the prompt set validator's problems, and the questions
asked at the terminal. Each class of slip found by reading the French CLI has a check here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.terminal import Terminal
from tests.helpers import FAST_KDF_ARGS, PASSPHRASE

pytestmark = pytest.mark.slow  # the CLI in child processes, a dozen times

NBSP = "\u00a0"
ERROR = f"peerjournal{NBSP}: erreur{NBSP}: "


def _env(root: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    (root / "pass").write_text(PASSPHRASE + "\n")
    return {
        **keep,
        "LANG": "fr_CA.UTF-8",
        "TERM": "xterm",
        "COLUMNS": "100",
        "HOME": str(root),
        "PEERJOURNAL_DIR": str(root / "journal"),
        "PEERJOURNAL_PASSPHRASE_FILE": str(root / "pass"),
    }


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerjournal", *args],
        env=_env(root),
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _error(root: Path, *args: str) -> str:
    done = _run(root, *args)
    assert done.returncode != 0 and "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR), done.stderr
    # French keeps its no-break spaces (an error line once turned them all into plain spaces).
    assert " : " not in lines[0] and "« " not in lines[0] and " »" not in lines[0], lines[0]
    return lines[0]


def test_clicks_and_typers_errors_and_the_validators_problems_are_french(tmp_path: Path) -> None:
    typo = _error(tmp_path, "lsit")
    assert "Vouliez-vous dire 'list'?" in typo and "Did you mean" not in typo  # not twice
    number = _error(tmp_path, "list", "-n", "abc")
    assert "'abc' n’est pas un entier valide" in number and "integer" not in number
    missing = _error(tmp_path, "research", "merge", "-i", "nope.key", "x.age", "-o", "out")
    assert "Fichier 'nope.key' introuvable" in missing and "does not exist" not in missing
    assert "ENTIER [x>=1]" in _run(tmp_path, "list", "--help").stdout
    write_help = _run(tmp_path, "write", "--help").stdout
    assert "ENTIER [1<=x<=5]" in write_help and "BOOL" not in write_help  # flags show no type
    attend_help = _run(tmp_path, "attend", "--help").stdout  # the help names its NUMÉRO
    assert "peerjournal attend [OPTIONS] NUMÉRO" in attend_help and "NUMBER" not in attend_help

    (tmp_path / "bad.md").write_text("# Titre\n\n- id: x\n", encoding="utf-8")
    checked = _run(tmp_path, "prompts", "validate", "bad.md")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0] == (
        f"bad.md:1: le jeu de questions n’a aucune séance "
        f"(ajoutez une section «{NBSP}## Séance 1{NBSP}: Titre{NBSP}»)"
    )
    assert "the set" not in checked.stdout


def test_questions_at_the_terminal_end_the_french_way(tmp_path: Path) -> None:
    """A no-break space before the colon of a prompt, none after a question mark; a refused
    answer says what fits without the question's id; the yes/no answers are listed one by one."""
    env = _env(tmp_path)
    assert _run(tmp_path, "init", "--no-recovery-code", *FAST_KDF_ARGS).returncode == 0
    assert _run(tmp_path, "prompts", "install", "peer-advocate-training").returncode == 0

    term = Terminal("feedback", "2", env=env, cwd=tmp_path)
    term.expect(f"Très utile]{NBSP}: ")
    term.send("9")
    term.expect("essayez encore")
    term.send("5")
    term.expect(f"Votre choix{NBSP}: ")
    term.send("2")
    term.expect("retenez de la séance d'aujourd'hui? ")
    term.send("")
    term.send("")
    assert term.wait() == 0
    shown = term.text
    assert "donnez un nombre de 1 à 5; essayez encore" in shown
    assert "useful" not in shown and "?:" not in shown and "? :" not in shown

    write = _run(tmp_path, "write", "--text", "Une entrée.")
    entry = write.stdout.strip()[:8]
    term = Terminal("delete", entry, env=env, cwd=tmp_path)
    term.expect(f"[o/N]{NBSP}: ")
    term.send("peut-être")
    term.expect(f"Répondez par l’un de ces mots{NBSP}: o, oui, n, non.")
    term.send("non")
    assert term.wait() != 0


def test_usage_lines_and_argument_names_are_french(tmp_path: Path) -> None:
    """Click writes "[OPTIONS]", "COMMAND [ARGS]..." and each argument's name itself; in
    French they are French too, in help screens and in errors, and English stays English."""
    root_help = _run(tmp_path, "--help").stdout
    assert "[COMMANDE] [ARGUMENTS]..." in root_help and "[ARGS]" not in root_help
    tag_help = _run(tmp_path, "tag", "--help").stdout
    assert "tag [OPTIONS] IDENTIFIANT [ÉTIQUETTES]..." in tag_help
    assert "ENTRY_ID" not in tag_help and "TAGS" not in tag_help
    assert "IDENTIFIANT" in _error(tmp_path, "show")
    english = subprocess.run(
        [sys.executable, "-m", "peerjournal", "tag", "--help"],
        env={**_env(tmp_path), "LANG": "en_CA.UTF-8"},
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "tag [OPTIONS] ENTRY_ID [TAGS]..." in english
