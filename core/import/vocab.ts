// Value vocabularies with synonyms. A cell is matched after cleanText, half-width conversion and
// removal of every space, case-insensitively; lookups go through maps built once.
import type { ImportMessageKey } from './problem';
import { cellToString, cleanText, lookupKey } from './text';
import type { CellValue, ProcedureCode, StatusCode } from './types';

export interface CaseTypeDef {
  code: string;
  name: string;
  synonyms: string[];
}

/** The built-in case types; the coordinator can add others (and synonyms) under 设置. */
export const DEFAULT_CASE_TYPES: CaseTypeDef[] = [
  {
    code: 'penalty',
    name: '行政处罚',
    synonyms: ['处罚', '行政处罚案件', '行政处罚决定', '处罚案件'],
  },
  {
    code: 'permit',
    name: '行政许可',
    synonyms: ['许可', '行政许可案件', '行政许可决定', '许可案件'],
  },
  {
    code: 'coercion',
    name: '行政强制',
    synonyms: ['行政强制执行', '行政强制措施', '强制执行', '强制措施', '行政强制案件'],
  },
];

/** i18n label of a built-in case type. */
export const CASE_TYPE_LABELS: Record<string, ImportMessageKey> = {
  penalty: 'import.caseTypes.penalty',
  permit: 'import.caseTypes.permit',
  coercion: 'import.caseTypes.coercion',
};

function vocabKey(text: string): string {
  return lookupKey(text);
}

/** Looks the text up as written first (the usual case), then in its normalised form. */
function lookup<T>(map: Map<string, T>, text: string): T | undefined {
  return map.get(text) ?? map.get(lookupKey(text));
}

function buildMap<T>(entries: [T, readonly string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) {
    for (const w of words) {
      const k = vocabKey(w);
      if (k !== '' && !map.has(k)) map.set(k, value);
    }
  }
  return map;
}

const caseTypeMaps = new WeakMap<readonly CaseTypeDef[], Map<string, CaseTypeDef>>();

function caseTypeMap(types: readonly CaseTypeDef[]): Map<string, CaseTypeDef> {
  let map = caseTypeMaps.get(types);
  if (!map) {
    // Names first, so that a synonym never shadows another type's own name.
    map = buildMap<CaseTypeDef>([
      ...types.map((t): [CaseTypeDef, string[]] => [t, [t.name]]),
      ...types.map((t): [CaseTypeDef, string[]] => [t, [t.code, ...t.synonyms]]),
    ]);
    caseTypeMaps.set(types, map);
  }
  return map;
}

/**
 * The case type a cell names (its name, code or a synonym), or null when none matches. The map
 * for a list is built once and cached, so pass the same array for every row of an import.
 */
export function matchCaseType(text: string, types: readonly CaseTypeDef[]): CaseTypeDef | null {
  return lookup(caseTypeMap(types), text) ?? null;
}

export const PROCEDURES: Record<ProcedureCode, { name: string; synonyms: string[] }> = {
  normal: { name: '普通程序', synonyms: ['普通', '一般程序', '一般', '听证程序'] },
  simple: { name: '简易程序', synonyms: ['简易', '当场处罚', '当场'] },
};

export const PROCEDURE_LABELS: Record<ProcedureCode, ImportMessageKey> = {
  normal: 'import.procedures.normal',
  simple: 'import.procedures.simple',
};

/**
 * Procedures of 许可 files that are neither 普通 nor 简易 (告知承诺制, 即办). They are real and
 * common in exports, so they are not errors; the file is imported without a procedure and a
 * warning says so.
 */
export const OTHER_PROCEDURES: readonly string[] = [
  '承诺制',
  '告知承诺制',
  '告知承诺',
  '承诺',
  '即办',
  '即办件',
  '即办程序',
  '特别程序',
];

const procedureMap = buildMap<ProcedureCode>(
  (Object.keys(PROCEDURES) as ProcedureCode[]).map((c) => [
    c,
    [c, PROCEDURES[c].name, ...PROCEDURES[c].synonyms],
  ]),
);
const otherProcedureSet = new Set(OTHER_PROCEDURES.map(vocabKey));

export function matchProcedure(text: string): ProcedureCode | null {
  return lookup(procedureMap, text) ?? null;
}

/** True for a known procedure that is neither 普通 nor 简易 (see OTHER_PROCEDURES). */
export function isOtherProcedure(text: string): boolean {
  return otherProcedureSet.has(vocabKey(text));
}

export const STATUSES: Record<StatusCode, { name: string; synonyms: string[] }> = {
  closed: { name: '已结案', synonyms: ['结案', '已办结', '办结', '已归档', '归档'] },
  open: { name: '办理中', synonyms: ['在办', '未结案', '未办结', '审理中', '办理'] },
};

export const STATUS_LABELS: Record<StatusCode, ImportMessageKey> = {
  closed: 'import.statuses.closed',
  open: 'import.statuses.open',
};

const statusMap = buildMap<StatusCode>(
  (Object.keys(STATUSES) as StatusCode[]).map((c) => [
    c,
    [c, STATUSES[c].name, ...STATUSES[c].synonyms],
  ]),
);

export function matchStatus(text: string): StatusCode | null {
  return lookup(statusMap, text) ?? null;
}

export type PartyTypeCode = 'naturalPerson' | 'legalPerson' | 'unincorporated' | 'soleTrader';

/** Party types: canonical name (stored) and synonyms. */
export const PARTY_TYPES: Record<PartyTypeCode, { name: string; synonyms: string[] }> = {
  naturalPerson: { name: '自然人', synonyms: ['个人', '公民'] },
  legalPerson: { name: '法人', synonyms: ['企业', '单位', '企业法人'] },
  unincorporated: { name: '非法人组织', synonyms: ['其他组织'] },
  soleTrader: { name: '个体工商户', synonyms: ['个体户', '个体'] },
};

export const PARTY_TYPE_LABELS: Record<PartyTypeCode, ImportMessageKey> = {
  naturalPerson: 'import.partyTypes.naturalPerson',
  legalPerson: 'import.partyTypes.legalPerson',
  unincorporated: 'import.partyTypes.unincorporated',
  soleTrader: 'import.partyTypes.soleTrader',
};

const partyTypeMap = buildMap<string>(
  (Object.keys(PARTY_TYPES) as PartyTypeCode[]).map((c) => [
    PARTY_TYPES[c].name,
    [PARTY_TYPES[c].name, ...PARTY_TYPES[c].synonyms],
  ]),
);

/** The canonical party type (自然人, 法人, 非法人组织, 个体工商户), or the cleaned text when unknown. */
export function normalizePartyType(text: string): string | null {
  const cleaned = cleanText(text);
  if (cleaned === null) return null;
  return lookup(partyTypeMap, cleaned) ?? cleaned;
}

const YES = ['是', 'y', 'yes', '√', '✓', '✔', '1', 'true', '法制员', '是法制员', '对'];
const NO = ['否', 'n', 'no', '×', '✗', '✘', '0', 'false', '不是', '非法制员', '无'];
const yesNoMap = buildMap<boolean>([
  [true, YES],
  [false, NO],
]);

/** 是/否, Y/N, √/×, 1/0, true/false, 法制员 → boolean; null when empty or not a yes/no word. */
export function parseYesNo(v: CellValue): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  const s = cellToString(v);
  if (s === '') return null;
  return lookup(yesNoMap, s) ?? null;
}
