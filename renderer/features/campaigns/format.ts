// Shared wording of the campaign screens: state colours, plan summaries, points in tenths, and
// API errors whose parameters name a campaign state (sent as codes, shown in the user's language).
import type { HTMLAttributes } from 'react';
import type { ApiError } from '../../../core/api/errors';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../core/campaigns/schemas';
import { tr } from '../../i18n/errors';
import type { FilePlan } from './draft-store';

export const STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  drawn: 'blue',
  assigned: 'cyan',
  scoring: 'processing',
  review: 'orange',
  done: 'green',
};

const isStatus = (v: unknown): v is CampaignStatus =>
  typeof v === 'string' && (CAMPAIGN_STATUSES as readonly string[]).includes(v);

/** The error with state codes in its parameters replaced by their names. */
export function localizeError(error: ApiError): ApiError {
  const params = { ...error.params };
  for (const k of ['status', 'from', 'to']) {
    const v = params[k];
    if (isStatus(v)) params[k] = tr(`campaigns.statuses.${v}`);
  }
  return { ...error, params };
}

/** Constraint violations of an assignment (field errors keyed `campaigns.violations.*`). */
export function violationTexts(error: ApiError | null): string[] {
  return (error?.fieldErrors ?? [])
    .filter((f) => f.key.startsWith('campaigns.violations.'))
    .map((f) => tr(f.key, f.params));
}

/** Tenths of a point as shown: 50 → "5", 55 → "5.5". */
export function points(tenths: number): string {
  return String(tenths / 10);
}

export function planSummary(plan: FilePlan, typeName: (code: string) => string): string {
  switch (plan.kind) {
    case 'type_totals':
      return tr('campaigns.doc.planTypeTotals', {
        totals: Object.entries(plan.totals)
          .filter(([, n]) => n > 0)
          .map(([type, count]) =>
            tr('campaignsUi.plan.totalsItem', { type: typeName(type), count }),
          )
          .join(tr('campaigns.doc.listSeparator')),
      });
    case 'department_quota':
      return tr('campaigns.doc.planQuota', {
        quota: plan.quota,
        byType: plan.byType ? tr('campaigns.doc.planQuotaByType') : '',
      });
    case 'proportional':
      return tr('campaigns.doc.planProportional', {
        total: plan.total,
        min: plan.min,
        max: plan.max,
      });
  }
}

/** data-* attributes for a table row (what the page objects of the tests look for). */
export function rowData(attrs: Record<`data-${string}`, string>): HTMLAttributes<HTMLElement> {
  return attrs as HTMLAttributes<HTMLElement>;
}
