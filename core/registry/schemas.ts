// The registry (案卷库, 执法部门, 评查人员库): shapes that cross the API.
import { z } from 'zod';
import { BytesSchema } from '../api/bytes';

export const DEPARTMENT_KINDS = ['government', 'dispatched', 'authorized', 'other'] as const;
export const DepartmentKindSchema = z.enum(DEPARTMENT_KINDS);

export const DepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: DepartmentKindSchema.nullable(),
  active: z.boolean(),
  aliases: z.array(z.string()),
  caseCount: z.number().int(),
  peopleCount: z.number().int(),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(60),
  shortName: z.string().trim().max(20).nullable().optional(),
  kind: DepartmentKindSchema.nullable().optional(),
  active: z.boolean().optional(),
});

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  position: z.string().nullable(),
  legalOfficer: z.boolean(),
  certNo: z.string().nullable(),
  phone: z.string().nullable(),
  expertise: z.array(z.string()),
  active: z.boolean(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const PersonInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  departmentId: z.string().min(1),
  position: optText(40),
  legalOfficer: z.boolean().optional(),
  certNo: optText(40),
  phone: optText(30),
  expertise: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  active: z.boolean().optional(),
  userId: z.string().min(1).nullable().optional(),
  notes: optText(500),
});

export const CaseTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  synonyms: z.array(z.string()),
  builtin: z.boolean(),
});
export type CaseType = z.infer<typeof CaseTypeSchema>;

export const PROCEDURES = ['normal', 'simple'] as const;
export const ProcedureSchema = z.enum(PROCEDURES);
export const CASE_STATUSES = ['closed', 'open'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { error: 'validation.date' },
  );

/** A case file as the registry shows it. Money in fen; dates as YYYY-MM-DD. */
export const CaseFileSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  caseNoRaw: z.string(),
  year: z.number().int().nullable(),
  filingNo: z.string().nullable(),
  caseType: z.string(),
  procedure: ProcedureSchema.nullable(),
  cause: z.string().nullable(),
  partyName: z.string().nullable(),
  partyType: z.string().nullable(),
  partyCode: z.string().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  handlers: z.string().nullable(),
  handlerCertNos: z.string().nullable(),
  filedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  penaltyKinds: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  legalBasis: z.string().nullable(),
  status: CaseStatusSchema,
  pageCount: z.number().int().nullable(),
  caseUid: z.string().nullable(),
  notes: z.string().nullable(),
  batchId: z.string().nullable(),
  attachmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** What a person types when creating or editing a case by hand. */
export const CaseInputSchema = z.strictObject({
  caseNo: z.string().trim().min(3).max(80),
  filingNo: optText(80),
  caseType: z.string().min(1),
  procedure: ProcedureSchema.nullable().optional(),
  cause: optText(200),
  partyName: optText(200),
  partyType: optText(20),
  partyCode: optText(40),
  departmentId: z.string().min(1),
  handlers: optText(200),
  handlerCertNos: optText(200),
  filedOn: isoDate.nullable().optional(),
  decidedOn: isoDate.nullable().optional(),
  closedOn: isoDate.nullable().optional(),
  penaltyKinds: optText(200),
  amountFen: z.number().int().min(0).max(100_000_000_000_000).nullable().optional(),
  legalBasis: optText(1000),
  status: CaseStatusSchema,
  pageCount: z.number().int().min(0).max(100000).nullable().optional(),
  notes: optText(2000),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const CASE_SORT_KEYS = [
  'caseNo',
  'caseType',
  'departmentName',
  'partyName',
  'filedOn',
  'decidedOn',
  'closedOn',
  'amountFen',
  'pageCount',
  'updatedAt',
] as const;
export const CASE_DATE_FIELDS = ['filedOn', 'decidedOn', 'closedOn'] as const;

export const CaseFilterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  caseTypes: z.array(z.string()).max(50).optional(),
  procedures: z.array(ProcedureSchema).optional(),
  departmentIds: z.array(z.string()).max(500).optional(),
  statuses: z.array(CaseStatusSchema).optional(),
  year: z.number().int().min(1949).max(2100).optional(),
  dateField: z.enum(CASE_DATE_FIELDS).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  amountMinFen: z.number().int().min(0).optional(),
  amountMaxFen: z.number().int().min(0).optional(),
  batchId: z.string().optional(),
});
export type CaseFilter = z.infer<typeof CaseFilterSchema>;

export const CaseSortSchema = z.strictObject({
  key: z.enum(CASE_SORT_KEYS),
  dir: z.enum(['asc', 'desc']),
});
export type CaseSort = z.infer<typeof CaseSortSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string().nullable(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Files cross the API as bytes, never as paths (design §3). */
export const FileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  bytes: BytesSchema,
});
