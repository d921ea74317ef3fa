"""Time as the journal stores it: UTC, ISO-8601, to the microsecond so order is stable."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def now() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """UTC ISO text that sorts in time order."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is the person's local time
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def day_start(day: date) -> str:
    """The first instant of a local calendar day, as stored text (for --since)."""
    return to_db(datetime.combine(day, time.min).astimezone())


def day_end(day: date) -> str:
    """The last instant of a local calendar day, as stored text (for --until)."""
    return to_db(datetime.combine(day, time.max).astimezone())


def local(moment: datetime) -> datetime:
    return moment.astimezone()
