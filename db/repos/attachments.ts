// Attachment metadata; the bytes live content-addressed in the data folder (see services).
import type { Attachment } from '../../core/registry/schemas';
import type { Db } from '../types';

interface Row {
  id: string;
  case_id: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  added_by: string | null;
  added_at: string;
}

const fromRow = (r: Row): Attachment => ({
  id: r.id,
  caseId: r.case_id,
  sha256: r.sha256,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

export type AttachmentsRepo = ReturnType<typeof attachmentsRepo>;

export function attachmentsRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO attachments (id, case_id, sha256, file_name, mime, size, added_by, added_at)
    VALUES (@id, @caseId, @sha256, @fileName, @mime, @size, @addedBy, @addedAt)`);
  const forCase = db.prepare<[string], Row>(
    'SELECT * FROM attachments WHERE case_id = ? ORDER BY added_at, file_name',
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM attachments WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM attachments WHERE id = ?');
  const refs = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM attachments WHERE sha256 = ?',
  );
  const allShas = db.prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM attachments');
  return {
    insert: (a: Attachment) => void insert.run(a),
    forCase: (caseId: string) => forCase.all(caseId).map(fromRow),
    get: (id: string) => {
      const r = byId.get(id);
      return r ? fromRow(r) : null;
    },
    remove: (id: string) => remove.run(id).changes > 0,
    references: (sha256: string) => refs.get(sha256)!.n,
    referencedShas: () => new Set(allShas.all().map((r) => r.sha256)),
  };
}
