// Registry: department aliases, the evaluator pool (评查人员库), case types, case files (案卷库),
// import batches, remembered column mappings, attachments.
import type { Migration } from '../migrate';

export const m0002: Migration = {
  version: 2,
  name: '0002-registry',
  up(db) {
    db.exec(`
      CREATE TABLE department_aliases (
        alias         TEXT PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX department_aliases_department ON department_aliases(department_id);

      CREATE TABLE import_batches (
        id               TEXT PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('cases', 'people')),
        file_name        TEXT NOT NULL,
        sha256           TEXT NOT NULL,
        source_signature TEXT,
        user_id          TEXT REFERENCES users(id),
        created_at       TEXT NOT NULL,
        rows_total       INTEGER NOT NULL,
        rows_new         INTEGER NOT NULL,
        rows_updated     INTEGER NOT NULL,
        rows_duplicate   INTEGER NOT NULL,
        rows_error       INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE import_mappings (
        signature  TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('cases', 'people')),
        mapping    TEXT NOT NULL,
        encoding   TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE people (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        department_id TEXT NOT NULL REFERENCES departments(id),
        position      TEXT,
        legal_officer INTEGER NOT NULL DEFAULT 0 CHECK (legal_officer IN (0, 1)),
        cert_no       TEXT,
        phone         TEXT,
        expertise     TEXT NOT NULL DEFAULT '[]',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        user_id       TEXT UNIQUE REFERENCES users(id) ON DELETE SET NULL,
        notes         TEXT,
        batch_id      TEXT REFERENCES import_batches(id),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_department ON people(department_id);
      CREATE UNIQUE INDEX people_cert_no ON people(cert_no) WHERE cert_no IS NOT NULL;

      CREATE TABLE case_types (
        code     TEXT PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        synonyms TEXT NOT NULL DEFAULT '[]',
        builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        sort     INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO case_types (code, name, synonyms, builtin, sort) VALUES
        ('penalty', '行政处罚', '["处罚","行政处罚案件","行政处罚决定","处罚案件"]', 1, 1),
        ('permit', '行政许可', '["许可","行政许可案件","行政许可决定","许可案件"]', 1, 2),
        ('coercion', '行政强制', '["行政强制执行","行政强制措施","强制执行","强制措施","行政强制案件"]', 1, 3);

      CREATE TABLE cases (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        case_no          TEXT NOT NULL,
        case_no_raw      TEXT NOT NULL,
        year             INTEGER,
        filing_no        TEXT,
        case_type        TEXT NOT NULL REFERENCES case_types(code) ON UPDATE CASCADE,
        procedure        TEXT CHECK (procedure IN ('normal', 'simple')),
        cause            TEXT,
        party_name       TEXT,
        party_type       TEXT,
        party_code       TEXT,
        department_id    TEXT NOT NULL REFERENCES departments(id),
        handlers         TEXT,
        handler_cert_nos TEXT,
        filed_on         TEXT,
        decided_on       TEXT,
        closed_on        TEXT,
        penalty_kinds    TEXT,
        amount_fen       INTEGER,
        legal_basis      TEXT,
        status           TEXT NOT NULL CHECK (status IN ('closed', 'open')),
        page_count       INTEGER,
        case_uid         TEXT,
        notes            TEXT,
        batch_id         TEXT REFERENCES import_batches(id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (case_no, department_id)
      ) STRICT;
      -- Covering indexes for the registry's filters (scope of a draw, too): a filtered count and
      -- the page's row ids come from the index alone, without reading the wide table rows.
      CREATE INDEX cases_by_department ON cases(department_id, case_type, procedure, status, year, decided_on,
        filed_on, closed_on, amount_fen);
      CREATE INDEX cases_by_type ON cases(case_type, procedure, status, year, decided_on, filed_on, closed_on,
        amount_fen, department_id);
      CREATE INDEX cases_decided ON cases(decided_on);

      -- The registry's free text (case numbers, party, cause) in a narrow table of its own, so
      -- that a substring search scans a few megabytes instead of the wide case rows. The
      -- repository writes it with the case (a trigger doing the same halves import speed).
      CREATE TABLE case_search (
        seq  INTEGER PRIMARY KEY REFERENCES cases(seq) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_batch ON cases(batch_id);

      CREATE TABLE attachments (
        id        TEXT PRIMARY KEY,
        case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sha256    TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime      TEXT NOT NULL,
        size      INTEGER NOT NULL,
        added_by  TEXT REFERENCES users(id),
        added_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_case ON attachments(case_id);
      CREATE INDEX attachments_sha ON attachments(sha256);
    `);
  },
};
