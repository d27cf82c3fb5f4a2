-- user_version 8

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

CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor_id    TEXT,
        actor_name  TEXT,
        action      TEXT NOT NULL,
        entity_type TEXT,
        entity_id   TEXT,
        details     TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
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

CREATE TABLE campaign_evaluators (
        campaign_id         TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_id           TEXT NOT NULL REFERENCES people(id),
        position            INTEGER NOT NULL,
        counter             INTEGER,
        must_include_reason TEXT,
        PRIMARY KEY (campaign_id, person_id)
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

CREATE TABLE case_search (
        seq  INTEGER PRIMARY KEY REFERENCES cases(seq) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;

CREATE TABLE case_types (
        code     TEXT PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        synonyms TEXT NOT NULL DEFAULT '[]',
        builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        sort     INTEGER NOT NULL DEFAULT 0
      ) STRICT;

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

CREATE TABLE department_aliases (
        alias         TEXT PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        created_at    TEXT NOT NULL
      ) STRICT;

CREATE TABLE departments (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        short_name TEXT,
        kind       TEXT,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
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

CREATE TABLE issued_package_sheets (
        package_id    TEXT NOT NULL REFERENCES issued_packages(id) ON DELETE CASCADE,
        sheet_id      TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        case_id       TEXT NOT NULL,
        base_seq      INTEGER NOT NULL,
        merged_remote INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (package_id, sheet_id)
      ) STRICT;

CREATE TABLE issued_packages (
        id              TEXT PRIMARY KEY,
        campaign_id     TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_id       TEXT NOT NULL REFERENCES people(id),
        secret          TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        issued_by       TEXT REFERENCES users(id),
        issued_at       TEXT NOT NULL,
        valid_until     TEXT NOT NULL,
        superseded_by   TEXT REFERENCES issued_packages(id),
        superseded_at   TEXT,
        merged_sequence INTEGER NOT NULL DEFAULT 0,
        merged_sha256   TEXT,
        merged_at       TEXT
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

CREATE TABLE problem_tag_groups (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort INTEGER NOT NULL
      ) STRICT;

CREATE TABLE problem_tags (
        code       TEXT PRIMARY KEY,
        group_code TEXT NOT NULL REFERENCES problem_tag_groups(code),
        name       TEXT NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort       INTEGER NOT NULL
      ) STRICT;

CREATE TABLE received_package_sheets (
        package_id TEXT NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
        sheet_id   TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        base_seq   INTEGER NOT NULL,
        PRIMARY KEY (package_id, sheet_id)
      ) STRICT;

CREATE TABLE received_packages (
        id                TEXT PRIMARY KEY,
        campaign_id       TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_id         TEXT NOT NULL REFERENCES people(id),
        coordinator_id    TEXT NOT NULL,
        coordinator_org   TEXT NOT NULL,
        coordinator_key   TEXT NOT NULL,
        secret            TEXT NOT NULL,
        manifest          TEXT NOT NULL,
        signature         TEXT NOT NULL,
        issued_at         TEXT NOT NULL,
        valid_until       TEXT NOT NULL,
        imported_by       TEXT REFERENCES users(id),
        imported_at       TEXT NOT NULL,
        export_sequence   INTEGER NOT NULL DEFAULT 0,
        last_exported_at  TEXT
      ) STRICT;

CREATE TABLE rectification_changes (
        item_id     TEXT NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        from_status TEXT NOT NULL,
        to_status   TEXT NOT NULL,
        reply       TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        changed_by  TEXT REFERENCES users(id),
        changed_at  TEXT NOT NULL,
        PRIMARY KEY (item_id, seq)
      ) STRICT;

CREATE TABLE rectification_evidence (
        id        TEXT PRIMARY KEY,
        item_id   TEXT NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        sha256    TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime      TEXT NOT NULL,
        size      INTEGER NOT NULL,
        added_by  TEXT REFERENCES users(id),
        added_at  TEXT NOT NULL
      ) STRICT;

CREATE TABLE rectification_extensions (
        notice_id     TEXT NOT NULL REFERENCES rectification_notices(id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        from_deadline TEXT NOT NULL,
        to_deadline   TEXT NOT NULL,
        reason        TEXT NOT NULL,
        granted_by    TEXT REFERENCES users(id),
        granted_at    TEXT NOT NULL,
        PRIMARY KEY (notice_id, seq),
        CHECK (to_deadline > from_deadline)
      ) STRICT;

CREATE TABLE rectification_items (
        id            TEXT PRIMARY KEY,
        notice_id     TEXT NOT NULL REFERENCES rectification_notices(id) ON DELETE CASCADE,
        campaign_id   TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        department_id TEXT NOT NULL REFERENCES departments(id),
        case_id       TEXT NOT NULL REFERENCES cases(id),
        position      INTEGER NOT NULL,
        source        TEXT NOT NULL CHECK (source IN ('item', 'veto')),
        item_code     TEXT NOT NULL,
        description   TEXT NOT NULL,
        category      TEXT,
        tags          TEXT NOT NULL DEFAULT '[]',
        reason        TEXT NOT NULL DEFAULT '',
        pages         TEXT NOT NULL DEFAULT '',
        status        TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_progress', 'rectified', 'verified')),
        reply         TEXT NOT NULL DEFAULT '',
        replied_at    TEXT,
        changed_by    TEXT REFERENCES users(id),
        changed_at    TEXT NOT NULL,
        verified_by   TEXT REFERENCES users(id),
        verified_at   TEXT,
        UNIQUE (campaign_id, case_id, source, item_code)
      ) STRICT;

CREATE TABLE rectification_notices (
        id            TEXT PRIMARY KEY,
        campaign_id   TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        department_id TEXT NOT NULL REFERENCES departments(id),
        issuer        TEXT NOT NULL,
        doc_code      TEXT NOT NULL DEFAULT '',
        doc_year      INTEGER,
        doc_serial    INTEGER,
        notice_date   TEXT NOT NULL,
        deadline      TEXT NOT NULL,
        issued_at     TEXT NOT NULL,
        issued_by     TEXT REFERENCES users(id),
        CHECK (deadline >= notice_date),
        UNIQUE (campaign_id, department_id)
      ) STRICT;

CREATE TABLE result_merges (
        id          TEXT PRIMARY KEY,
        package_id  TEXT NOT NULL REFERENCES issued_packages(id) ON DELETE CASCADE,
        sequence    INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        partial     INTEGER NOT NULL CHECK (partial IN (0, 1)),
        applied     INTEGER NOT NULL,
        kept_local  INTEGER NOT NULL,
        merged_by   TEXT REFERENCES users(id),
        merged_at   TEXT NOT NULL,
        UNIQUE (package_id, sequence)
      ) STRICT;

CREATE TABLE sessions (
        token_hash   TEXT PRIMARY KEY,
        user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at   TEXT NOT NULL
      ) STRICT;

CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

CREATE TABLE sheet_signatures (
        sheet_id   TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        person_id  TEXT NOT NULL REFERENCES people(id),
        revision   INTEGER NOT NULL,
        signed_at  TEXT NOT NULL,
        PRIMARY KEY (sheet_id, person_id)
      ) STRICT;

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

CREATE TABLE template_versions (
        id             TEXT PRIMARY KEY,
        template_id    TEXT NOT NULL REFERENCES templates(id),
        version        INTEGER,
        status         TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        content        TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        based_on       TEXT REFERENCES template_versions(id),
        created_by     TEXT REFERENCES users(id),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        published_by   TEXT REFERENCES users(id),
        published_at   TEXT,
        UNIQUE (template_id, version),
        CHECK ((status = 'draft') = (version IS NULL))
      ) STRICT;

CREATE TABLE templates (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE users (
        id              TEXT PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('coordinator', 'evaluator')),
        password_hash   TEXT NOT NULL,
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    TEXT,
        locale          TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        last_login_at   TEXT
      ) STRICT;

CREATE TABLE workspace_identity (
        workspace_id TEXT PRIMARY KEY,
        algorithm    TEXT NOT NULL CHECK (algorithm = 'ed25519'),
        public_key   TEXT NOT NULL,
        private_key  TEXT NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;

CREATE INDEX assignments_person ON assignments(person_id, campaign_id);

CREATE INDEX attachments_case ON attachments(case_id);

CREATE INDEX attachments_sha ON attachments(sha256);

CREATE INDEX audit_log_action ON audit_log(action);

CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);

CREATE INDEX campaign_files_case ON campaign_files(case_id);

CREATE INDEX cases_batch ON cases(batch_id);

CREATE INDEX cases_by_department ON cases(department_id, case_type, procedure, status, year, decided_on,
        filed_on, closed_on, amount_fen);

CREATE INDEX cases_by_type ON cases(case_type, procedure, status, year, decided_on, filed_on, closed_on,
        amount_fen, department_id);

CREATE INDEX cases_decided ON cases(decided_on);

CREATE INDEX department_aliases_department ON department_aliases(department_id);

CREATE INDEX issued_packages_campaign ON issued_packages(campaign_id, person_id);

CREATE UNIQUE INDEX people_cert_no ON people(cert_no) WHERE cert_no IS NOT NULL;

CREATE INDEX people_department ON people(department_id);

CREATE INDEX received_packages_campaign ON received_packages(campaign_id, person_id);

CREATE INDEX rectification_evidence_item ON rectification_evidence(item_id);

CREATE INDEX rectification_evidence_sha ON rectification_evidence(sha256);

CREATE INDEX rectification_items_notice ON rectification_items(notice_id, position);

CREATE INDEX rectification_items_status ON rectification_items(campaign_id, status, department_id);

CREATE INDEX sessions_user ON sessions(user_id);

CREATE INDEX sheets_case ON sheets(campaign_id, case_id);

CREATE UNIQUE INDEX sheets_evaluator ON sheets(campaign_id, case_id, person_id) WHERE kind = 'evaluator';

CREATE UNIQUE INDEX sheets_joint ON sheets(campaign_id, case_id) WHERE kind = 'joint';

CREATE INDEX sheets_person ON sheets(person_id, campaign_id);

CREATE UNIQUE INDEX template_versions_one_draft ON template_versions(template_id) WHERE status = 'draft';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER template_versions_published_delete BEFORE DELETE ON template_versions
      WHEN old.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;

CREATE TRIGGER template_versions_published_update BEFORE UPDATE ON template_versions
      WHEN old.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;

CREATE TRIGGER workspace_identity_one BEFORE INSERT ON workspace_identity
      WHEN (SELECT count(*) FROM workspace_identity) > 0
      BEGIN SELECT RAISE(ABORT, 'a workspace has one identity'); END;
