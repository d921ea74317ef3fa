"""The .qdpx is a valid REFI-QDA project that QDA tools can open."""

from __future__ import annotations

import io
import zipfile

import pytest
from export_samples import make_bundle
from lxml import etree

from peerjournal.export.bundle import Bundle
from peerjournal.export.formats import encode
from peerjournal.export.formats.qdpx import NS, feedback_text, qdpx_bytes
from tests.helpers import REFI_QDA_SCHEMA as SCHEMA

Q = {"q": NS}


def _schema() -> etree.XMLSchema:
    if not SCHEMA.exists():
        pytest.fail(f"REFI-QDA schema missing at {SCHEMA}")
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _open(data: bytes) -> tuple[zipfile.ZipFile, etree._Element]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return z, etree.fromstring(z.read("project.qde"))


def test_validates_against_refi_schema(bundle: Bundle) -> None:
    _, root = _open(encode(bundle, "qdpx"))
    schema = _schema()
    assert schema.validate(root), schema.error_log


def test_layout_sources_lower_case_utf8_without_bom(bundle: Bundle) -> None:
    z, root = _open(encode(bundle, "qdpx"))
    sources = root.findall("q:Sources/q:TextSource", Q)
    assert len(sources) == 3
    for source in sources:
        guid = source.get("guid")
        assert source.get("plainTextPath") == f"internal://{guid}.txt"
        raw = z.read(f"sources/{guid}.txt")
        assert not raw.startswith(b"\xef\xbb\xbf")
        raw.decode("utf-8")
    assert not any(n.startswith("Sources/") for n in z.namelist())
    entry_text = z.read(f"sources/{bundle.entries[0].item_id}.txt").decode("utf-8")
    assert entry_text == bundle.entries[0].body


def test_one_case_per_participant_referencing_its_sources(bundle: Bundle) -> None:
    other = make_bundle(participant_code="P-ZZZZZZZZ99")
    _, root = _open(qdpx_bytes([bundle, other], "peer-2026"))
    assert _schema().validate(root)
    cases = root.findall("q:Cases/q:Case", Q)
    assert [c.get("name") for c in cases] == ["P-ABCDEFGH23", "P-ZZZZZZZZ99"]
    refs = {r.get("targetGUID") for r in cases[0].findall("q:SourceRef", Q)}
    assert refs == {i.item_id for i in (*bundle.entries, *bundle.feedback)}


def test_codebook_becomes_codes_and_variables_are_declared(bundle: Bundle) -> None:
    _, root = _open(encode(bundle, "qdpx"))
    codes = root.findall("q:CodeBook/q:Codes/q:Code", Q)
    names = [c.get("name") for c in codes]
    assert names == ["Solidarity", "Critical consciousness", "Feedback questions"]
    assert [c.get("isCodable") for c in codes] == ["true", "true", "false"]
    declared = {v.get("guid"): v.get("name") for v in root.findall("q:Variables/q:Variable", Q)}
    source = root.find(f"q:Sources/q:TextSource[@guid='{bundle.entries[0].item_id}']", Q)
    values = {
        declared[v.find("q:VariableRef", Q).get("targetGUID")]: v[1].text
        for v in source.findall("q:VariableValue", Q)
    }
    assert values["session_number"] == "1" and values["week"] == "2026-W40"
    assert values["item_type"] == "entry" and values["tags"] == "stigma; [PERSON 2]"


def test_selection_positions_count_characters_of_stored_text(bundle: Bundle) -> None:
    z, root = _open(encode(bundle, "qdpx"))
    form = bundle.feedback[0]
    stored = z.read(f"sources/{form.item_id}.txt").decode("utf-8")
    assert stored == feedback_text(form)[0]
    source = root.find(f"q:Sources/q:TextSource[@guid='{form.item_id}']", Q)
    picked = [
        stored[int(s.get("startPosition")) : int(s.get("endPosition"))]
        for s in source.findall("q:PlainTextSelection", Q)
    ]
    assert picked == ['Talking with "peers",\nhonestly.', "4", "small groups"]


def test_control_characters_in_xml_fields_are_replaced(bundle: Bundle) -> None:
    from dataclasses import replace

    form = replace(bundle.feedback[0], session_title="bell\x07here")
    odd = replace(bundle, feedback=(form,))
    _, root = _open(encode(odd, "qdpx"))
    assert _schema().validate(root)


def test_empty_and_withdrawn_projects_validate() -> None:
    _, root = _open(encode(make_bundle(withdrawn=True), "qdpx"))
    assert _schema().validate(root)
    _, root = _open(qdpx_bytes([], "empty study"))
    assert _schema().validate(root)


def test_each_answer_is_coded_with_its_question_and_a_user_made_the_codings(
    bundle: Bundle,
) -> None:
    """QualCoder imported answers as empty annotations while selections carried no coding."""
    other = make_bundle(participant_code="P-ZZZZZZZZ99", language="fr")
    _, root = _open(qdpx_bytes([bundle, other], "peer-2026"))
    assert _schema().validate(root)
    (user,) = root.findall("q:Users/q:User", Q)
    parent = root.find("q:CodeBook/q:Codes/q:Code[@name='Feedback questions']", Q)
    questions = {c.get("guid"): c for c in parent.findall("q:Code", Q)}
    assert [c.get("name") for c in questions.values()] == [
        "Session 1: useful",
        "Session 1: confidence",
        "Session 1: format",
    ]
    assert questions and all(c.get("isCodable") == "true" for c in questions.values())
    selections = root.findall(".//q:PlainTextSelection", Q)
    assert len(selections) == 2 * len(bundle.feedback[0].answers)
    for selection in selections:
        (coding,) = selection.findall("q:Coding", Q)
        assert coding.get("creatingUser") == user.get("guid")
        target = coding.find("q:CodeRef", Q).get("targetGUID")
        assert questions[target].get("name").endswith(selection.get("name"))
    declared = {v.get("name"): v.get("guid") for v in root.findall("q:Variables/q:Variable", Q)}
    cases = root.findall("q:Cases/q:Case", Q)
    languages = [
        v.find("q:TextValue", Q).text
        for c in cases
        for v in c.findall("q:VariableValue", Q)
        if v.find("q:VariableRef", Q).get("targetGUID") == declared["language"]
    ]
    assert languages == ["en", "fr"]
