// Evaluation standards: templates, versions (draft → published, immutable), import/export, and
// the problem-tag vocabulary.
import { z } from 'zod';
import { LocaleSchema } from '../../accounts/schemas';
import { FileSchema } from '../../registry/schemas';
import { TemplateContentSchema } from '../../standards/model';
import { BytesSchema } from '../bytes';
import { ANY_ROLE, COORDINATOR, method } from '../define';

const Id = z.string().min(1).max(100);
const Ok = z.object({ ok: z.literal(true) });
const ExportFile = z.object({ fileName: z.string(), bytes: BytesSchema });

export const TemplateProblemSchema = z.object({
  path: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const TemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  retired: z.boolean(),
  latestVersion: z.number().int().nullable(),
  latestVersionId: z.string().nullable(),
  latestPublishedAt: z.string().nullable(),
  draftId: z.string().nullable(),
  draftUpdatedAt: z.string().nullable(),
  caseTypes: z.array(z.string()),
  procedures: z.array(z.string()),
  total: z.number().int(),
  itemCount: z.number().int(),
  vetoCount: z.number().int(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateVersionSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  version: z.number().int().nullable(),
  status: z.enum(['draft', 'published']),
  content: TemplateContentSchema,
  contentSha256: z.string(),
  basedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Problems that block publishing (always empty for a published version). */
  problems: z.array(TemplateProblemSchema),
});
export type TemplateVersion = z.infer<typeof TemplateVersionSchema>;

export const PRESETS = ['blank', 'penalty', 'permit', 'coercion'] as const;

export const TagSchema = z.object({
  code: z.string(),
  group: z.string(),
  name: z.string(),
  active: z.boolean(),
});
const TagsOutput = z.object({
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  tags: z.array(TagSchema),
});

export const standardsMethods = {
  'standards.list': method({
    input: z.strictObject({}),
    output: z.object({ templates: z.array(TemplateSummarySchema) }),
    access: COORDINATOR,
  }),
  'standards.get': method({
    input: z.strictObject({ versionId: Id }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),
  'standards.versions': method({
    input: z.strictObject({ templateId: Id }),
    output: z.object({
      versions: z.array(
        TemplateVersionSchema.pick({
          id: true,
          version: true,
          status: true,
          createdAt: true,
          updatedAt: true,
          publishedAt: true,
          contentSha256: true,
        }),
      ),
    }),
    access: COORDINATOR,
  }),
  'standards.create': method({
    input: z.strictObject({ name: z.string().trim().min(1).max(60), preset: z.enum(PRESETS) }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),
  'standards.saveDraft': method({
    input: z.strictObject({
      versionId: Id,
      content: TemplateContentSchema,
      /** The draft's content hash when the editor loaded it: a different save meanwhile is a conflict. */
      expectedSha256: z.string(),
    }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),
  'standards.publish': method({
    input: z.strictObject({ versionId: Id }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),
  'standards.newDraft': method({
    input: z.strictObject({ versionId: Id }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),
  'standards.copy': method({
    input: z.strictObject({ versionId: Id, name: z.string().trim().min(1).max(60) }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),
  'standards.discardDraft': method({
    input: z.strictObject({ versionId: Id }),
    output: Ok,
    access: COORDINATOR,
  }),
  'standards.retire': method({
    input: z.strictObject({ templateId: Id, retired: z.boolean() }),
    output: Ok,
    access: COORDINATOR,
  }),
  'standards.exportJson': method({
    input: z.strictObject({ versionId: Id }),
    output: ExportFile,
    access: COORDINATOR,
  }),
  'standards.exportXlsx': method({
    input: z.strictObject({ versionId: Id, locale: LocaleSchema }),
    output: ExportFile,
    access: COORDINATOR,
  }),
  'standards.exportDocx': method({
    input: z.strictObject({ versionId: Id, locale: LocaleSchema }),
    output: ExportFile,
    access: COORDINATOR,
  }),
  /** JSON (lossless) or XLSX (one row per item); creates a new template with a draft. */
  'standards.import': method({
    input: z.strictObject({ file: FileSchema }),
    output: TemplateVersionSchema,
    access: COORDINATOR,
  }),

  /** Evaluators read the tag vocabulary too: the scoring screen offers tags on every finding. */
  'tags.list': method({ input: z.strictObject({}), output: TagsOutput, access: ANY_ROLE }),
  'tags.save': method({
    input: z.strictObject({
      tags: z
        .array(
          z.strictObject({
            code: z
              .string()
              .trim()
              .min(2)
              .max(20)
              .regex(/^[A-Za-z][A-Za-z0-9]*$/, { error: 'validation.tagCode' }),
            group: z.string().min(1).max(4),
            name: z.string().trim().min(1).max(40),
            active: z.boolean(),
          }),
        )
        .max(500),
    }),
    output: TagsOutput,
    access: COORDINATOR,
  }),
};
