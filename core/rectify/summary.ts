// The ready-made paragraph on rectification for the next evaluation notice (上一轮评查问题整改情况):
// how many departments were notified, how many problems, how many are rectified and verified, the
// rate, how many were granted a later deadline (整改延期), and who is overdue. Pure: the progress report in, text in the user's language out.
import type { Locale } from '../accounts/schemas';
import { translate } from '../i18n';
import { compareZh, formatHundredths } from '../results/collate';
import { officialDate } from '../results/notice';
import type { ProgressReport } from './progress';

/** At most this many overdue departments are named; the rest are counted. */
export const NAMED_OVERDUE = 5;

export function summaryParagraph(
  locale: Locale,
  report: ProgressReport,
  /** Departments whose deadline was extended. */
  extendedDepartments = 0,
): string {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(locale, `rectify.summary.${k}`, params);
  const date = officialDate(locale, report.asOf);
  const x = report.totals;
  if (x.departments === 0) return t('none', { date });
  let text = t('intro', { date, departments: x.departments, total: x.total });
  text += t('status', {
    resolved: x.resolved,
    verified: x.counts.verified,
    inProgress: x.counts.in_progress,
    open: x.counts.open,
    rate: formatHundredths(x.rateHundredths ?? 0),
  });
  if (x.resolved === x.total) {
    text += x.counts.verified === x.total ? t('allVerified') : t('allResolved');
    return text;
  }
  if (extendedDepartments > 0) text += t('extended', { count: extendedDepartments });
  if (x.overdue > 0) {
    const late = report.departments
      .filter((d) => d.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue || compareZh(a.departmentName, b.departmentName));
    const named = late
      .slice(0, NAMED_OVERDUE)
      .map((d) => t('overdueItem', { name: d.departmentName, count: d.overdue }))
      .join(t('separator'));
    const more = late.length > NAMED_OVERDUE ? t('overdueMore', { count: late.length }) : '';
    text += t('overdue', { departments: late.length, count: x.overdue, list: named, more });
  }
  text += t('closing');
  return text;
}
