"""The Redactor as others use it: its promises on spans, threads, and what it imports."""

from __future__ import annotations

import itertools
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from peerjournal.redact import KINDS, Redactor, Span

TEXT = (
    "Everyone at home calls me Lucia but online I'm Pepper. Emergency contact: Paloma S., "
    "+1 236 960 9949. New place: unit 35, 3821 Selkirk Avenue, K7S2E4. Hearing got moved to "
    "May 2, 2026, Officer Lam will drive me. Found my photos on leolist.cc/sugar46 and "
    "@sugar_yyj. Care card 9670 752 456. I don't go to the Rusty Anchor Pub anymore. "
    "Mail sweet.tamika@icloud.com."
)


def test_kinds_are_exactly_these():
    assert KINDS == (
        "PERSON",
        "PHONE",
        "EMAIL",
        "URL",
        "HANDLE",
        "ADDRESS",
        "POSTAL",
        "DATE",
        "ID",
        "LOCATION",
    )


def test_spans_are_sorted_non_overlapping_and_cover_every_kind(redactor):
    spans = redactor.find(TEXT)
    assert spans == sorted(spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert {s.kind for s in spans} == set(KINDS)
    assert all(
        isinstance(s, Span) and TEXT[s.start : s.end].strip() == TEXT[s.start : s.end]
        for s in spans
    )


def test_empty_and_plain_texts(redactor):
    assert redactor.find("") == []
    assert redactor.find("We talked about boundaries and it helped.") == []


def test_offsets_are_python_string_offsets(redactor):
    text = "🌸🌸 café — Zara’s number is 604-822-8503"
    values = [(text[s.start : s.end], s.kind) for s in redactor.find(text)]
    assert values == [("Zara", "PERSON"), ("604-822-8503", "PHONE")]


def test_one_redactor_serves_many_threads(redactor):
    texts = [TEXT.replace("Lucia", name) for name in ("Lucia", "Keisha", "Oluwaseun", "Mei")] * 8
    expected = [redactor.find(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(redactor.find, texts)) == expected


@pytest.mark.slow
def test_redact_imports_neither_textual_nor_typer():
    code = (
        "import sys, peerjournal.redact as r; r.Redactor().find('Zara said hi');"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'typer', 'click')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_journal_page_without_pii_stays_as_written(redactor):
    text = (
        "Session 3 was about HIV, PrEP and naloxone. Module 2 covered consent.\n"
        "I rated it 4/5. We spent 45 minutes on role plays and 2 hours on forms.\n"
        "I'm 29 and I turned 30 in May. Friday was hard; Monday was better.\n"
        "Sugar in my coffee. Ruby slippers on the handout. Summer is busier than winter.\n"
        "Star ratings were high. Week 6 is next. Fentanyl test strips were new to some people.\n"
        "Hope is hard some weeks. We took the bus to Toronto for Pride."
    )
    assert redactor.find(text) == []


@pytest.mark.parametrize(
    "text",
    ["Aİ", "İSaINT-AA", "İlkay met Candy at the Sandman. İİ then Candy again"],
)
def test_letters_whose_lower_case_is_longer_keep_every_offset(text):
    """'İ'.lower() is two characters: every rule that searches a lower-case copy must still
    point into the text as written (found by the fuzz suite: an IndexError, not a span)."""
    from peerjournal.redact.lexicon import lower_aligned

    assert len(lower_aligned(text)) == len(text)
    spans = Redactor().find(text)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    if "Candy" in text:
        found = [text[s.start : s.end] for s in spans]
        assert found.count("Candy") == 2, found
