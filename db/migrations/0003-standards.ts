// Evaluation standards (评查标准): templates edited as drafts and published as immutable versions,
// and the problem-tag vocabulary (groups A–H) that items and findings refer to.
import type { Migration } from '../migrate';

export const m0003: Migration = {
  version: 3,
  name: '0003-standards',
  up(db) {
    db.exec(`
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

      CREATE TABLE templates (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
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
      -- One draft per template at a time.
      CREATE UNIQUE INDEX template_versions_one_draft ON template_versions(template_id) WHERE status = 'draft';
      -- A published version never changes: campaigns pin it and scores depend on it.
      CREATE TRIGGER template_versions_published_update BEFORE UPDATE ON template_versions
      WHEN old.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;
      CREATE TRIGGER template_versions_published_delete BEFORE DELETE ON template_versions
      WHEN old.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;
    `);
  },
};
