"""The shipped sets: found through importlib.resources, complete, translated, and kind in tone."""

from __future__ import annotations

import re

import pytest

from peerjournal.errors import NotFound
from peerjournal.promptset import find_shipped, shipped_sets
from peerjournal.promptset.shipped import shipped_files
from peerjournal.promptset.translation import check_translation

TRAINING = "peer-advocate-training"


def test_four_shipped_files_each_named_id_and_language() -> None:
    names = [f.name for f in shipped_files()]
    assert names == [
        "daily-reflection.en.md",
        "daily-reflection.fr.md",
        "peer-advocate-training.en.md",
        "peer-advocate-training.fr.md",
    ]
    for ps in shipped_sets():
        assert ps.source_name == f"shipped:{ps.id}.{ps.language.split('-')[0]}.md"


def test_training_set_has_eight_sessions_of_three_to_five_prompts_and_a_form() -> None:
    for language in ("en", "fr"):
        ps = find_shipped(TRAINING, language)
        assert [s.number for s in ps.sessions] == list(range(1, 9))
        for s in ps.sessions:
            assert 3 <= len(s.prompts) <= 5, (language, s.number)
            assert s.intro and 3 <= len(s.feedback) <= 5
            assert {q.type for q in s.feedback} == {"text", "scale", "choice"}
        assert len(ps.codebook) == 5
        assert (
            ps.study is None
        )  # a shipped set must not invite sharing with a study that is not there


def test_training_topics_follow_the_program() -> None:
    titles = [s.title.lower() for s in find_shipped(TRAINING).sessions]
    for words in (
        "agreements",
        "harm reduction",
        "stigma",
        "diversity",
        "services",
        "bad date",
        "peer education",
        "self-care",
    ):
        assert any(words in t for t in titles), words


def test_translations_line_up() -> None:
    for set_id in ("daily-reflection", TRAINING):
        english, french = find_shipped(set_id, "en"), find_shipped(set_id, "fr")
        assert french.language == "fr-CA"
        assert check_translation(english, french) == []
        assert [q.id for s in english.sessions for q in s.feedback] == [
            q.id for s in french.sessions for q in s.feedback
        ]


def test_find_shipped_language_rules() -> None:
    assert find_shipped(TRAINING).language == "en"
    assert find_shipped(TRAINING, "fr-CA").language == "fr-CA"
    assert find_shipped(TRAINING, "FR").language == "fr-CA"
    with pytest.raises(NotFound, match="not shipped in 'es'"):
        find_shipped(TRAINING, "es")
    with pytest.raises(NotFound, match="shipped sets: daily-reflection, peer-advocate-training"):
        find_shipped("nope")


def test_shipped_text_avoids_stigmatising_and_rescue_language() -> None:
    banned = re.compile(
        r"prostitut|hooker|whore|victim|rescue|exit(ing)? the|get out of|leave the (life|trade)|"
        r"the life\b|trafficked|fallen|sauver|victime|sortir du milieu|putain",
        re.IGNORECASE,
    )
    for ps in shipped_sets():
        assert not banned.search(ps.source), (ps.source_name, banned.search(ps.source))
