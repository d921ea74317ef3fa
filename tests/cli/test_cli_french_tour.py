"""The README's command-line tour, run as written, under LANG=fr_CA.UTF-8: every command answers
in French, on a real terminal (a pseudo-terminal), on a real journal (issue 13).

The commands are read from README.md itself, so the tour cannot drift from what is tested. Ids
(3fa8, 7c21) and paths (/media/usb/..., ~/...) are the only things replaced.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest

from peerjournal.promptset import find_shipped
from tests.cli.terminal import Terminal
from tests.helpers import PASSPHRASE, STUDY_SET

pytestmark = pytest.mark.slow

README = Path(__file__).resolve().parents[2] / "README.md"
NEW_PASSPHRASE = "une autre phrase de passe"
ENGLISH = re.compile(r"\b(error|wrote|entries|passphrase|Usage)\b")


def tour_commands() -> list[str]:
    """Every command of the README's tour, in order (its two ```sh blocks)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## A short tour") :]
    section = section[: section.index("\n## ")]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("peerjournal ")]


class Tour:
    def __init__(self, root: Path):
        self.root = root
        self.work = root / "work"
        self.home = root / "home"
        for folder in (self.work, self.home, root / "usb"):
            folder.mkdir()
        self.passfile = root / "pass"
        self.passfile.write_text(PASSPHRASE + "\n")
        self.ids: dict[str, str] = {}
        self.shown: list[str] = []

    def env(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        return {
            **keep,
            "LANG": "fr_CA.UTF-8",
            "TERM": "xterm",
            "COLUMNS": "100",
            "HOME": str(self.home),
            "PEERJOURNAL_DIR": str(self.root / "journal"),
            "PEERJOURNAL_PASSPHRASE_FILE": str(self.passfile),
        }

    def args(self, line: str) -> list[str]:
        for example, real in self.ids.items():
            line = line.replace(f" {example}", f" {real}")
        line = line.replace("/media/usb/", f"{self.root}/usb/").replace("~/", f"{self.home}/")
        return shlex.split(line)[1:]

    def run(self, line: str, talk: Callable[[Terminal], None]) -> str:
        term = Terminal(*self.args(line), env=self.env(), cwd=self.work)
        talk(term)
        code = term.wait()
        assert code == 0, f"{line} -> {code}\n{term.text}"
        assert "Traceback" not in term.text
        shown = term.text.replace("\xa0", " ").replace("\u202f", " ")  # French spacing
        self.shown.append(shown)
        return shown


def _typed(text: str) -> Callable[[Terminal], None]:
    def talk(term: Terminal) -> None:
        term.expect("Ctrl+D")
        term.send(text)
        term.eof()

    return talk


def _written(text: str) -> Callable[[Terminal], None]:
    """`write` at a terminal: the text, then its title and tags asked after it (in French)."""

    def talk(term: Terminal) -> None:
        _typed(text)(term)
        term.expect("Titre (facultatif")
        term.send("")
        term.expect("Étiquettes, séparées par des virgules")
        term.send("")

    return talk


def _answers(*pairs: tuple[str, str]) -> Callable[[Terminal], None]:
    def talk(term: Terminal) -> None:
        for question, answer in pairs:
            term.expect(question)
            term.send(answer)

    return talk


def _nothing(term: Terminal) -> None:
    return None


def _feedback(term: Terminal) -> None:
    session = find_shipped("peer-advocate-training", "fr").session(2)
    term.expect("Rétroaction pour la séance 2")
    for q in session.feedback:
        term.expect(q.text[:25])
        if q.type == "scale":
            term.send("9")  # off the scale: asked again, in French
            term.expect("essayez encore")
            term.send(str(q.scale_max))
        elif q.type == "choice":
            term.send("2")
        else:
            term.send("Beaucoup appris sur nos droits.")


def _passwd(tour: Tour) -> Callable[[Terminal], None]:
    def talk(term: Terminal) -> None:
        term.expect("Nouvelle phrase de passe")
        term.send(NEW_PASSPHRASE)
        term.expect("Tapez-la encore")
        term.send(NEW_PASSPHRASE)

    return talk


def _setup_files(tour: Tour) -> None:
    (tour.work / "jrnl-export.json").write_text(
        json.dumps(
            {
                "tags": {},
                "entries": [
                    {
                        "date": "2026-01-02",
                        "time": "09:00",
                        "title": "Importée",
                        "body": "Une entrée venue de jrnl.",
                        "tags": [],
                        "starred": False,
                    }
                ],
            }
        )
    )
    recipient = pyrage.x25519.Identity.generate().to_public()
    study = STUDY_SET.format(recipient=recipient)
    for english, french in (
        ("- language: en", "- language: fr"),
        ("Peer journal pilot study", "Étude pilote du journal"),
        ("five years, then deleted", "cinq ans, puis supprimées"),
        (
            "I agree that the entries I choose to share may be read by the research team.",
            "J’accepte que l’équipe de recherche lise les entrées que je choisis de partager.",
        ),
    ):
        study = study.replace(english, french)
    (tour.work / "our-study.md").write_text(study)


def test_the_readme_tour_speaks_french(tmp_path: Path):
    tour = Tour(tmp_path)
    _setup_files(tour)
    said: dict[str, str] = {}
    plan: dict[str, tuple[Callable[[Terminal], None], str]] = {
        "init": (_answers(("Appuyez sur Entrée", "")), "Journal chiffré créé"),
        "prompts install peer-advocate-training": (_nothing, "installé"),
        "sessions": (_nothing, "pas encore de présence"),
        "attend": (_nothing, "présence notée"),
        "write --session": (_written("Je connais mieux mes droits et la PrEP."), ""),
        "write --mood": (_written("Une bonne journée au centre."), ""),
        "list": (_nothing, "séance 2"),
        "search": (_answers(("Chercher", "prep*")), "PrEP"),
        "show": (_nothing, "privée"),
        "edit": (_typed("Je connais mieux mes droits, la PrEP et la naloxone."), "mise à jour"),
        "delete": (_answers(("[o/N]", "o")), "supprimée"),  # answered in French
        "feedback": (_feedback, "réponses enregistrées"),
        "passwd": (_passwd(tour), "Phrase de passe changée"),
        "backup": (_nothing, "Sauvegarde chiffrée écrite"),
        "check": (_nothing, "ok :"),
        "import": (_nothing, "1 entrée importée"),
        "dump": (_answers(("non chiffrée", "oui")), "entrées écrites"),
        "prompts install our-study.md": (_nothing, "suit maintenant"),
        "consent": (_answers(("Acceptez-vous", "peut-être"), ("Répondez", "o")), "Accepté"),
        "share": (_nothing, "sera incluse, caviardée"),
        "terms add": (_answers(("Nom ou lieu à toujours masquer", "Candy")), "ajouté"),
        "export --review": (_answers(("Envoyer exactement ceci", "o")), "chiffré pour l’équipe"),
        "withdraw": (
            _answers(("Retirer de l’étude", "o"), ("Arrêter aussi", "")),  # [O/n]: Enter is yes
            "n’est plus partagé",
        ),
    }
    commands = tour_commands()
    assert len(commands) >= 20, commands
    for line in commands:
        key = next(k for k in sorted(plan, key=len, reverse=True) if line[12:].startswith(k))
        talk, expected = plan[key]
        shown = tour.run(line, talk)
        assert expected in shown, f"{line}: {expected!r} not in\n{shown}"
        said[key] = shown
        if key.startswith("write"):
            entry = re.search(r"\b[0-9a-f]{32}\b", shown)
            assert entry, shown
            tour.ids["7c21" if "7c21" not in tour.ids and "3fa8" in tour.ids else "3fa8"] = (
                entry.group(0)[:8]
            )
        if key == "passwd":
            tour.passfile.write_text(NEW_PASSPHRASE + "\n")
    assert "code de récupération" in said["init"]
    for text in tour.shown:  # French throughout: none of the English words the CLI used to print
        assert not ENGLISH.search(text.replace("peerjournal", "")), text


def test_errors_and_help_are_french_too(tmp_path: Path):
    tour = Tour(tmp_path)

    def run(*args: str) -> tuple[int, str]:
        term = Terminal(*args, env=tour.env(), cwd=tour.work)
        code = term.wait()
        return code, term.text.replace("\xa0", " ")

    code, text = run("show", "abc")
    assert code != 0 and "peerjournal : erreur : aucun journal" in text
    code, text = run("list", "--jurnal", "x")
    assert code == 2 and "erreur : Aucune option" in text and "voir --help" in text
    code, text = run("--help")
    assert code == 0 and "Utilisation :" in text and "Commandes" in text
    assert "Écrire une nouvelle entrée" in text
    assert "Installer la complétion" in text and "Show this message" not in text


def test_the_readmes_french_getting_started_works_as_written(tmp_path: Path):
    """The README's « Pour commencer » block, run as written under LANG=fr_CA.UTF-8."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Pour commencer") :]
    section = section[: section.index("\n## ", 5)]
    block = re.findall(r"```sh\n(.*?)```", section, re.S)[0]
    lines = [line.split("  #")[0].strip() for line in block.splitlines()]
    commands = [line for line in lines if line.startswith("peerjournal ")]
    assert len(commands) >= 6, commands
    tour = Tour(tmp_path)
    plan: dict[str, tuple[Callable[[Terminal], None], str]] = {
        "init": (_answers(("Appuyez sur Entrée", "")), "Journal chiffré créé"),
        "prompts install": (_nothing, "Formation de pair·e·s aidant·e·s en santé"),
        "attend": (_nothing, "présence notée"),
        "write": (_written("Ma première réflexion."), ""),
        "list": (_nothing, "Ma première réflexion."),
        "--help": (_nothing, "Utilisation :"),
    }
    for line in commands:
        key = next(k for k in plan if line[12:].startswith(k))
        talk, expected = plan[key]
        shown = tour.run(line, talk)
        assert expected in shown, f"{line}: {expected!r} not in\n{shown}"
        words = shown.replace("peerjournal", "").replace("--passphrase-file", "")  # option names
        assert not ENGLISH.search(words), shown
