// Import batches (who imported which file when, with counts) and column mappings remembered per
// source (the header signature of a file).
import type { Db } from '../types';

export interface BatchRecord {
  id: string;
  kind: 'cases' | 'people';
  fileName: string;
  sha256: string;
  sourceSignature: string | null;
  userId: string | null;
  createdAt: string;
  rowsTotal: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsDuplicate: number;
  rowsError: number;
}

export type ImportsRepo = ReturnType<typeof importsRepo>;

export function importsRepo(db: Db) {
  const insertBatch = db.prepare(`
    INSERT INTO import_batches (id, kind, file_name, sha256, source_signature, user_id, created_at, rows_total,
      rows_new, rows_updated, rows_duplicate, rows_error)
    VALUES (@id, @kind, @fileName, @sha256, @sourceSignature, @userId, @createdAt, @rowsTotal, @rowsNew,
      @rowsUpdated, @rowsDuplicate, @rowsError)`);
  const finish = db.prepare(`
    UPDATE import_batches SET rows_new = @new, rows_updated = @update, rows_duplicate = @duplicate,
      rows_error = @error WHERE id = @id`);
  const listBatches = db.prepare<[number], Record<string, unknown>>(
    `SELECT b.id, b.kind, b.file_name AS fileName, b.sha256, b.source_signature AS sourceSignature,
       b.user_id AS userId, u.display_name AS userName, b.created_at AS createdAt, b.rows_total AS rowsTotal,
       b.rows_new AS rowsNew, b.rows_updated AS rowsUpdated, b.rows_duplicate AS rowsDuplicate,
       b.rows_error AS rowsError
     FROM import_batches b LEFT JOIN users u ON u.id = b.user_id ORDER BY b.created_at DESC LIMIT ?`,
  );
  const getMapping = db.prepare<[string], { mapping: string; encoding: string | null }>(
    'SELECT mapping, encoding FROM import_mappings WHERE signature = ?',
  );
  const setMapping = db.prepare(`
    INSERT INTO import_mappings (signature, kind, mapping, encoding, updated_at)
    VALUES (@signature, @kind, @mapping, @encoding, @now)
    ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, encoding = excluded.encoding,
      updated_at = excluded.updated_at`);

  return {
    addBatch: (b: BatchRecord) => void insertBatch.run(b),
    finishBatch(id: string, c: { new: number; update: number; duplicate: number; error: number }) {
      finish.run({ id, new: c.new, update: c.update, duplicate: c.duplicate, error: c.error });
    },
    recentBatches: (limit: number) =>
      listBatches.all(limit) as unknown as (BatchRecord & { userName: string | null })[],
    mapping(
      signature: string,
    ): { mapping: Record<string, number>; encoding: string | null } | null {
      const r = getMapping.get(signature);
      return r
        ? { mapping: JSON.parse(r.mapping) as Record<string, number>, encoding: r.encoding }
        : null;
    },
    rememberMapping(m: {
      signature: string;
      kind: 'cases' | 'people';
      mapping: Record<string, number>;
      encoding: string | null;
      now: string;
    }) {
      setMapping.run({ ...m, mapping: JSON.stringify(m.mapping) });
    },
  };
}
