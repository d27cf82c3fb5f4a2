// A standard to and from XLSX, so that an office can type its province's standard into Excel and
// load it: one row per item (评查项目), and sheets for veto items (否决项), grade bands (等次),
// bonus items (加分项) and the template's own fields (基本信息). Export then import gives back the
// same content; import names every problem by sheet, row and column.
import type { Locale } from '../../../core/accounts/schemas';
import { AppError, type FieldError } from '../../../core/api/errors';
import { zodFieldErrors } from '../../../core/api/validation';
import type { MessageKey } from '../../../core/i18n';
import { translate } from '../../../core/i18n';
import { cleanText, columnLetter } from '../../../core/import/text';
import type { CellValue, SourceRow } from '../../../core/import/types';
import type { CaseType } from '../../../core/registry/schemas';
import {
  DEDUCTION_MODES,
  OVERFLOW_RULES,
  TEMPLATE_FORMAT,
  TemplateContentSchema,
  VETO_EFFECTS,
  formatPoints,
  parsePoints,
  type Category,
  type Item,
  type TemplateContent,
} from '../../../core/standards/model';
import { table, writeWorkbook, type TableColumn } from '../files/xlsx-writer';
import { readXlsxSheets, XlsxError } from '../import/xlsx-reader';

/** Sheet names and column headers: zh-CN is written by default; both languages are read. */
const SHEETS = {
  info: { 'zh-CN': '基本信息', 'en-US': 'Template' },
  items: { 'zh-CN': '评查项目', 'en-US': 'Items' },
  veto: { 'zh-CN': '否决项', 'en-US': 'Veto items' },
  bands: { 'zh-CN': '等次', 'en-US': 'Grades' },
  bonus: { 'zh-CN': '加分项', 'en-US': 'Bonus items' },
} as const;

const ITEM_COLUMNS = [
  ['categoryCode', '类别编号', 'Category code'],
  ['categoryName', '类别名称', 'Category'],
  ['categoryMax', '类别满分', 'Category points'],
  ['code', '项目编号', 'Item code'],
  ['text', '评查内容', 'Item'],
  ['max', '满分', 'Points'],
  ['mode', '扣分方式', 'Rule'],
  ['amount', '扣分值', 'Deduction'],
  ['partialUnit', '不规范每处扣分', 'Per defect'],
  ['rangeMin', '区间下限', 'Range from'],
  ['rangeMax', '区间上限', 'Range to'],
  ['step', '步长', 'Step'],
  ['overflow', '超出满分', 'Beyond maximum'],
  ['naFullMarks', '不适用得满分', 'Full marks if not applicable'],
  ['tags', '问题标签', 'Problem tags'],
  ['guidance', '说明', 'Guidance'],
] as const;
const VETO_COLUMNS = [
  ['code', '编号', 'Code'],
  ['text', '内容', 'Veto item'],
  ['effect', '后果', 'Effect'],
  ['tags', '问题标签', 'Problem tags'],
  ['guidance', '说明', 'Guidance'],
] as const;
const BAND_COLUMNS = [
  ['name', '等次', 'Grade'],
  ['min', '分数线', 'From (points)'],
] as const;
const BONUS_COLUMNS = [
  ['code', '编号', 'Code'],
  ['text', '内容', 'Bonus item'],
  ['points', '分值', 'Points'],
  ['tags', '问题标签', 'Problem tags'],
  ['guidance', '说明', 'Guidance'],
] as const;
const INFO_KEYS = [
  ['name', '名称', 'Name'],
  ['description', '说明', 'Description'],
  ['caseTypes', '适用案件类型', 'Case types'],
  ['procedures', '适用程序', 'Procedures'],
  ['total', '总分', 'Total points'],
  ['bonusEnabled', '启用加分项', 'Bonus items enabled'],
  ['bonusCap', '加分上限', 'Bonus cap'],
] as const;

const LIST_SEP = '、';
const label = (locale: Locale, key: string) => translate(locale, key);
const yesNo = (locale: Locale, v: boolean) => label(locale, v ? 'common.yes' : 'common.no');
const header = (locale: Locale, c: readonly [string, string, string]) =>
  locale === 'zh-CN' ? c[1] : c[2];

export async function standardToXlsx(
  t: TemplateContent,
  locale: Locale,
  caseTypes: readonly CaseType[],
): Promise<Uint8Array> {
  const typeName = new Map(caseTypes.map((c) => [c.code, c.name]));
  const p = (n: number | undefined) => (n === undefined ? null : formatPoints(n));
  type Row = { c: Category; i: Item };
  const cols = <R>(
    spec: readonly (readonly [string, string, string])[],
    value: (key: string, r: R) => string | number | null,
    widths: Record<string, number> = {},
  ) =>
    spec.map((c): TableColumn<R> => ({
      header: header(locale, c),
      width: widths[c[0]] ?? 12,
      value: (r) => value(c[0], r),
    }));
  const itemValue = (key: string, { c, i }: Row): string | number | null => {
    switch (key) {
      case 'categoryCode':
        return c.code;
      case 'categoryName':
        return c.name;
      case 'categoryMax':
        return p(c.max);
      case 'mode':
        return label(locale, `standards.modes.${i.mode}`);
      case 'amount':
        return p(i.mode === 'fixed' ? i.deduct : i.mode === 'per_occurrence' ? i.unit : undefined);
      case 'partialUnit':
        return p(i.partialUnit);
      case 'rangeMin':
        return p(i.rangeMin);
      case 'rangeMax':
        return p(i.rangeMax);
      case 'step':
        return p(i.step);
      case 'max':
        return p(i.max);
      case 'overflow':
        return label(locale, `standards.overflow.${i.overflow}`);
      case 'naFullMarks':
        return yesNo(locale, i.naFullMarks);
      case 'tags':
        return i.tags.join(LIST_SEP) || null;
      case 'code':
        return i.code;
      case 'text':
        return i.text;
      case 'guidance':
        return i.guidance || null;
      default:
        return null;
    }
  };
  const info: [string, string | number | null][] = [
    ['name', t.name],
    ['description', t.description || null],
    ['caseTypes', t.appliesTo.caseTypes.map((c) => typeName.get(c) ?? c).join(LIST_SEP) || null],
    [
      'procedures',
      t.appliesTo.procedures.map((x) => label(locale, `import.procedures.${x}`)).join(LIST_SEP) ||
        null,
    ],
    ['total', p(t.total)],
    ['bonusEnabled', yesNo(locale, t.bonus.enabled)],
    ['bonusCap', p(t.bonus.cap)],
  ];
  const infoLabel = new Map<string, string>(INFO_KEYS.map((k) => [k[0], header(locale, k)]));
  return writeWorkbook([
    table({
      name: SHEETS.items[locale],
      columns: cols<Row>(ITEM_COLUMNS, itemValue, {
        text: 50,
        guidance: 30,
        categoryName: 14,
        mode: 12,
        tags: 16,
        overflow: 14,
      }),
      rows: t.categories.flatMap((c) => c.items.map((i) => ({ c, i }))),
    }),
    table({
      name: SHEETS.veto[locale],
      columns: cols<(typeof t.vetoItems)[number]>(
        VETO_COLUMNS,
        (key, v) =>
          key === 'effect'
            ? label(locale, `standards.effects.${v.effect}`)
            : key === 'tags'
              ? v.tags.join(LIST_SEP) || null
              : v[key as 'code'] || null,
        { text: 60, effect: 18, tags: 16, guidance: 30 },
      ),
      rows: t.vetoItems,
    }),
    table({
      name: SHEETS.bands[locale],
      columns: cols<(typeof t.bands)[number]>(BAND_COLUMNS, (key, b) =>
        key === 'min' ? p(b.min) : b.name,
      ),
      rows: t.bands,
    }),
    table({
      name: SHEETS.bonus[locale],
      columns: cols<(typeof t.bonus.items)[number]>(
        BONUS_COLUMNS,
        (key, b) =>
          key === 'points'
            ? p(b.points)
            : key === 'tags'
              ? b.tags.join(LIST_SEP) || null
              : b[key as 'code'] || null,
        { text: 50, guidance: 30 },
      ),
      rows: t.bonus.items,
    }),
    table({
      name: SHEETS.info[locale],
      columns: [
        {
          header: locale === 'zh-CN' ? '项目' : 'Field',
          width: 16,
          value: (r: [string, string | number | null]) => infoLabel.get(r[0]) ?? r[0],
        },
        {
          header: locale === 'zh-CN' ? '内容' : 'Value',
          width: 60,
          value: (r: [string, string | number | null]) => r[1],
        },
      ],
      rows: info,
    }),
  ]);
}

// ---- import ------------------------------------------------------------------------------------

class Problems {
  readonly list: FieldError[] = [];
  add(
    sheet: string,
    row: number | null,
    col: number | null,
    key: string,
    params: Record<string, string | number> = {},
  ) {
    const where = row === null ? sheet : `${sheet}!${col === null ? '' : columnLetter(col)}${row}`;
    this.list.push({
      path: where,
      key: `standards.import.${key}` as MessageKey,
      params: { where, ...params },
    });
  }
}

/** Reads one sheet of the workbook by name (either language), as a header map and data rows. */
function sheetRows(
  sheets: Map<string, SourceRow[]>,
  names: Record<Locale, string>,
): SourceRow[] | null {
  return sheets.get(names['zh-CN']) ?? sheets.get(names['en-US']) ?? null;
}

function columnsOf(
  rows: SourceRow[],
  spec: readonly (readonly [string, string, string])[],
  sheet: string,
  problems: Problems,
  required: string[],
) {
  const headerRow = rows[0];
  const index = new Map<string, number>();
  if (headerRow) {
    headerRow.cells.forEach((cell, i) => {
      const text = (cleanText(cell) ?? '').replace(/\s+/g, '');
      const hit = spec.find(
        (c) => c[1] === text || c[2].replace(/\s+/g, '').toLowerCase() === text.toLowerCase(),
      );
      if (hit && !index.has(hit[0])) index.set(hit[0], i);
    });
  }
  for (const key of required) {
    if (!index.has(key)) {
      const c = spec.find((x) => x[0] === key)!;
      problems.add(sheet, headerRow?.rowNumber ?? 1, null, 'columnMissing', { header: c[1] });
    }
  }
  return index;
}

const text = (v: CellValue) => cleanText(v) ?? '';

function vocabulary(values: Record<string, string[]>) {
  const map = new Map<string, string>();
  for (const [key, words] of Object.entries(values))
    for (const w of words) map.set(w.replace(/\s+/g, '').toLowerCase(), key);
  return (v: string) => map.get(v.replace(/\s+/g, '').toLowerCase()) ?? null;
}

const words = (key: string, prefix: string) => [
  key,
  translate('zh-CN', `${prefix}.${key}`),
  translate('en-US', `${prefix}.${key}`),
];
const modeOf = vocabulary(
  Object.fromEntries(DEDUCTION_MODES.map((m) => [m, words(m, 'standards.modes')])),
);
const effectOf = vocabulary(
  Object.fromEntries(VETO_EFFECTS.map((m) => [m, words(m, 'standards.effects')])),
);
const overflowOf = vocabulary(
  Object.fromEntries(OVERFLOW_RULES.map((m) => [m, words(m, 'standards.overflow')])),
);
const yesNoOf = vocabulary({
  true: ['是', 'yes', 'y', '√', '1', 'true'],
  false: ['否', 'no', 'n', '×', '0', 'false'],
});
const procedureOf = vocabulary({
  normal: words('normal', 'import.procedures'),
  simple: words('simple', 'import.procedures'),
});

export function templateFromSheets(
  sheets: Map<string, SourceRow[]>,
  caseTypes: readonly CaseType[],
): TemplateContent {
  const problems = new Problems();
  const caseTypeOf = vocabulary(
    Object.fromEntries(caseTypes.map((c) => [c.code, [c.code, c.name, ...c.synonyms]])),
  );

  const need = (names: Record<Locale, string>) => {
    const rows = sheetRows(sheets, names);
    if (!rows) problems.add(names['zh-CN'], null, null, 'sheetMissing', { sheet: names['zh-CN'] });
    return rows ?? [];
  };
  const itemRows = need(SHEETS.items);
  const bandRows = need(SHEETS.bands);
  const infoRows = need(SHEETS.info);
  const vetoRows = sheetRows(sheets, SHEETS.veto) ?? [];
  const bonusRows = sheetRows(sheets, SHEETS.bonus) ?? [];

  const pointsAt = (
    sheet: string,
    row: SourceRow,
    col: number | undefined,
    required: boolean,
    name: string,
  ): number | undefined => {
    if (col === undefined) return undefined;
    const raw = text(row.cells[col] ?? null);
    if (!raw) {
      if (required) problems.add(sheet, row.rowNumber, col, 'required', { header: name });
      return undefined;
    }
    const v = parsePoints(raw);
    if (v === null)
      problems.add(sheet, row.rowNumber, col, 'notPoints', { value: raw, header: name });
    return v ?? undefined;
  };
  const tagsAt = (row: SourceRow, col: number | undefined) =>
    col === undefined
      ? []
      : text(row.cells[col] ?? null)
          .split(/[、,，;；\s]+/)
          .filter(Boolean);
  const dataRows = (rows: SourceRow[]) =>
    rows.slice(1).filter((r) => r.cells.some((c) => text(c) !== ''));

  // Items, grouped into categories in order of appearance.
  const itemSheet = SHEETS.items['zh-CN'];
  const ic = columnsOf(itemRows, ITEM_COLUMNS, itemSheet, problems, [
    'categoryName',
    'code',
    'text',
    'max',
    'mode',
  ]);
  const categories: Category[] = [];
  let current: Category | null = null;
  for (const row of dataRows(itemRows)) {
    const cell = (key: string) => text(row.cells[ic.get(key) ?? -1] ?? null);
    const catName = cell('categoryName');
    const catCode = cell('categoryCode');
    if (
      catName &&
      (!current || current.name !== catName || (catCode && current.code !== catCode))
    ) {
      const max = pointsAt(itemSheet, row, ic.get('categoryMax'), false, '类别满分');
      current = {
        code: catCode || String.fromCharCode(65 + categories.length),
        name: catName,
        max: max ?? 0,
        items: [],
      };
      categories.push(current);
    }
    if (!current) {
      problems.add(itemSheet, row.rowNumber, ic.get('categoryName') ?? null, 'required', {
        header: '类别名称',
      });
      continue;
    }
    const modeText = cell('mode');
    const mode = modeOf(modeText);
    if (!mode)
      problems.add(itemSheet, row.rowNumber, ic.get('mode') ?? null, 'badMode', {
        value: modeText,
      });
    const amount = pointsAt(itemSheet, row, ic.get('amount'), mode !== 'range', '扣分值');
    const overflowText = cell('overflow');
    const overflow = overflowText ? overflowOf(overflowText) : 'cap';
    if (!overflow)
      problems.add(itemSheet, row.rowNumber, ic.get('overflow') ?? null, 'badOverflow', {
        value: overflowText,
      });
    const naText = cell('naFullMarks');
    const na = naText ? yesNoOf(naText) : 'false';
    if (!na)
      problems.add(itemSheet, row.rowNumber, ic.get('naFullMarks') ?? null, 'badYesNo', {
        value: naText,
      });
    const item: Item = {
      code: cell('code'),
      text: cell('text'),
      max: pointsAt(itemSheet, row, ic.get('max'), true, '满分') ?? 0,
      mode: (mode ?? 'fixed') as Item['mode'],
      overflow: (overflow ?? 'cap') as Item['overflow'],
      naFullMarks: na === 'true',
      tags: tagsAt(row, ic.get('tags')),
      guidance: cell('guidance'),
    };
    if (!item.code)
      problems.add(itemSheet, row.rowNumber, ic.get('code') ?? null, 'required', {
        header: '项目编号',
      });
    if (!item.text)
      problems.add(itemSheet, row.rowNumber, ic.get('text') ?? null, 'required', {
        header: '评查内容',
      });
    if (mode === 'fixed') item.deduct = amount;
    if (mode === 'per_occurrence') item.unit = amount;
    const partial = pointsAt(itemSheet, row, ic.get('partialUnit'), false, '不规范每处扣分');
    if (partial !== undefined) item.partialUnit = partial;
    const rangeMin = pointsAt(itemSheet, row, ic.get('rangeMin'), mode === 'range', '区间下限');
    const rangeMax = pointsAt(itemSheet, row, ic.get('rangeMax'), mode === 'range', '区间上限');
    const step = pointsAt(itemSheet, row, ic.get('step'), false, '步长');
    if (rangeMin !== undefined) item.rangeMin = rangeMin;
    if (rangeMax !== undefined) item.rangeMax = rangeMax;
    if (step !== undefined) item.step = step;
    current.items.push(item);
  }
  // A category whose points were left blank gets the sum of its items.
  for (const c of categories) if (c.max === 0) c.max = c.items.reduce((a, i) => a + i.max, 0);
  if (!categories.length && itemRows.length) problems.add(itemSheet, null, null, 'noItems');

  const vetoSheet = SHEETS.veto['zh-CN'];
  const vc = columnsOf(
    vetoRows,
    VETO_COLUMNS,
    vetoSheet,
    problems,
    vetoRows.length > 1 ? ['code', 'text'] : [],
  );
  const vetoItems = dataRows(vetoRows).map((row) => {
    const cell = (key: string) => text(row.cells[vc.get(key) ?? -1] ?? null);
    const effectText = cell('effect');
    const effect = effectText ? effectOf(effectText) : 'zero';
    if (!effect)
      problems.add(vetoSheet, row.rowNumber, vc.get('effect') ?? null, 'badEffect', {
        value: effectText,
      });
    return {
      code: cell('code'),
      text: cell('text'),
      effect: (effect ?? 'zero') as TemplateContent['vetoItems'][number]['effect'],
      tags: tagsAt(row, vc.get('tags')),
      guidance: cell('guidance'),
    };
  });

  const bandSheet = SHEETS.bands['zh-CN'];
  const bc = columnsOf(bandRows, BAND_COLUMNS, bandSheet, problems, ['name', 'min']);
  const bands = dataRows(bandRows).map((row) => ({
    name: text(row.cells[bc.get('name') ?? -1] ?? null),
    min: pointsAt(bandSheet, row, bc.get('min'), true, '分数线') ?? 0,
  }));

  const bonusSheet = SHEETS.bonus['zh-CN'];
  const oc = columnsOf(
    bonusRows,
    BONUS_COLUMNS,
    bonusSheet,
    problems,
    bonusRows.length > 1 ? ['code', 'text', 'points'] : [],
  );
  const bonusItems = dataRows(bonusRows).map((row) => ({
    code: text(row.cells[oc.get('code') ?? -1] ?? null),
    text: text(row.cells[oc.get('text') ?? -1] ?? null),
    points: pointsAt(bonusSheet, row, oc.get('points'), true, '分值') ?? 0,
    tags: tagsAt(row, oc.get('tags')),
    guidance: text(row.cells[oc.get('guidance') ?? -1] ?? null),
  }));

  const infoSheet = SHEETS.info['zh-CN'];
  const info = new Map<string, { value: string; row: number }>();
  for (const row of infoRows.slice(1)) {
    const key = text(row.cells[0] ?? null).replace(/\s+/g, '');
    const hit = INFO_KEYS.find(
      (k) => k[1] === key || k[2].replace(/\s+/g, '').toLowerCase() === key.toLowerCase(),
    );
    if (hit) info.set(hit[0], { value: text(row.cells[1] ?? null), row: row.rowNumber });
  }
  const infoList = (key: string, of: (v: string) => string | null) => {
    const entry = info.get(key);
    if (!entry?.value) return [];
    return entry.value
      .split(/[、,，;；]+/)
      .filter(Boolean)
      .map((v) => {
        const code = of(v.trim());
        if (!code)
          problems.add(
            infoSheet,
            entry.row,
            1,
            key === 'caseTypes' ? 'unknownCaseType' : 'badProcedure',
            { value: v.trim() },
          );
        return code ?? v.trim();
      });
  };
  const infoPoints = (key: string, fallback: number) => {
    const entry = info.get(key);
    if (!entry?.value) return fallback;
    const v = parsePoints(entry.value);
    if (v === null)
      problems.add(infoSheet, entry.row, 1, 'notPoints', { value: entry.value, header: key });
    return v ?? fallback;
  };
  const bonusEnabled = info.get('bonusEnabled')?.value
    ? yesNoOf(info.get('bonusEnabled')!.value) === 'true'
    : false;
  const name = info.get('name')?.value ?? '';
  if (!name) problems.add(infoSheet, null, null, 'required', { header: '名称' });

  const content = {
    format: TEMPLATE_FORMAT,
    name,
    description: info.get('description')?.value ?? '',
    appliesTo: {
      caseTypes: infoList('caseTypes', caseTypeOf),
      procedures: infoList('procedures', procedureOf),
    },
    total: infoPoints(
      'total',
      categories.reduce((a, c) => a + c.max, 0),
    ),
    vetoItems,
    categories,
    bands,
    bonus: { enabled: bonusEnabled, cap: infoPoints('bonusCap', 0), items: bonusItems },
  };
  if (problems.list.length) {
    throw new AppError('VALIDATION', 'the standard file has problems', {
      key: 'errors.standardFileInvalid',
      params: { count: problems.list.length },
      fieldErrors: problems.list,
    });
  }
  const parsed = TemplateContentSchema.safeParse(content);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'the standard file has problems', {
      key: 'errors.standardFileInvalid',
      params: { count: parsed.error.issues.length },
      fieldErrors: zodFieldErrors(parsed.error, content),
    });
  }
  return parsed.data;
}

/** Reads a standard from JSON (as exported) or XLSX. Every problem refuses the whole file. */
export async function readStandardFile(
  file: { fileName: string; bytes: Uint8Array },
  caseTypes: readonly CaseType[],
): Promise<TemplateContent> {
  const b = file.bytes;
  if (b.length === 0)
    throw new AppError('BAD_INPUT', 'empty', {
      key: 'errors.fileEmpty',
      params: { file: file.fileName },
    });
  if (b[0] === 0x50 && b[1] === 0x4b) {
    let sheets: Map<string, SourceRow[]>;
    try {
      sheets = await readXlsxSheets(b, { maxRows: 5000 });
    } catch (e) {
      if (e instanceof XlsxError) {
        throw new AppError('BAD_INPUT', e.message, {
          key: 'importer.errors.xlsxCorrupt',
          params: { file: file.fileName },
        });
      }
      throw e;
    }
    return templateFromSheets(sheets, caseTypes);
  }
  const textContent = new TextDecoder('utf-8', { fatal: false }).decode(b).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    throw new AppError('BAD_INPUT', 'not JSON or XLSX', {
      key: 'errors.standardFileType',
      params: { file: file.fileName },
    });
  }
  const parsed = TemplateContentSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'invalid standard JSON', {
      key: 'errors.standardFileInvalid',
      params: { count: parsed.error.issues.length },
      fieldErrors: zodFieldErrors(parsed.error, json),
    });
  }
  return parsed.data;
}
