"""Which signing key speaks for which participant code, and the exports refused for it.

Anyone can encrypt a file to the study's public age key, so a snapshot is believed only when it
is signed (export/signing.py) by the key its participant code is pinned to. A code is pinned to
the key of its first export: the pins of an earlier merge into the same folder
(`participant_keys.csv`) come first; a code seen for the first time is pinned to the key of its
lowest-numbered signed snapshot. A snapshot or withdrawal signed by another key, a signature that
does not match its content, and (unless asked for) an unsigned file are refused, each with a
line in the report; everything else is merged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from peerjournal.errors import InvalidInput
from peerjournal.export.bundle import Bundle
from peerjournal.export.signing import is_valid_key, verify
from peerjournal.i18n import _

PINS_FILE = "participant_keys.csv"
PIN_COLUMNS = ("participant_code", "signing_key")
MAX_PINS_BYTES = 16 << 20


@dataclass(frozen=True)
class Received:
    """One export as read from a file: its bundle and the file's name (for the report)."""

    name: str
    bundle: Bundle


@dataclass(frozen=True)
class Refusal:
    """An export set aside, and why, in one sentence for the researcher."""

    name: str
    participant_code: str
    reason: str

    def line(self) -> str:
        return _("refused {file} (participant {code}): {reason}").format(
            file=self.name, code=self.participant_code, reason=self.reason
        )


@dataclass(frozen=True)
class Screened:
    """The exports that may be merged, those refused, and every pin after this merge."""

    accepted: tuple[Bundle, ...]
    refused: tuple[Refusal, ...]
    pins: Mapping[str, str]


def _first_keys(received: Iterable[Received]) -> dict[str, str]:
    """Per code, the key of its lowest-numbered validly signed snapshot."""
    first: dict[str, tuple[int, str]] = {}
    for r in received:
        m = r.bundle.manifest
        if m.signing_key is None or not verify(r.bundle):
            continue
        held = first.get(m.participant_code)
        if held is None or m.export_seq < held[0]:
            first[m.participant_code] = (m.export_seq, m.signing_key)
    return {code: key for code, (_seq, key) in first.items()}


def _reason(bundle: Bundle, pins: Mapping[str, str], accept_unsigned: bool) -> str | None:
    """Why `bundle` is refused, or None when it may be merged."""
    m = bundle.manifest
    pinned = pins.get(m.participant_code)
    if m.signing_key is None:
        if pinned is not None:
            return _("it is not signed, but this participant signs every export: it may be forged")
        if not accept_unsigned:
            return _(
                "it is not signed (made by a peerjournal older than format version 2); "
                "merge with --accept-unsigned to use unsigned exports"
            )
        return None
    if not verify(bundle):
        return _("its signature does not match its content: it was changed or forged")
    if pinned is not None and m.signing_key != pinned:
        return _(
            "it is signed by a different key than this participant's first export: "
            "it may be forged, so it was not merged"
        )
    return None


def screen(
    received: Sequence[Received],
    pins: Mapping[str, str] | None = None,
    accept_unsigned: bool = False,
) -> Screened:
    """Sort the exports into those to merge and those refused, and pin every new code."""
    all_pins = {**_first_keys(received), **(pins or {})}
    accepted, refused = [], []
    for r in received:
        reason = _reason(r.bundle, all_pins, accept_unsigned)
        if reason is None:
            accepted.append(r.bundle)
        else:
            refused.append(Refusal(r.name, r.bundle.manifest.participant_code, reason))
    return Screened(tuple(accepted), tuple(refused), dict(sorted(all_pins.items())))


def pins_csv(pins: Mapping[str, str]) -> str:
    """The pins as `participant_keys.csv` (read back by the next merge into the same folder)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PIN_COLUMNS)
    writer.writerows(sorted(pins.items()))
    return out.getvalue()


def read_pins(path: Path) -> dict[str, str]:
    """The pins an earlier merge wrote at `path` (none when there is no such file)."""
    if not path.is_file():
        return {}
    bad = InvalidInput(
        _(
            "{file} is not a readable list of participant keys; move it out of the folder "
            "to pin every participant afresh"
        ).format(file=path)
    )
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PINS_BYTES + 1)
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    except (OSError, UnicodeError, csv.Error):
        raise bad from None
    if len(raw) > MAX_PINS_BYTES or not rows or tuple(rows[0]) != PIN_COLUMNS:
        raise bad
    pins = {}
    for row in rows[1:]:
        if len(row) != 2 or not is_valid_key(row[1]):
            raise bad
        pins[row[0]] = row[1]
    return pins
