// How the tasks screens show points, times, deadlines and states.
import dayjs from 'dayjs';
import type { TaskStatus } from '../../../core/scoring/schemas';
import { formatPoints } from '../../../core/standards/model';

export const pts = formatPoints;

/** Local date and time of an ISO timestamp. */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';

export const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'success',
  returned: 'error',
};

/** Days from today to a YYYY-MM-DD deadline (negative once it has passed). */
export function daysLeft(deadline: string, today = dayjs()): number {
  return dayjs(deadline).startOf('day').diff(today.startOf('day'), 'day');
}

/** Tag colour of a grade band: best green, worst red, the others blue. */
export const bandColor = (index: number, bands: number) =>
  index === 0 ? 'green' : index === bands - 1 ? 'red' : 'blue';
