// Use cases of the audit trail (issue 8 item 6): list with filters, verify the chain, export the
// log signed. Reads only, except the export's own entry.
import { DEFAULT_LOCALE } from '../../../core/accounts/schemas';
import { translate } from '../../../core/i18n';
import { buildAuditExport, dbFilter } from '../audit/export';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { localStamp } from '../../../core/time';

/** 20261123-100000 in this machine's time: the file name people see. */

export function auditHandlers(
  app: AppContext,
): HandlerGroup<'audit.list' | 'audit.verify' | 'audit.export'> {
  const { repos } = app;
  return {
    'audit.list': (input) => {
      const { page, pageSize, ...filter } = input;
      const { total, entries } = repos.audit.list(
        dbFilter(filter),
        (page - 1) * pageSize,
        pageSize,
      );
      return { total, page, pageSize, entries };
    },

    'audit.verify': () => {
      const v = repos.audit.verify();
      const broken = v.firstBrokenSeq === null ? null : repos.audit.get(v.firstBrokenSeq);
      return {
        ...v,
        firstBroken:
          v.firstBrokenSeq === null
            ? null
            : { seq: v.firstBrokenSeq, at: broken?.at ?? null, action: broken?.action ?? null },
      };
    },

    'audit.export': (input, call) => {
      call.progress('export', 0, 1);
      const out = buildAuditExport(app, call.user, input.filter);
      call.progress('export', 1, 1);
      const locale = call.user.locale ?? DEFAULT_LOCALE;
      return {
        fileName: `${translate(locale, 'audit.fileName', { stamp: localStamp(app.now()) })}.jsonl`,
        bytes: new Uint8Array(Buffer.from(out.text, 'utf8')),
        count: out.count,
        keyFingerprint: out.keyFingerprint,
      };
    },
  };
}
