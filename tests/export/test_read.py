"""Reading is strict: anything that is not a whole, consistent export is one clear error."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from export_samples import make_bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.errors import MalformedExport, UnsupportedExportVersion
from peerjournal.export.bundle import Bundle, bundle_to_dict, dumps
from peerjournal.export.formats import FORMAT_NAMES, encode
from peerjournal.export.formats.zipped import zip_members
from peerjournal.export.read import read_bundle

SAMPLES = {fmt: encode(make_bundle(), fmt) for fmt in FORMAT_NAMES}


def _json_with(change) -> bytes:  # type: ignore[no-untyped-def]
    data = bundle_to_dict(make_bundle())
    change(data)
    return zip_members([("peerjournal-bundle.json", dumps(data).encode())])


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda d: d["manifest"].update(format="other"), "format"),
        (lambda d: d["manifest"].update(format_version="1"), "format_version"),
        (lambda d: d["manifest"].pop("study_id"), "study_id"),
        (lambda d: d["manifest"].update(extra=1), "unknown field"),
        (lambda d: d["manifest"]["counts"].update(entries=5), "counts"),
        (lambda d: d["manifest"].update(exported_week="2026-11-25"), "ISO week"),
        (lambda d: d["manifest"].update(participant_code="a b"), "participant_code"),
        (lambda d: d["manifest"].update(withdrawn=1), "withdrawn"),
        (lambda d: d["entries"][0].update(word_count=True), "word_count"),
        (lambda d: d["entries"][0].update(created_at="2026-11-25T10:00:00Z"), "unknown field"),
        (lambda d: d["entries"][1].update(item_id=d["entries"][0]["item_id"]), "unique"),
        (lambda d: d["entries"][0].update(tags="one"), "tags"),
        (lambda d: d["feedback"][0]["answers"][0].update(answer={"a": 1}), "answer"),
        (lambda d: d["manifest"].update(withdrawn=True), "withdrawal holds items"),
    ],
)
def test_inconsistent_bundle_is_malformed(change, says: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MalformedExport, match=says):
        read_bundle(_json_with(change), "x.zip")


def test_newer_format_version_has_its_own_message() -> None:
    data = _json_with(lambda d: d["manifest"].update(format_version=99))
    with pytest.raises(UnsupportedExportVersion, match="update peerjournal"):
        read_bundle(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe garbage",
        b"{}",
        b'{"type":"manifest"}\n',
        b"[1,2]\n[3]\n",
        b"PK\x03\x04 not really a zip",
        b"age-encryption.org/v1\n-> X25519 abc\n",
        b'{"type": "manifest", "x": NaN}\n{"type":"codebook","codes":[]}\n',
        b"[" * 100_000,
    ],
)
def test_junk_is_malformed(data: bytes) -> None:
    with pytest.raises(MalformedExport):
        read_bundle(data, "junk")


def test_zip_without_bundle_member_is_named() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("entries.csv", "a,b\n")
    with pytest.raises(MalformedExport, match=r"peerjournal-bundle\.json"):
        read_bundle(out.getvalue())


def test_jsonl_lines_with_unknown_type_are_refused() -> None:
    lines = SAMPLES["jsonl"].decode().splitlines()
    lines.insert(1, json.dumps({"type": "secret", "body": "x"}))
    with pytest.raises(MalformedExport, match="unknown type"):
        read_bundle("\n".join(lines).encode())


def _check_only_domain_errors(data: bytes) -> None:
    try:
        result = read_bundle(data, "fuzzed")
    except (MalformedExport, UnsupportedExportVersion):
        return
    assert isinstance(result, Bundle)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_random_bytes(data: bytes) -> None:
    _check_only_domain_errors(data)


@pytest.mark.slow
@FUZZ
@given(st.sampled_from(FORMAT_NAMES), st.data())
def test_fuzz_damaged_exports(fmt: str, data: st.DataObject) -> None:
    raw = bytearray(SAMPLES[fmt])
    cut = data.draw(st.integers(0, len(raw)))
    edits = data.draw(
        st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), max_size=4)
    )
    for where, value in edits:
        raw[where] = value
    _check_only_domain_errors(bytes(raw[:cut]) if data.draw(st.booleans()) else bytes(raw))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@pytest.mark.slow
@FUZZ
@given(st.data())
def test_fuzz_bundle_fields_replaced(data: st.DataObject) -> None:
    bundle = bundle_to_dict(make_bundle())
    section = data.draw(st.sampled_from(["manifest", "entry", "feedback", "answer", "code"]))
    target = {
        "manifest": bundle["manifest"],
        "entry": bundle["entries"][0],
        "feedback": bundle["feedback"][0],
        "answer": bundle["feedback"][0]["answers"][0],
        "code": bundle["codebook"][0],
    }[section]
    key = data.draw(st.sampled_from(sorted(target)))
    target[key] = data.draw(json_values)
    raw = zip_members([("peerjournal-bundle.json", dumps(bundle).encode())])
    _check_only_domain_errors(raw)


def test_a_version_1_export_still_reads() -> None:
    """Version 1: no signature, no language or codes, and an always-null day count per entry."""
    data = bundle_to_dict(make_bundle())
    for name in ("signing_key", "signature", "language"):
        del data["manifest"][name]
    data["manifest"]["format_version"] = 1
    for entry in data["entries"]:
        entry["days_since_first_session"] = None
    del data["questions"]
    for form in data["feedback"]:
        for answer in form["answers"]:
            del answer["code"]
    bundle = read_bundle(zip_members([("peerjournal-bundle.json", dumps(data).encode())]))
    assert bundle.manifest.format_version == 1 and bundle.manifest.signing_key is None
    assert len(bundle.entries) == 2


def test_a_french_researcher_reads_why_an_export_is_refused_in_french() -> None:
    """The message is French, and the field names (the file's own keys) are never translated."""
    from peerjournal import i18n

    i18n.set_language("fr")
    with pytest.raises(MalformedExport) as week:
        read_bundle(_json_with(lambda d: d["manifest"].update(exported_week="x")), "x.zip")
    with pytest.raises(MalformedExport) as extra:
        read_bundle(_json_with(lambda d: d["manifest"].update(extra=1)), "x.zip")
    assert str(week.value).endswith(
        "manifest.exported_week n’est pas une semaine ISO comme 2026-W48"
    )
    assert str(extra.value).endswith("bundle.manifest contient un champ inconnu, 'extra'")


def test_an_export_without_a_file_name_is_refused_in_one_whole_sentence() -> None:
    """Issue 13: with no file name to give, the message is its own sentence in each language,
    not the English words "the export" spliced into a French one."""
    from peerjournal import i18n
    from peerjournal.errors import DamagedAgeFile, NotAnAgeFile, WrongIdentity

    newer = _json_with(lambda d: d["manifest"].update(format_version=99))
    with pytest.raises(MalformedExport) as empty:
        read_bundle(b"")
    assert str(empty.value) == "this file is not a readable peerjournal export: it is empty"
    i18n.set_language("fr")
    with pytest.raises(MalformedExport) as empty:
        read_bundle(b"")
    with pytest.raises(UnsupportedExportVersion) as version:
        read_bundle(newer)
    nameless = [
        str(empty.value),
        str(version.value),
        str(NotAnAgeFile()),
        str(WrongIdentity()),
        str(DamagedAgeFile()),
    ]
    assert nameless[0] == (
        "ce fichier n’est pas une exportation peerjournal lisible\u00a0: il est vide"
    )
    assert nameless[1].startswith("cette exportation utilise la version 99 du format")
    for message in nameless:
        assert "export" not in message.replace("exportation", "").replace("peerjournal", "")
        assert "the " not in message and "None" not in message
    with pytest.raises(MalformedExport) as named:
        read_bundle(b"", "p1.jsonl")
    assert str(named.value).startswith("p1.jsonl n’est pas une exportation peerjournal lisible")
