// Offline packages (issue 8): the workspace's identity (an Ed25519 key pair made here, at first
// open), the task packages (评查任务包) a coordinator issued with the secret that authenticates
// their results and each sheet's baseline at issue, the result packages (评查结果包) merged, and on
// an evaluator's workspace the task packages received.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Migration } from '../migrate';

export const m0007: Migration = {
  version: 7,
  name: '0007-packages',
  up(db) {
    db.exec(`
      -- One row: this workspace's id and key pair. The public key (SPKI DER, base64) travels in
      -- every package the workspace issues; the private key (PKCS8 DER, base64) never leaves it.
      CREATE TABLE workspace_identity (
        workspace_id TEXT PRIMARY KEY,
        algorithm    TEXT NOT NULL CHECK (algorithm = 'ed25519'),
        public_key   TEXT NOT NULL,
        private_key  TEXT NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER workspace_identity_one BEFORE INSERT ON workspace_identity
      WHEN (SELECT count(*) FROM workspace_identity) > 0
      BEGIN SELECT RAISE(ABORT, 'a workspace has one identity'); END;

      -- Coordinator: every task package issued. The secret (32 random bytes, base64) is the HMAC
      -- key of the evaluator's result packages; a newer package for the same evaluator and
      -- campaign supersedes the older one (whose results are still verified and merged).
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
      CREATE INDEX issued_packages_campaign ON issued_packages(campaign_id, person_id);

      -- Coordinator: each sheet of an issued package with its baseline: the last version seq of
      -- the sheet here when it was issued (moved on by each merge), and how many of the
      -- evaluator's versions have been merged. A sheet changed here after its baseline and in the
      -- package is a conflict.
      CREATE TABLE issued_package_sheets (
        package_id    TEXT NOT NULL REFERENCES issued_packages(id) ON DELETE CASCADE,
        sheet_id      TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        case_id       TEXT NOT NULL,
        base_seq      INTEGER NOT NULL,
        merged_remote INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (package_id, sheet_id)
      ) STRICT;

      -- Coordinator: every result package merged (a re-import of the same one is a no-op).
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

      -- Evaluator: every task package imported, with the coordinator's key (a later package for
      -- the same campaign must carry the same key) and the secret its results are signed with.
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
      CREATE INDEX received_packages_campaign ON received_packages(campaign_id, person_id);

      -- Evaluator: the last local version seq of each sheet when a package was imported; result
      -- packages carry the versions after it.
      CREATE TABLE received_package_sheets (
        package_id TEXT NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
        sheet_id   TEXT NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
        base_seq   INTEGER NOT NULL,
        PRIMARY KEY (package_id, sheet_id)
      ) STRICT;
    `);
    // The workspace id may already be set (it was made at start before this migration existed).
    const existing = db
      .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'workspace.id'")
      .get();
    const workspaceId = existing?.value ?? randomUUID();
    if (!existing) {
      db.prepare("INSERT INTO settings (key, value) VALUES ('workspace.id', ?)").run(workspaceId);
    }
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    db.prepare(
      `INSERT INTO workspace_identity (workspace_id, algorithm, public_key, private_key, created_at)
       VALUES (?, 'ed25519', ?, ?, ?)`,
    ).run(
      workspaceId,
      publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      new Date().toISOString(),
    );
  },
};
