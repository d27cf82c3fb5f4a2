// Scoring (issue 6): evaluation sheets with every saved version, joint-mode signatures, and the
// result of each file of a campaign (final score, or flagged for 复核, and the arbiter's decision).
import type { Migration } from '../migrate';

export const m0005: Migration = {
  version: 5,
  name: '0005-scoring',
  up(db) {
    db.exec(`
      CREATE TABLE sheets (
        id                  TEXT PRIMARY KEY,
        campaign_id         TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        case_id             TEXT NOT NULL REFERENCES cases(id),
        kind                TEXT NOT NULL CHECK (kind IN ('evaluator', 'joint', 'reconciled', 'arbiter')),
        person_id           TEXT REFERENCES people(id),
        template_version_id TEXT NOT NULL REFERENCES template_versions(id),
        status              TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'returned')),
        revision            INTEGER NOT NULL DEFAULT 0,
        content             TEXT NOT NULL,
        total               INTEGER,
        band_index          INTEGER,
        grade               TEXT,
        veto                INTEGER CHECK (veto IN (0, 1)),
        author_id           TEXT REFERENCES users(id),
        saved_at            TEXT,
        submitted_at        TEXT,
        returned_reason     TEXT,
        created_at          TEXT NOT NULL,
        CHECK ((kind = 'evaluator') = (person_id IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX sheets_evaluator ON sheets(campaign_id, case_id, person_id) WHERE kind = 'evaluator';
      CREATE UNIQUE INDEX sheets_joint ON sheets(campaign_id, case_id) WHERE kind = 'joint';
      CREATE INDEX sheets_case ON sheets(campaign_id, case_id);
      CREATE INDEX sheets_person ON sheets(person_id, campaign_id);

      CREATE TABLE sheet_versions (
        sheet_id  TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        revision  INTEGER NOT NULL,
        status    TEXT NOT NULL,
        content   TEXT NOT NULL,
        total     INTEGER,
        grade     TEXT,
        saved_by  TEXT REFERENCES users(id),
        saved_at  TEXT NOT NULL,
        PRIMARY KEY (sheet_id, seq)
      ) STRICT;

      CREATE TABLE sheet_signatures (
        sheet_id   TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        person_id  TEXT NOT NULL REFERENCES people(id),
        revision   INTEGER NOT NULL,
        signed_at  TEXT NOT NULL,
        PRIMARY KEY (sheet_id, person_id)
      ) STRICT;

      CREATE TABLE file_results (
        campaign_id    TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        case_id        TEXT NOT NULL REFERENCES cases(id),
        state          TEXT NOT NULL CHECK (state IN ('review', 'final')),
        flags          TEXT NOT NULL DEFAULT '[]',
        info           TEXT NOT NULL DEFAULT '[]',
        total          INTEGER,
        band_index     INTEGER,
        grade          TEXT,
        decision       TEXT CHECK (decision IN ('mean', 'joint', 'keep', 'reconciled', 'arbiter')),
        kept_sheet_id  TEXT REFERENCES sheets(id),
        arbiter_id     TEXT REFERENCES users(id),
        reason         TEXT,
        decided_at     TEXT,
        PRIMARY KEY (campaign_id, case_id)
      ) STRICT;
    `);
  },
};
