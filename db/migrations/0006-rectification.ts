// Rectification (整改, issue 7 item 7): the notice issued to a department after a campaign, one
// tracking row per problem of its files' final results (copied when the notice is issued, so the
// record stays as notified whatever happens later), every status change, and the department's
// evidence (metadata; the bytes are stored content-addressed like case attachments).
import type { Migration } from '../migrate';

export const m0006: Migration = {
  version: 6,
  name: '0006-rectification',
  up(db) {
    db.exec(`
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
      CREATE INDEX rectification_items_notice ON rectification_items(notice_id, position);
      CREATE INDEX rectification_items_status ON rectification_items(campaign_id, status, department_id);

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
      CREATE INDEX rectification_evidence_item ON rectification_evidence(item_id);
      CREATE INDEX rectification_evidence_sha ON rectification_evidence(sha256);
    `);
  },
};
