"""Turn heldout_source.txt ({KIND|value} markup) into heldout.jsonl with computed offsets.

Run: python tests/redact/build_heldout.py   (the scorer then runs on tests/redact/heldout.jsonl)
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


def main() -> None:
    lines = [
        ln
        for ln in (HERE / "heldout_source.txt").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    blocks = [b.strip() for b in "\n".join(lines).split("\n\n") if b.strip()]
    with open(HERE / "heldout.jsonl", "w", encoding="utf-8") as out:
        for number, block in enumerate(blocks):
            out.write(json.dumps(entry(number, block), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
