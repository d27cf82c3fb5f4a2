// The audit trail (issue 8 item 6): browse and filter the hash-chained log, verify the chain
// (naming the first broken entry), export the log or a filtered part of it as a file signed with
// the workspace's Ed25519 key (format: core/audit/export-format.ts). Coordinator only.
import { z } from 'zod';
import { ACTION_PATTERN } from '../../audit/actions';
import { BytesSchema } from '../bytes';
import { COORDINATOR, method } from '../define';

const IsoDateTime = z.iso.datetime({ error: 'validation.invalid_format' });

/** Which entries: every part optional, all parts must hold. */
export const AuditFilterSchema = z.strictObject({
  /** From this instant (inclusive), ISO-8601 UTC; the screen sends the start of a local day. */
  from: IsoDateTime.optional(),
  /** Up to this instant (exclusive). */
  to: IsoDateTime.optional(),
  fromSeq: z.number().int().min(1).optional(),
  toSeq: z.number().int().min(1).optional(),
  /** A user id; null for entries made by the app itself (no signed-in user). */
  actorId: z.string().min(1).max(100).nullable().optional(),
  /** Exact actions or prefixes ending in '.', any of them (core/audit/actions.ts groups). */
  actions: z
    .array(z.string().max(60).regex(ACTION_PATTERN, { error: 'validation.invalid_format' }))
    .max(50)
    .optional(),
  entityType: z.string().trim().min(1).max(40).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  /** Free text: part of the action, the actor's name, the entity id or the details. */
  text: z.string().trim().max(200).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The stored JSON text of the details. */
  details: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

const BrokenEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string().nullable(),
  action: z.string().nullable(),
});

export const auditMethods = {
  /** One page of entries, newest first. */
  'audit.list': method({
    input: AuditFilterSchema.extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      entries: z.array(AuditEntrySchema),
    }),
    access: COORDINATOR,
  }),
  /**
   * Walks the whole chain; `firstBroken` names the first entry whose hash or link to the entry
   * before it does not hold (the database was edited behind the app's back).
   */
  'audit.verify': method({
    input: z.strictObject({}),
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
      firstBroken: BrokenEntrySchema.nullable(),
    }),
    access: COORDINATOR,
  }),
  /**
   * The log (or the entries a filter selects) as a signed JSON-lines file. The export itself is
   * recorded first, so a complete export contains its own entry.
   */
  'audit.export': method({
    input: z.strictObject({ filter: AuditFilterSchema.optional() }),
    output: z.object({
      fileName: z.string(),
      bytes: BytesSchema,
      count: z.number().int(),
      /** SHA-256 of the public key (DER), hex: what the supervising office compares. */
      keyFingerprint: z.string(),
    }),
    access: COORDINATOR,
    long: true,
  }),
};
