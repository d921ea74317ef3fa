"""`research report`: one self-contained HTML file, a chart per scale and choice question, and
small cells suppressed so that no answer can be traced to one person."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from lxml import html as lxml_html
from merge_samples import KEYS, WriteExport, bundle_of
from typer.testing import CliRunner

from peerjournal.cli.main import app
from peerjournal.export.bundle import Answer, Bundle, Counts, ExportFeedback, Option, Question
from peerjournal.export.signing import sign

runner = CliRunner()
QUESTIONS = (
    Question(1, "confidence", "How confident do you feel?", "scale", 1, 5),
    Question(
        1,
        "pace",
        "How was the pace?",
        "choice",
        options=(Option("slow", "Too slow"), Option("right", "About right")),
    ),
    Question(1, "rare", "A question few answered", "scale", 1, 3),
    Question(1, "takeaway", "What will you take with you?", "text"),
)


def participant(n: int, confidence: int, pace: str, rare: bool) -> Bundle:
    code = f"P-REPORT{n:04d}"
    answers = [
        Answer("confidence", "How confident do you feel?", "scale", confidence),
        Answer("pace", "How was the pace?", "choice", pace.title(), pace),
        Answer("takeaway", "What will you take with you?", "text", f"secret words {n}"),
    ]
    if rare:
        answers.append(Answer("rare", "A question few answered", "scale", 2))
    form = ExportFeedback(str(uuid.uuid4()), 1, "Agreements", "2026-W40", tuple(answers))
    base = bundle_of(code, 1, [])
    m = replace(base.manifest, counts=Counts(0, 1), language="en")
    return sign(replace(base, manifest=m, feedback=(form,), questions=QUESTIONS), KEYS[code])


def test_the_report_charts_counts_and_suppresses_small_cells(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    # Seven people: confidence 4 six times and 2 once; pace "slow" six times, "right" once;
    # only two answered the rare question.
    people = [
        participant(n, 2 if n == 0 else 4, "right" if n == 0 else "slow", n < 2) for n in range(7)
    ]
    files = [write_export(b) for b in people]
    out = tmp_path / "report.html"
    result = runner.invoke(
        app, ["research", "report", "-i", str(study_key[0]), *map(str, files), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    page = out.read_text("utf-8")
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//script") == [] and tree.xpath("//*[@src]") == []
    assert tree.xpath("//link") == [] and "url(http" not in page and "@import" not in page
    figures = tree.xpath("//figure")
    assert len(figures) == 3  # two scales and one choice; the text question has no chart
    confidence, pace, rare = figures
    assert len(confidence.xpath(".//svg/rect")) == 5 and len(pace.xpath(".//svg/rect")) == 2
    cells = [td.text_content() for td in confidence.xpath(".//td")]
    assert cells == ["1", "1", "0", "2", "2", "<5", "3", "3", "0", "4", "4", "6", "5", "5", "0"]
    pace_cells = [td.text_content() for td in pace.xpath(".//td")]
    assert pace_cells == ["slow", "Too slow", "6", "right", "About right", "<5"]
    # The suppressed bar is drawn at the threshold's height, like any count from 1 to 4.
    heights = [int(r.get("height")) for r in confidence.xpath(".//svg/rect")]
    assert heights[1] == round(160 * 5 / 6) and heights[0] == heights[2] == 0
    labels = [t.text_content() for t in confidence.xpath(".//svg/text")]
    assert labels[0::2] == ["0", "<5", "0", "6", "0"]  # the counts above the bars
    assert labels[1::2] == ["1", "2", "3", "4", "5"]  # the scale points below
    assert rare.xpath(".//svg") == [] and "Fewer than 5 answers" in rare.text_content()
    assert "secret words" not in page
    assert "7 participants" in page


def test_a_report_never_replaces_a_file(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    out = tmp_path / "report.html"
    out.write_text("keep me")
    export = write_export(participant(1, 3, "slow", False))
    result = runner.invoke(
        app, ["research", "report", "-i", str(study_key[0]), str(export), "-o", str(out)]
    )
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_text() == "keep me"
