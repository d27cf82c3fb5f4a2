// The configurable list of case types (案件类型) with the synonyms an import recognises.
import type { CaseType } from '../../core/registry/schemas';
import type { Db } from '../types';

interface Row {
  code: string;
  name: string;
  synonyms: string;
  builtin: number;
}

export type CaseTypesRepo = ReturnType<typeof caseTypesRepo>;

export function caseTypesRepo(db: Db) {
  const list = db.prepare<[], Row>('SELECT * FROM case_types ORDER BY sort, code');
  const upsert = db.prepare(`
    INSERT INTO case_types (code, name, synonyms, builtin, sort) VALUES (@code, @name, @synonyms, 0, @sort)
    ON CONFLICT(code) DO UPDATE SET name = excluded.name, synonyms = excluded.synonyms, sort = excluded.sort`);
  const remove = db.prepare<[string]>('DELETE FROM case_types WHERE code = ? AND builtin = 0');
  const inUse = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM cases WHERE case_type = ?',
  );
  return {
    list: (): CaseType[] =>
      list.all().map((r) => ({
        code: r.code,
        name: r.name,
        synonyms: JSON.parse(r.synonyms) as string[],
        builtin: r.builtin === 1,
      })),
    upsert(t: { code: string; name: string; synonyms: string[]; sort: number }) {
      upsert.run({ ...t, synonyms: JSON.stringify(t.synonyms) });
    },
    remove: (code: string) => remove.run(code).changes > 0,
    usage: (code: string) => inUse.get(code)!.n,
  };
}
