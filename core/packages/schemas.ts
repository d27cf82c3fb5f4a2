// Offline packages (issue 8): what a task package (评查任务包) and a result package (评查结果包)
// contain. Both are ZIP files with a manifest (every other entry named with its SHA-256 and size)
// and an authenticator over the manifest's exact bytes: an Ed25519 signature by the coordinator's
// workspace for a task package, an HMAC-SHA256 with the package's secret for a result package.
//
//   task package                          result package
//   manifest.json   (canonical JSON)      manifest.json   (canonical JSON)
//   manifest.sig    (Ed25519, base64)     manifest.hmac   (HMAC-SHA256, hex)
//   campaign.json                         sheets.json
//   templates.json
//   files.json
//   attachments/<sha256>  (the scans, stored as they are)
import { z } from 'zod';
import { SettingsSchema } from '../campaigns/schemas';
import { ProcedureSchema, CaseStatusSchema } from '../registry/schemas';

export const PACKAGE_FORMAT = 'anjuan-pingcha/package';
/** The format this code writes and reads; a package from a newer format is refused by name. */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_KINDS = ['task', 'result'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export const ENTRY_MANIFEST = 'manifest.json';
export const ENTRY_SIGNATURE = 'manifest.sig';
export const ENTRY_HMAC = 'manifest.hmac';
export const ENTRY_CAMPAIGN = 'campaign.json';
export const ENTRY_TEMPLATES = 'templates.json';
export const ENTRY_FILES = 'files.json';
export const ENTRY_SHEETS = 'sheets.json';
export const ATTACHMENT_PREFIX = 'attachments/';
export const attachmentEntry = (sha256: string) => `${ATTACHMENT_PREFIX}${sha256}`;

/** Days a task package stays valid when the coordinator does not choose a date. */
export const DEFAULT_VALID_DAYS = 30;
/** Bytes of the per-package secret (the HMAC key of its results). */
export const SECRET_BYTES = 32;

const Id = z.string().min(1).max(100);
const Text = (max: number) => z.string().max(max);
const NullableText = (max: number) => z.string().max(max).nullable();
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
/** An ISO-8601 UTC instant as the app writes them (Date.toISOString). */
export const InstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((s) => !Number.isNaN(Date.parse(s)));
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const EntrySchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._/-]+$/),
  sha256: Sha256HexSchema,
  size: z.number().int().min(0),
});
export type Entry = z.infer<typeof EntrySchema>;

/** What every manifest starts with, read before the strict schema of its kind and version. */
export const ManifestHeaderSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().min(1),
  kind: z.enum(PACKAGE_KINDS),
});

export const PartySchema = z.strictObject({
  personId: Id,
  name: Text(100),
  departmentName: Text(200),
});

export const TaskManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  kind: z.literal('task'),
  packageId: Id,
  issuedAt: InstantSchema,
  validUntil: InstantSchema,
  coordinator: z.strictObject({
    workspaceId: Id,
    orgName: Text(200),
    /** Ed25519 public key, SPKI DER in base64. */
    publicKey: Base64,
    issuedBy: Text(100),
  }),
  campaign: z.strictObject({ id: Id, name: Text(200), year: z.number().int() }),
  evaluator: PartySchema.extend({ userId: Id, username: Text(64) }),
  /** What the package holds, for a reader who has not opened it yet. */
  files: z.array(
    z.strictObject({
      caseId: Id,
      caseNo: Text(100),
      caseTypeName: Text(100),
      departmentName: Text(200),
      attachments: z.number().int().min(0),
    }),
  ),
  /** The HMAC key of this package's results (32 random bytes, base64): it travels with the task. */
  secret: Base64,
  entries: z.array(EntrySchema).max(100_000),
});
export type TaskManifest = z.infer<typeof TaskManifestSchema>;

export const CampaignDataSchema = z.strictObject({
  campaign: z.strictObject({
    id: Id,
    name: Text(200),
    year: z.number().int(),
    organiser: Text(200),
    status: z.enum(['scoring', 'review']),
    /** The campaign's settings, with only the template versions of the evaluator's files. */
    settings: SettingsSchema,
  }),
  person: z.strictObject({
    id: Id,
    name: Text(100),
    departmentId: Id,
    position: NullableText(100),
    legalOfficer: z.boolean(),
  }),
  account: z.strictObject({ userId: Id, username: Text(64), displayName: Text(100) }),
  /** The evaluator's department and the departments of the assigned files. */
  departments: z.array(
    z.strictObject({
      id: Id,
      name: Text(200),
      shortName: NullableText(100),
      kind: NullableText(40),
    }),
  ),
  caseTypes: z.array(
    z.strictObject({ code: Id, name: Text(100), synonyms: z.array(Text(100)).max(200) }),
  ),
});
export type CampaignData = z.infer<typeof CampaignDataSchema>;

export const TemplateDataSchema = z.strictObject({
  templateId: Id,
  templateName: Text(200),
  versionId: Id,
  version: z.number().int().min(1),
  /** The published content exactly as stored (its SHA-256 is contentSha256). */
  content: z.string().max(5_000_000),
  contentSha256: Sha256HexSchema,
  publishedAt: z.string().max(40),
});
export const TemplatesDataSchema = z.array(TemplateDataSchema).max(100);
export type TemplateData = z.infer<typeof TemplateDataSchema>;

export const CaseDataSchema = z.strictObject({
  id: Id,
  caseNo: Text(100),
  caseNoRaw: Text(200),
  year: z.number().int().nullable(),
  filingNo: NullableText(100),
  caseType: Id,
  procedure: ProcedureSchema.nullable(),
  cause: NullableText(1000),
  partyName: NullableText(1000),
  partyType: NullableText(100),
  partyCode: NullableText(100),
  departmentId: Id,
  handlers: NullableText(1000),
  handlerCertNos: NullableText(1000),
  filedOn: IsoDate.nullable(),
  decidedOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  penaltyKinds: NullableText(1000),
  amountFen: z.number().int().nullable(),
  legalBasis: NullableText(5000),
  status: CaseStatusSchema,
  pageCount: z.number().int().nullable(),
  caseUid: NullableText(200),
  notes: NullableText(5000),
});
export type CaseData = z.infer<typeof CaseDataSchema>;

export const SHEET_STATES = ['open', 'submitted', 'returned'] as const;

/** A sheet as it travels: content is the stored JSON text, compared and stored byte for byte. */
export const SheetDataSchema = z.strictObject({
  id: Id,
  templateVersionId: Id,
  status: z.enum(SHEET_STATES),
  revision: z.number().int().min(0),
  content: z.string().max(2_000_000),
  savedAt: z.string().max(40).nullable(),
  submittedAt: z.string().max(40).nullable(),
  returnedReason: NullableText(2000),
  createdAt: z.string().max(40),
});
export type SheetData = z.infer<typeof SheetDataSchema>;

export const FileDataSchema = z.strictObject({
  position: z.number().int().min(0),
  assignmentId: Id,
  case: CaseDataSchema,
  attachments: z.array(
    z.strictObject({
      id: Id,
      sha256: Sha256HexSchema,
      fileName: Text(255),
      mime: Text(100),
      size: z.number().int().min(0),
      addedAt: z.string().max(40),
    }),
  ),
  sheet: SheetDataSchema,
});
export const FilesDataSchema = z.array(FileDataSchema).max(10_000);
export type FileData = z.infer<typeof FileDataSchema>;

export const ResultManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  kind: z.literal('result'),
  /** This export's own id. */
  resultId: Id,
  /** The task package it answers (its secret is the HMAC key). */
  packageId: Id,
  /** 1, 2, 3 … per task package: a higher number is a later export. */
  sequence: z.number().int().min(1),
  exportedAt: InstantSchema,
  coordinatorWorkspaceId: Id,
  evaluatorWorkspaceId: Id,
  campaign: z.strictObject({ id: Id, name: Text(200), year: z.number().int() }),
  evaluator: PartySchema,
  /** Not every assigned sheet is submitted yet. */
  partial: z.boolean(),
  assigned: z.number().int().min(0),
  submitted: z.number().int().min(0),
  entries: z.array(EntrySchema).max(10),
});
export type ResultManifest = z.infer<typeof ResultManifestSchema>;

export const VersionDataSchema = z.strictObject({
  revision: z.number().int().min(0),
  status: z.enum(SHEET_STATES),
  content: z.string().max(2_000_000),
  savedAt: z.string().max(40),
});
export type VersionData = z.infer<typeof VersionDataSchema>;

export const ResultSheetSchema = z.strictObject({
  sheetId: Id,
  caseId: Id,
  caseNo: Text(100),
  status: z.enum(SHEET_STATES),
  revision: z.number().int().min(0),
  content: z.string().max(2_000_000),
  savedAt: z.string().max(40).nullable(),
  submittedAt: z.string().max(40).nullable(),
  /**
   * Every version saved on the evaluator's workspace since the task package was imported, in
   * order (each autosave, submit). Cumulative: a later export repeats the earlier ones.
   */
  versions: z.array(VersionDataSchema).max(100_000),
});
export const ResultSheetsSchema = z.array(ResultSheetSchema).max(10_000);
export type ResultSheet = z.infer<typeof ResultSheetSchema>;
