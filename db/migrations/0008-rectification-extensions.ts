// Rectification deadline extensions (整改延期): a department that cannot finish in time asks, and
// the coordinator grants a later deadline with the reason. The notice keeps the deadline in force;
// every extension is kept, so the deadline as first notified (what the 整改通知书 says) and each
// change stay on record.
import type { Migration } from '../migrate';

export const m0008: Migration = {
  version: 8,
  name: '0008-rectification-extensions',
  up(db) {
    db.exec(`
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
    `);
  },
};
