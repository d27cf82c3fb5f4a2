// Departments (执法部门), the evaluator pool (评查人员库), case types and case files (案卷库),
// attachments.
import { z } from 'zod';
import { BytesSchema } from '../bytes';
import {
  AttachmentSchema,
  CaseFileSchema,
  CaseFilterSchema,
  CaseInputSchema,
  CaseSortSchema,
  CaseTypeSchema,
  DepartmentInputSchema,
  DepartmentSchema,
  FileSchema,
  PersonInputSchema,
  PersonSchema,
} from '../../registry/schemas';
import { LocaleSchema } from '../../accounts/schemas';
import { COORDINATOR, method } from '../define';

const Id = z.string().min(1).max(100);
const Ok = z.object({ ok: z.literal(true) });
const ExportFile = z.object({ fileName: z.string(), bytes: BytesSchema });

export const CASE_COLUMNS = [
  'caseNo',
  'filingNo',
  'caseType',
  'procedure',
  'cause',
  'partyName',
  'partyType',
  'partyCode',
  'departmentName',
  'handlers',
  'handlerCertNos',
  'filedOn',
  'decidedOn',
  'closedOn',
  'penaltyKinds',
  'amountFen',
  'legalBasis',
  'status',
  'pageCount',
  'notes',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const registryMethods = {
  'departments.list': method({
    input: z.strictObject({}),
    output: z.object({ departments: z.array(DepartmentSchema) }),
    access: COORDINATOR,
  }),
  'departments.create': method({
    input: DepartmentInputSchema,
    output: DepartmentSchema,
    access: COORDINATOR,
  }),
  'departments.update': method({
    input: DepartmentInputSchema.extend({ id: Id }),
    output: DepartmentSchema,
    access: COORDINATOR,
  }),
  'departments.merge': method({
    input: z.strictObject({ sourceId: Id, targetId: Id }),
    output: z.object({
      target: DepartmentSchema,
      movedCases: z.number().int(),
      movedPeople: z.number().int(),
    }),
    access: COORDINATOR,
  }),
  'departments.addAlias': method({
    input: z.strictObject({ departmentId: Id, alias: z.string().trim().min(2).max(60) }),
    output: DepartmentSchema,
    access: COORDINATOR,
  }),
  'departments.removeAlias': method({
    input: z.strictObject({ alias: z.string().min(1).max(60) }),
    output: Ok,
    access: COORDINATOR,
  }),

  'people.list': method({
    input: z.strictObject({}),
    output: z.object({ people: z.array(PersonSchema) }),
    access: COORDINATOR,
  }),
  'people.create': method({ input: PersonInputSchema, output: PersonSchema, access: COORDINATOR }),
  'people.update': method({
    input: PersonInputSchema.extend({ id: Id }),
    output: PersonSchema,
    access: COORDINATOR,
  }),
  'people.delete': method({ input: z.strictObject({ id: Id }), output: Ok, access: COORDINATOR }),

  'caseTypes.list': method({
    input: z.strictObject({}),
    output: z.object({ caseTypes: z.array(CaseTypeSchema) }),
    access: COORDINATOR,
  }),
  'caseTypes.save': method({
    input: z.strictObject({
      caseTypes: z
        .array(
          z.strictObject({
            code: z.string().min(1).max(40).optional(),
            name: z.string().trim().min(2).max(20),
            synonyms: z.array(z.string().trim().min(1).max(30)).max(30),
          }),
        )
        .min(1)
        .max(50),
    }),
    output: z.object({ caseTypes: z.array(CaseTypeSchema) }),
    access: COORDINATOR,
  }),

  'cases.list': method({
    input: z.strictObject({
      filter: CaseFilterSchema,
      sort: CaseSortSchema,
      page: z.number().int().min(1).max(100000),
      pageSize: z.number().int().min(1).max(500),
    }),
    output: z.object({ rows: z.array(CaseFileSchema), total: z.number().int() }),
    access: COORDINATOR,
  }),
  'cases.facets': method({
    input: z.strictObject({}),
    output: z.object({ years: z.array(z.number().int()), total: z.number().int() }),
    access: COORDINATOR,
  }),
  'cases.get': method({
    input: z.strictObject({ id: Id }),
    output: z.object({ case: CaseFileSchema, attachments: z.array(AttachmentSchema) }),
    access: COORDINATOR,
  }),
  'cases.create': method({ input: CaseInputSchema, output: CaseFileSchema, access: COORDINATOR }),
  'cases.update': method({
    input: CaseInputSchema.extend({ id: Id }),
    output: CaseFileSchema,
    access: COORDINATOR,
  }),
  'cases.delete': method({ input: z.strictObject({ id: Id }), output: Ok, access: COORDINATOR }),
  'cases.export': method({
    input: z.strictObject({
      filter: CaseFilterSchema,
      sort: CaseSortSchema,
      columns: z.array(z.enum(CASE_COLUMNS)).min(1),
      locale: LocaleSchema,
    }),
    output: ExportFile,
    access: COORDINATOR,
    long: true,
  }),

  'attachments.add': method({
    input: z.strictObject({ caseId: Id, file: FileSchema }),
    output: AttachmentSchema,
    access: COORDINATOR,
  }),
  'attachments.content': method({
    input: z.strictObject({ id: Id }),
    output: z.object({ fileName: z.string(), mime: z.string(), bytes: BytesSchema }),
    access: COORDINATOR,
  }),
  'attachments.remove': method({
    input: z.strictObject({ id: Id }),
    output: Ok,
    access: COORDINATOR,
  }),
};
