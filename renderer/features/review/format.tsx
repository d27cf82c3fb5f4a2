// Shared wording and small pieces of the review screens: points in tenths, grade and state tags,
// discrepancy flags in words, what a finding records, and API errors whose parameters name a
// campaign state.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import type { FileResult } from '../../../core/api/methods/scoring';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../core/campaigns/schemas';
import type { TaskStatus } from '../../../core/scoring/schemas';
import { describeRule } from '../../../core/standards/describe';
import { formatPoints, type Finding, type Item } from '../../../core/standards/model';
import { tr } from '../../i18n/errors';

export const pts = formatPoints;

/** Local date and time of an ISO timestamp. */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';

/** Campaign states in which sheets are written, returned and decided. */
export const OPEN_STATES: readonly CampaignStatus[] = ['scoring', 'review'];
/** Campaign states the dashboard follows. */
export const DASHBOARD_STATES: readonly CampaignStatus[] = ['scoring', 'review', 'done'];

export const CAMPAIGN_COLORS: Partial<Record<CampaignStatus, string>> = {
  scoring: 'processing',
  review: 'orange',
  done: 'green',
};

const GRADE_COLORS: Record<string, string> = {
  优秀: 'green',
  良好: 'blue',
  合格: 'gold',
  不合格: 'red',
};
const BAND_COLORS = ['green', 'blue', 'gold', 'red'];

/** A grade's colour: by its usual name, else by its place among the bands (0 = best). */
export function gradeColor(grade: string, bandIndex: number): string {
  return GRADE_COLORS[grade] ?? BAND_COLORS[Math.min(bandIndex, BAND_COLORS.length - 1)]!;
}

export function GradeTag({
  grade,
  bandIndex,
  testId,
}: {
  grade: string;
  bandIndex: number;
  testId?: string;
}) {
  return (
    <Tag color={gradeColor(grade, bandIndex)} data-testid={testId} className="review-grade">
      {grade}
    </Tag>
  );
}

const STATE_COLORS: Record<FileResult['state'], string> = {
  waiting: 'default',
  review: 'orange',
  final: 'green',
};

export function StateTag({ state }: { state: FileResult['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="result-state" data-state={state}>
      {t(`scoring.resultState.${state}`)}
    </Tag>
  );
}

const TASK_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'success',
  returned: 'error',
};

export function TaskTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TASK_COLORS[status]} data-testid="task-status" data-status={status}>
      {t(`scoring.taskStatus.${status}`)}
    </Tag>
  );
}

/** A discrepancy flag in words (differences in points, grades listed). */
export function flagText(flag: FileResult['flags'][number]): string {
  switch (flag.kind) {
    case 'veto':
      return tr('scoring.flags.veto', { withVeto: flag.withVeto, without: flag.without });
    case 'band':
      return tr('scoring.flags.band', { grades: flag.grades.join(tr('reviewUi.listSeparator')) });
    case 'threshold':
      return tr('scoring.flags.threshold', {
        difference: pts(flag.difference),
        threshold: pts(flag.threshold),
      });
  }
}

/** A short label for a flag (table cells). */
export const flagLabel = (flag: FileResult['flags'][number]) =>
  tr(`reviewUi.flagShort.${flag.kind}`);

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

/** An item's rule as the standard writes it ("每处扣2分；扣完为止"). */
export function ruleText(item: Item): string {
  return describeRule(item)
    .map((r) => tr(r.key, r.params))
    .join(tr('standards.rules.separator'));
}

/** What an item finding records, in words: "2 处", "缺失", "不规范 3 处", "扣 2.5 分", "不适用". */
export function entryText(item: Item, f: Finding | undefined): string {
  if (!f || f.kind !== 'item') return '';
  if (f.na) return tr('reviewUi.entry.na');
  const parts: string[] = [];
  if (f.missing) parts.push(tr('reviewUi.entry.missing'));
  if (f.count) {
    parts.push(
      item.mode === 'fixed'
        ? tr('reviewUi.entry.defects', { count: f.count })
        : tr('reviewUi.entry.occurrences', { count: f.count }),
    );
  }
  if (f.amount) parts.push(tr('reviewUi.entry.amount', { points: pts(f.amount) }));
  return parts.join(tr('reviewUi.listSeparator'));
}

/** data-* attributes for an element (what the page objects of the tests look for). */
export function dataAttrs(attrs: Record<`data-${string}`, string>): Record<string, string> {
  return attrs;
}
