// The rectification repository on a real workspace file: notices and tracking rows, the filtered
// and paged list, the grouped counts, the guarded status move with its history, evidence
// references, and the constraints the schema enforces (one notice per campaign and department,
// a deadline not before the date, one row per file and item, known statuses only).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openWorkspace, type Db } from '../index';
import { tempDir } from '../testing';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let repos: ReturnType<typeof createRepos>;
const AT = '2026-11-23T02:00:00.000Z';

beforeEach(async () => {
  tmp = tempDir();
  db = (await openWorkspace({ dataDir: tmp.dir })).db;
  repos = createRepos(db);
  db.exec(`
    INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
      VALUES ('u1', 'wangming', '王明', 'coordinator', 'x', '${AT}', '${AT}');
    INSERT INTO departments (id, name, created_at, updated_at) VALUES
      ('dA', '甲局', '${AT}', '${AT}'), ('dB', '乙局', '${AT}', '${AT}');
    INSERT INTO cases (id, case_no, case_no_raw, case_type, department_id, status, created_at, updated_at) VALUES
      ('k1', '甲罚〔2025〕1号', '甲罚〔2025〕1号', 'penalty', 'dA', 'closed', '${AT}', '${AT}'),
      ('k2', '甲罚〔2025〕2号', '甲罚〔2025〕2号', 'penalty', 'dA', 'closed', '${AT}', '${AT}'),
      ('k3', '乙罚〔2025〕1号', '乙罚〔2025〕1号', 'penalty', 'dB', 'closed', '${AT}', '${AT}');
    INSERT INTO campaigns (id, name, year, organiser, status, scope, settings, created_at, updated_at)
      VALUES ('c1', '2025年度评查', 2025, '东湖区司法局', 'done', '{}', '{}', '${AT}', '${AT}');
  `);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const notice = (id: string, departmentId: string, issuedAt: string, deadline = '2026-12-23') =>
  repos.rectification.insertNotice({
    id,
    campaignId: 'c1',
    departmentId,
    issuer: '东湖区司法局',
    docCode: '',
    docYear: null,
    docSerial: null,
    noticeDate: '2026-11-23',
    deadline,
    issuedAt,
    issuedBy: 'u1',
  });
const item = (
  id: string,
  noticeId: string,
  departmentId: string,
  caseId: string,
  position: number,
) =>
  repos.rectification.insertItem({
    id,
    noticeId,
    campaignId: 'c1',
    departmentId,
    caseId,
    position,
    source: position === 0 ? 'veto' : 'item',
    code: `A${position}`,
    description: `问题${position}`,
    category: position === 0 ? null : '程序',
    tags: ['D12'],
    reason: '送达回证无签名',
    pages: '12',
    changedBy: 'u1',
    changedAt: AT,
  });

function seed() {
  notice('nA', 'dA', '2026-11-23T02:00:00.000Z');
  item('iA0', 'nA', 'dA', 'k1', 0);
  item('iA1', 'nA', 'dA', 'k1', 1);
  item('iA2', 'nA', 'dA', 'k2', 2);
  notice('nB', 'dB', '2026-11-23T03:00:00.000Z', '2026-11-30');
  item('iB0', 'nB', 'dB', 'k3', 0);
}

describe('rectification repository', () => {
  it('reads notices and rows back with names, tags and evidence counts', () => {
    seed();
    const n = repos.rectification.noticeFor('c1', 'dA')!;
    expect(n).toMatchObject({
      departmentName: '甲局',
      issuedByName: '王明',
      deadline: '2026-12-23',
    });
    expect(repos.rectification.noticeFor('c1', 'nope')).toBeNull();
    expect(repos.rectification.notices('c1').map((x) => x.id)).toEqual(['nA', 'nB']);
    const rows = repos.rectification.itemsOfNotice('nA');
    expect(rows.map((r) => r.id)).toEqual(['iA0', 'iA1', 'iA2']);
    expect(rows[0]).toMatchObject({
      caseNo: '甲罚〔2025〕1号',
      departmentName: '甲局',
      source: 'veto',
      category: null,
      tags: ['D12'],
      status: 'open',
      reply: '',
      repliedAt: null,
      changedByName: '王明',
      deadline: '2026-12-23',
      evidenceCount: 0,
    });
  });

  it('filters by department, status and overdue date, and pages in the documented order', () => {
    seed();
    const r = repos.rectification;
    expect(r.items({ campaignId: 'c1' }, 10, 0).items.map((i) => i.id)).toEqual([
      'iA0',
      'iA1',
      'iA2',
      'iB0',
    ]);
    expect(r.items({ campaignId: 'c1', departmentId: 'dB' }, 10, 0).total).toBe(1);
    const page = r.items({ campaignId: 'c1' }, 2, 2);
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.id)).toEqual(['iA2', 'iB0']);
    r.setStatus({
      id: 'iA1',
      from: 'open',
      to: 'rectified',
      reply: '已补正',
      note: '',
      userId: 'u1',
      at: AT,
    });
    expect(
      r.items({ campaignId: 'c1', statuses: ['rectified'] }, 10, 0).items.map((i) => i.id),
    ).toEqual(['iA1']);
    expect(r.items({ campaignId: 'c1', statuses: ['open', 'rectified'] }, 10, 0).total).toBe(4);
    // Overdue on 2026-12-01: 乙局's deadline (11-30) has passed, 甲局's (12-23) has not.
    expect(
      r.items({ campaignId: 'c1', overdueOn: '2026-12-01' }, 10, 0).items.map((i) => i.id),
    ).toEqual(['iB0']);
    // On 2026-12-24 both have; the rectified row is not overdue; the earliest deadline first.
    expect(
      r.items({ campaignId: 'c1', overdueOn: '2026-12-24' }, 10, 0).items.map((i) => i.id),
    ).toEqual(['iB0', 'iA0', 'iA2']);
  });

  it('counts per department and status in one grouped read', () => {
    seed();
    repos.rectification.setStatus({
      id: 'iA0',
      from: 'open',
      to: 'in_progress',
      reply: '',
      note: '',
      userId: 'u1',
      at: AT,
    });
    const counts = repos.rectification.statusCounts('c1');
    // (SQL orders names by code point — 乙 before 甲; the services sort for display.)
    const row = (
      departmentId: string,
      departmentName: string,
      deadline: string,
      status: string,
      count: number,
    ) => ({
      departmentId,
      departmentName,
      deadline,
      status,
      count,
    });
    expect(counts).toEqual([
      row('dB', '乙局', '2026-11-30', 'open', 1),
      row('dA', '甲局', '2026-12-23', 'in_progress', 1),
      row('dA', '甲局', '2026-12-23', 'open', 2),
    ]);
  });

  it('moves a row only from the status it still has, and keeps every move', () => {
    seed();
    const r = repos.rectification;
    const move = (
      from: 'open' | 'in_progress' | 'rectified',
      to: 'in_progress' | 'rectified' | 'verified',
      reply: string,
    ) =>
      r.setStatus({
        id: 'iA0',
        from,
        to,
        reply,
        note: '',
        userId: 'u1',
        at: '2026-11-24T00:00:00.000Z',
      });
    expect(move('open', 'in_progress', '整改中')).toBe(true);
    expect(r.item('iA0')!.repliedAt).toBe('2026-11-24T00:00:00.000Z');
    // A second writer who still sees 未整改 changes nothing.
    expect(move('open', 'rectified', '已整改')).toBe(false);
    expect(r.item('iA0')).toMatchObject({ status: 'in_progress', reply: '整改中' });
    expect(move('in_progress', 'rectified', '整改中')).toBe(true);
    expect(move('rectified', 'verified', '整改中')).toBe(true);
    expect(r.item('iA0')).toMatchObject({ status: 'verified', verifiedByName: '王明' });
    expect(r.changes('iA0').map((c) => `${c.seq}:${c.from}>${c.to}`)).toEqual([
      '1:open>in_progress',
      '2:in_progress>rectified',
      '3:rectified>verified',
    ]);
  });

  it('counts evidence references by content', () => {
    seed();
    const r = repos.rectification;
    const ev = (id: string, itemId: string, sha256: string) =>
      r.insertEvidence({
        id,
        itemId,
        sha256,
        fileName: `${id}.pdf`,
        mime: 'application/pdf',
        size: 3,
        addedBy: 'u1',
        addedAt: AT,
      });
    ev('e1', 'iA0', 'a'.repeat(64));
    ev('e2', 'iA1', 'a'.repeat(64));
    ev('e3', 'iA1', 'b'.repeat(64));
    expect(r.evidenceReferences('a'.repeat(64))).toBe(2);
    expect(r.evidenceOf('iA1').map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(r.evidenceOfItems(['iA0', 'iA1']).length).toBe(3);
    expect(r.evidenceOfItems([])).toEqual([]);
    expect(r.item('iA1')!.evidenceCount).toBe(2);
    expect(r.removeEvidence('e2')).toBe(true);
    expect(r.evidenceReferences('a'.repeat(64))).toBe(1);
    expect(r.evidence('e2')).toBeNull();
  });

  it('refuses a second notice, a deadline before the date, a row twice and an unknown status', () => {
    seed();
    expect(() => notice('nA2', 'dA', AT)).toThrow(/UNIQUE/);
    expect(() =>
      repos.rectification.insertNotice({
        id: 'nX',
        campaignId: 'c1',
        departmentId: 'dB',
        issuer: 'x',
        docCode: '',
        docYear: null,
        docSerial: null,
        noticeDate: '2026-11-23',
        deadline: '2026-11-22',
        issuedAt: AT,
        issuedBy: null,
      }),
    ).toThrow(/CHECK/);
    expect(() => item('iA9', 'nA', 'dA', 'k1', 1)).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("UPDATE rectification_items SET status = 'done' WHERE id = 'iA0'").run(),
    ).toThrow(/CHECK/);
  });
});
