// The signed audit-log export (format: core/audit/export-format.ts). Signed with the workspace's
// Ed25519 key (electron/services/packages/identity.ts, made by migration 0007), the key whose
// fingerprint the settings screen shows and the task packages carry.
import { verifyEd25519, workspaceSigner } from '../packages/identity';
import type { SessionUser } from '../../../core/accounts/schemas';
import type { AuditFilter } from '../../../core/api/methods/audit';
import {
  auditExportBody,
  auditExportSignatureLine,
  AUDIT_EXPORT_FORMAT,
  AUDIT_EXPORT_VERSION,
  type AuditExportHeader,
  type ExportCrypto,
} from '../../../core/audit/export-format';
import type { AuditFilter as DbAuditFilter } from '../../../db/repos/audit';
import type { AppContext } from '../context';
import { SETTING_ORG_NAME } from '../settings-keys';

/** The API's filter in the repository's terms. */
export function dbFilter(f: AuditFilter | undefined): DbAuditFilter {
  if (!f) return {};
  return {
    fromAt: f.from,
    toAt: f.to,
    fromSeq: f.fromSeq,
    toSeq: f.toSeq,
    actorId: f.actorId,
    actions: f.actions,
    entityType: f.entityType,
    entityId: f.entityId,
    text: f.text || undefined,
  };
}

/** The filter as the header records it: only the parts given; null when nothing was. */
function givenParts(f: AuditFilter | undefined): Record<string, unknown> | null {
  if (!f) return null;
  const parts = Object.fromEntries(
    Object.entries(f).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length),
    ),
  );
  return Object.keys(parts).length ? parts : null;
}

/** Node's Ed25519 for the verifier (the standalone script does the same with node:crypto). */
export const nodeExportCrypto: ExportCrypto = {
  verify: (publicKey, data, signatureBase64) =>
    verifyEd25519(publicKey, data, new Uint8Array(Buffer.from(signatureBase64, 'base64'))),
};

export interface AuditExport {
  text: string;
  count: number;
  keyFingerprint: string;
}

/**
 * Records the export in the log first (a complete export then contains its own entry), reads the
 * entries, the head and the chain's state in one synchronous stretch (one consistent view), and
 * signs header and entries.
 */
export function buildAuditExport(
  app: AppContext,
  user: Pick<SessionUser, 'id' | 'displayName'>,
  filter: AuditFilter | undefined,
): AuditExport {
  const signer = workspaceSigner(app.repos);
  const given = givenParts(filter);
  app.tx(() => app.audit(user, 'audit.exported', null, { filter: given }));
  const rows = app.repos.audit.matching(dbFilter(filter));
  const head = app.repos.audit.head();
  const chain = app.repos.audit.verify();
  const header: AuditExportHeader = {
    type: 'header',
    format: AUDIT_EXPORT_FORMAT,
    version: AUDIT_EXPORT_VERSION,
    workspaceId: signer.workspaceId,
    orgName: app.repos.settings.get(SETTING_ORG_NAME),
    exportedAt: app.now().toISOString(),
    exportedBy: { id: user.id, name: user.displayName },
    filter: given,
    complete: given === null,
    count: rows.length,
    firstSeq: rows[0]?.seq ?? null,
    lastSeq: rows[rows.length - 1]?.seq ?? null,
    head: { seq: head.seq, hash: head.hash },
    chain: { ok: chain.ok, firstBrokenSeq: chain.firstBrokenSeq },
    algorithm: 'Ed25519',
    publicKey: signer.publicKey,
    keyFingerprint: signer.fingerprint,
  };
  const body = auditExportBody(header, rows);
  const signature = signer.sign(Buffer.from(body, 'utf8'));
  const text = body + auditExportSignatureLine(Buffer.from(signature).toString('base64'));
  return { text, count: rows.length, keyFingerprint: signer.fingerprint };
}
