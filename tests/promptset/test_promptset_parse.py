"""Reading valid prompt sets: every part of the format lands in the model as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerjournal.errors import NotFound, PromptSetInvalid
from peerjournal.promptset import RedactTerm, load_file, parse
from tests.promptset.conftest import AGE_KEY, VALID


def test_metadata_and_description() -> None:
    ps = parse(VALID, "t.md")
    assert (ps.id, ps.title, ps.version, ps.language) == (
        "test-training",
        "Test training",
        "1.2",
        "en",
    )
    assert ps.authors == ("Ana", "Bea")
    assert ps.description == "What this journal is for."
    assert ps.source == VALID and ps.source_name == "t.md"


def test_study_with_multi_paragraph_consent() -> None:
    study = parse(VALID).study
    assert study is not None
    assert study.id == "pilot-2026" and study.name == "Peer journals pilot"
    assert study.age_recipient == AGE_KEY
    assert study.retention == "five years, then deleted"
    assert study.consent_text.startswith("I agree") and "\n\nNothing else" in study.consent_text


def test_codebook_and_terms() -> None:
    ps = parse(VALID)
    assert [(t.name, t.description) for t in ps.codebook] == [
        ("Solidarity", "relationships with peers and the organisation"),
        ("Self-worth", "less internalised stigma"),
    ]
    assert ps.redact_terms == (
        RedactTerm("Jarry Park", "LOCATION"),
        RedactTerm("Marie-Claude", "PERSON"),
    )
    assert ps.redact_terms[0] == ("Jarry Park", "LOCATION")


def test_sessions_prompts_and_intro() -> None:
    ps = parse(VALID)
    assert [(s.number, s.title) for s in ps.sessions] == [
        (1, "Agreements and goals"),
        (2, "Health"),
    ]
    first = ps.session(1)
    assert first is not None and ps.session(3) is None
    assert first.intro == "Welcome, *everyone*.\n\nSecond paragraph of the intro."
    assert [(p.key, p.text) for p in first.prompts] == [
        (1, "What brought you here?"),
        (2, "What do you hope to take from this?"),
        (3, "What do you already know?"),
    ]
    assert first.prompt(2) is not None and first.prompt(4) is None
    assert ps.sessions[1].prompts[0].text == "One thing to remember?"


def test_feedback_questions() -> None:
    text_q, scale_q, choice_q = parse(VALID).sessions[0].feedback
    assert (text_q.id, text_q.type, text_q.text) == ("q1", "text", "What worked well?")
    assert (scale_q.id, scale_q.type, scale_q.scale_min, scale_q.scale_max) == (
        "useful",
        "scale",
        1,
        5,
    )
    assert (scale_q.min_label, scale_q.max_label) == ("Not useful", "Very useful")
    assert choice_q.id == "q3" and choice_q.type == "choice"
    assert choice_q.options == ("Too slow", "About right", "Too fast")
    assert parse(VALID).sessions[1].feedback == ()


def test_content_hash_follows_the_source() -> None:
    a, b = parse(VALID), parse(VALID.replace("Welcome", "Hello"))
    assert len(a.content_hash) == 64 and a.content_hash == parse(VALID).content_hash
    assert a.content_hash != b.content_hash


def test_french_structure_words() -> None:
    text = """# Essai

- id: essai
- version: 2
- langue: fr-CA
- auteurs: Équipe

## Termes à masquer

- lieu: Parc Jarry

## Séance 1 : Entente de groupe

### Questions de réflexion

1. Qu'est-ce qui vous amène?

### Rétroaction

1. Utile?
   - type: échelle
   - plage: 0 à 10
   - bas: Pas du tout
   - haut: Tout à fait
2. Rythme?
   - type: choix
   - option: Lent
   - option: Rapide
"""
    ps = parse(text)
    assert ps.language == "fr-CA" and ps.authors == ("Équipe",)
    assert ps.sessions[0].title == "Entente de groupe"
    assert ps.redact_terms == (RedactTerm("Parc Jarry", "LOCATION"),)
    scale, choice = ps.sessions[0].feedback
    assert (scale.type, scale.scale_min, scale.scale_max) == ("scale", 0, 10)
    assert choice.options == ("Lent", "Rapide")


def test_comments_rules_and_emphasised_keys_are_fine() -> None:
    text = VALID.replace("- id: test-training", "- **id**: test-training\n\n<!-- a note -->\n\n---")
    assert parse(text).id == "test-training"


def test_load_file_handles_bom_and_windows_line_endings(write) -> None:
    path = write("")
    path.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8"))
    ps = load_file(path)
    assert ps.id == "test-training" and ps.source_name == str(path)
    assert ps.sessions[0].prompts[1].text == "What do you hope to take from this?"


def test_load_file_reports_non_utf8_with_its_line(write) -> None:
    path = write("")
    path.write_bytes(VALID.encode("utf-8").replace(b"Health", b"Sant\xe9"))
    with pytest.raises(PromptSetInvalid) as caught:
        load_file(path)
    line = VALID.splitlines().index("## Session 2: Health") + 1
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:{line}: the file is not UTF-8 text (save it from your editor as UTF-8)"
    ]


def test_missing_file_is_not_found(tmp_path) -> None:
    with pytest.raises(NotFound):
        load_file(tmp_path / "nope.md")


def test_the_complete_example_in_the_docs_validates() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "prompt-sets.md").read_text("utf-8")
    start = docs.index("## A complete example")
    block = docs[docs.index("```markdown\n", start) + len("```markdown\n") :]
    ps = parse(block[: block.index("\n```\n")] + "\n", "docs example")
    assert ps.id == "peer-support-spring" and ps.study is not None and len(ps.sessions) == 2
    assert [q.type for q in ps.sessions[0].feedback] == ["scale", "choice", "text"]
