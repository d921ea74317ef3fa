"""Schema 2: the program's prompt sets, attended sessions and feedback answers."""

STEPS = """
CREATE TABLE prompt_sets (
    set_id TEXT NOT NULL,
    language TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    PRIMARY KEY (set_id, language)
);

CREATE TABLE attendance (
    session_number INTEGER PRIMARY KEY,
    attended_on TEXT NOT NULL
);

CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    session_number INTEGER NOT NULL,
    prompt_set_id TEXT NOT NULL,
    session_title TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    UNIQUE (prompt_set_id, session_number)
);
"""
