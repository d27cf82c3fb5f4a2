// The evaluator pool (评查人员库).
import type { Person } from '../../core/registry/schemas';
import type { Db } from '../types';

export interface PersonWrite {
  id: string;
  name: string;
  departmentId: string;
  position: string | null;
  legalOfficer: boolean;
  certNo: string | null;
  phone: string | null;
  expertise: string[];
  active: boolean;
  userId: string | null;
  notes: string | null;
  batchId: string | null;
}

interface Row {
  id: string;
  name: string;
  department_id: string;
  department_name: string;
  position: string | null;
  legal_officer: number;
  cert_no: string | null;
  phone: string | null;
  expertise: string;
  active: number;
  user_id: string | null;
  username: string | null;
  notes: string | null;
}

function fromRow(r: Row): Person {
  return {
    id: r.id,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    position: r.position,
    legalOfficer: r.legal_officer === 1,
    certNo: r.cert_no,
    phone: r.phone,
    expertise: JSON.parse(r.expertise) as string[],
    active: r.active === 1,
    userId: r.user_id,
    username: r.username,
    notes: r.notes,
  };
}

const SELECT = `SELECT p.*, d.name AS department_name, u.username AS username
  FROM people p JOIN departments d ON d.id = p.department_id LEFT JOIN users u ON u.id = p.user_id`;

export type PeopleRepo = ReturnType<typeof peopleRepo>;

export function peopleRepo(db: Db) {
  const list = db.prepare<[], Row>(`${SELECT} ORDER BY d.name, p.name`);
  const byId = db.prepare<[string], Row>(`${SELECT} WHERE p.id = ?`);
  const byCert = db.prepare<[string], Row>(`${SELECT} WHERE p.cert_no = ?`);
  const byNameDept = db.prepare<[string, string], Row>(
    `${SELECT} WHERE p.name = ? AND p.department_id = ?`,
  );
  const byUser = db.prepare<[string], Row>(`${SELECT} WHERE p.user_id = ?`);
  const fields = `name = @name, department_id = @departmentId, position = @position, legal_officer = @legalOfficer,
    cert_no = @certNo, phone = @phone, expertise = @expertise, active = @active, user_id = @userId, notes = @notes`;
  const insert = db.prepare(`
    INSERT INTO people (id, name, department_id, position, legal_officer, cert_no, phone, expertise, active,
      user_id, notes, batch_id, created_at, updated_at)
    VALUES (@id, @name, @departmentId, @position, @legalOfficer, @certNo, @phone, @expertise, @active,
      @userId, @notes, @batchId, @now, @now)`);
  const update = db.prepare(
    `UPDATE people SET ${fields}, batch_id = coalesce(@batchId, batch_id), updated_at = @now WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM people WHERE id = ?');

  const params = (p: PersonWrite, now: string) => ({
    ...p,
    legalOfficer: p.legalOfficer ? 1 : 0,
    active: p.active ? 1 : 0,
    expertise: JSON.stringify(p.expertise),
    now,
  });
  const one = (r: Row | undefined) => (r ? fromRow(r) : null);

  return {
    list: () => list.all().map(fromRow),
    get: (id: string) => one(byId.get(id)),
    findByCertNo: (certNo: string) => one(byCert.get(certNo)),
    findByNameInDepartment: (name: string, departmentId: string) =>
      one(byNameDept.get(name, departmentId)),
    findByUser: (userId: string) => one(byUser.get(userId)),
    insert: (p: PersonWrite, now: string) => void insert.run(params(p, now)),
    update: (p: PersonWrite, now: string) => void update.run(params(p, now)),
    remove: (id: string) => remove.run(id).changes > 0,
  };
}
