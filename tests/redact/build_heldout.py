"""Turn the held-out sources ({KIND|value} markup) into JSON lines with computed offsets.

heldout_source.txt becomes corpora/heldout.jsonl, heldout_b_source.txt becomes
corpora/heldout_b.jsonl (split into train and dev by scripts/split_corpora.py).
Run: python tests/redact/build_heldout.py   (the scorer then runs on the .jsonl files)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\{([A-Z]+)\|([^{}]+)\}")


def entry(number: int, block: str) -> dict:
    text, spans, position = "", [], 0
    for m in MARK.finditer(block):
        text += block[position : m.start()]
        start = len(text)
        text += m.group(2)
        spans.append({"start": start, "end": len(text), "kind": m.group(1), "value": m.group(2)})
        position = m.end()
    text += block[position:]
    return {"id": f"h{number:04d}", "text": text, "spans": spans}


SOURCES = {
    "heldout_source.txt": "corpora/heldout.jsonl",
    "heldout_b_source.txt": "corpora/heldout_b.jsonl",
}


def convert(source: Path, target: Path) -> None:
    lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    blocks = [b.strip() for b in "\n".join(lines).split("\n\n") if b.strip()]
    with open(target, "w", encoding="utf-8") as out:
        for number, block in enumerate(blocks):
            out.write(json.dumps(entry(number, block), ensure_ascii=False) + "\n")


def main() -> None:
    for source, target in SOURCES.items():
        convert(HERE / source, HERE / target)


if __name__ == "__main__":
    main()
