// Evaluation campaigns (评查活动): scope and settings, the draw (its record and the populations it
// was drawn from), the drawn files and evaluators, declared conflicts, and the assignment.
import type { Migration } from '../migrate';

export const m0004: Migration = {
  version: 4,
  name: '0004-campaigns',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id               TEXT PRIMARY KEY,
        name             TEXT NOT NULL,
        year             INTEGER NOT NULL,
        organiser        TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('draft', 'drawn', 'assigned', 'scoring', 'review', 'done')),
        scope            TEXT NOT NULL,
        settings         TEXT NOT NULL,
        file_plan        TEXT,
        evaluator_plan   TEXT,
        seed_commitment  TEXT,
        draw_record      TEXT,
        draw_populations TEXT,
        drawn_by         TEXT REFERENCES users(id),
        drawn_at         TEXT,
        created_by       TEXT REFERENCES users(id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE campaign_files (
        campaign_id         TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        case_id             TEXT NOT NULL REFERENCES cases(id),
        position            INTEGER NOT NULL,
        stream              TEXT,
        counter             INTEGER,
        must_include_reason TEXT,
        PRIMARY KEY (campaign_id, case_id)
      ) STRICT;
      CREATE INDEX campaign_files_case ON campaign_files(case_id);

      CREATE TABLE campaign_evaluators (
        campaign_id         TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_id           TEXT NOT NULL REFERENCES people(id),
        position            INTEGER NOT NULL,
        counter             INTEGER,
        must_include_reason TEXT,
        PRIMARY KEY (campaign_id, person_id)
      ) STRICT;

      CREATE TABLE campaign_conflicts (
        id            TEXT PRIMARY KEY,
        campaign_id   TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_id     TEXT NOT NULL REFERENCES people(id),
        department_id TEXT REFERENCES departments(id),
        handler_name  TEXT,
        reason        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        CHECK ((department_id IS NULL) <> (handler_name IS NULL))
      ) STRICT;

      -- One row per file and evaluator: the evaluator's task on that file. Travels between machines.
      CREATE TABLE assignments (
        id          TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        case_id     TEXT NOT NULL REFERENCES cases(id),
        person_id   TEXT NOT NULL REFERENCES people(id),
        created_by  TEXT REFERENCES users(id),
        created_at  TEXT NOT NULL,
        reason      TEXT,
        UNIQUE (campaign_id, case_id, person_id)
      ) STRICT;
      CREATE INDEX assignments_person ON assignments(person_id, campaign_id);
    `);
  },
};
