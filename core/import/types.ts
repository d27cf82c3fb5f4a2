// Shapes shared by the catalogue / evaluator-pool import. Pure data: the services layer reads the
// file (XLSX or CSV) into SourceRows, and everything here turns rows into drafts and problems.

/** One spreadsheet cell. Date only from real date cells; its UTC components are the date. */
export type CellValue = string | number | boolean | Date | null;

/** One row of the source. rowNumber is the spreadsheet row (1-based) or the CSV line where the record starts. */
export interface SourceRow {
  rowNumber: number;
  cells: CellValue[];
}

/** A user-facing message: `key` is an i18n key such as 'import.problems.dateImpossible'. */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Field key → column index (0-based) in the source rows. */
export type ColumnMapping = Partial<Record<string, number>>;

/** A problem found in one row: where (row, column, field), the value, why, and what to do. */
export interface RowProblem {
  rowNumber: number;
  /** Column index into the row (0-based); the UI shows the letter and the header. */
  column: number | null;
  /** Field key (e.g. 'caseNo'), or null for a problem of the whole row. */
  field: string | null;
  /** The cell as written in the file ('' when empty). */
  value: string;
  problem: Problem;
  hint?: Problem;
}

export type ProcedureCode = 'normal' | 'simple';
export type StatusCode = 'closed' | 'open';

/** A case-file row that passed validation, ready for the services layer to match and store. */
export interface CaseDraft {
  /** Normalised case number (〔YYYY〕 brackets, no spaces, no leading zeros in the serial). */
  caseNo: string;
  /** The case number as written in the file (cleaned of stray whitespace only). */
  caseNoRaw: string;
  year: number | null;
  filingNo: string | null;
  /** Case-type code, e.g. 'penalty'. */
  caseType: string;
  procedure: ProcedureCode | null;
  cause: string | null;
  partyName: string | null;
  partyType: string | null;
  partyCode: string | null;
  departmentName: string;
  /** Handler names joined with '、'. */
  handlers: string | null;
  handlerCertNos: string | null;
  filedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  penaltyKinds: string | null;
  amountFen: number | null;
  legalBasis: string | null;
  status: StatusCode;
  pageCount: number | null;
  caseUid: string | null;
  notes: string | null;
}

/** An evaluator-pool row that passed validation. */
export interface PersonDraft {
  name: string;
  departmentName: string;
  position: string | null;
  legalOfficer: boolean;
  certNo: string | null;
  phone: string | null;
  expertise: string[];
  notes: string | null;
}

export interface RowResult<D> {
  /** null when the row has errors. */
  draft: D | null;
  errors: RowProblem[];
  warnings: RowProblem[];
}
