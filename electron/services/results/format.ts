// Formatting shared by the results documents: dates as official documents write them, numbers
// from the results model (tenths of a point, hundredths of a point or a percent) as text, and
// the anonymisation of evaluators' reasons for the notice's typical examples.
import { formatHundredths } from '../../../core/results/collate';
import { formatPoints } from '../../../core/standards/model';

export const points = (tenths: number) => formatPoints(tenths);
export const hundredths = (h: number) => formatHundredths(h);

// Dates, the anonymiser and clauses are part of the notice's content model (pure, in core) and
// are re-exported here for the other documents.
export { addDays, anonymiser, clause, officialDate } from '../../../core/results/notice';

/** File names without characters Windows or a ZIP reader would refuse. */
export const safeFileName = (s: string) =>
  s
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim()
    .slice(0, 120);
