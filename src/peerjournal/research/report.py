"""`research report`: one self-contained HTML page of the feedback, for researchers and
facilitators.

Each session's scale and choice questions become a bar chart (inline SVG) with the counts beside
it. Nothing comes from elsewhere: no scripts, no fonts, no images, no links out, so the file
opens anywhere offline. Free-text answers are not shown (they are words a person could be known
by). Small cells are suppressed: a count under the threshold (default 5) is written `<5` and its
bar drawn at the threshold's height, hatched, so neither the number nor the bar tells it; a
question with fewer answers than the threshold in all shows no chart at all.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from peerjournal.errors import RefuseOverwrite
from peerjournal.export.bundle import Bundle, Question
from peerjournal.i18n import _, ngettext
from peerjournal.research.wide import variables
from peerjournal.vault import files

DEFAULT_THRESHOLD = 5
BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 48, 16, 160

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
figure { margin: 1.5rem 0; } figcaption { font-weight: 600; margin-bottom: .5rem; }
table { border-collapse: collapse; margin-top: .5rem; }
td, th { border: 1px solid #ccc; padding: .2rem .6rem; text-align: left; }
.note { color: #555; }
"""


@dataclass(frozen=True)
class Chart:
    """The counts of one question's answers, in the order of its scale points or options."""

    question: Question
    bars: tuple[tuple[str, str, int], ...]  # (code, label, count)

    @property
    def total(self) -> int:
        return sum(count for _code, _label, count in self.bars)


def _bars(q: Question, counts: Counter[str]) -> tuple[tuple[str, str, int], ...]:
    if q.question_type == "scale" and q.scale_min is not None and q.scale_max is not None:
        points = [str(n) for n in range(q.scale_min, q.scale_max + 1)]
        return tuple((p, p, counts[p]) for p in points)
    if q.options:
        return tuple((o.code, o.label, counts[o.code]) for o in q.options)
    return tuple((code, code, n) for code, n in sorted(counts.items()))


def charts(bundles: Sequence[Bundle]) -> list[Chart]:
    """A chart for every scale and choice question of the kept snapshots, in session order."""
    counts: dict[str, Counter[str]] = {}
    for b in bundles:
        for form in b.feedback:
            for a in form.answers:
                value = a.code if a.type == "choice" else a.answer
                if a.type in ("scale", "choice") and isinstance(value, str | int):
                    key = f"s{form.session_number or 0}_{a.question_id}"
                    counts.setdefault(key, Counter())[str(value)] += 1
    return [
        Chart(v.question, _bars(v.question, counts.get(v.name, Counter())))
        for v in variables(bundles)
        if v.question.question_type in ("scale", "choice")
    ]


def shown(count: int, threshold: int) -> str:
    """A count as the report writes it: `<5` under the threshold (but 0 stays 0)."""
    return f"<{threshold}" if 0 < count < threshold else str(count)


def _svg(chart: Chart, threshold: int) -> str:
    top = max([threshold, *(n for _c, _l, n in chart.bars)])
    width = len(chart.bars) * (BAR_WIDTH + BAR_GAP) + BAR_GAP
    parts = [
        f'<svg role="img" width="{width}" '
        f'height="{CHART_HEIGHT + 40}" viewBox="0 0 {width} {CHART_HEIGHT + 40}">',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="3" height="6" fill="#9bb"/></pattern></defs>',
    ]
    for i, (code, _label, count) in enumerate(chart.bars):
        suppressed = 0 < count < threshold
        height = round(CHART_HEIGHT * (threshold if suppressed else count) / top)
        x, y = BAR_GAP + i * (BAR_WIDTH + BAR_GAP), CHART_HEIGHT - height + 16
        fill = "url(#hatch)" if suppressed else "#3a7"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BAR_WIDTH}" height="{height}" fill="{fill}"/>'
            f'<text x="{x + BAR_WIDTH // 2}" y="{y - 4}" text-anchor="middle" '
            f'font-size="12">{escape(shown(count, threshold))}</text>'
            f'<text x="{x + BAR_WIDTH // 2}" y="{CHART_HEIGHT + 32}" text-anchor="middle" '
            f'font-size="12">{escape(code)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _figure(chart: Chart, threshold: int) -> str:
    q = chart.question
    caption = f"<figcaption>{escape(q.question)}</figcaption>"
    if chart.total < threshold:
        note = _("Fewer than {threshold} answers: not shown, so that no answer can be traced.")
        text = escape(note.format(threshold=threshold))
        return f'<figure>{caption}<p class="note">{text}</p></figure>'
    rows = "".join(
        f"<tr><td>{escape(code)}</td><td>{escape(label)}</td>"
        f"<td>{escape(shown(count, threshold))}</td></tr>"
        for code, label, count in chart.bars
    )
    head = "<tr><th>{}</th><th>{}</th><th>{}</th></tr>".format(
        escape(_("Code")), escape(_("Answer")), escape(_("Count"))
    )
    answers = ngettext("{count} answer", "{count} answers", chart.total).format(count=chart.total)
    return (
        f"<figure>{caption}{_svg(chart, threshold)}"
        f'<p class="note">{escape(answers)}</p><table>{head}{rows}</table></figure>'
    )


def report_html(
    study_id: str, bundles: Sequence[Bundle], threshold: int = DEFAULT_THRESHOLD
) -> str:
    """The whole page."""
    title = _("Feedback report: {study}").format(study=study_id)
    people = len(bundles)
    intro = _(
        "{participants} participants. Counts under {threshold} are shown as <{threshold}; "
        "free-text answers are not shown."
    ).format(participants=shown(people, threshold), threshold=threshold)
    body = [f"<h1>{escape(title)}</h1>", f'<p class="note">{escape(intro)}</p>']
    session = None
    for chart in charts(bundles):
        if chart.question.session_number != session:
            session = chart.question.session_number
            heading = _("Session {number}").format(number=session)
            body.append(f"<h2>{escape(heading)}</h2>")
        body.append(_figure(chart, threshold))
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def write_report(path: Path, html: str) -> None:
    """Write the page to a new owner-only file (never over an existing one, never via a link)."""
    try:
        fd = os.open(path, files.NEW_FILE, files.PRIVATE_FILE)
    except FileExistsError:
        raise RefuseOverwrite(path) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(html.encode("utf-8"))
