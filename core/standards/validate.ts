// Checks of a template before it can be published, each with the place (path) and a precise
// message key: maxima that do not add up, deduction rules that do not fit their item, bands out of
// order, codes used twice.
import { formatPoints, type TemplateContent } from './model';

export interface TemplateProblem {
  /** Where: 'categories.1.items.3.unit', 'bands.2.min', '' for the whole template. */
  path: string;
  key: string;
  params: Record<string, string | number>;
}

const pts = formatPoints;

export function validateTemplate(
  t: TemplateContent,
  opts: { knownTags?: ReadonlySet<string> } = {},
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const add = (path: string, key: string, params: Record<string, string | number> = {}) =>
    out.push({ path, key: `standards.problems.${key}`, params });

  const categorySum = t.categories.reduce((a, c) => a + c.max, 0);
  if (categorySum !== t.total)
    add('total', 'categoriesSum', { sum: pts(categorySum), total: pts(t.total) });

  const codes = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const key = code.trim().toUpperCase();
    const first = codes.get(key);
    if (first) add(`${path}.code`, 'codeTwice', { code, first });
    else codes.set(key, path);
  };
  const tagCheck = (tags: readonly string[], path: string) => {
    if (!opts.knownTags) return;
    for (const tag of tags)
      if (!opts.knownTags.has(tag)) add(`${path}.tags`, 'unknownTag', { tag });
  };

  t.vetoItems.forEach((v, i) => {
    claim(v.code, `vetoItems.${i}`);
    tagCheck(v.tags, `vetoItems.${i}`);
  });
  t.categories.forEach((c, ci) => {
    const cp = `categories.${ci}`;
    claim(c.code, cp);
    if (c.items.length === 0) add(`${cp}.items`, 'categoryEmpty', { category: c.name });
    const itemSum = c.items.reduce((a, i) => a + i.max, 0);
    if (c.items.length && itemSum !== c.max) {
      add(`${cp}.max`, 'itemsSum', { category: c.name, sum: pts(itemSum), max: pts(c.max) });
    }
    c.items.forEach((item, ii) => {
      const ip = `${cp}.items.${ii}`;
      claim(item.code, ip);
      tagCheck(item.tags, ip);
      const at = { code: item.code, max: pts(item.max) };
      if (item.max <= 0) add(`${ip}.max`, 'itemMaxZero', at);
      if (item.max > c.max)
        add(`${ip}.max`, 'itemAboveCategory', { ...at, category: c.name, categoryMax: pts(c.max) });
      switch (item.mode) {
        case 'fixed':
          if (!item.deduct) add(`${ip}.deduct`, 'deductMissing', at);
          else if (item.deduct > item.max)
            add(`${ip}.deduct`, 'deductAboveMax', { ...at, deduct: pts(item.deduct) });
          if (
            item.partialUnit !== undefined &&
            (item.partialUnit <= 0 || item.partialUnit > item.max)
          ) {
            add(`${ip}.partialUnit`, 'partialUnitBad', { ...at, unit: pts(item.partialUnit) });
          }
          break;
        case 'per_occurrence':
          if (!item.unit) add(`${ip}.unit`, 'unitMissing', at);
          else if (item.unit > item.max)
            add(`${ip}.unit`, 'unitAboveMax', { ...at, unit: pts(item.unit) });
          break;
        case 'range': {
          const min = item.rangeMin;
          const max = item.rangeMax;
          if (min === undefined || max === undefined) add(`${ip}.rangeMin`, 'rangeMissing', at);
          else if (min <= 0 || min > max || max > item.max) {
            add(`${ip}.rangeMin`, 'rangeBad', { ...at, min: pts(min), rangeMax: pts(max) });
          } else if (item.step !== undefined && (item.step <= 0 || (max - min) % item.step !== 0)) {
            add(`${ip}.step`, 'stepBad', {
              ...at,
              step: pts(item.step),
              min: pts(min),
              rangeMax: pts(max),
            });
          }
          break;
        }
      }
    });
  });

  t.bands.forEach((b, i) => {
    const prev = t.bands[i - 1];
    if (prev && b.min >= prev.min)
      add(`bands.${i}.min`, 'bandsOrder', { band: b.name, min: pts(b.min), above: prev.name });
    if (b.min > t.total)
      add(`bands.${i}.min`, 'bandAboveTotal', {
        band: b.name,
        min: pts(b.min),
        total: pts(t.total),
      });
    if (t.bands.findIndex((x) => x.name === b.name) !== i)
      add(`bands.${i}.name`, 'bandTwice', { band: b.name });
  });
  const lowest = t.bands[t.bands.length - 1];
  if (lowest && lowest.min !== 0)
    add(`bands.${t.bands.length - 1}.min`, 'lowestBandNotZero', { band: lowest.name });

  t.bonus.items.forEach((b, i) => {
    claim(b.code, `bonus.items.${i}`);
    tagCheck(b.tags, `bonus.items.${i}`);
    if (b.points <= 0) add(`bonus.items.${i}.points`, 'bonusPointsZero', { code: b.code });
  });
  if (t.bonus.enabled && t.bonus.items.length === 0) add('bonus.items', 'bonusEmpty');
  return out;
}
