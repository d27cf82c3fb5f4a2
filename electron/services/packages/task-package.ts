// Task packages (评查任务包, issue 8 item 2): one ZIP per evaluator and campaign with what that
// evaluator needs to score offline and nothing more: the campaign's settings, the pinned template
// versions, the assigned files with their details and scans, the evaluator's own sheets, and the
// per-package secret of the results; signed with the coordinator workspace's Ed25519 key.
// Reading one back (inspect, import) checks the signature, every entry's digest and the validity.
import { randomBytes } from 'node:crypto';
import { DEFAULT_LOCALE, type SessionUser } from '../../../core/accounts/schemas';
import { AppError } from '../../../core/api/errors';
import { SettingsSchema } from '../../../core/campaigns/schemas';
import { translate } from '../../../core/i18n';
import { canonicalBytes } from '../../../core/packages/canonical';
import { isExpired, type Problem } from '../../../core/packages/rules';
import {
  ATTACHMENT_PREFIX,
  ENTRY_CAMPAIGN,
  ENTRY_FILES,
  ENTRY_SIGNATURE,
  ENTRY_TEMPLATES,
  CampaignDataSchema,
  FilesDataSchema,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  SECRET_BYTES,
  TaskManifestSchema,
  TemplatesDataSchema,
  attachmentEntry,
  type CampaignData,
  type FileData,
  type TaskManifest,
  type TemplateData,
} from '../../../core/packages/schemas';
import type { AppContext } from '../context';
import { BlobStore, sha256 } from '../files/blob-store';
import { safeFileName } from '../results/format';
import { SETTING_ORG_NAME } from '../settings-keys';
import {
  checkArchive,
  entryOf,
  expectKind,
  jsonEntry,
  openPackage,
  packArchive,
  parseEntry,
  parseManifest,
  readAuthenticator,
  refusal,
  type PackEntry,
} from './archive';
import { verifyEd25519, workspaceSigner } from './identity';
import type { ZipReader } from '../import/zip';

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export interface Progress {
  progress(phase: string, done: number, total: number | null): void;
  signal: AbortSignal;
}

const cancelled = () => new AppError('CANCELLED', 'package export cancelled');

/** What is read from the database for one package, in one synchronous pass (a consistent view). */
interface Collected {
  manifestBase: Omit<TaskManifest, 'packageId' | 'issuedAt' | 'validUntil' | 'secret' | 'entries'>;
  campaign: CampaignData;
  templates: TemplateData[];
  files: FileData[];
  /** Baseline of each sheet: its last version seq now. */
  baselines: { sheetId: string; caseId: string; baseSeq: number }[];
  blobs: { sha256: string; caseNo: string; fileName: string }[];
}

function collect(app: AppContext, campaignId: string, personId: string): Collected {
  const { repos } = app;
  const c = repos.campaigns.get(campaignId);
  if (!c) throw new AppError('NOT_FOUND', `campaign ${campaignId} not found`);
  if (c.status !== 'scoring' && c.status !== 'review') {
    throw refusal({ key: 'errors.campaignState', params: { status: c.status } }, 'CONFLICT');
  }
  const settings = SettingsSchema.parse(JSON.parse(c.settings));
  if (settings.mode !== 'independent')
    throw refusal({ key: 'errors.packageJointMode' }, 'CONFLICT');
  const person = repos.people.get(personId);
  if (!person) throw new AppError('NOT_FOUND', `person ${personId} not found`);
  const assignments = repos.packages.assignmentsOf(campaignId, personId);
  if (!assignments.length) {
    throw refusal({ key: 'errors.packageNotEvaluator', params: { name: person.name } }, 'CONFLICT');
  }
  const account = person.userId ? repos.users.findById(person.userId) : null;
  if (!account) {
    throw refusal({ key: 'errors.packageNotSigned', params: { name: person.name } }, 'CONFLICT');
  }
  const typeNames = new Map(repos.caseTypes.list().map((t) => [t.code, t]));
  const departments = new Map<string, CampaignData['departments'][number]>();
  const addDepartment = (id: string) => {
    if (departments.has(id)) return;
    const d = repos.departments.findById(id);
    if (!d) throw new AppError('NOT_FOUND', `department ${id} not found`);
    departments.set(id, { id: d.id, name: d.name, shortName: d.shortName, kind: d.kind });
  };
  addDepartment(person.departmentId);

  const files: FileData[] = [];
  const baselines: Collected['baselines'] = [];
  const blobs: Collected['blobs'] = [];
  const versionIds = new Set<string>();
  const caseTypes = new Set<string>();
  for (const a of assignments) {
    const k = repos.cases.get(a.caseId);
    if (!k) throw new AppError('NOT_FOUND', `case ${a.caseId} not found`);
    const sheet = repos.scoring
      .ofFile(campaignId, a.caseId)
      .find((s) => s.kind === 'evaluator' && s.personId === personId);
    if (!sheet) throw new AppError('NOT_FOUND', `no sheet of ${personId} for ${a.caseId}`);
    addDepartment(k.departmentId);
    caseTypes.add(k.caseType);
    versionIds.add(sheet.templateVersionId);
    const attachments = repos.attachments.forCase(k.id);
    for (const at of attachments) {
      blobs.push({ sha256: at.sha256, caseNo: k.caseNo, fileName: at.fileName });
    }
    baselines.push({
      sheetId: sheet.id,
      caseId: k.id,
      baseSeq: repos.packages.lastVersionSeq(sheet.id),
    });
    files.push({
      position: a.position,
      assignmentId: a.id,
      case: {
        id: k.id,
        caseNo: k.caseNo,
        caseNoRaw: k.caseNoRaw,
        year: k.year,
        filingNo: k.filingNo,
        caseType: k.caseType,
        procedure: k.procedure,
        cause: k.cause,
        partyName: k.partyName,
        partyType: k.partyType,
        partyCode: k.partyCode,
        departmentId: k.departmentId,
        handlers: k.handlers,
        handlerCertNos: k.handlerCertNos,
        filedOn: k.filedOn,
        decidedOn: k.decidedOn,
        closedOn: k.closedOn,
        penaltyKinds: k.penaltyKinds,
        amountFen: k.amountFen,
        legalBasis: k.legalBasis,
        status: k.status,
        pageCount: k.pageCount,
        caseUid: k.caseUid,
        notes: k.notes,
      },
      attachments: attachments.map((at) => ({
        id: at.id,
        sha256: at.sha256,
        fileName: at.fileName,
        mime: at.mime,
        size: at.size,
        addedAt: at.addedAt,
      })),
      sheet: {
        id: sheet.id,
        templateVersionId: sheet.templateVersionId,
        status: sheet.status as FileData['sheet']['status'],
        revision: sheet.revision,
        content: sheet.content,
        savedAt: sheet.savedAt,
        submittedAt: sheet.submittedAt,
        returnedReason: sheet.returnedReason,
        createdAt: sheet.createdAt,
      },
    });
  }
  const templates: TemplateData[] = [...versionIds].map((id) => {
    const v = repos.standards.version(id);
    if (!v || v.status !== 'published' || v.version === null) {
      throw new AppError('NOT_FOUND', `published template version ${id} not found`);
    }
    const t = repos.standards.template(v.templateId);
    return {
      templateId: v.templateId,
      templateName: t?.name ?? '',
      versionId: v.id,
      version: v.version,
      content: v.content,
      contentSha256: v.contentSha256,
      publishedAt: v.publishedAt ?? v.updatedAt,
    };
  });
  // Only the template versions of this evaluator's files: other case types are not theirs.
  const pinned = Object.fromEntries(
    Object.entries(settings.templates).filter(
      ([type, id]) => caseTypes.has(type) && versionIds.has(id),
    ),
  );
  const departmentName = (id: string) => departments.get(id)?.name ?? '';
  return {
    manifestBase: {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      kind: 'task',
      coordinator: {
        workspaceId: '',
        orgName: repos.settings.get(SETTING_ORG_NAME) ?? c.organiser,
        publicKey: '',
        issuedBy: '',
      },
      campaign: { id: c.id, name: c.name, year: c.year },
      evaluator: {
        personId: person.id,
        name: person.name,
        departmentName: person.departmentName,
        userId: account.id,
        username: account.username,
      },
      files: files.map((f) => ({
        caseId: f.case.id,
        caseNo: f.case.caseNo,
        caseTypeName: typeNames.get(f.case.caseType)?.name ?? f.case.caseType,
        departmentName: departmentName(f.case.departmentId),
        attachments: f.attachments.length,
      })),
    },
    campaign: {
      campaign: {
        id: c.id,
        name: c.name,
        year: c.year,
        organiser: c.organiser,
        status: c.status,
        settings: { ...settings, templates: pinned },
      },
      person: {
        id: person.id,
        name: person.name,
        departmentId: person.departmentId,
        position: person.position,
        legalOfficer: person.legalOfficer,
      },
      account: { userId: account.id, username: account.username, displayName: account.displayName },
      departments: [...departments.values()],
      caseTypes: [...caseTypes].map((code) => {
        const t = typeNames.get(code);
        return { code, name: t?.name ?? code, synonyms: t?.synonyms ?? [] };
      }),
    },
    templates,
    files,
    baselines,
    blobs,
  };
}

export interface IssuedPackage {
  packageId: string;
  personId: string;
  personName: string;
  fileName: string;
  bytes: Uint8Array;
  issuedAt: string;
  validUntil: string;
}

export interface IssueOptions {
  campaignId: string;
  personId: string;
  validUntil: string;
  user: SessionUser;
  call: Progress;
}

/**
 * Builds, signs and records one task package. Reads happen in one synchronous pass; the scans are
 * read after it (with progress); the issue is recorded, the evaluator's earlier packages of the
 * campaign superseded and the audit entry written in one transaction at the end.
 */
export async function issueTaskPackage(
  app: AppContext,
  opts: IssueOptions,
): Promise<IssuedPackage> {
  const built = await buildTaskPackage(app, opts);
  app.tx(built.record);
  return built.package;
}

/** A signed package and the writes that record its issue (to run inside a transaction). */
export async function buildTaskPackage(
  app: AppContext,
  opts: IssueOptions,
): Promise<{ package: IssuedPackage; record: () => void }> {
  const { repos } = app;
  const { call } = opts;
  call.progress('collect', 0, null);
  const data = collect(app, opts.campaignId, opts.personId);
  const blobs = new BlobStore(app.dataDir);
  const entries: PackEntry[] = [
    jsonEntry(ENTRY_CAMPAIGN, data.campaign),
    jsonEntry(ENTRY_TEMPLATES, data.templates),
    jsonEntry(ENTRY_FILES, data.files),
  ];
  const listed = entries.map((e) => entryOf(e));
  const unique = [...new Map(data.blobs.map((b) => [b.sha256, b])).values()];
  for (let i = 0; i < unique.length; i++) {
    const b = unique[i]!;
    if (i % 8 === 0) {
      call.progress('attachments', i, unique.length);
      await yieldNow();
      if (call.signal.aborted) throw cancelled();
    }
    let bytes: Uint8Array;
    try {
      bytes = blobs.get(b.sha256); // re-hashed on read: a damaged scan is not packed
    } catch {
      throw refusal(
        { key: 'errors.packageAttachmentMissing', params: { caseNo: b.caseNo, file: b.fileName } },
        'CONFLICT',
      );
    }
    const e: PackEntry = { name: attachmentEntry(b.sha256), data: bytes, store: true };
    entries.push(e);
    listed.push(entryOf(e, b.sha256));
  }
  call.progress('attachments', unique.length, unique.length);
  if (call.signal.aborted) throw cancelled();

  call.progress('sign', 0, 1);
  const signer = workspaceSigner(repos);
  const packageId = app.newId();
  const issuedAt = app.now().toISOString();
  const secret = randomBytes(SECRET_BYTES).toString('base64');
  const manifest: TaskManifest = {
    ...data.manifestBase,
    coordinator: {
      ...data.manifestBase.coordinator,
      workspaceId: signer.workspaceId,
      publicKey: signer.publicKey,
      issuedBy: opts.user.displayName,
    },
    packageId,
    issuedAt,
    validUntil: opts.validUntil,
    secret,
    entries: listed,
  };
  const manifestBytes = canonicalBytes(manifest);
  const signature = Buffer.from(signer.sign(manifestBytes)).toString('base64');
  const bytes = packArchive(
    manifestBytes,
    { name: ENTRY_SIGNATURE, data: new TextEncoder().encode(signature) },
    entries,
  );
  call.progress('sign', 1, 1);

  const record = () => {
    repos.packages.insertIssued({
      id: packageId,
      campaignId: opts.campaignId,
      personId: opts.personId,
      secret,
      manifestSha256: sha256(manifestBytes),
      issuedBy: opts.user.id,
      issuedAt,
      validUntil: opts.validUntil,
    });
    const superseded = repos.packages.supersede(
      opts.campaignId,
      opts.personId,
      packageId,
      issuedAt,
    );
    for (const b of data.baselines) repos.packages.addIssuedSheet({ packageId, ...b });
    app.audit(
      opts.user,
      'package.issued',
      { type: 'package', id: packageId },
      {
        campaignId: opts.campaignId,
        personId: opts.personId,
        evaluator: manifest.evaluator.name,
        files: data.files.map((f) => f.case.caseNo),
        attachments: unique.length,
        validUntil: opts.validUntil,
        superseded,
        manifestSha256: sha256(manifestBytes),
        bytes: bytes.length,
      },
    );
  };
  const locale = opts.user.locale ?? DEFAULT_LOCALE;
  const issued: IssuedPackage = {
    packageId,
    personId: opts.personId,
    personName: manifest.evaluator.name,
    fileName: `${safeFileName(
      translate(locale, 'packages.fileName.task', {
        campaign: manifest.campaign.name,
        name: manifest.evaluator.name,
      }),
    )}.zip`,
    bytes,
    issuedAt,
    validUntil: opts.validUntil,
  };
  return { package: issued, record };
}

/** Bytes of the scans a package for this evaluator would carry (to refuse an oversized export early). */
export function scanBytesOf(app: AppContext, campaignId: string, personId: string): number {
  const seen = new Map<string, number>();
  for (const a of app.repos.packages.assignmentsOf(campaignId, personId)) {
    for (const at of app.repos.attachments.forCase(a.caseId)) seen.set(at.sha256, at.size);
  }
  return [...seen.values()].reduce((x, y) => x + y, 0);
}

export interface ReadTaskPackage {
  manifest: TaskManifest;
  manifestBytes: Uint8Array;
  signature: string;
  zip: ZipReader;
  campaign: CampaignData;
  templates: TemplateData[];
  files: FileData[];
}

/**
 * A task package checked in full: ZIP, canonical manifest, Ed25519 signature by the key the
 * manifest names, every entry's digest, the data entries' shapes and their agreement with the
 * manifest. Validity (the date) is checked by the caller, who knows what to do with it.
 */
export function readTaskPackage(bytes: Uint8Array): ReadTaskPackage {
  const opened = openPackage(bytes);
  expectKind(opened, 'task');
  const manifest = parseManifest(opened, TaskManifestSchema);
  const { zip } = opened;
  if (!zip.has(ENTRY_SIGNATURE)) throw refusal({ key: 'errors.packageSignatureMissing' });
  const signature = readAuthenticator(zip, ENTRY_SIGNATURE);
  const signatureBytes = /^[A-Za-z0-9+/]+={0,2}$/.test(signature)
    ? Buffer.from(signature, 'base64')
    : Buffer.alloc(0);
  if (
    signatureBytes.length !== 64 ||
    !verifyEd25519(manifest.coordinator.publicKey, opened.manifestBytes, signatureBytes)
  ) {
    throw refusal({ key: 'errors.packageSignatureInvalid' });
  }
  checkArchive(zip, manifest.entries, [ENTRY_SIGNATURE]);
  const campaign = parseEntry(zip, ENTRY_CAMPAIGN, CampaignDataSchema);
  const templates = parseEntry(zip, ENTRY_TEMPLATES, TemplatesDataSchema);
  const files = parseEntry(zip, ENTRY_FILES, FilesDataSchema);
  const invalid = (entry: string) =>
    refusal({ key: 'errors.packageDataInvalid', params: { entry } });
  if (
    campaign.campaign.id !== manifest.campaign.id ||
    campaign.person.id !== manifest.evaluator.personId ||
    campaign.account.userId !== manifest.evaluator.userId
  ) {
    throw invalid(ENTRY_CAMPAIGN);
  }
  const versionIds = new Set(templates.map((t) => t.versionId));
  for (const t of templates) {
    if (sha256(new TextEncoder().encode(t.content)) !== t.contentSha256)
      throw invalid(ENTRY_TEMPLATES);
  }
  const listedCases = manifest.files.map((f) => f.caseId).join('\n');
  if (files.map((f) => f.case.id).join('\n') !== listedCases) throw invalid(ENTRY_FILES);
  const departments = new Set(campaign.departments.map((d) => d.id));
  const types = new Set(campaign.caseTypes.map((t) => t.code));
  // A scan's entry is named by its SHA-256, and the manifest's digest of it must be that name.
  for (const e of manifest.entries) {
    if (e.name.startsWith(ATTACHMENT_PREFIX) && e.name !== attachmentEntry(e.sha256)) {
      throw invalid(ENTRY_FILES);
    }
  }
  const blobNames = new Set(manifest.entries.map((e) => e.name));
  for (const f of files) {
    if (
      !versionIds.has(f.sheet.templateVersionId) ||
      !departments.has(f.case.departmentId) ||
      !types.has(f.case.caseType) ||
      f.attachments.some((a) => !blobNames.has(attachmentEntry(a.sha256)))
    ) {
      throw invalid(ENTRY_FILES);
    }
  }
  return {
    manifest,
    manifestBytes: opened.manifestBytes,
    signature,
    zip,
    campaign,
    templates,
    files,
  };
}

export function expiredProblem(validUntil: string, now: Date): Problem | null {
  return isExpired(validUntil, now)
    ? { key: 'errors.packageExpired', params: { validUntil } }
    : null;
}
