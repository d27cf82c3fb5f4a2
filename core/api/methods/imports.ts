// Importing case catalogues (案卷目录) and the evaluator pool (评查人员库) from XLSX or CSV:
// preview (with column mapping and every problem by row and column), then commit what the user
// confirms in one transaction.
import { z } from 'zod';
import { LocaleSchema } from '../../accounts/schemas';
import { FileSchema } from '../../registry/schemas';
import { BytesSchema } from '../bytes';
import { COORDINATOR, method } from '../define';

export const IMPORT_KINDS = ['cases', 'people'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'big5'] as const;
export const TextEncodingSchema = z.enum(TEXT_ENCODINGS);

/** Largest file accepted, and most data rows (issue 3: "a file over 200 MB, a row count over 500,000"). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 500_000;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

export const ImportProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  rowNumber: z.number().int(),
  column: z.number().int().nullable(),
  columnLetter: z.string().nullable(),
  header: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string(),
  key: z.string(),
  params: Params.optional(),
  hintKey: z.string().optional(),
  hintParams: Params.optional(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ROW_STATUSES = ['new', 'update', 'duplicate', 'error'] as const;

export const ImportPreviewSchema = z.object({
  previewId: z.string(),
  kind: ImportKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  headerRowNumber: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string() })),
  fields: z.array(z.object({ key: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mappingSource: z.enum(['detected', 'remembered', 'manual']),
  missingRequired: z.array(z.string()),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    update: z.number().int(),
    duplicate: z.number().int(),
    error: z.number().int(),
    warningRows: z.number().int(),
    skippedBlank: z.number().int(),
    skippedTotal: z.number().int(),
  }),
  problems: z.array(ImportProblemSchema),
  problemsTotal: z.number().int(),
  unknownDepartments: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int(),
      suggestion: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  sample: z.array(
    z.object({
      rowNumber: z.number().int(),
      status: z.enum(ROW_STATUSES),
      values: z.record(z.string(), z.string().nullable()),
    }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const DepartmentDecisionSchema = z.strictObject({
  name: z.string().min(1).max(100),
  action: z.enum(['create', 'map']),
  departmentId: z.string().min(1).optional(),
});
export type DepartmentDecision = z.infer<typeof DepartmentDecisionSchema>;

export const importMethods = {
  'imports.preview': method({
    input: z.strictObject({
      kind: ImportKindSchema,
      file: FileSchema,
      encoding: TextEncodingSchema.optional(),
      mapping: z.record(z.string(), z.number().int().min(0).max(500).nullable()).optional(),
    }),
    output: ImportPreviewSchema,
    access: COORDINATOR,
    long: true,
  }),
  'imports.remap': method({
    input: z.strictObject({
      previewId: z.string().min(1),
      mapping: z.record(z.string(), z.number().int().min(0).max(500).nullable()),
    }),
    output: ImportPreviewSchema,
    access: COORDINATOR,
    long: true,
  }),
  'imports.commit': method({
    input: z.strictObject({
      previewId: z.string().min(1),
      departments: z.array(DepartmentDecisionSchema).max(1000),
    }),
    output: z.object({
      batchId: z.string(),
      counts: z.object({
        new: z.number().int(),
        update: z.number().int(),
        duplicate: z.number().int(),
        error: z.number().int(),
        departmentsCreated: z.number().int(),
      }),
    }),
    access: COORDINATOR,
    long: true,
  }),
  'imports.problemsReport': method({
    input: z.strictObject({ previewId: z.string().min(1), locale: LocaleSchema }),
    output: z.object({ fileName: z.string(), bytes: BytesSchema }),
    access: COORDINATOR,
  }),
  'imports.discard': method({
    input: z.strictObject({ previewId: z.string().min(1) }),
    output: z.object({ ok: z.literal(true) }),
    access: COORDINATOR,
  }),
  'imports.batches': method({
    input: z.strictObject({}),
    output: z.object({
      batches: z.array(
        z.object({
          id: z.string(),
          kind: ImportKindSchema,
          fileName: z.string(),
          sha256: z.string(),
          createdAt: z.string(),
          userName: z.string().nullable(),
          rowsTotal: z.number().int(),
          rowsNew: z.number().int(),
          rowsUpdated: z.number().int(),
          rowsDuplicate: z.number().int(),
          rowsError: z.number().int(),
        }),
      ),
    }),
    access: COORDINATOR,
  }),
};
