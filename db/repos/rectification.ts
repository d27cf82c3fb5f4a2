// Rectification (整改): notices per campaign and department, one tracking row per problem, the
// history of status changes and the evidence files' metadata (the bytes are stored by the
// services, content-addressed). Lists are filtered and paged here, in SQL.
import type { RectifyStatus } from '../../core/rectify/status';
import type { Db } from '../types';

export interface NoticeRow {
  id: string;
  campaignId: string;
  departmentId: string;
  departmentName: string;
  issuer: string;
  docCode: string;
  docYear: number | null;
  docSerial: number | null;
  noticeDate: string;
  /** The deadline in force (the last extension's, or the notified one). */
  deadline: string;
  /** The deadline the notice was issued with (what the 整改通知书 says). */
  notifiedDeadline: string;
  issuedAt: string;
  issuedBy: string | null;
  issuedByName: string | null;
}

/** One extension of a notice's deadline (整改延期). */
export interface ExtensionRow {
  noticeId: string;
  seq: number;
  from: string;
  to: string;
  reason: string;
  grantedByName: string | null;
  grantedAt: string;
}

export interface ExtensionWrite {
  noticeId: string;
  from: string;
  to: string;
  reason: string;
  userId: string | null;
  at: string;
}

export interface NoticeWrite {
  id: string;
  campaignId: string;
  departmentId: string;
  issuer: string;
  docCode: string;
  docYear: number | null;
  docSerial: number | null;
  noticeDate: string;
  deadline: string;
  issuedAt: string;
  issuedBy: string | null;
}

export interface ItemWrite {
  id: string;
  noticeId: string;
  campaignId: string;
  departmentId: string;
  caseId: string;
  position: number;
  source: 'item' | 'veto';
  code: string;
  description: string;
  category: string | null;
  tags: string[];
  reason: string;
  pages: string;
  changedBy: string | null;
  changedAt: string;
}

export interface ItemRow {
  id: string;
  noticeId: string;
  campaignId: string;
  departmentId: string;
  departmentName: string;
  caseId: string;
  caseNo: string;
  position: number;
  source: 'item' | 'veto';
  code: string;
  description: string;
  category: string | null;
  tags: string[];
  reason: string;
  pages: string;
  status: RectifyStatus;
  reply: string;
  repliedAt: string | null;
  changedAt: string;
  changedByName: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  deadline: string;
  evidenceCount: number;
}

export interface ItemFilter {
  campaignId: string;
  departmentId?: string | null;
  statuses?: readonly RectifyStatus[] | null;
  /** Only problems not rectified whose deadline is before this date (YYYY-MM-DD). */
  overdueOn?: string | null;
}

export interface StatusWrite {
  id: string;
  /** The status the row must still have (a change by someone else in between is refused). */
  from: RectifyStatus;
  to: RectifyStatus;
  reply: string;
  note: string;
  userId: string | null;
  at: string;
}

export interface ChangeRow {
  seq: number;
  from: RectifyStatus;
  to: RectifyStatus;
  reply: string;
  note: string;
  changedByName: string | null;
  changedAt: string;
}

export interface EvidenceRow {
  id: string;
  itemId: string;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  addedByName: string | null;
  addedAt: string;
}

export interface EvidenceWrite {
  id: string;
  itemId: string;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  addedBy: string | null;
  addedAt: string;
}

/** Tracked problems per department and status (and how many are overdue on a date). */
export interface StatusCountRow {
  departmentId: string;
  departmentName: string;
  deadline: string;
  status: RectifyStatus;
  count: number;
}

const NOTICE_COLUMNS = `n.id, n.campaign_id AS campaignId, n.department_id AS departmentId, d.name AS departmentName,
  n.issuer, n.doc_code AS docCode, n.doc_year AS docYear, n.doc_serial AS docSerial, n.notice_date AS noticeDate,
  n.deadline, coalesce((SELECT x.from_deadline FROM rectification_extensions x WHERE x.notice_id = n.id
    ORDER BY x.seq LIMIT 1), n.deadline) AS notifiedDeadline,
  n.issued_at AS issuedAt, n.issued_by AS issuedBy, u.display_name AS issuedByName
  FROM rectification_notices n JOIN departments d ON d.id = n.department_id LEFT JOIN users u ON u.id = n.issued_by`;

const ITEM_COLUMNS = `i.id, i.notice_id AS noticeId, i.campaign_id AS campaignId, i.department_id AS departmentId,
  d.name AS departmentName, i.case_id AS caseId, k.case_no AS caseNo, i.position, i.source, i.item_code AS code,
  i.description, i.category, i.tags, i.reason, i.pages, i.status, i.reply, i.replied_at AS repliedAt,
  i.changed_at AS changedAt, cu.display_name AS changedByName, i.verified_at AS verifiedAt,
  vu.display_name AS verifiedByName, n.deadline,
  (SELECT count(*) FROM rectification_evidence e WHERE e.item_id = i.id) AS evidenceCount`;

const ITEM_FROM = `FROM rectification_items i
  JOIN rectification_notices n ON n.id = i.notice_id
  JOIN departments d ON d.id = i.department_id
  JOIN cases k ON k.id = i.case_id
  LEFT JOIN users cu ON cu.id = i.changed_by
  LEFT JOIN users vu ON vu.id = i.verified_by`;

// Filters: a null parameter switches its condition off, so one prepared statement serves all.
const ITEM_WHERE = `WHERE i.campaign_id = @campaignId
  AND (@departmentId IS NULL OR i.department_id = @departmentId)
  AND (@statuses IS NULL OR i.status IN (SELECT value FROM json_each(@statuses)))
  AND (@overdueOn IS NULL OR (i.status IN ('open', 'in_progress') AND n.deadline < @overdueOn))`;

// Departments in the order they were notified, then the notice's own order (file, then item);
// overdue problems: the earliest deadline (the most overdue) first.
const ITEM_ORDER = 'ORDER BY n.issued_at, d.name, n.id, i.position';
const OVERDUE_ORDER = 'ORDER BY n.deadline, n.issued_at, d.name, n.id, i.position';

type RawItem = Omit<ItemRow, 'tags'> & { tags: string };
const fromItem = (r: RawItem): ItemRow => ({ ...r, tags: JSON.parse(r.tags) as string[] });

export type RectificationRepo = ReturnType<typeof rectificationRepo>;

export function rectificationRepo(db: Db) {
  const notices = db.prepare<[string], NoticeRow>(
    `SELECT ${NOTICE_COLUMNS} WHERE n.campaign_id = ? ORDER BY n.issued_at, d.name, n.id`,
  );
  const noticeFor = db.prepare<[string, string], NoticeRow>(
    `SELECT ${NOTICE_COLUMNS} WHERE n.campaign_id = ? AND n.department_id = ?`,
  );
  const insertNotice = db.prepare(`
    INSERT INTO rectification_notices (id, campaign_id, department_id, issuer, doc_code, doc_year, doc_serial,
      notice_date, deadline, issued_at, issued_by)
    VALUES (@id, @campaignId, @departmentId, @issuer, @docCode, @docYear, @docSerial, @noticeDate, @deadline,
      @issuedAt, @issuedBy)`);
  const insertItem = db.prepare(`
    INSERT INTO rectification_items (id, notice_id, campaign_id, department_id, case_id, position, source, item_code,
      description, category, tags, reason, pages, status, reply, changed_by, changed_at)
    VALUES (@id, @noticeId, @campaignId, @departmentId, @caseId, @position, @source, @code, @description,
      @category, @tags, @reason, @pages, 'open', '', @changedBy, @changedAt)`);
  const itemById = db.prepare<[string], RawItem>(
    `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.id = ?`,
  );
  const itemsOfNotice = db.prepare<[string], RawItem>(
    `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.notice_id = ? ORDER BY i.position`,
  );
  type FilterParams = {
    campaignId: string;
    departmentId: string | null;
    statuses: string | null;
    overdueOn: string | null;
  };
  const page = db.prepare<[FilterParams & { limit: number; offset: number }], RawItem>(
    `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} ${ITEM_WHERE} ${ITEM_ORDER} LIMIT @limit OFFSET @offset`,
  );
  const overduePage = db.prepare<[FilterParams & { limit: number; offset: number }], RawItem>(
    `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} ${ITEM_WHERE} ${OVERDUE_ORDER} LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<[FilterParams], { n: number }>(
    `SELECT count(*) AS n ${ITEM_FROM} ${ITEM_WHERE}`,
  );
  const statusCounts = db.prepare<[string], StatusCountRow>(`
    SELECT n.department_id AS departmentId, d.name AS departmentName, n.deadline, i.status, count(*) AS count
    FROM rectification_items i JOIN rectification_notices n ON n.id = i.notice_id
      JOIN departments d ON d.id = n.department_id
    WHERE i.campaign_id = ? GROUP BY n.id, i.status ORDER BY d.name, n.id, i.status`);
  const setStatus = db.prepare(`
    UPDATE rectification_items SET status = @to, reply = @reply,
      replied_at = CASE WHEN reply <> @reply THEN @at ELSE replied_at END,
      changed_by = @userId, changed_at = @at,
      verified_by = CASE WHEN @to = 'verified' THEN @userId ELSE NULL END,
      verified_at = CASE WHEN @to = 'verified' THEN @at ELSE NULL END
    WHERE id = @id AND status = @from`);
  const addChange = db.prepare(`
    INSERT INTO rectification_changes (item_id, seq, from_status, to_status, reply, note, changed_by, changed_at)
    VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM rectification_changes WHERE item_id = @id), @from, @to,
      @reply, @note, @userId, @at)`);
  const changes = db.prepare<[string], ChangeRow>(`
    SELECT c.seq, c.from_status AS "from", c.to_status AS "to", c.reply, c.note, u.display_name AS changedByName,
      c.changed_at AS changedAt
    FROM rectification_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.item_id = ? ORDER BY c.seq`);
  const EVIDENCE_COLUMNS = `e.id, e.item_id AS itemId, e.sha256, e.file_name AS fileName, e.mime, e.size,
    u.display_name AS addedByName, e.added_at AS addedAt
    FROM rectification_evidence e LEFT JOIN users u ON u.id = e.added_by`;
  const evidenceOf = db.prepare<[string], EvidenceRow>(
    `SELECT ${EVIDENCE_COLUMNS} WHERE e.item_id = ? ORDER BY e.added_at, e.file_name, e.id`,
  );
  const evidenceOfItems = db.prepare<[string], EvidenceRow>(
    `SELECT ${EVIDENCE_COLUMNS} WHERE e.item_id IN (SELECT value FROM json_each(?))
     ORDER BY e.added_at, e.file_name, e.id`,
  );
  const evidenceById = db.prepare<[string], EvidenceRow>(
    `SELECT ${EVIDENCE_COLUMNS} WHERE e.id = ?`,
  );
  const insertEvidence = db.prepare(`
    INSERT INTO rectification_evidence (id, item_id, sha256, file_name, mime, size, added_by, added_at)
    VALUES (@id, @itemId, @sha256, @fileName, @mime, @size, @addedBy, @addedAt)`);
  const removeEvidence = db.prepare<[string]>('DELETE FROM rectification_evidence WHERE id = ?');
  const evidenceRefs = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM rectification_evidence WHERE sha256 = ?',
  );

  const setDeadline = db.prepare<{ noticeId: string; from: string; to: string }>(
    'UPDATE rectification_notices SET deadline = @to WHERE id = @noticeId AND deadline = @from',
  );
  const addExtension = db.prepare(`
    INSERT INTO rectification_extensions (notice_id, seq, from_deadline, to_deadline, reason, granted_by, granted_at)
    VALUES (@noticeId, (SELECT coalesce(max(seq), 0) + 1 FROM rectification_extensions WHERE notice_id = @noticeId),
      @from, @to, @reason, @userId, @at)`);
  const extensionsOfCampaign = db.prepare<[string], ExtensionRow>(`
    SELECT x.notice_id AS noticeId, x.seq, x.from_deadline AS "from", x.to_deadline AS "to", x.reason,
      u.display_name AS grantedByName, x.granted_at AS grantedAt
    FROM rectification_extensions x JOIN rectification_notices n ON n.id = x.notice_id
      LEFT JOIN users u ON u.id = x.granted_by
    WHERE n.campaign_id = ? ORDER BY x.notice_id, x.seq`);

  const params = (f: ItemFilter): FilterParams => ({
    campaignId: f.campaignId,
    departmentId: f.departmentId ?? null,
    statuses: f.statuses?.length ? JSON.stringify(f.statuses) : null,
    overdueOn: f.overdueOn ?? null,
  });

  return {
    notices: (campaignId: string) => notices.all(campaignId),
    noticeFor: (campaignId: string, departmentId: string) =>
      noticeFor.get(campaignId, departmentId) ?? null,
    insertNotice: (n: NoticeWrite) => void insertNotice.run(n),
    insertItem: (i: ItemWrite) => void insertItem.run({ ...i, tags: JSON.stringify(i.tags) }),
    item: (id: string) => {
      const r = itemById.get(id);
      return r ? fromItem(r) : null;
    },
    itemsOfNotice: (noticeId: string) => itemsOfNotice.all(noticeId).map(fromItem),
    /** One page of the filtered list and the filtered count. */
    items: (f: ItemFilter, limit: number, offset: number) => {
      const p = params(f);
      return {
        total: count.get(p)!.n,
        items: (p.overdueOn ? overduePage : page).all({ ...p, limit, offset }).map(fromItem),
      };
    },
    statusCounts: (campaignId: string) => statusCounts.all(campaignId),
    /** Moves a problem if it still has `from`; false when someone else moved it first. */
    setStatus: (w: StatusWrite): boolean => {
      if (setStatus.run(w).changes === 0) return false;
      addChange.run(w);
      return true;
    },
    changes: (itemId: string) => changes.all(itemId),
    evidenceOf: (itemId: string) => evidenceOf.all(itemId),
    evidenceOfItems: (itemIds: readonly string[]) =>
      itemIds.length ? evidenceOfItems.all(JSON.stringify(itemIds)) : [],
    evidence: (id: string) => evidenceById.get(id) ?? null,
    insertEvidence: (e: EvidenceWrite) => void insertEvidence.run(e),
    removeEvidence: (id: string) => removeEvidence.run(id).changes > 0,
    evidenceReferences: (sha256: string) => evidenceRefs.get(sha256)!.n,
    /** Moves a notice's deadline if it still is `from`, and records why; false when it moved. */
    extend: (w: ExtensionWrite): boolean => {
      if (setDeadline.run(w).changes === 0) return false;
      addExtension.run(w);
      return true;
    },
    /** Every extension of the campaign's notices, in order per notice. */
    extensions: (campaignId: string) => extensionsOfCampaign.all(campaignId),
  };
}
