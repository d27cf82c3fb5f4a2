// Offline packages between machines (issue 8): the workspace identity, task packages (评查任务包)
// issued by the coordinator and imported on an evaluator's laptop, result packages (评查结果包)
// exported there and merged back. Package formats: core/packages/schemas.ts.
//
// A typical round:
//   coordinator  packages.list → packages.exportTasks (one evaluator) / packages.exportAllTasks
//   evaluator    packages.inspect → packages.importTask (fresh workspace: signs in the new
//                evaluator account) → tasks.mine / tasks.open / sheets.save / sheets.submit as on
//                the coordinator's machine → packages.exportResult (any time; partial until all
//                sheets are submitted)
//   coordinator  packages.inspectResult (per sheet new / newer / same / older / conflict) →
//                packages.mergeResult (with resolutions for the conflicts)
// Every refusal is an AppError whose key is errors.package… or errors.result… (translated), and a
// refused import or merge changes nothing.
import { z } from 'zod';
import {
  DisplayNameSchema,
  LocaleSchema,
  PasswordSchema,
  SessionSchema,
  UsernameSchema,
} from '../../accounts/schemas';
import { SHEET_CLASSES } from '../../packages/rules';
import { BytesSchema } from '../bytes';
import { ANY_ROLE, COORDINATOR, method, type Access } from '../define';

const Id = z.string().min(1).max(100);
const EVALUATOR = ['evaluator'] as const satisfies Access;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });
const ProblemSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const WorkspaceModeSchema = z.enum(['coordinator', 'evaluator']).nullable();

const PackageRowSchema = z.object({
  packageId: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  expired: z.boolean(),
  /** A later package for the same evaluator replaced this one (its results still merge). */
  supersededBy: z.string().nullable(),
  /** The last result export merged from this package (0 = none yet). */
  mergedSequence: z.number().int(),
  mergedAt: z.string().nullable(),
});

const SheetComparisonSchema = z.object({
  sheetId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  /** new / newer / same / older / conflict: see core/packages/rules.ts classifySheet. */
  class: z.enum(SHEET_CLASSES),
  local: z.object({
    status: z.string(),
    revision: z.number().int(),
    savedAt: z.string().nullable(),
    total: z.number().int().nullable(),
  }),
  package: z.object({
    status: z.string(),
    revision: z.number().int(),
    savedAt: z.string().nullable(),
    total: z.number().int().nullable(),
    newVersions: z.number().int(),
  }),
});

const ResultPreviewSchema = z.object({
  packageId: z.string(),
  resultId: z.string(),
  /** 1, 2, 3 … per task package: a later export has a higher number. */
  sequence: z.number().int(),
  exportedAt: z.string(),
  partial: z.boolean(),
  assigned: z.number().int(),
  submitted: z.number().int(),
  campaign: z.object({ id: z.string(), name: z.string(), year: z.number().int() }),
  evaluator: z.object({ personId: z.string(), name: z.string(), departmentName: z.string() }),
  /** This very export was merged already: merging it again is a no-op. */
  alreadyMerged: z.boolean(),
  sheets: z.array(SheetComparisonSchema),
});

export const packagesMethods = {
  /** This workspace's id, public key and its fingerprint (for the settings screen), and its mode. */
  'workspace.identity': method({
    input: z.strictObject({}),
    output: z.object({
      workspaceId: z.string(),
      /** Ed25519 public key, SPKI DER in base64. */
      publicKey: z.string(),
      /** First 128 bits of the key's SHA-256 as eight groups of four hex digits. */
      fingerprint: z.string(),
      createdAt: z.string(),
      mode: WorkspaceModeSchema,
    }),
    access: ANY_ROLE,
  }),

  /**
   * The campaign's evaluators with their assigned files and the task packages issued to each
   * (newest first), for the "任务包" screen. `canIssue` is false (with the reason) when the
   * campaign is not in scoring/review or is scored jointly.
   */
  'packages.list': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      campaignId: z.string(),
      canIssue: z.boolean(),
      reason: ProblemSchema.nullable(),
      /** The validity date proposed by default (YYYY-MM-DD). */
      defaultValidUntil: z.string(),
      evaluators: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          departmentName: z.string(),
          username: z.string().nullable(),
          files: z.number().int(),
          submitted: z.number().int(),
          packages: z.array(PackageRowSchema),
        }),
      ),
    }),
    access: COORDINATOR,
  }),

  /**
   * Issues one evaluator's task package: builds, signs and records it (earlier packages of that
   * evaluator for the campaign are marked superseded) and audits the issue. `validUntil` is the
   * last day the package may be imported and its results merged (this machine's calendar; the
   * default is the campaign's deadline + 7 days, or 30 days). Long: progress phases collect,
   * attachments (done/total scans), sign; cancellable.
   */
  'packages.exportTasks': method({
    input: z.strictObject({ campaignId: Id, personId: Id, validUntil: IsoDate.optional() }),
    output: z.object({
      fileName: z.string(),
      bytes: BytesSchema,
      packageId: z.string(),
      issuedAt: z.string(),
      validUntil: z.string(),
    }),
    access: COORDINATOR,
    long: true,
  }),

  /**
   * Every evaluator's task package at once, in one ZIP (one package file per evaluator). Refused
   * with errors.packagesTooLarge above 300 MB in all: export per evaluator then. Long: progress
   * phase packages (done/total evaluators); cancellable.
   */
  'packages.exportAllTasks': method({
    input: z.strictObject({ campaignId: Id, validUntil: IsoDate.optional() }),
    output: z.object({
      fileName: z.string(),
      bytes: BytesSchema,
      packages: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          packageId: z.string(),
          fileName: z.string(),
        }),
      ),
    }),
    access: COORDINATOR,
    long: true,
  }),

  /**
   * What a package file is, before importing or merging it; never throws for a bad package.
   * Task package: verified = signature, digests and data checked; problem = the reason it is
   * not (errors.* key); canImport/importProblem = whether this workspace can import it now.
   * Result package: verified only on the coordinator's workspace that issued its task package.
   */
  'packages.inspect': method({
    input: z.strictObject({ bytes: BytesSchema }),
    output: z.object({
      kind: z.enum(['task', 'result']).nullable(),
      verified: z.boolean(),
      problem: ProblemSchema.nullable(),
      packageId: z.string().nullable(),
      campaign: z.object({ id: z.string(), name: z.string(), year: z.number().int() }).nullable(),
      evaluator: z
        .object({ personId: z.string(), name: z.string(), departmentName: z.string() })
        .nullable(),
      files: z.array(
        z.object({
          caseId: z.string(),
          caseNo: z.string(),
          caseTypeName: z.string(),
          departmentName: z.string(),
          attachments: z.number().int(),
        }),
      ),
      issuedAt: z.string().nullable(),
      validUntil: z.string().nullable(),
      coordinator: z
        .object({
          workspaceId: z.string(),
          orgName: z.string(),
          issuedBy: z.string(),
          fingerprint: z.string(),
        })
        .nullable(),
      /** Result packages: the export's number, time and completeness. */
      result: z
        .object({
          sequence: z.number().int(),
          exportedAt: z.string(),
          partial: z.boolean(),
          assigned: z.number().int(),
          submitted: z.number().int(),
        })
        .nullable(),
      canImport: z.boolean(),
      importProblem: ProblemSchema.nullable(),
      /** The account the import creates (user name and display name from the package). */
      account: z.object({ username: z.string(), displayName: z.string() }).nullable(),
    }),
    access: 'public',
  }),

  /**
   * Imports a task package (评查任务包): on a fresh workspace (no account yet) it becomes an
   * evaluator workspace, creates the evaluator's account with the chosen password (user name and
   * display name from the package unless given) and returns a session (signed in); on an
   * evaluator workspace the signed-in evaluator imports another or a newer package of theirs
   * (sheets with work not yet exported keep it: keptLocal). Re-importing the same package is a
   * no-op (alreadyImported). Refused: coordinator workspaces, bad signature or digests, expired,
   * another coordinator's key for a campaign already imported, another evaluator's package.
   * Long: progress phases verify, store (done/total scans), commit.
   */
  'packages.importTask': method({
    input: z.strictObject({
      bytes: BytesSchema,
      password: PasswordSchema.optional(),
      username: UsernameSchema.optional(),
      displayName: DisplayNameSchema.optional(),
      locale: LocaleSchema.optional(),
    }),
    output: z.object({
      packageId: z.string(),
      campaignId: z.string(),
      campaignName: z.string(),
      alreadyImported: z.boolean(),
      files: z.number().int(),
      keptLocal: z.array(z.string()),
      session: SessionSchema.nullable(),
    }),
    access: 'public',
    long: true,
  }),

  /** On an evaluator workspace: the task packages imported (newest first) with their exports. */
  'packages.received': method({
    input: z.strictObject({}),
    output: z.object({
      packages: z.array(
        z.object({
          packageId: z.string(),
          campaignId: z.string(),
          campaignName: z.string(),
          issuedAt: z.string(),
          validUntil: z.string(),
          expired: z.boolean(),
          current: z.boolean(),
          coordinator: z.object({
            workspaceId: z.string(),
            orgName: z.string(),
            fingerprint: z.string(),
          }),
          importedAt: z.string(),
          /** Result exports made from this package so far. */
          exports: z.number().int(),
          lastExportedAt: z.string().nullable(),
          assigned: z.number().int(),
          submitted: z.number().int(),
        }),
      ),
    }),
    access: ANY_ROLE,
  }),

  /**
   * The signed-in evaluator's result package (评查结果包) for a campaign imported from a task
   * package: every sheet with every version since the import, numbered (sequence), HMAC'd with
   * the package's secret; partial while a sheet is not submitted. Audited; any time.
   */
  'packages.exportResult': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      fileName: z.string(),
      bytes: BytesSchema,
      packageId: z.string(),
      sequence: z.number().int(),
      exportedAt: z.string(),
      partial: z.boolean(),
      assigned: z.number().int(),
      submitted: z.number().int(),
    }),
    access: EVALUATOR,
  }),

  /**
   * Checks a result package against the task package it answers and previews the merge: per
   * sheet new / newer / same / older / conflict. Throws the refusal (errors.result… /
   * errors.package…) when the package cannot be merged (forged, altered, foreign, expired, or an
   * export older than one merged already).
   */
  'packages.inspectResult': method({
    input: z.strictObject({ bytes: BytesSchema }),
    output: ResultPreviewSchema,
    access: COORDINATOR,
    long: true,
  }),

  /**
   * Merges a result package in one transaction: new and newer sheets are taken (every version
   * appended to the sheet's history; a submitted sheet settles its file, final or 复核, as a local
   * submit does); same and older ones are left; each conflict needs a resolution ('local' keeps
   * this workspace's sheet, 'package' takes the package's) or the merge is refused
   * (errors.resultConflicts, nothing written). The same export again is a no-op (merged: false).
   */
  'packages.mergeResult': method({
    input: z.strictObject({
      bytes: BytesSchema,
      resolutions: z
        .array(z.strictObject({ sheetId: Id, keep: z.enum(['local', 'package']) }))
        .max(10_000)
        .default([]),
    }),
    output: ResultPreviewSchema.extend({
      merged: z.boolean(),
      applied: z.number().int(),
      keptLocal: z.number().int(),
      submittedNow: z.number().int(),
    }),
    access: COORDINATOR,
    long: true,
  }),
};
