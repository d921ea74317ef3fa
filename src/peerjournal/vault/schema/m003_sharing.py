"""Schema 3: consent records, participant codes, the export log and redaction terms."""

STEPS = """
CREATE TABLE consents (
    study_id TEXT NOT NULL,
    consent_hash TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (study_id, consent_hash)
);

CREATE TABLE participant_codes (
    study_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    export_seq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE export_log (
    id TEXT PRIMARY KEY,
    exported_at TEXT NOT NULL,
    study_id TEXT NOT NULL,
    recipient_fingerprint TEXT NOT NULL,
    format TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE redact_terms (
    term TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (term, kind)
);
"""
