"""Build src/peerjournal/redact/data/french_words.txt: ordinary French words, lower case, folded.

A word is kept when it is both in Debian's French word list (`wfrench`, which keeps proper nouns
out of its lower-case entries) and among the 50,000 most frequent French words of `wordfreq`, so
the list holds what people write and leaves out names ("Nathalie", "Tremblay" are in neither
lower case). Built from general public sources, never from journal text or labelled corpora.

    apt-get install wfrench
    pip install wordfreq
    python scripts/build_french_words.py
"""

from __future__ import annotations

from pathlib import Path

import wordfreq

from peerjournal.redact.lexicon import fold

OUT = Path(__file__).resolve().parents[1] / "src/peerjournal/redact/data/french_words.txt"
TOP = 50_000


def main() -> None:
    dictionary = {w.strip() for w in Path("/usr/share/dict/french").read_text("utf-8").splitlines()}
    dictionary = {w for w in dictionary if w and w[0].islower()}
    kept = sorted({fold(w) for w in wordfreq.top_n_list("fr", TOP) if w in dictionary})
    header = "# ordinary French words, lower case, accents folded (scripts/build_french_words.py)\n"
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words -> {OUT}")


if __name__ == "__main__":
    main()
