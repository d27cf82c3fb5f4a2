import type { Db } from '../types';

export interface DepartmentRecord {
  id: string;
  name: string;
  shortName: string | null;
  kind: string | null;
  active: boolean;
  aliases: string[];
  caseCount: number;
  peopleCount: number;
}

interface Row {
  id: string;
  name: string;
  short_name: string | null;
  kind: string | null;
  active: number;
  aliases: string | null;
  case_count: number;
  people_count: number;
}

const SELECT = `
  SELECT d.id, d.name, d.short_name, d.kind, d.active,
         (SELECT json_group_array(alias) FROM department_aliases a WHERE a.department_id = d.id) AS aliases,
         (SELECT count(*) FROM cases c WHERE c.department_id = d.id) AS case_count,
         (SELECT count(*) FROM people p WHERE p.department_id = d.id) AS people_count
  FROM departments d`;

function fromRow(r: Row): DepartmentRecord {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    active: r.active === 1,
    aliases: r.aliases ? (JSON.parse(r.aliases) as string[]).sort() : [],
    caseCount: r.case_count,
    peopleCount: r.people_count,
  };
}

export type DepartmentsRepo = ReturnType<typeof departmentsRepo>;

export function departmentsRepo(db: Db) {
  const list = db.prepare<[], Row>(`${SELECT} ORDER BY d.active DESC, d.name`);
  const byId = db.prepare<[string], Row>(`${SELECT} WHERE d.id = ?`);
  const byName = db.prepare<[string], { id: string }>('SELECT id FROM departments WHERE name = ?');
  const insert = db.prepare(
    `INSERT INTO departments (id, name, short_name, kind, active, created_at, updated_at)
     VALUES (@id, @name, @shortName, @kind, @active, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE departments SET name = @name, short_name = @shortName, kind = @kind, active = @active, updated_at = @now
     WHERE id = @id`,
  );
  const allAliases = db.prepare<[], { alias: string; department_id: string }>(
    'SELECT alias, department_id FROM department_aliases',
  );
  const aliasOwner = db.prepare<[string], { department_id: string }>(
    'SELECT department_id FROM department_aliases WHERE alias = ?',
  );
  const addAlias = db.prepare<[string, string, string]>(
    'INSERT INTO department_aliases (alias, department_id, created_at) VALUES (?, ?, ?) ON CONFLICT(alias) DO UPDATE SET department_id = excluded.department_id',
  );
  const removeAlias = db.prepare<[string]>('DELETE FROM department_aliases WHERE alias = ?');
  const conflicts = db.prepare<[string, string], { case_no: string }>(
    `SELECT s.case_no FROM cases s JOIN cases t ON t.case_no = s.case_no AND t.department_id = ?
     WHERE s.department_id = ? ORDER BY s.case_no LIMIT 20`,
  );
  const moveCases = db.prepare<[string, string, string]>(
    'UPDATE cases SET department_id = ?, updated_at = ? WHERE department_id = ?',
  );
  const movePeople = db.prepare<[string, string, string]>(
    'UPDATE people SET department_id = ?, updated_at = ? WHERE department_id = ?',
  );
  const moveAliases = db.prepare<[string, string]>(
    'UPDATE department_aliases SET department_id = ? WHERE department_id = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM departments WHERE id = ?');

  return {
    list: (): DepartmentRecord[] => list.all().map(fromRow),
    findById(id: string): DepartmentRecord | null {
      const r = byId.get(id);
      return r ? fromRow(r) : null;
    },
    idByName: (name: string): string | null => byName.get(name)?.id ?? null,
    create(d: {
      id: string;
      name: string;
      shortName: string | null;
      kind: string | null;
      active: boolean;
      now: string;
    }) {
      insert.run({ ...d, active: d.active ? 1 : 0 });
    },
    update(d: {
      id: string;
      name: string;
      shortName: string | null;
      kind: string | null;
      active: boolean;
      now: string;
    }) {
      update.run({ ...d, active: d.active ? 1 : 0 });
    },
    aliases: () => allAliases.all().map((r) => ({ alias: r.alias, departmentId: r.department_id })),
    aliasOwner: (alias: string): string | null => aliasOwner.get(alias)?.department_id ?? null,
    addAlias(alias: string, departmentId: string, now: string) {
      addAlias.run(alias, departmentId, now);
    },
    removeAlias(alias: string) {
      removeAlias.run(alias);
    },
    /** Case numbers present in both departments (they would collide after a merge). */
    mergeConflicts: (sourceId: string, targetId: string): string[] =>
      conflicts.all(targetId, sourceId).map((r) => r.case_no),
    /** Re-points the source's files, people and aliases to the target and removes the source. */
    merge(sourceId: string, targetId: string, now: string): { cases: number; people: number } {
      const cases = moveCases.run(targetId, now, sourceId).changes;
      const people = movePeople.run(targetId, now, sourceId).changes;
      moveAliases.run(targetId, sourceId);
      remove.run(sourceId);
      return { cases, people };
    },
  };
}
