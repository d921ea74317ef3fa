"""Throughput of the redactor on a large generated text (target: at least 1 MB/s).

Run: python benchmarks/bench_redact.py [--mb 4] [--seed 7]
The text is generated here (journal-like sentences, about one PII item in five sentences, names
drawn from the shipped lists), never taken from a real journal or from the labelled corpora.
"""

from __future__ import annotations

import argparse
import random
import time

from peerjournal.redact import Redactor, Term, apply_spans
from peerjournal.redact.lexicon import lexicon

PLAIN = [
    "Today the group talked about boundaries and how to say no without feeling guilty.",
    "Session 3 covered naloxone and I practised with the trainer kit twice.",
    "I rated the workshop 4/5 because the room was cold but the facilitator was kind.",
    "We spent 45 minutes on role plays and I was nervous the whole time.",
    "Summer is busier and winter is slower, that's just how it goes.",
    "Sugar in my coffee and a muffin from the table, best part of Monday.",
    "PrEP refill is due soon and the pharmacy finally has it in stock.",
    "I'm 31 and this is the first program where nobody judged me for sex work.",
    "Some weeks are heavy. This one was lighter, and I slept better.",
    "Module 2 was about HIV testing and window periods, which I finally get.",
]
PII = [
    "After group I went for coffee with {first} {last} and we kept talking.",
    "{first} said the nurse looked tired. New number is {phone}.",
    "Everyone at home calls me {first} but online I'm Candy.",
    "New place: {num} Main Street, {postal}. Feels good to have a door that locks.",
    "My profile is still up on leolist.cc/{handle} even though I asked them to remove it.",
    "Made a burner address, {handle}@gmail.com, for screening.",
    "Hearing got moved to {date}, Officer {last} will be there.",
    "The form wanted my care card number {card}.",
    "Outreach van parks by the Golden Lotus Spa on Fridays.",
    "Someone with the account @{handle} keeps sending me messages.",
]


def generate(size: int, rng: random.Random) -> str:
    """About `size` characters of journal-like paragraphs."""
    lex = lexicon()
    firsts = sorted(n for n in lex.first_names if n not in lex.common_words)[:5000]
    lasts = sorted(n for n in lex.surnames if n not in lex.common_words)[:5000]
    parts: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.2:
            sentence = rng.choice(PII).format(
                first=rng.choice(firsts).title(),
                last=rng.choice(lasts).title(),
                phone=f"{rng.randint(200, 999)}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
                num=rng.randint(10, 9999),
                postal="V6B 1A1",
                handle=f"user{rng.randint(1, 999)}",
                date=f"May {rng.randint(1, 28)}, 2026",
                card=f"{rng.randint(1000, 9999)} 555 123",
            )
        else:
            sentence = rng.choice(PLAIN)
        parts.append(sentence)
        parts.append("\n\n" if rng.random() < 0.2 else " ")
        total += len(sentence) + 1
    return "".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=4.0, help="megabytes of text to generate")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    redactor = Redactor(terms=[Term("Candy"), Term("Golden Lotus Spa", "LOCATION")])
    text = generate(int(args.mb * 1_000_000), random.Random(args.seed))
    entries = text.split("\n\n")  # redact entry-sized pieces, as an export does
    size = len(text.encode("utf-8")) / 1_000_000
    began, cpu_began = time.perf_counter(), time.process_time()
    found = 0
    for entry in entries:
        spans = redactor.find(entry)
        apply_spans(entry, spans)
        found += len(spans)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    print(f"redacted {size:.2f} MB in {len(entries)} pieces, {found} spans")
    print(
        f"wall {elapsed:.2f} s: {size / elapsed:.2f} MB/s; cpu {cpu:.2f} s: {size / cpu:.2f} MB/s "
        "(cpu time is the fair figure when other work shares the machine)"
    )


if __name__ == "__main__":
    main()
