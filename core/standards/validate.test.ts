import { describe, expect, it } from 'vitest';
import { DEFAULT_PENALTY, DEFAULT_TEMPLATES } from './defaults';
import { DEFAULT_TAGS } from './tags';
import { cloneTemplate, type TemplateContent } from './model';
import { validateTemplate } from './validate';

const broken = (edit: (t: TemplateContent) => void) => {
  const t = cloneTemplate(DEFAULT_PENALTY);
  edit(t);
  return validateTemplate(t).map((p) => [
    p.path,
    p.key.replace('standards.problems.', ''),
    p.params,
  ]);
};

describe('template validation', () => {
  it('names category maxima that do not sum to the total', () => {
    expect(broken((t) => (t.categories[0]!.max = 250))).toEqual([
      ['total', 'categoriesSum', { sum: '95', total: '100' }],
      ['categories.0.max', 'itemsSum', { category: '实体', sum: '30', max: '25' }],
    ]);
  });

  it('names items that do not fit their category or their own rule', () => {
    expect(
      broken((t) => {
        const a = t.categories[0]!.items;
        a[0]!.unit = 70; // 7 per occurrence on a 6-point item
        a[3]!.rangeMin = 90; // range starts above its max
      }),
    ).toEqual([
      ['categories.0.items.0.unit', 'unitAboveMax', { code: 'A1', max: '6', unit: '7' }],
      [
        'categories.0.items.3.rangeMin',
        'rangeBad',
        { code: 'A4', max: '8', min: '9', rangeMax: '8' },
      ],
    ]);
  });

  it('names bands out of order, and codes used twice', () => {
    expect(
      broken((t) => {
        t.bands[1]!.min = 950;
        t.vetoItems[1]!.code = 'a1';
      }),
    ).toEqual([
      ['categories.0.items.0.code', 'codeTwice', { code: 'A1', first: 'vetoItems.1' }],
      ['bands.1.min', 'bandsOrder', { band: '良好', min: '95', above: '优秀' }],
    ]);
  });

  it('the defaults use only tags of the default vocabulary', () => {
    const known = new Set(DEFAULT_TAGS.map((x) => x.code));
    for (const t of DEFAULT_TEMPLATES)
      expect(validateTemplate(t, { knownTags: known })).toEqual([]);
  });

  it('checks tags against the vocabulary when one is given', () => {
    const t = cloneTemplate(DEFAULT_PENALTY);
    t.categories[0]!.items[0]!.tags = ['B02', 'ZZ9'];
    expect(
      validateTemplate(t, { knownTags: new Set(['B02']) }).map((p) => p.params),
    ).toContainEqual({ tag: 'ZZ9' });
  });
});
