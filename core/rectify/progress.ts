// Rectification progress (整改进度): counts per status, overdue problems and the rectification
// rate, per department and in all. Pure; dates are calendar dates (YYYY-MM-DD) and "today" is
// given by the caller (the machine's local date), so the same inputs always give the same answer.
import { compareZh, percentHundredths } from '../results/collate';
import { RECTIFY_STATUSES, UNRESOLVED, type RectifyStatus } from './status';

export type StatusCounts = Record<RectifyStatus, number>;

export const zeroCounts = (): StatusCounts => ({
  open: 0,
  in_progress: 0,
  rectified: 0,
  verified: 0,
});

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Days a problem is overdue, or 0 when it is not. "于2026年1月5日前报送" allows the deadline day
 * itself, so a problem becomes overdue the day after, and only while it is not rectified
 * (未整改 or 整改中): a problem rectified late is not overdue any more.
 */
export function overdueDays(deadline: string, today: string, status: RectifyStatus): number {
  if (!UNRESOLVED.includes(status)) return 0;
  return Math.max(0, daysBetween(deadline, today));
}

export interface TrackedProblem {
  departmentId: string;
  departmentName: string;
  /** The deadline of the department's notice. */
  deadline: string;
  status: RectifyStatus;
  /** How many problems this entry stands for (a grouped count from the database); default 1. */
  count?: number;
}

export interface Progress {
  counts: StatusCounts;
  total: number;
  /** 已整改 + 已复核. */
  resolved: number;
  /** resolved / total in hundredths of a percent; null without problems. */
  rateHundredths: number | null;
  /** Problems past the deadline and not rectified. */
  overdue: number;
}

export interface DepartmentProgress extends Progress {
  departmentId: string;
  departmentName: string;
  deadline: string;
  /** The deadline has passed with problems not rectified. */
  isOverdue: boolean;
  /** Days past the deadline (0 when not overdue). */
  overdueDays: number;
}

export interface ProgressReport {
  asOf: string;
  /** By department name (zh-CN). */
  departments: DepartmentProgress[];
  totals: Progress & { departments: number; overdueDepartments: number };
}

function finish<T extends { counts: StatusCounts; overdue: number }>(p: T): T & Progress {
  const total = RECTIFY_STATUSES.reduce((a, s) => a + p.counts[s], 0);
  const resolved = p.counts.rectified + p.counts.verified;
  return { ...p, total, resolved, rateHundredths: percentHundredths(resolved, total) };
}

/** Counts per department and in all, as of `today`. */
export function progressOf(items: readonly TrackedProblem[], today: string): ProgressReport {
  const byDept = new Map<
    string,
    { departmentName: string; deadline: string; counts: StatusCounts; overdue: number }
  >();
  const totals = { counts: zeroCounts(), overdue: 0 };
  for (const it of items) {
    let d = byDept.get(it.departmentId);
    if (!d) {
      d = {
        departmentName: it.departmentName,
        deadline: it.deadline,
        counts: zeroCounts(),
        overdue: 0,
      };
      byDept.set(it.departmentId, d);
    }
    const n = it.count ?? 1;
    d.counts[it.status] += n;
    totals.counts[it.status] += n;
    if (overdueDays(it.deadline, today, it.status) > 0) {
      d.overdue += n;
      totals.overdue += n;
    }
  }
  const departments = [...byDept.entries()]
    .map(([departmentId, d]) => {
      const late = d.overdue > 0 ? daysBetween(d.deadline, today) : 0;
      return finish({ departmentId, ...d, isOverdue: d.overdue > 0, overdueDays: late });
    })
    .sort(
      (a, b) =>
        compareZh(a.departmentName, b.departmentName) || (a.departmentId < b.departmentId ? -1 : 1),
    );
  return {
    asOf: today,
    departments,
    totals: {
      ...finish(totals),
      departments: departments.length,
      overdueDepartments: departments.filter((d) => d.isOverdue).length,
    },
  };
}
