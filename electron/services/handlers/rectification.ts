// Use cases of rectification (整改, issue 7 item 7): the overview per department, issuing the
// 整改通知书 (tracking rows copied from the final results, one transaction, idempotent per
// department), the notice as DOCX, the problem list, status moves with the department's reply,
// evidence files, the overdue list and the summary for the next notice.
//
// The problems come from the one results model (loadCampaignResults), never from a second count.
// Evidence bytes are stored content-addressed like case attachments (BlobStore), in a store of
// their own under <data folder>/rectification/: attachments.remove deletes a blob once no case
// attachment refers to it, and must never take a department's evidence with it.
import path from 'node:path';
import { DEFAULT_LOCALE, type Locale } from '../../../core/accounts/schemas';
import { AppError, type ErrorParams } from '../../../core/api/errors';
import type {
  Extension,
  RectifyItem,
  RectifyNotice,
} from '../../../core/api/methods/rectification';
import { translate, type MessageKey } from '../../../core/i18n';
import { problemsOf } from '../../../core/rectify/problems';
import { overdueDays, progressOf, type TrackedProblem } from '../../../core/rectify/progress';
import { checkMove, type RectifyStatus } from '../../../core/rectify/status';
import { summaryParagraph } from '../../../core/rectify/summary';
import { compareZh } from '../../../core/results/collate';
import type { EvidenceRow, ExtensionRow, RectifyItemRow, RectifyNoticeRow } from '../../../db';
import { BlobStore, sniffMime } from '../files/blob-store';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { ZipReader } from '../import/zip';
import { addDays, safeFileName } from '../results/format';
import { loadCampaignResults, type TemplateCache } from '../results/load';
import { rectifyNoticeDocx, type RectifyFile } from '../results/rectify-docx';
import { SETTING_ORG_NAME } from '../settings-keys';
import { MAX_ATTACHMENT_BYTES } from './registry';
import { localDate } from '../../../core/time';

type RectifyMethod =
  | 'rectify.overview'
  | 'rectify.issue'
  | 'rectify.noticeDocx'
  | 'rectify.extend'
  | 'rectify.list'
  | 'rectify.item'
  | 'rectify.update'
  | 'rectify.attach'
  | 'rectify.evidence'
  | 'rectify.detach'
  | 'rectify.overdue'
  | 'rectify.summary';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const localeOf = (user: { locale: Locale | null }): Locale => user.locale ?? DEFAULT_LOCALE;

/** A calendar date on this machine (deadlines and "overdue" are local dates). */

const fail = (code: 'CONFLICT' | 'BAD_INPUT', key: MessageKey, params?: ErrorParams) =>
  new AppError(code, key, { key, ...(params ? { params } : {}) });

/** What an evidence file is: a scan (PDF, image) or a Word document (the written report). */
function evidenceMime(bytes: Uint8Array): string | null {
  const sniffed = sniffMime(bytes);
  if (sniffed) return sniffed;
  try {
    if (new ZipReader(bytes).entries.has('word/document.xml')) return DOCX_MIME;
  } catch {
    // not a ZIP: not a DOCX either
  }
  return null;
}

const toExtension = (x: ExtensionRow): Extension => ({
  from: x.from,
  to: x.to,
  reason: x.reason,
  grantedBy: x.grantedByName,
  grantedAt: x.grantedAt,
});

const toNotice = (
  n: RectifyNoticeRow,
  extensions: readonly ExtensionRow[] = [],
): RectifyNotice => ({
  id: n.id,
  departmentId: n.departmentId,
  departmentName: n.departmentName,
  issuer: n.issuer,
  docNumber:
    n.docCode && n.docYear !== null && n.docSerial !== null
      ? { code: n.docCode, year: n.docYear, serial: n.docSerial }
      : null,
  date: n.noticeDate,
  deadline: n.deadline,
  notifiedDeadline: n.notifiedDeadline,
  extensions: extensions.filter((x) => x.noticeId === n.id).map(toExtension),
  issuedAt: n.issuedAt,
  issuedBy: n.issuedByName,
});

const toEvidence = (e: EvidenceRow) => ({
  id: e.id,
  itemId: e.itemId,
  fileName: e.fileName,
  mime: e.mime,
  size: e.size,
  addedBy: e.addedByName,
  addedAt: e.addedAt,
});

export function rectificationHandlers(app: AppContext): HandlerGroup<RectifyMethod> {
  const { repos } = app;
  const rect = repos.rectification;
  const cache: TemplateCache = new Map();
  const blobs = new BlobStore(path.join(app.dataDir, 'rectification'));
  const now = () => app.now().toISOString();
  const today = () => localDate(app.now());

  const campaignOf = (id: string) => {
    const c = repos.campaigns.get(id);
    if (!c) throw new AppError('NOT_FOUND', `campaign ${id} not found`);
    return c;
  };
  const itemRow = (id: string) => {
    const it = rect.item(id);
    if (!it) throw new AppError('NOT_FOUND', `rectification item ${id} not found`);
    return it;
  };
  const issuerOf = (c: { organiser: string }) =>
    c.organiser || repos.settings.get(SETTING_ORG_NAME) || '';

  /** The campaign's files by department (id → name and case ids), from the draw. */
  const departmentsOf = (campaignId: string) => {
    const out = new Map<string, { name: string; caseIds: Set<string> }>();
    const rows = repos.campaigns.files(campaignId) as {
      caseId: string;
      departmentId: string;
      departmentName: string;
    }[];
    for (const f of rows) {
      let d = out.get(f.departmentId);
      if (!d) out.set(f.departmentId, (d = { name: f.departmentName, caseIds: new Set() }));
      d.caseIds.add(f.caseId);
    }
    return out;
  };

  const toItem = (r: RectifyItemRow, evidence: EvidenceRow[], asOf: string): RectifyItem => ({
    id: r.id,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    caseId: r.caseId,
    caseNo: r.caseNo,
    source: r.source,
    code: r.code,
    description: r.description,
    category: r.category,
    tags: r.tags,
    reason: r.reason,
    pages: r.pages,
    status: r.status,
    reply: r.reply,
    repliedAt: r.repliedAt,
    changedAt: r.changedAt,
    changedBy: r.changedByName,
    verifiedAt: r.verifiedAt,
    verifiedBy: r.verifiedByName,
    deadline: r.deadline,
    overdueDays: overdueDays(r.deadline, asOf, r.status),
    evidence: evidence.filter((e) => e.itemId === r.id).map(toEvidence),
  });
  const withEvidence = (rows: RectifyItemRow[], asOf: string) => {
    const evidence = rect.evidenceOfItems(rows.filter((r) => r.evidenceCount > 0).map((r) => r.id));
    return rows.map((r) => toItem(r, evidence, asOf));
  };

  const progress = (campaignId: string, asOf: string) =>
    progressOf(
      rect.statusCounts(campaignId).map((r): TrackedProblem => ({
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        deadline: r.deadline,
        status: r.status,
        count: r.count,
      })),
      asOf,
    );

  const statusName = (locale: Locale, s: RectifyStatus) =>
    translate(locale, `rectify.statuses.${s}`);

  return {
    'rectify.overview': (input) => {
      const c = campaignOf(input.campaignId);
      const r = loadCampaignResults(repos, c.id, cache);
      const asOf = today();
      const depts = departmentsOf(c.id);
      const extensions = rect.extensions(c.id);
      const notices = new Map(
        rect.notices(c.id).map((n) => [n.departmentId, toNotice(n, extensions)]),
      );
      const report = progress(c.id, asOf);
      const prog = new Map(report.departments.map((d) => [d.departmentId, d]));
      const rows = new Map(r.model.departments.map((d) => [d.departmentName, d]));
      const departments = [...depts.entries()]
        .map(([departmentId, d]) => {
          const row = rows.get(d.name);
          const problems = problemsOf(r.model, d.caseIds);
          const p = prog.get(departmentId);
          return {
            departmentId,
            departmentName: d.name,
            files: d.caseIds.size,
            finalFiles: row?.finalFiles ?? 0,
            meanHundredths: row?.meanHundredths ?? null,
            problems: problems.length,
            problemFiles: new Set(problems.map((x) => x.caseId)).size,
            notice: notices.get(departmentId) ?? null,
            counts: p?.counts ?? { open: 0, in_progress: 0, rectified: 0, verified: 0 },
            total: p?.total ?? 0,
            resolved: p?.resolved ?? 0,
            rateHundredths: p?.rateHundredths ?? null,
            overdue: p?.overdue ?? 0,
            isOverdue: p?.isOverdue ?? false,
            overdueDays: p?.overdueDays ?? 0,
          };
        })
        .sort(
          (a, b) =>
            compareZh(a.departmentName, b.departmentName) ||
            (a.departmentId < b.departmentId ? -1 : 1),
        );
      const totals = report.totals;
      return {
        campaignId: c.id,
        name: c.name,
        year: c.year,
        status: c.status,
        asOf,
        defaults: { issuer: issuerOf(c), date: asOf, deadline: addDays(asOf, 30) },
        departments,
        totals: {
          counts: totals.counts,
          total: totals.total,
          resolved: totals.resolved,
          rateHundredths: totals.rateHundredths,
          overdue: totals.overdue,
          problems: departments.reduce((a, d) => a + d.problems, 0),
          notified: notices.size,
        },
      };
    },

    'rectify.issue': (input, call) => {
      const locale = localeOf(call.user);
      const c = campaignOf(input.campaignId);
      // Rectification follows the published results: only a finished campaign (every file has
      // its final score, and a 已完成 campaign never moves again) has problems that stay settled.
      if (c.status !== 'done') {
        throw fail('CONFLICT', 'rectify.errors.campaignNotDone', {
          status: translate(locale, `campaigns.statuses.${c.status}`),
        });
      }
      const date = input.date ?? today();
      const deadline = input.deadline ?? addDays(date, input.rectifyDays);
      if (deadline < date) {
        throw fail('BAD_INPUT', 'rectify.errors.deadlineBeforeDate', { deadline, date });
      }
      const depts = departmentsOf(c.id);
      const r = loadCampaignResults(repos, c.id, cache);
      const ids = [...new Set(input.departmentIds)];
      // Everything is checked before anything is written: one department that cannot be
      // notified refuses the whole call.
      const plans = ids.map((departmentId) => {
        const d = depts.get(departmentId);
        if (!d) throw fail('BAD_INPUT', 'rectify.errors.departmentNotInCampaign');
        const problems = problemsOf(r.model, d.caseIds);
        if (!problems.length) throw fail('CONFLICT', 'rectify.errors.noProblems', { name: d.name });
        return { departmentId, problems };
      });
      const issuer = input.issuer ?? issuerOf(c);
      const doc = input.docNumber && input.docNumber.code ? input.docNumber : null;
      const at = now();
      const notices = app.tx(() =>
        plans.map(({ departmentId, problems }) => {
          const existing = rect.noticeFor(c.id, departmentId);
          if (existing) {
            return {
              notice: toNotice(existing, rect.extensions(c.id)),
              created: false,
              problems: rect.itemsOfNotice(existing.id).length,
            };
          }
          const noticeId = app.newId();
          rect.insertNotice({
            id: noticeId,
            campaignId: c.id,
            departmentId,
            issuer,
            docCode: doc?.code ?? '',
            docYear: doc?.year ?? null,
            docSerial: doc?.serial ?? null,
            noticeDate: date,
            deadline,
            issuedAt: at,
            issuedBy: call.user.id,
          });
          for (const p of problems) {
            rect.insertItem({
              id: app.newId(),
              noticeId,
              campaignId: c.id,
              departmentId,
              caseId: p.caseId,
              position: p.position,
              source: p.source,
              code: p.code,
              description: p.text,
              category: p.categoryName,
              tags: p.tags,
              reason: p.reason,
              pages: p.pages,
              changedBy: call.user.id,
              changedAt: at,
            });
          }
          app.audit(
            call.user,
            'rectify.issued',
            { type: 'campaign', id: c.id },
            { departmentId, noticeId, problems: problems.length, date, deadline },
          );
          return {
            notice: toNotice(rect.noticeFor(c.id, departmentId)!),
            created: true,
            problems: problems.length,
          };
        }),
      );
      return { notices };
    },

    'rectify.noticeDocx': async (input, call) => {
      const locale = localeOf(call.user);
      const c = campaignOf(input.campaignId);
      const n = rect.noticeFor(c.id, input.departmentId);
      if (!n) {
        const d = repos.departments.findById(input.departmentId);
        if (!d) throw new AppError('NOT_FOUND', `department ${input.departmentId} not found`);
        throw fail('CONFLICT', 'rectify.errors.notIssued', { name: d.name });
      }
      const items = rect.itemsOfNotice(n.id);
      const r = loadCampaignResults(repos, c.id, cache);
      const outcome = new Map(r.model.files.map((f) => [f.caseId, f]));
      const files: RectifyFile[] = [];
      for (const it of items) {
        let f = files[files.length - 1];
        if (!f || f.caseNo !== it.caseNo) {
          const o = outcome.get(it.caseId);
          f = {
            caseNo: it.caseNo,
            total: o?.final?.total ?? null,
            grade: o?.final?.grade ?? null,
            problems: [],
          };
          files.push(f);
        }
        f.problems.push({
          source: it.source,
          description: it.description,
          reason: it.reason,
          pages: it.pages,
        });
      }
      const row = r.model.departments.find((d) => d.departmentName === n.departmentName);
      const notice = toNotice(n);
      const bytes = await rectifyNoticeDocx({
        locale,
        year: c.year,
        campaignName: c.name,
        issuer: n.issuer,
        docNumber: notice.docNumber,
        departmentName: n.departmentName,
        date: n.noticeDate,
        // The document as issued: an extension is a later decision, not a change of the notice.
        deadline: n.notifiedDeadline,
        results: {
          finalFiles: row?.finalFiles ?? 0,
          meanHundredths: row?.meanHundredths ?? null,
          grades: row?.grades ?? [],
          vetoFiles: row?.vetoFiles ?? 0,
        },
        files,
      });
      const name = translate(locale, 'rectify.notice.fileName', { department: n.departmentName });
      return { fileName: `${safeFileName(name)}.docx`, bytes };
    },

    'rectify.extend': (input, call) => {
      const c = campaignOf(input.campaignId);
      return app.tx(() => {
        const n = rect.noticeFor(c.id, input.departmentId);
        if (!n) {
          const d = repos.departments.findById(input.departmentId);
          if (!d) throw new AppError('NOT_FOUND', `department ${input.departmentId} not found`);
          throw fail('CONFLICT', 'rectify.errors.notIssued', { name: d.name });
        }
        if (n.deadline !== input.expected) {
          throw fail('CONFLICT', 'rectify.errors.deadlineChanged', {
            name: n.departmentName,
            current: n.deadline,
          });
        }
        if (input.deadline <= n.deadline) {
          throw fail('BAD_INPUT', 'rectify.errors.extendNotLater', {
            deadline: input.deadline,
            current: n.deadline,
          });
        }
        rect.extend({
          noticeId: n.id,
          from: n.deadline,
          to: input.deadline,
          reason: input.reason,
          userId: call.user.id,
          at: now(),
        });
        app.audit(
          call.user,
          'rectify.extended',
          { type: 'campaign', id: c.id },
          {
            departmentId: n.departmentId,
            noticeId: n.id,
            from: n.deadline,
            to: input.deadline,
            reason: input.reason,
          },
        );
        return toNotice(rect.noticeFor(c.id, n.departmentId)!, rect.extensions(c.id));
      });
    },

    'rectify.list': (input) => {
      campaignOf(input.campaignId);
      const asOf = today();
      const { total, items } = rect.items(
        {
          campaignId: input.campaignId,
          departmentId: input.departmentId,
          statuses: input.statuses,
        },
        input.pageSize,
        (input.page - 1) * input.pageSize,
      );
      return {
        asOf,
        total,
        page: input.page,
        pageSize: input.pageSize,
        items: withEvidence(items, asOf),
      };
    },

    'rectify.item': (input) => {
      const it = itemRow(input.itemId);
      return {
        item: toItem(it, rect.evidenceOf(it.id), today()),
        changes: rect.changes(it.id).map((ch) => ({
          from: ch.from,
          to: ch.to,
          reply: ch.reply,
          note: ch.note,
          changedBy: ch.changedByName,
          changedAt: ch.changedAt,
        })),
      };
    },

    'rectify.update': (input, call) => {
      const locale = localeOf(call.user);
      const changed = app.tx(() => {
        const it = itemRow(input.itemId);
        if (input.expected && input.expected !== it.status) {
          throw fail('CONFLICT', 'rectify.errors.stale', { status: statusName(locale, it.status) });
        }
        const reply = input.reply ?? it.reply;
        const refusal = checkMove({ from: it.status, to: input.status, reply, note: input.note });
        if (refusal) {
          throw fail(
            // Missing text is bad input; a move the rules forbid conflicts with the state.
            refusal === 'replyRequired' || refusal === 'noteRequired' ? 'BAD_INPUT' : 'CONFLICT',
            `rectify.errors.${refusal}`,
            {
              from: statusName(locale, it.status),
              to: statusName(locale, input.status),
            },
          );
        }
        if (input.status === it.status && reply === it.reply) return it.id; // nothing to change
        const moved = rect.setStatus({
          id: it.id,
          from: it.status,
          to: input.status,
          reply,
          note: input.note,
          userId: call.user.id,
          at: now(),
        });
        if (!moved)
          throw fail('CONFLICT', 'rectify.errors.stale', { status: statusName(locale, it.status) });
        app.audit(
          call.user,
          'rectify.updated',
          { type: 'rectification', id: it.id },
          {
            campaignId: it.campaignId,
            departmentId: it.departmentId,
            caseId: it.caseId,
            code: it.code,
            from: it.status,
            to: input.status,
            replyChanged: reply !== it.reply,
            ...(input.note ? { note: input.note } : {}),
          },
        );
        return it.id;
      });
      const it = itemRow(changed);
      return toItem(it, rect.evidenceOf(it.id), today());
    },

    'rectify.attach': (input, call) => {
      const { fileName, bytes } = input.file;
      if (bytes.length === 0) {
        throw fail('BAD_INPUT', 'errors.fileEmpty', { file: fileName });
      }
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        throw fail('BAD_INPUT', 'errors.fileTooLarge', {
          file: fileName,
          maxMb: MAX_ATTACHMENT_BYTES / 1048576,
        });
      }
      const mime = evidenceMime(bytes);
      if (!mime) throw fail('BAD_INPUT', 'rectify.errors.evidenceType', { file: fileName });
      const it = itemRow(input.itemId);
      if (it.status === 'verified') throw fail('CONFLICT', 'rectify.errors.evidenceLocked');
      // Written before the row: a crash leaves an orphan blob, never a row without its bytes.
      const sha256 = blobs.put(bytes);
      return app.tx(() => {
        if (itemRow(it.id).status === 'verified') {
          throw fail('CONFLICT', 'rectify.errors.evidenceLocked');
        }
        const e = {
          id: app.newId(),
          itemId: it.id,
          sha256,
          fileName,
          mime,
          size: bytes.length,
          addedBy: call.user.id,
          addedAt: now(),
        };
        rect.insertEvidence(e);
        app.audit(
          call.user,
          'rectify.evidenceAdded',
          { type: 'rectification', id: it.id },
          { evidenceId: e.id, fileName, sha256, size: e.size },
        );
        return toEvidence(rect.evidence(e.id)!);
      });
    },

    'rectify.evidence': (input) => {
      const e = rect.evidence(input.evidenceId);
      if (!e) throw new AppError('NOT_FOUND', `evidence ${input.evidenceId} not found`);
      return { fileName: e.fileName, mime: e.mime, bytes: blobs.get(e.sha256) };
    },

    'rectify.detach': (input, call) => {
      app.tx(() => {
        const e = rect.evidence(input.evidenceId);
        if (!e) throw new AppError('NOT_FOUND', `evidence ${input.evidenceId} not found`);
        if (itemRow(e.itemId).status === 'verified') {
          throw fail('CONFLICT', 'rectify.errors.evidenceLocked');
        }
        rect.removeEvidence(e.id);
        app.audit(
          call.user,
          'rectify.evidenceRemoved',
          { type: 'rectification', id: e.itemId },
          { evidenceId: e.id, fileName: e.fileName, sha256: e.sha256 },
        );
        return e;
      });
      // The file stays in the evidence store: a restored backup from before the removal names it.
      return { ok: true as const };
    },

    'rectify.overdue': (input) => {
      campaignOf(input.campaignId);
      const asOf = today();
      const { total, items } = rect.items(
        { campaignId: input.campaignId, overdueOn: asOf },
        input.pageSize,
        (input.page - 1) * input.pageSize,
      );
      return {
        asOf,
        total,
        page: input.page,
        pageSize: input.pageSize,
        items: withEvidence(items, asOf),
        departments: progress(input.campaignId, asOf)
          .departments.filter((d) => d.isOverdue)
          .sort((a, b) => b.overdueDays - a.overdueDays || b.overdue - a.overdue),
      };
    },

    'rectify.summary': (input, call) => {
      const c = campaignOf(input.campaignId);
      const asOf = today();
      const report = progress(c.id, asOf);
      const notified = new Set(report.departments.map((d) => d.departmentId));
      const r = loadCampaignResults(repos, c.id, cache);
      const notNotified = [...departmentsOf(c.id).entries()]
        .filter(([id, d]) => !notified.has(id) && problemsOf(r.model, d.caseIds).length > 0)
        .map(([, d]) => d.name)
        .sort(compareZh);
      return {
        asOf,
        departments: report.departments,
        totals: report.totals,
        notNotified,
        paragraph: summaryParagraph(
          localeOf(call.user),
          report,
          new Set(rect.extensions(c.id).map((x) => x.noticeId)).size,
        ),
      };
    },
  };
}
