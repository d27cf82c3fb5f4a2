// The import pipeline shared by case catalogues and the evaluator pool: read → find the header →
// map columns (remembered per source, or as the user corrects them) → validate every row →
// classify against the registry (new / update / exact duplicate / error) → keep the result
// staged until the user confirms → commit in one transaction.
import { randomUUID } from 'node:crypto';
import type {
  DepartmentDecision,
  ImportKind,
  ImportPreview,
  ImportProblem,
} from '../../../core/api/methods/imports';
import { AppError } from '../../../core/api/errors';
import { CASE_FIELDS, PERSON_FIELDS, type FieldDef } from '../../../core/import/fields';
import {
  amountUnitOf,
  detectHeader,
  headerSignature,
  missingRequiredFields,
} from '../../../core/import/header';
import {
  isBlankRow,
  isTotalRow,
  validateCaseRow,
  validatePersonRow,
} from '../../../core/import/rows';
import { normalizeCaseNumber } from '../../../core/import/case-number';
import { cleanText, columnLetter } from '../../../core/import/text';
import type {
  CaseDraft,
  ColumnMapping,
  PersonDraft,
  RowProblem,
  SourceRow,
} from '../../../core/import/types';
import type { CaseTypeDef } from '../../../core/import/vocab';
import { createDepartmentMatcher, departmentKey } from '../../../core/registry/departments';
import { CASE_CONTENT_FIELDS, type CaseWrite, type PersonWrite } from '../../../db';
import type { AppContext } from '../context';
import { sha256 } from '../files/blob-store';
import type { ReadResult } from './read-file';

type Draft = CaseDraft | PersonDraft;
type RowStatus = 'new' | 'update' | 'duplicate' | 'error';

interface Classified {
  row: SourceRow;
  rowNumber: number;
  draft: Draft | null;
  status: RowStatus;
  /** Identical to an earlier row of the same file: that row is applied, this one skipped. */
  repeatsEarlierRow?: boolean;
}

export interface Staged {
  id: string;
  userId: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  read: ReadResult;
  createdAt: number;
  headerIndex: number;
  headers: string[];
  signature: string;
  mapping: ColumnMapping;
  mappingSource: ImportPreview['mappingSource'];
  rows: Classified[];
  problems: ImportProblem[];
  preview: ImportPreview;
}

const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  cases: CASE_FIELDS,
  people: PERSON_FIELDS,
};
const STAGE_TTL_MS = 60 * 60 * 1000;
const MAX_STAGED_PER_USER = 3;
const PROBLEMS_SHOWN = 500;
const SAMPLE_ROWS = 50;
/** From this many new case files (and at least as many as already stored), indexes are rebuilt. */
const BULK_ROWS = 5000;

export class ImportStaging {
  private staged = new Map<string, Staged>();

  put(s: Staged): void {
    const now = Date.now();
    for (const [id, old] of this.staged) {
      if (now - old.createdAt > STAGE_TTL_MS) this.staged.delete(id);
    }
    const mine = [...this.staged.values()].filter((x) => x.userId === s.userId);
    mine.sort((a, b) => a.createdAt - b.createdAt);
    while (mine.length >= MAX_STAGED_PER_USER) this.staged.delete(mine.shift()!.id);
    this.staged.set(s.id, s);
  }

  get(id: string, userId: string): Staged {
    const s = this.staged.get(id);
    if (!s || s.userId !== userId || Date.now() - s.createdAt > STAGE_TTL_MS) {
      throw new AppError('NOT_FOUND', 'import preview expired', {
        key: 'importer.errors.previewExpired',
      });
    }
    return s;
  }

  discard(id: string): void {
    this.staged.delete(id);
  }
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

function toProblem(p: RowProblem, severity: 'error' | 'warning', headers: string[]): ImportProblem {
  const out: ImportProblem = {
    severity,
    rowNumber: p.rowNumber,
    column: p.column,
    columnLetter: p.column === null ? null : columnLetter(p.column),
    header: p.column === null ? null : (headers[p.column] ?? null) || null,
    field: p.field,
    value: p.value,
    key: p.problem.key,
  };
  if (p.problem.params) out.params = p.problem.params;
  if (p.hint) {
    out.hintKey = p.hint.key;
    if (p.hint.params) out.hintParams = p.hint.params;
  }
  return out;
}

export function caseWriteOf(
  d: CaseDraft,
  departmentId: string,
  id: string,
  batchId: string | null,
  notes: string | null,
): CaseWrite {
  return {
    id,
    caseNo: d.caseNo,
    caseNoRaw: d.caseNoRaw,
    year: d.year,
    filingNo: d.filingNo,
    caseType: d.caseType,
    procedure: d.procedure,
    cause: d.cause,
    partyName: d.partyName,
    partyType: d.partyType,
    partyCode: d.partyCode,
    departmentId,
    handlers: d.handlers,
    handlerCertNos: d.handlerCertNos,
    filedOn: d.filedOn,
    decidedOn: d.decidedOn,
    closedOn: d.closedOn,
    penaltyKinds: d.penaltyKinds,
    amountFen: d.amountFen,
    legalBasis: d.legalBasis,
    status: d.status,
    pageCount: d.pageCount,
    caseUid: d.caseUid,
    notes: d.notes ?? notes,
    batchId,
  };
}

export class Importer {
  constructor(
    private app: AppContext,
    readonly staging = new ImportStaging(),
  ) {}

  private caseTypes(): CaseTypeDef[] {
    return this.app.repos.caseTypes
      .list()
      .map((t) => ({ code: t.code, name: t.name, synonyms: t.synonyms }));
  }

  private matcher() {
    const aliases = new Map<string, string[]>();
    for (const a of this.app.repos.departments.aliases()) {
      aliases.set(a.departmentId, [...(aliases.get(a.departmentId) ?? []), a.alias]);
    }
    return createDepartmentMatcher(
      this.app.repos.departments
        .list()
        .map((d) => ({ id: d.id, name: d.name, aliases: aliases.get(d.id) ?? [] })),
    );
  }

  /** Reads nothing new: finds the header and the mapping, validates and classifies every row. */
  async analyse(
    base: Pick<Staged, 'id' | 'userId' | 'kind' | 'fileName' | 'sha256' | 'read' | 'createdAt'>,
    override: Record<string, number | null> | undefined,
    signal: AbortSignal,
    progress: (phase: string, done: number, total: number | null) => void,
  ): Promise<Staged> {
    const fields = FIELDS[base.kind];
    const rows = base.read.rows;
    const header = detectHeader(rows, fields);
    if (!header) {
      throw new AppError('BAD_INPUT', 'no header row', {
        key: 'import.problems.headerNotFound',
        params: {
          headers: fields
            .filter((f) => f.required)
            .map((f) => f.synonyms[0])
            .join('、'),
        },
      });
    }
    const signature = headerSignature(header.headers);
    let mapping: ColumnMapping = header.mapping;
    let mappingSource: ImportPreview['mappingSource'] = 'detected';
    const remembered = this.app.repos.imports.mapping(signature);
    if (override) {
      mapping = Object.fromEntries(
        Object.entries(override).filter(([, v]) => v !== null),
      ) as ColumnMapping;
      mappingSource = 'manual';
    } else if (remembered) {
      mapping = remembered.mapping;
      mappingSource = 'remembered';
    }
    const width = Math.max(
      header.headers.length,
      ...rows.slice(header.headerIndex, header.headerIndex + 50).map((r) => r.cells.length),
    );
    for (const [field, col] of Object.entries(mapping)) {
      if (col === undefined || col >= width || !fields.some((f) => f.key === field))
        delete mapping[field];
    }
    const missing = missingRequiredFields(mapping, fields).map((f) => f.key);

    const caseTypes = this.caseTypes();
    const amountUnit = amountUnitOf(header.headers, mapping);
    const matcher = this.matcher();
    const problems: ImportProblem[] = [];
    const classified: Classified[] = [];
    let skippedBlank = 0;
    let skippedTotal = 0;
    let warningRows = 0;
    const firstByKey = new Map<string, { rowNumber: number; draft: Draft | null }>();
    const unknown = new Map<string, { name: string; rows: number }>();
    const dataRows = rows.slice(header.headerIndex + 1);
    const total = dataRows.length;

    for (let i = 0; i < dataRows.length; i++) {
      const row = dataRows[i]!;
      if (i % 5000 === 4999) {
        progress('importer.phase.checking', i, total);
        await yieldNow();
        if (signal.aborted) throw new AppError('CANCELLED', 'import cancelled');
      }
      if (isBlankRow(row)) {
        skippedBlank++;
        continue;
      }
      if (isTotalRow(row)) {
        skippedTotal++;
        continue;
      }
      const result =
        base.kind === 'cases'
          ? validateCaseRow(row, mapping, { caseTypes, amountUnit })
          : validatePersonRow(row, mapping);
      for (const w of result.warnings) problems.push(toProblem(w, 'warning', header.headers));
      if (result.warnings.length) warningRows++;
      for (const e of result.errors) problems.push(toProblem(e, 'error', header.headers));
      const draft = result.draft;
      // The same case (or person) twice in one file: identical rows are skipped as duplicates;
      // differing rows are an error, even when the rows have other errors too.
      const key = this.rowKey(base.kind, row, mapping);
      const first = key === null ? undefined : firstByKey.get(key);
      if (first) {
        if (draft && first.draft && this.sameContent(base.kind, first.draft, draft)) {
          classified.push({
            row,
            rowNumber: row.rowNumber,
            draft,
            status: 'duplicate',
            repeatsEarlierRow: true,
          });
          continue;
        }
        const col = this.keyColumn(base.kind, mapping);
        problems.push({
          severity: 'error',
          rowNumber: row.rowNumber,
          column: col,
          columnLetter: col === null ? null : columnLetter(col),
          header: col === null ? null : (header.headers[col] ?? null) || null,
          field: base.kind === 'cases' ? 'caseNo' : 'name',
          value: col === null ? '' : (cleanText(row.cells[col] ?? null) ?? ''),
          key:
            base.kind === 'cases'
              ? 'importer.problems.duplicateCaseInFile'
              : 'importer.problems.duplicatePersonInFile',
          params: { row: first.rowNumber },
          // "only the first row is imported" holds only when that row is valid.
          hintKey: first.draft
            ? 'importer.hints.duplicateInFile'
            : 'importer.hints.duplicateOfInvalid',
          hintParams: { row: first.rowNumber },
        });
        classified.push({ row, rowNumber: row.rowNumber, draft: null, status: 'error' });
        continue;
      }
      if (key !== null) firstByKey.set(key, { rowNumber: row.rowNumber, draft });
      if (!draft) {
        classified.push({ row, rowNumber: row.rowNumber, draft: null, status: 'error' });
        continue;
      }
      const dept = matcher.exact(draft.departmentName);
      if (!dept) {
        const k = departmentKey(draft.departmentName);
        const u = unknown.get(k) ?? { name: draft.departmentName, rows: 0 };
        u.rows++;
        unknown.set(k, u);
      }
      classified.push({
        row,
        rowNumber: row.rowNumber,
        draft,
        status: this.classify(base.kind, draft, dept?.id ?? null),
      });
    }
    progress('importer.phase.checking', total, total);

    problems.sort((a, b) => a.rowNumber - b.rowNumber || (a.column ?? -1) - (b.column ?? -1));
    const counts = {
      rows: classified.length,
      new: 0,
      update: 0,
      duplicate: 0,
      error: 0,
      warningRows,
      skippedBlank,
      skippedTotal,
    };
    for (const c of classified) counts[c.status]++;
    const fieldKeys = fields.map((f) => f.key);
    const sample = classified.slice(0, SAMPLE_ROWS).map((c) => {
      const src = c.row;
      return {
        rowNumber: c.rowNumber,
        status: c.status,
        values: Object.fromEntries(
          fieldKeys.map((k) => [
            k,
            mapping[k] === undefined ? null : cleanText(src.cells[mapping[k]!] ?? null),
          ]),
        ),
      };
    });
    const preview: ImportPreview = {
      previewId: base.id,
      kind: base.kind,
      fileName: base.fileName,
      sha256: base.sha256,
      format: base.read.format,
      encoding: base.read.encoding,
      sheetName: base.read.sheetName,
      headerRowNumber: rows[header.headerIndex]!.rowNumber,
      columns: header.headers.map((h, i) => ({ index: i, letter: columnLetter(i), header: h })),
      fields: fields.map((f) => ({ key: f.key, required: f.required })),
      mapping: Object.fromEntries(fieldKeys.map((k) => [k, mapping[k] ?? null])),
      mappingSource,
      missingRequired: missing,
      counts,
      problems: problems.slice(0, PROBLEMS_SHOWN),
      problemsTotal: problems.length,
      unknownDepartments: [...unknown.values()]
        .sort((a, b) => b.rows - a.rows)
        .map((u) => {
          const s = matcher.suggest(u.name);
          return { name: u.name, rows: u.rows, suggestion: s ? { id: s.id, name: s.name } : null };
        }),
      sample,
    };
    return {
      ...base,
      headerIndex: header.headerIndex,
      headers: header.headers,
      signature,
      mapping,
      mappingSource,
      rows: classified,
      problems,
      preview,
    };
  }

  private keyColumn(kind: ImportKind, mapping: ColumnMapping): number | null {
    return (kind === 'cases' ? mapping.caseNo : mapping.name) ?? null;
  }

  /**
   * Rows describing the same thing — the same case number in the same department; the same
   * person — read from the cells, so that a repeated row is found even when it has other errors.
   */
  private rowKey(kind: ImportKind, row: SourceRow, mapping: ColumnMapping): string | null {
    const cell = (field: string) => {
      const col = mapping[field];
      return col === undefined ? null : cleanText(row.cells[col] ?? null);
    };
    const dept = cell('department');
    if (dept === null) return null;
    if (kind === 'cases') {
      const no = cell('caseNo');
      return no === null
        ? null
        : `${normalizeCaseNumber(no).normalized}\u0000${departmentKey(dept)}`;
    }
    const cert = cell('certNo');
    if (cert !== null) return `cert\u0000${cert}`;
    const name = cell('name');
    return name === null ? null : `name\u0000${name}\u0000${departmentKey(dept)}`;
  }

  private sameContent(kind: ImportKind, a: Draft, b: Draft): boolean {
    return (
      JSON.stringify(kind === 'cases' ? { ...a, caseNoRaw: '' } : a) ===
      JSON.stringify(kind === 'cases' ? { ...b, caseNoRaw: '' } : b)
    );
  }

  private classify(kind: ImportKind, d: Draft, departmentId: string | null): RowStatus {
    if (!departmentId) return 'new';
    if (kind === 'cases') {
      const c = d as CaseDraft;
      const existing = this.app.repos.cases.writeByKey(c.caseNo, departmentId);
      if (!existing) return 'new';
      const next = caseWriteOf(c, departmentId, existing.id, existing.batchId, existing.notes);
      return CASE_CONTENT_FIELDS.every((f) => existing[f] === next[f]) ? 'duplicate' : 'update';
    }
    const p = d as PersonDraft;
    const existing = this.findPerson(p, departmentId);
    if (!existing) return 'new';
    const same =
      existing.name === p.name &&
      existing.departmentId === departmentId &&
      existing.position === p.position &&
      existing.legalOfficer === p.legalOfficer &&
      existing.certNo === p.certNo &&
      existing.phone === p.phone &&
      JSON.stringify(existing.expertise) === JSON.stringify(p.expertise) &&
      (p.notes === null || existing.notes === p.notes);
    return same ? 'duplicate' : 'update';
  }

  private findPerson(p: PersonDraft, departmentId: string) {
    return (
      (p.certNo ? this.app.repos.people.findByCertNo(p.certNo) : null) ??
      this.app.repos.people.findByNameInDepartment(p.name, departmentId)
    );
  }

  /**
   * Applies the staged rows in one transaction: department decisions first, then every row that is
   * valid, re-classified against the registry as it is now. Errors and duplicates are skipped.
   */
  commit(
    staged: Staged,
    decisions: DepartmentDecision[],
    actor: { id: string; displayName: string },
  ): {
    batchId: string;
    counts: {
      new: number;
      update: number;
      duplicate: number;
      error: number;
      departmentsCreated: number;
    };
  } {
    if (staged.preview.missingRequired.length) {
      throw new AppError('VALIDATION', 'required columns not mapped', {
        key: 'importer.errors.requiredUnmapped',
        params: { fields: staged.preview.missingRequired.join(', ') },
      });
    }
    const { app } = this;
    const { repos } = app;
    return app.tx(() => {
      const now = app.now().toISOString();
      const matcher = this.matcher();
      const decided = new Map(decisions.map((d) => [departmentKey(d.name), d]));
      const resolved = new Map<string, string>();
      let departmentsCreated = 0;
      const undecided: string[] = [];
      for (const c of staged.rows) {
        if (!c.draft) continue;
        const name = c.draft.departmentName;
        const key = departmentKey(name);
        if (resolved.has(key)) continue;
        const known = matcher.exact(name);
        if (known) {
          resolved.set(key, known.id);
          continue;
        }
        const d = decided.get(key);
        if (!d) {
          undecided.push(name);
          resolved.set(key, '');
          continue;
        }
        if (d.action === 'map') {
          if (!d.departmentId || !repos.departments.findById(d.departmentId)) {
            throw new AppError('VALIDATION', 'mapping to an unknown department', {
              key: 'importer.errors.mapTargetMissing',
              params: { name },
            });
          }
          repos.departments.addAlias(name, d.departmentId, now);
          resolved.set(key, d.departmentId);
        } else {
          const id = app.newId();
          repos.departments.create({ id, name, shortName: null, kind: null, active: true, now });
          app.audit(
            actor,
            'department.created',
            { type: 'department', id },
            { name, viaImport: staged.fileName },
          );
          departmentsCreated++;
          resolved.set(key, id);
        }
      }
      if (undecided.length) {
        throw new AppError('VALIDATION', 'undecided departments', {
          key: 'importer.errors.departmentsUndecided',
          params: { names: undecided.join('、') },
        });
      }

      const batchId = app.newId();
      const counts = { new: 0, update: 0, duplicate: 0, error: 0, departmentsCreated };
      // The batch row first, so that rows can refer to it.
      repos.imports.addBatch({
        id: batchId,
        kind: staged.kind,
        fileName: staged.fileName,
        sha256: staged.sha256,
        sourceSignature: staged.signature,
        userId: actor.id,
        createdAt: now,
        rowsTotal: staged.rows.length,
        rowsNew: 0,
        rowsUpdated: 0,
        rowsDuplicate: 0,
        rowsError: 0,
      });
      // A large import into a smaller registry: build the indexes once at the end instead of
      // updating them row by row (still inside this one transaction).
      const inserts = staged.kind === 'cases' ? staged.preview.counts.new : 0;
      const rebuildIndexes =
        inserts >= BULK_ROWS && inserts >= repos.cases.count() ? repos.cases.deferIndexes() : null;
      for (const c of staged.rows) {
        if (!c.draft) {
          counts.error++;
          continue;
        }
        if (c.repeatsEarlierRow) {
          counts.duplicate++;
          continue;
        }
        const departmentId = resolved.get(departmentKey(c.draft.departmentName))!;
        const status = this.apply(staged.kind, c.draft, departmentId, batchId, now);
        counts[status]++;
      }
      rebuildIndexes?.();
      repos.imports.finishBatch(batchId, counts);
      repos.imports.rememberMapping({
        signature: staged.signature,
        kind: staged.kind,
        mapping: staged.mapping as Record<string, number>,
        encoding: staged.read.encoding,
        now,
      });
      app.audit(
        actor,
        staged.kind === 'cases' ? 'import.cases' : 'import.people',
        { type: 'importBatch', id: batchId },
        {
          fileName: staged.fileName,
          sha256: staged.sha256,
          rows: staged.rows.length,
          ...counts,
        },
      );
      return { batchId, counts };
    });
  }

  private apply(
    kind: ImportKind,
    d: Draft,
    departmentId: string,
    batchId: string,
    now: string,
  ): 'new' | 'update' | 'duplicate' {
    const { repos } = this.app;
    if (kind === 'cases') {
      const c = d as CaseDraft;
      const existing = repos.cases.writeByKey(c.caseNo, departmentId);
      if (!existing) {
        repos.cases.insert(caseWriteOf(c, departmentId, this.app.newId(), batchId, null), now);
        return 'new';
      }
      const next = caseWriteOf(c, departmentId, existing.id, batchId, existing.notes);
      if (CASE_CONTENT_FIELDS.every((f) => existing[f] === next[f])) return 'duplicate';
      repos.cases.update(next, now);
      return 'update';
    }
    const p = d as PersonDraft;
    const existing = this.findPerson(p, departmentId);
    const write: PersonWrite = {
      id: existing?.id ?? this.app.newId(),
      name: p.name,
      departmentId,
      position: p.position,
      legalOfficer: p.legalOfficer,
      certNo: p.certNo,
      phone: p.phone,
      expertise: p.expertise,
      active: existing?.active ?? true,
      userId: existing?.userId ?? null,
      notes: p.notes ?? existing?.notes ?? null,
      batchId,
    };
    if (!existing) {
      repos.people.insert(write, now);
      return 'new';
    }
    if (this.classify('people', p, departmentId) === 'duplicate') return 'duplicate';
    repos.people.update(write, now);
    return 'update';
  }
}

export function newStageBase(
  kind: ImportKind,
  userId: string,
  file: { fileName: string; bytes: Uint8Array },
  read: ReadResult,
): Pick<Staged, 'id' | 'userId' | 'kind' | 'fileName' | 'sha256' | 'read' | 'createdAt'> {
  return {
    id: randomUUID(),
    userId,
    kind,
    fileName: file.fileName,
    sha256: sha256(file.bytes),
    read,
    createdAt: Date.now(),
  };
}
