// How an item's deduction rule reads in a published standard ("每处扣2分，扣完为止"): one
// description for the editor, the printable view and the DOCX export alike.
import { formatPoints, type Item } from './model';

export interface RuleText {
  key: string;
  params: Record<string, string | number>;
}

/** The parts of an item's rule, each an i18n key under standards.rules. */
export function describeRule(item: Item): RuleText[] {
  const p = formatPoints;
  const out: RuleText[] = [];
  switch (item.mode) {
    case 'fixed':
      out.push({ key: 'standards.rules.fixed', params: { deduct: p(item.deduct ?? item.max) } });
      if (item.partialUnit)
        out.push({ key: 'standards.rules.partial', params: { unit: p(item.partialUnit) } });
      break;
    case 'per_occurrence':
      out.push({ key: 'standards.rules.perOccurrence', params: { unit: p(item.unit ?? 0) } });
      out.push({
        key: item.overflow === 'refuse' ? 'standards.rules.refuse' : 'standards.rules.cap',
        params: {},
      });
      break;
    case 'range':
      out.push({
        key: 'standards.rules.range',
        params: { min: p(item.rangeMin ?? 0), max: p(item.rangeMax ?? item.max) },
      });
      break;
  }
  if (item.naFullMarks) out.push({ key: 'standards.rules.na', params: {} });
  return out;
}
