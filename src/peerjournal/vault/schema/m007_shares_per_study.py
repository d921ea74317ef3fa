"""Schema 7: sharing belongs to a study.

Before, "shared" was one flag per entry and per feedback form: after switching to study B, B's
export held what had been shared with study A, and the two exports linked trivially. Now the
`shares` table records what is shared with which study; the `shared` columns keep meaning
"shared with the study this journal follows now" (meta `sharing_study`), so every reader stays as
it was. Triggers keep the table in step with the columns; `sharing.follow_study` switches the
columns to another study's records (a new study: nothing shared). A journal upgraded to this
schema has no `sharing_study` yet: its first opening records its current shares for the study
it follows then.
"""

STEPS = """
CREATE TABLE shares (
    study_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('entry', 'feedback')),
    item_id TEXT NOT NULL,
    PRIMARY KEY (study_id, kind, item_id)
) WITHOUT ROWID;
CREATE TRIGGER entries_share_insert AFTER INSERT ON entries WHEN new.shared = 1 BEGIN
    INSERT OR IGNORE INTO shares (study_id, kind, item_id)
    SELECT value, 'entry', new.id FROM meta WHERE key = 'sharing_study';
END;
CREATE TRIGGER entries_share_update AFTER UPDATE OF shared ON entries
WHEN old.shared IS NOT new.shared BEGIN
    INSERT OR IGNORE INTO shares (study_id, kind, item_id)
    SELECT value, 'entry', new.id FROM meta WHERE key = 'sharing_study' AND new.shared = 1;
    DELETE FROM shares WHERE new.shared = 0 AND kind = 'entry' AND item_id = new.id
    AND study_id = (SELECT value FROM meta WHERE key = 'sharing_study');
END;
CREATE TRIGGER entries_share_delete AFTER DELETE ON entries BEGIN
    DELETE FROM shares WHERE kind = 'entry' AND item_id = old.id;
END;
CREATE TRIGGER feedback_share_insert AFTER INSERT ON feedback WHEN new.shared = 1 BEGIN
    INSERT OR IGNORE INTO shares (study_id, kind, item_id)
    SELECT value, 'feedback', new.id FROM meta WHERE key = 'sharing_study';
END;
CREATE TRIGGER feedback_share_update AFTER UPDATE OF shared ON feedback
WHEN old.shared IS NOT new.shared BEGIN
    INSERT OR IGNORE INTO shares (study_id, kind, item_id)
    SELECT value, 'feedback', new.id FROM meta WHERE key = 'sharing_study' AND new.shared = 1;
    DELETE FROM shares WHERE new.shared = 0 AND kind = 'feedback' AND item_id = new.id
    AND study_id = (SELECT value FROM meta WHERE key = 'sharing_study');
END;
CREATE TRIGGER feedback_share_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM shares WHERE kind = 'feedback' AND item_id = old.id;
END;
"""
