// Row-level work: blank and total rows, and the validators that turn one source row into a
// draft plus errors (which block the row) and warnings (which do not). Everything a validator
// needs per row is precomputed at module load; no regular expression is built per row.
import type { AmountUnit } from './amounts';
import { parseAmountFen } from './amounts';
import { normalizeCaseNumber } from './case-number';
import { parseDate } from './dates';
import type { ImportMessageKey } from './problem';
import { problem } from './problem';
import {
  cellToString,
  cleanText,
  halfWidthNoSpaces,
  isAllSpace,
  isCanonicalList,
  removeSpaces,
  splitList,
  toHalfWidth,
} from './text';
import type {
  CaseDraft,
  CellValue,
  ColumnMapping,
  PersonDraft,
  Problem,
  RowProblem,
  RowResult,
  SourceRow,
  StatusCode,
} from './types';
import type { CaseTypeDef } from './vocab';
import {
  isOtherProcedure,
  matchCaseType,
  matchProcedure,
  matchStatus,
  normalizePartyType,
  parseYesNo,
} from './vocab';

export type { CaseDraft, PersonDraft, RowProblem, RowResult } from './types';

/** A row with no content: every cell empty or whitespace. */
export function isBlankRow(row: SourceRow): boolean {
  for (const c of row.cells) {
    if (c === null || c === undefined) continue;
    if (typeof c === 'string') {
      if (!isAllSpace(c)) return false;
      continue;
    }
    return false;
  }
  return true;
}

const TOTAL_WORDS = ['合计', '总计', '小计', '共计'];

/** A summary row: its first non-empty cell is 合计 / 总计 / 小计 / 共计 (spaces allowed, e.g. 合 计). */
export function isTotalRow(row: SourceRow): boolean {
  for (const c of row.cells) {
    const text = cleanText(c);
    if (text === null) continue;
    const s = removeSpaces(toHalfWidth(text));
    for (const w of TOTAL_WORDS) {
      if (s === w) return true;
      if (s.startsWith(w)) {
        const next = s.charCodeAt(w.length);
        // 合计: …  /  合计：…  /  合计(元)
        if (next === 0x3a || next === 0xff1a || next === 0x28 || next === 0xff08) return true;
      }
    }
    return false;
  }
  return false;
}

/** Longest cell text kept in a RowProblem (a runaway cell is cut, with an ellipsis). */
const MAX_PROBLEM_VALUE = 200;

function shown(v: CellValue): string {
  const s = cellToString(v);
  return s.length > MAX_PROBLEM_VALUE ? `${s.slice(0, MAX_PROBLEM_VALUE)}…` : s;
}

function cellAt(row: SourceRow, column: number | undefined): CellValue {
  if (column === undefined) return null;
  const v = row.cells[column];
  return v === undefined ? null : v;
}

class Collector {
  readonly errors: RowProblem[] = [];
  readonly warnings: RowProblem[] = [];

  constructor(
    private readonly row: SourceRow,
    private readonly mapping: ColumnMapping,
  ) {}

  private make(field: string, value: CellValue, p: Problem, hint?: Problem): RowProblem {
    const column = this.mapping[field];
    const out: RowProblem = {
      rowNumber: this.row.rowNumber,
      column: column === undefined ? null : column,
      field,
      value: shown(value),
      problem: p,
    };
    if (hint) out.hint = hint;
    return out;
  }

  error(field: string, value: CellValue, p: Problem, hint?: Problem): void {
    this.errors.push(this.make(field, value, p, hint));
  }

  warn(field: string, value: CellValue, p: Problem, hint?: Problem): void {
    this.warnings.push(this.make(field, value, p, hint));
  }

  /** An empty required field; the hint differs when the column itself is not mapped. */
  missing(field: string, key: ImportMessageKey, hint: Problem): void {
    const mapped = this.mapping[field] !== undefined;
    this.error(
      field,
      null,
      problem(key),
      mapped ? hint : problem('import.hints.mapRequiredColumn'),
    );
  }
}

/**
 * validateCaseRow's result. Beside the draft, the normalised case number and the department are
 * given even for a row with errors, so that the services layer can still report a case number
 * that occurs twice when one of the rows is also wrong in some other way.
 */
export interface CaseRowResult extends RowResult<CaseDraft> {
  caseNo: string | null;
  departmentName: string | null;
}

export interface CaseRowContext {
  /** The configured case types (pass the same array for every row: its lookup map is cached). */
  caseTypes: readonly CaseTypeDef[];
  /** Unit of the amount column's figures; 'wan' when its header says 万元 (see amountUnitOf). */
  amountUnit?: AmountUnit;
}

const PAGE_COUNT = /^(\d{1,7})(?:\.0+)?页?$/;

/** Pages: a whole number ≥ 0 (30, '30页', '３０'); null when empty; undefined when invalid. */
function parsePageCount(v: CellValue): number | null | undefined {
  if (v === null) return null;
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 && v < 10_000_000 ? v : undefined;
  }
  const text = cleanText(v);
  if (text === null) return null;
  const s = halfWidthNoSpaces(text);
  // The usual case, a few digits, without the regex.
  if (s.length <= 7) {
    let n = 0;
    let i = 0;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (!(d >= 0 && d <= 9)) break;
      n = n * 10 + d;
    }
    if (i === s.length && i > 0) return n;
  }
  const m = PAGE_COUNT.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** Names (or numbers) in one cell, split on 、，,;；/ and whitespace, line breaks included. */
function joinList(v: CellValue): string | null {
  if (v === null) return null;
  const s = cellToString(v);
  if (isCanonicalList(s)) return s;
  const parts = splitList(toHalfWidth(s));
  return parts.length === 0 ? null : parts.join('、');
}

function typeNames(types: readonly CaseTypeDef[]): string {
  return types.map((t) => t.name).join('、');
}

const typeNamesCache = new WeakMap<readonly CaseTypeDef[], string>();

function cachedTypeNames(types: readonly CaseTypeDef[]): string {
  let s = typeNamesCache.get(types);
  if (s === undefined) {
    s = typeNames(types);
    typeNamesCache.set(types, s);
  }
  return s;
}

// Numbers of 16 or more digits in a number cell have already lost digits in Excel.
const PRECISION_LIMIT = 1e15;

function dateField(
  c: Collector,
  row: SourceRow,
  mapping: ColumnMapping,
  field: 'filedOn' | 'decidedOn' | 'closedOn',
): string | null {
  const v = cellAt(row, mapping[field]);
  if (v === null) return null;
  const r = parseDate(v);
  if (r.ok) return r.value;
  c.error(field, v, r.problem);
  return null;
}

/**
 * Validates one catalogue row against a column mapping. Errors block the row (draft is null);
 * warnings do not. Required: caseNo, caseType, department. Status, when empty, is inferred from
 * closedOn. Duplicate case numbers are not detected here (the services layer compares rows).
 */
export function validateCaseRow(
  row: SourceRow,
  mapping: ColumnMapping,
  ctx: CaseRowContext,
): CaseRowResult {
  const c = new Collector(row, mapping);

  // Case number.
  const caseNoRaw = cleanText(cellAt(row, mapping.caseNo));
  let caseNo = '';
  let year: number | null = null;
  if (caseNoRaw === null) {
    c.missing('caseNo', 'import.problems.caseNoMissing', problem('import.hints.caseNoMissing'));
  } else {
    const n = normalizeCaseNumber(caseNoRaw);
    caseNo = n.normalized;
    year = n.year;
  }

  // Case type.
  const typeCell = cellAt(row, mapping.caseType);
  const typeText = cleanText(typeCell);
  let caseType = '';
  if (typeText === null) {
    c.missing(
      'caseType',
      'import.problems.caseTypeMissing',
      problem('import.hints.caseTypeMissing', { types: cachedTypeNames(ctx.caseTypes) }),
    );
  } else {
    const t = matchCaseType(typeText, ctx.caseTypes);
    if (t) caseType = t.code;
    else {
      c.error(
        'caseType',
        typeCell,
        problem('import.problems.caseTypeUnknown', { value: typeText }),
        problem('import.hints.caseTypeUnknown', {
          value: typeText,
          types: cachedTypeNames(ctx.caseTypes),
        }),
      );
    }
  }

  // Department.
  const departmentName = cleanText(cellAt(row, mapping.department));
  if (departmentName === null) {
    c.missing(
      'department',
      'import.problems.departmentMissing',
      problem('import.hints.departmentMissing'),
    );
  }

  // Procedure.
  const procCell = cellAt(row, mapping.procedure);
  const procText = cleanText(procCell);
  let procedure: CaseDraft['procedure'] = null;
  if (procText !== null) {
    procedure = matchProcedure(procText);
    if (procedure === null) {
      if (isOtherProcedure(procText)) {
        // 承诺制 / 即办 are ordinary for permits: imported without a procedure, silently. On a
        // penalty file they are odd, and such a file is left out of 普通程序 draws: say so.
        if (caseType === 'penalty') {
          c.warn(
            'procedure',
            procCell,
            problem('import.problems.procedureOther', { value: procText }),
          );
        }
      } else {
        c.error(
          'procedure',
          procCell,
          problem('import.problems.procedureUnknown', { value: procText }),
          problem('import.hints.procedureUnknown'),
        );
      }
    }
  }

  // Dates.
  const filedOn = dateField(c, row, mapping, 'filedOn');
  const decidedOn = dateField(c, row, mapping, 'decidedOn');
  const closedOn = dateField(c, row, mapping, 'closedOn');
  if (filedOn !== null && decidedOn !== null && decidedOn < filedOn) {
    c.warn(
      'decidedOn',
      cellAt(row, mapping.decidedOn),
      problem('import.problems.decidedBeforeFiled', { filedOn, decidedOn }),
    );
  }
  if (decidedOn !== null && closedOn !== null && closedOn < decidedOn) {
    c.warn(
      'closedOn',
      cellAt(row, mapping.closedOn),
      problem('import.problems.closedBeforeDecided', { decidedOn, closedOn }),
    );
  }
  if (year === null && decidedOn !== null) year = Number(decidedOn.slice(0, 4));

  // Status: inferred from closedOn when empty.
  const statusCell = cellAt(row, mapping.status);
  const statusText = cleanText(statusCell);
  let status: StatusCode = closedOn !== null ? 'closed' : 'open';
  if (statusText !== null) {
    const s = matchStatus(statusText);
    if (s !== null) {
      status = s;
      if (s === 'open' && closedOn !== null) {
        c.warn(
          'status',
          statusCell,
          problem('import.problems.openButClosedOn', { value: statusText, closedOn }),
        );
      }
    } else {
      c.error(
        'status',
        statusCell,
        problem('import.problems.statusUnknown', { value: statusText }),
        problem('import.hints.statusUnknown'),
      );
    }
  }

  // Amount.
  const amountCell = cellAt(row, mapping.amount);
  let amountFen: number | null = null;
  if (amountCell !== null) {
    const r = parseAmountFen(amountCell, ctx.amountUnit ?? 'yuan');
    if (r.ok) amountFen = r.value;
    else c.error('amount', amountCell, r.problem);
  }

  // Page count.
  const pagesCell = cellAt(row, mapping.pageCount);
  const pages = parsePageCount(pagesCell);
  if (pages === undefined) {
    c.error(
      'pageCount',
      pagesCell,
      problem('import.problems.pageCountInvalid', { value: shown(pagesCell) }),
    );
  }

  // Party code: upper case, half-width, no spaces; a long number cell has lost digits.
  const codeCell = cellAt(row, mapping.partyCode);
  const codeText = cleanText(codeCell);
  const partyCode = codeText === null ? null : halfWidthNoSpaces(codeText).toUpperCase();
  if (typeof codeCell === 'number' && Math.abs(codeCell) >= PRECISION_LIMIT) {
    c.warn(
      'partyCode',
      codeCell,
      problem('import.problems.numberPrecisionLost', { value: shown(codeCell) }),
    );
  }

  const filingText = cleanText(cellAt(row, mapping.filingNo));
  const partyTypeText = cleanText(cellAt(row, mapping.partyType));

  if (c.errors.length > 0) {
    return {
      draft: null,
      errors: c.errors,
      warnings: c.warnings,
      caseNo: caseNoRaw === null ? null : caseNo,
      departmentName,
    };
  }
  const draft: CaseDraft = {
    caseNo,
    caseNoRaw: caseNoRaw!,
    year,
    filingNo: filingText === null ? null : normalizeCaseNumber(filingText).normalized,
    caseType,
    procedure,
    cause: cleanText(cellAt(row, mapping.cause)),
    partyName: cleanText(cellAt(row, mapping.partyName)),
    partyType: partyTypeText === null ? null : normalizePartyType(partyTypeText),
    partyCode,
    departmentName: departmentName!,
    handlers: joinList(cellAt(row, mapping.handlers)),
    handlerCertNos: joinList(cellAt(row, mapping.handlerCertNos)),
    filedOn,
    decidedOn,
    closedOn,
    penaltyKinds: cleanText(cellAt(row, mapping.penaltyKinds)),
    amountFen,
    legalBasis: cleanText(cellAt(row, mapping.legalBasis)),
    status,
    pageCount: pages ?? null,
    caseUid: cleanText(cellAt(row, mapping.caseUid)),
    notes: cleanText(cellAt(row, mapping.notes)),
  };
  return { draft, errors: c.errors, warnings: c.warnings, caseNo, departmentName };
}

/**
 * Validates one evaluator-pool row. Required: name, department. 是否法制员 empty means no; a word
 * that is not yes/no is an error. A phone is kept as digits and '-'; one with fewer than 7 or more
 * than 13 digits is a warning.
 */
export function validatePersonRow(row: SourceRow, mapping: ColumnMapping): RowResult<PersonDraft> {
  const c = new Collector(row, mapping);
  const name = cleanText(cellAt(row, mapping.name));
  if (name === null) {
    c.missing(
      'name',
      'import.problems.personNameMissing',
      problem('import.hints.personNameMissing'),
    );
  }
  const departmentName = cleanText(cellAt(row, mapping.department));
  if (departmentName === null) {
    c.missing(
      'department',
      'import.problems.personDepartmentMissing',
      problem('import.hints.personDepartmentMissing'),
    );
  }

  const officerCell = cellAt(row, mapping.legalOfficer);
  let legalOfficer = false;
  if (cleanText(officerCell) !== null) {
    const yn = parseYesNo(officerCell);
    if (yn === null) {
      c.error(
        'legalOfficer',
        officerCell,
        problem('import.problems.legalOfficerUnknown', { value: shown(officerCell) }),
        problem('import.hints.legalOfficerUnknown'),
      );
    } else legalOfficer = yn;
  }

  const phoneCell = cellAt(row, mapping.phone);
  const phoneText = cleanText(phoneCell);
  let phone: string | null = null;
  if (phoneText !== null) {
    const half = toHalfWidth(phoneText);
    let kept = '';
    let digits = 0;
    let from = 0;
    for (let i = 0; i < half.length; i++) {
      const ch = half.charCodeAt(i);
      if (ch >= 48 && ch <= 57) digits++;
      else if (ch !== 45 /* - */) {
        kept += half.slice(from, i);
        from = i + 1;
      }
    }
    phone = kept + half.slice(from);
    if (phone === '' || digits < 7 || digits > 13) {
      c.warn(
        'phone',
        phoneCell,
        problem('import.problems.phoneUnusual', { value: phoneText, digits }),
      );
    }
    if (phone === '') phone = null;
  }

  const certText = cleanText(cellAt(row, mapping.certNo));
  const expertiseText = cleanText(cellAt(row, mapping.expertise));

  if (c.errors.length > 0) return { draft: null, errors: c.errors, warnings: c.warnings };
  const draft: PersonDraft = {
    name: name!,
    departmentName: departmentName!,
    position: cleanText(cellAt(row, mapping.position)),
    legalOfficer,
    certNo: certText === null ? null : removeSpaces(toHalfWidth(certText)),
    phone,
    expertise: expertiseText === null ? [] : splitList(expertiseText),
    notes: cleanText(cellAt(row, mapping.notes)),
  };
  return { draft, errors: c.errors, warnings: c.warnings };
}
